// The idea board's model: ranking with shared ranks, limits, and its exports as text.
import { describe, expect, it } from 'vitest'
import { exportJson, importJson, validate } from '../kit/board'
import { ideaVote, packPages, rankIdeas, topOfRanking } from './model'
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

  it('says which ideas are tied (1, 1, 3), and never splits a tie at the top', () => {
    const ranked = rankIdeas([
      { id: 'a', text: 'A', by: '', votes: 4 },
      { id: 'b', text: 'B', by: '', votes: 4 },
      { id: 'c', text: 'C', by: '', votes: 2 },
      { id: 'd', text: 'D', by: '', votes: 1 },
      { id: 'e', text: 'E', by: '', votes: 1 },
    ])
    expect(ranked.map(i => [i.rank, i.tied])).toEqual([[1, true], [1, true], [3, false], [4, true], [4, true]])
    expect(topOfRanking(ranked, 4).map(i => i.id)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(topOfRanking(ranked, 3).map(i => i.id)).toEqual(['a', 'b', 'c'])
    expect(topOfRanking(ranked, 4, 0).map(i => i.id)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('packs cards into pages of columns, in order, none dropped', () => {
    // columns 100 high, gap 10: 40+10+40 fits, a third does not
    expect(packPages([40, 40, 40, 40, 40, 40, 40], 100, 2, 10)).toEqual([[[0, 1], [2, 3]], [[4, 5], [6]]])
    expect(packPages([150, 20], 100, 2, 10)).toEqual([[[0], [1]]])
    expect(packPages([], 100, 2)).toEqual([])
    const many = packPages(Array.from({ length: 90 }, (_, i) => 30 + (i % 4) * 25), 380, 2, 8)
    expect(many.flat(2)).toEqual(Array.from({ length: 90 }, (_, i) => i))
    for (const column of many.flat(1))
      expect(column.reduce((h, i) => h + 30 + (i % 4) * 25, 0) + 8 * (column.length - 1)).toBeLessThanOrEqual(380)
  })

  it('names the senders of merged duplicates and marks ties in Markdown, counts in good English', () => {
    const md = ideaVote.toMarkdown({ votesPerPerson: 3, ideas: [
      { id: 'a', text: 'Forum', by: 'Ana', also: 'Bo, Cy', votes: 1 },
      { id: 'b', text: 'Chat', by: '', votes: 1 },
    ] })
    expect(md).toContain('2 ideas, 2 votes')
    expect(md).toContain('| 1 (tied) | Forum | Ana, Bo, Cy | 1 |')
    expect(ideaVote.toMarkdown({ votesPerPerson: 3, ideas: [{ id: 'a', text: 'Forum', by: '', votes: 1 }] })).toContain('1 idea, 1 vote;')
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
