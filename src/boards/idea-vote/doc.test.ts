// The idea board's live document read as an ordinary board: the tab shares the server's document
// (the live sync provider), and the core's reader gives each idea its sender's name and its votes
// (one per person and idea, kept beside the ideas), in the order they came; the board's merge,
// through the core's, moves the votes, so they add up.
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { exportJson, initBoardDoc, metaMap, readBoard } from '../../board-doc'
import type { Contributor } from '../../live/boards'
import { liveBoard } from '../../live/adapters'
import { initIdeaDoc } from './doc'
import { ideaVote } from './model'

const ideaVoteLive = liveBoard('idea-vote')!
let clock = 1_700_000_000_000
// (each test's room starts the clock again)
const who = (participantId: string): Contributor => ({ participantId, name: `Qz ${participantId}`, moderation: 'open', maxEntries: 5, maxRows: 100, now: clock++ })

function room() {
  clock = 1_700_000_000_000
  const doc = new Y.Doc()
  doc.transact(() => ideaVoteLive.init!(doc))
  // The tab's own start on the same document changes nothing of the server's.
  expect(initBoardDoc(doc, ideaVote).state).toBe('ready')
  // As the server applies a phone's operation: in one transaction.
  const send = (p: string, op: any) => doc.transact(() => expect(ideaVoteLive.apply(doc, op, who(p))).toBeUndefined())
  const vote = (p: string, idea: string) => send(p, { op: 'add', list: 'votes', row: { id: `${p}-${idea}`, idea } })
  send('ana', { op: 'add', list: 'ideas', row: { id: 'i-z', text: 'Qz a newsletter' } })
  send('bob', { op: 'add', list: 'ideas', row: { id: 'i-a', text: 'Qz a meetup' } })
  send('cy', { op: 'add', list: 'ideas', row: { id: 'i-m', text: 'Qz monthly meetups' } })
  for (const p of ['ana', 'bob', 'cy'])
    vote(p, 'i-a')
  vote('ana', 'i-m')
  vote('dee', 'i-m')
  return doc
}

it('reads the votes and the senders into the board, ideas in the order they came', () => {
  const doc = room()
  const { data, issues } = readBoard(doc, ideaVote)
  expect(issues).toEqual([])
  expect(data.ideas.map(i => [i.id, i.by, i.votes])).toEqual([['i-z', 'Qz ana', 0], ['i-a', 'Qz bob', 3], ['i-m', 'Qz cy', 2]])
  expect(data.ideas[0].at).toBe(new Date(1_700_000_000_000).toISOString())
  // What a session's export holds: the server's results are the same reader's.
  expect(ideaVoteLive.results(doc)).toEqual(data)
  expect(JSON.parse(exportJson(ideaVote, 'ideas', data)).data.ideas[1]).toMatchObject({ id: 'i-a', votes: 3 })
})

it('a merge through the board\'s own merge adds the votes up, a person\'s two votes counted once, and is undone in one', () => {
  const doc = room()
  const undo = ideaVote.mergeRows!(doc, 'ideas', 'i-a', ['i-m'])
  const merged = readBoard(doc, ideaVote).data
  // ana voted for both: one vote stays on the idea kept; dee's moves to it.
  expect(merged.ideas.map(i => [i.id, i.votes, i.also ?? ''])).toEqual([['i-z', 0, ''], ['i-a', 4, 'Qz cy']])
  undo()
  expect(readBoard(doc, ideaVote).data.ideas.map(i => [i.id, i.votes])).toEqual([['i-z', 0], ['i-a', 3], ['i-m', 2]])
})

it('leaves a board filled by hand as it was read', () => {
  const doc = new Y.Doc()
  initBoardDoc(doc, ideaVote)
  const { votes, ...before } = readBoard(doc, { ...ideaVote, read: undefined }).data
  expect(votes).toEqual([])
  expect(readBoard(doc, ideaVote).data).toEqual(before)
})

it('moves the votes of a document stored before they were a list, once and deterministically, and they still count', () => {
  // The layout of the kit before: schema 2, the votes in the top-level map `votes`.
  const stored = new Y.Doc()
  stored.transact(() => {
    setMeta(stored)
    const ideas = stored.getMap<Y.Map<unknown>>('rows:ideas')
    for (const [id, author] of [['i-a', 'ana'], ['i-b', 'bob']]) {
      const row = new Y.Map<unknown>()
      ideas.set(id, row)
      for (const [k, v] of Object.entries({ id, text: `Qz ${id}`, _author: author, _name: author, _status: 'visible', _at: 1 }))
        row.set(k, v)
    }
    const old = stored.getMap<Y.Map<unknown>>('votes')
    for (const [voter, idea] of [['ana', 'i-b'], ['bob', 'i-b'], ['cy', 'i-a']]) {
      const vote = new Y.Map<unknown>()
      old.set(`${voter}~${idea}`, vote)
      vote.set('idea', idea)
      vote.set('_author', voter)
      vote.set('_at', 2)
    }
  })
  const update = Y.encodeStateAsUpdate(stored)
  // Two server instances load it and move it at once: the same rows.
  const [one, two] = [new Y.Doc(), new Y.Doc()]
  for (const doc of [one, two]) {
    Y.applyUpdate(doc, update)
    doc.transact(() => expect(initIdeaDoc(doc)).toBe(true))
  }
  Y.applyUpdate(one, Y.encodeStateAsUpdate(two))
  Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
  for (const doc of [one, two]) {
    expect(doc.getMap('votes').size).toBe(0)
    expect(Object.keys(doc.getMap('rows:votes').toJSON()).sort()).toEqual(['ana~i-b', 'bob~i-b', 'cy~i-a'])
    expect(readBoard(doc, ideaVote).data.ideas.map(i => [i.id, i.votes])).toEqual([['i-a', 1], ['i-b', 2]])
  }
  // Loaded again: nothing changes.
  const before = Y.encodeStateVector(one)
  one.transact(() => expect(initIdeaDoc(one)).toBe(true))
  expect(Y.encodeStateVector(one)).toEqual(before)
  // The live side counts them too: a phone's votes left.
  expect(ideaVoteLive.mine(one, 'ana')).toMatchObject({ lists: { votes: [{ id: 'ana~i-b', row: { idea: 'i-b' } }] }, left: { votes: 2 } })
})

function setMeta(doc: Y.Doc) {
  const meta = metaMap(doc)
  meta.set('kind', ideaVote.kind)
  meta.set('schema', 2)
  meta.set('version', ideaVote.version)
}
