// The idea board live, on the generic adapter (src/live/list-board.ts) with its phone form's
// rules (src/boards/kit/phone.ts): a budget of votes read from the board's `votesPerPerson`, a
// ranked page of the most voted ideas, and an idea's votes withdrawn with it. The same rules on
// room questions: a withdrawn question takes its upvotes with it.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { liveBoardRoom } from '../../../test/support/live-board-room'
import type { Contributor } from '../../live/boards'
import { readPublicBoard } from '../../live/join/read'
import { PHONE_PAGE, topRanked } from '../../live/list-board'
import type { BoardMine } from '../../live/protocol'

let clock = 1_700_000_000_000
const who = (participantId: string, moderation: 'open' | 'queue' = 'open'): Contributor => ({ participantId, name: `Qz ${participantId}`, moderation, maxEntries: 500, maxRows: 5000, now: clock++, language: 'en' })

function room(kind = 'idea-vote') {
  const { adapter, doc, out, apply } = liveBoardRoom(kind)
  const idea = (p: string, id: string, text = `Qz idea ${id}`) => expect(apply({ op: 'add', list: 'ideas', row: { id, text } }, who(p))).toBeUndefined()
  const vote = (p: string, idea: string, id = `${p}-${idea}`) => apply({ op: 'add', list: 'votes', row: { id, idea } }, who(p))
  const mine = (p: string) => adapter.mine(doc, p) as BoardMine
  const project = () => out.transact(() => adapter.project(doc, out, 'en'))
  return { adapter, doc, out, apply, idea, vote, mine, project }
}

describe('a budget: at most N entries a participant, N the board\'s value', () => {
  it('refuses a vote past votesPerPerson in the board\'s words, gives back a vote for a hidden idea, and tells the phone what is left', () => {
    const { doc, idea, vote, mine, apply } = room()
    for (const id of ['a', 'b', 'c', 'd'])
      idea('ana', id)
    // Unset: the schema's default, 3.
    expect(mine('bo').left).toEqual({ votes: 3 })
    for (const id of ['a', 'b', 'c'])
      expect(vote('bo', id)).toBeUndefined()
    expect(vote('bo', 'd')).toEqual({ code: 'limit', error: 'You have used all your {n} votes. Take one back to vote for another idea.', params: { n: 3 } })
    expect(mine('bo').left).toEqual({ votes: 0 })
    // The facilitator gives two votes each: the value is read where it is, at each vote.
    doc.getMap('fields').set('votesPerPerson', 2)
    expect(vote('cy', 'a')).toBeUndefined()
    expect(vote('cy', 'b')).toBeUndefined()
    expect(vote('cy', 'c')).toMatchObject({ code: 'limit', params: { n: 2 } })
    // Out of range: the default again.
    doc.getMap('fields').set('votesPerPerson', 99)
    expect(mine('cy').left).toEqual({ votes: 1 })
    doc.getMap('fields').set('votesPerPerson', 2)
    // A vote for an idea the facilitator hid is given back.
    doc.getMap<Y.Map<unknown>>('rows:ideas').get('a')!.set('_status', 'hidden')
    expect(mine('cy').left).toEqual({ votes: 1 })
    expect(vote('cy', 'c')).toBeUndefined()
    // The same vote sent again is one vote; another for the same idea is refused; one for a hidden idea too.
    expect(vote('cy', 'c')).toBeUndefined()
    expect(vote('cy', 'c', 'cy-again')).toMatchObject({ code: 'limit', error: 'You have already done this once.' })
    expect(vote('dee', 'a')).toEqual({ code: 'gone', error: 'This idea is no longer on the board.' })
    // Taken back: one more to spend. A vote is not the entries one may add (maxEntries).
    expect(apply({ op: 'withdraw', list: 'votes', id: 'cy-c' }, who('cy'))).toBeUndefined()
    expect(mine('cy').left).toEqual({ votes: 1 })
  })

  it('counts no vote as an entry: never queued, never projected as a row, named by no one', () => {
    const { doc, out, idea, apply, project } = room()
    idea('ana', 'a')
    expect(apply({ op: 'add', list: 'votes', row: { id: 'v1', idea: 'a' } }, who('bo', 'queue'))).toBeUndefined()
    const row = doc.getMap<Y.Map<unknown>>('rows:votes').get('v1')!
    expect(row.toJSON()).toEqual({ id: 'v1', idea: 'a', _author: 'bo', _at: expect.any(Number), _order: 0 })
    project()
    expect(out.getMap('rows:votes').size).toBe(0)
    expect(readPublicBoard(out).rows.ideas).toEqual([expect.objectContaining({ id: 'a', count: 1, by: 'Qz ana' })])
  })
})

describe('a ranked page: phones get the most voted', () => {
  it('with more ideas than a page: the top PHONE_PAGE by votes (then the earliest), counted, kept up to date from what changed', () => {
    const { doc, out, idea, vote, apply, project } = room()
    const N = PHONE_PAGE + 50
    const id = (i: number) => `i${String(i).padStart(4, '0')}`
    for (let i = 0; i < N; i++)
      idea(`p${i % 7}`, id(i))
    project()
    const page = () => readPublicBoard(out).rows.ideas
    // No votes yet: the earliest given.
    expect(page().map(r => r.id).sort()).toEqual(Array.from({ length: PHONE_PAGE }, (_, i) => id(i)))
    expect(JSON.parse(String(out.getMap('meta').get('totals')))).toMatchObject({ ideas: N })
    // Votes for the last ideas given bring them in; one falls out for each, the latest of those without votes.
    for (let i = N - 3; i < N; i++)
      expect(vote(`voter-${i}`, id(i))).toBeUndefined()
    expect(vote('voter-x', id(N - 1))).toBeUndefined()
    project()
    expect(page()).toHaveLength(PHONE_PAGE)
    const counts = new Map(page().map(r => [r.id, r.count]))
    expect(counts.get(id(N - 1))).toBe(2)
    expect(counts.get(id(N - 2))).toBe(1)
    expect(counts.get(id(N - 3))).toBe(1)
    expect([...counts.keys()].filter(k => k >= id(PHONE_PAGE - 3) && k < id(N - 3))).toEqual([])
    // What changes on the board itself reaches the page: an idea the facilitator edits, one they hide.
    const rows = doc.getMap<Y.Map<unknown>>('rows:ideas')
    rows.get(id(5))!.set('text', 'Qz edited by the facilitator')
    rows.get(id(N - 2))!.set('_status', 'hidden')
    project()
    expect(page().find(r => r.id === id(5))?.fields.text).toBe('Qz edited by the facilitator')
    expect(page().map(r => r.id)).not.toContain(id(N - 2))
    expect(page().map(r => r.id)).toContain(id(PHONE_PAGE - 3))
    rows.get(id(N - 2))!.set('_status', 'visible')
    // Withdrawn by its author: it leaves the page, and the earliest idea left out comes in.
    expect(apply({ op: 'withdraw', list: 'ideas', id: id(N - 1) }, who(`p${(N - 1) % 7}`))).toBeUndefined()
    project()
    expect(page().map(r => r.id)).not.toContain(id(N - 1))
    expect(page().map(r => r.id)).toContain(id(PHONE_PAGE - 3))
    expect(JSON.parse(String(out.getMap('meta').get('totals')))).toMatchObject({ ideas: N - 1 })
  })

  it('topRanked finds what a full sort finds, in one pass', () => {
    const scores = new Map<string, { count: number, at: number }>()
    let seed = 7
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let i = 0; i < 2000; i++)
      scores.set(`r${i}`, { count: Math.floor(rnd() * 6), at: Math.floor(rnd() * 300) })
    const sorted = [...scores].sort(([a, x], [b, y]) => y.count - x.count || x.at - y.at || (a < b ? -1 : 1)).slice(0, PHONE_PAGE).map(([k]) => k)
    expect([...topRanked(scores, PHONE_PAGE)].sort()).toEqual(sorted.sort())
  })
})

describe('withdrawing a row takes the entries that name it with it', () => {
  it('an idea\'s votes: gone from the board, given back to the voters', () => {
    const { doc, out, idea, vote, mine, apply, project } = room()
    idea('ana', 'a')
    idea('ana', 'b')
    for (const p of ['bo', 'cy'])
      expect(vote(p, 'a')).toBeUndefined()
    expect(vote('bo', 'b')).toBeUndefined()
    expect(apply({ op: 'withdraw', list: 'ideas', id: 'a' }, who('bo'))).toEqual({ code: 'not-yours', error: 'You can change only your own ideas.' })
    expect(apply({ op: 'withdraw', list: 'ideas', id: 'a' }, who('ana'))).toBeUndefined()
    expect(Object.keys(doc.getMap('rows:votes').toJSON())).toEqual(['bo-b'])
    expect(mine('cy')).toMatchObject({ lists: { votes: [] }, left: { votes: 3 } })
    project()
    expect(readPublicBoard(out).rows.ideas.map(r => [r.id, r.count])).toEqual([['b', 1]])
  })

  it('a question\'s upvotes, on the room\'s questions: the same rule', () => {
    const { doc, apply } = room('room-questions')
    expect(apply({ op: 'add', list: 'questions', row: { id: 'q1', text: 'Why?' } }, who('ana'))).toBeUndefined()
    expect(apply({ op: 'add', list: 'questions', row: { id: 'q2', text: 'How?' } }, who('ana'))).toBeUndefined()
    expect(apply({ op: 'add', list: 'upvotes', row: { id: 'u1', question: 'q1' } }, who('bo'))).toBeUndefined()
    expect(apply({ op: 'add', list: 'upvotes', row: { id: 'u2', question: 'q2' } }, who('bo'))).toBeUndefined()
    expect(apply({ op: 'withdraw', list: 'questions', id: 'q1' }, who('ana'))).toBeUndefined()
    expect(Object.keys(doc.getMap('rows:upvotes').toJSON())).toEqual(['u2'])
  })
})
