// The idea board's model: ranking with shared ranks, limits, and its exports as text.
import { describe, expect, it } from 'vitest'
import { exportJson, importJson, validate } from '../kit/board'
import { ideaVote, rankIdeas } from './model'
import { boardByKind } from '../index'
import { renderWorksheet } from '../../handouts/worksheets'

const ideas = [
  { id: 'a', text: 'Forum', by: '', votes: 2 },
  { id: 'b', text: 'Meetup', by: 'Ana', votes: 5 },
  { id: 'c', text: 'Newsletter', by: '', votes: 2 },
  { id: 'd', text: 'Podcast', by: '', votes: 0 },
]

describe('collect ideas and vote (model)', () => {
  it('ranks by votes; ties share a rank and keep their order', () => {
    expect(rankIdeas(ideas).map(i => [i.text, i.rank])).toEqual([['Meetup', 1], ['Forum', 2], ['Newsletter', 2], ['Podcast', 4]])
  })

  it('refuses empty or too long ideas and impossible vote counts', () => {
    expect(validate(ideaVote, { votesPerPerson: 3, ideas: [{ id: 'x', text: ' ', by: '', votes: 0 }] }).ok).toBe(false)
    expect(validate(ideaVote, { votesPerPerson: 3, ideas: [{ id: 'x', text: 'x'.repeat(141), by: '', votes: 0 }] }).ok).toBe(false)
    expect(validate(ideaVote, { votesPerPerson: 11, ideas: [] }).ok).toBe(false)
    expect(validate(ideaVote, { votesPerPerson: 3, ideas: [{ id: 'x', text: 'ok', by: '', votes: -1 }] }).ok).toBe(false)
  })

  it('exports JSON that imports back, Markdown and CSV that keep participant text as text', () => {
    const data = { votesPerPerson: 3, ideas: [...ideas, { id: 'e', text: '<script>x</script>', by: '=HYPERLINK()', votes: 1 }] }
    expect(importJson(ideaVote, exportJson(ideaVote, 'idea-vote', data))).toEqual({ ok: true, data })
    const md = ideaVote.toMarkdown(data)
    expect(md).toContain('| 1 | Meetup | Ana | 5 |')
    expect(md).not.toContain('<script>')
    const csv = ideaVote.toCsv(data)
    expect(csv.split('\r\n')[0]).toBe('Rank,Idea,By,Votes')
    expect(csv).toContain('\'=HYPERLINK()')
  })

  it('is one of the kit\'s boards, so its results fill worksheets', () => {
    expect(boardByKind('idea-vote')?.component).toBe('IdeaVote')
    const html = renderWorksheet({ boardId: 'm2-choose', kind: ideaVote.kind, data: { votesPerPerson: 3, ideas: [{ id: 'x', text: '<script>x</script> Meetup', by: '', votes: 4 }] }, moduleName: 'Module 2', exerciseTitle: 'Choose' })
    expect(html).toContain('Meetup')
    expect(html).not.toContain('<script>x')
  })
})
