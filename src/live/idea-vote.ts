// The idea board live: participants add, edit and withdraw their own ideas and spend their
// votes (one per idea, `votesPerPerson` in all) on visible ideas.
//
// board/<id>:  meta {kind, schema, locked, moderation, votesPerPerson}
//              ideas  id -> {id, text, _author, _name, _status, _at}
//              votes  <author>~<idea> -> {idea, _author, _at}   (a vote's key makes it idempotent)
// public/<id>: meta {kind, schema, locked, votesPerPerson}
//              ideas  id -> {id, text, by, votes}   (visible ideas only; votes counted)
import { z } from 'zod'
import * as Y from 'yjs'
import { rowId } from '../boards/kit/fields'
import { DEFAULT_VOTES, type IdeaVoteData, ideaText, ideaVote, VOTES_MAX, VOTES_MIN } from '../boards/idea-vote/model'
import { boardIsFull, type Json, type LiveBoardAdapter, meta, rowsOf, setFields, statusOf, syncRows } from './boards'
import type { IdeaVoteMine } from './protocol'

export const IDEA_VOTE_SCHEMA = 1

const ideaOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), id: rowId, text: ideaText }).strict(),
  z.object({ op: z.literal('edit'), id: rowId, text: ideaText }).strict(),
  z.object({ op: z.literal('withdraw'), id: rowId }).strict(),
  z.object({ op: z.literal('vote'), idea: rowId }).strict(),
  z.object({ op: z.literal('unvote'), idea: rowId }).strict(),
])
export type IdeaOp = z.infer<typeof ideaOp>

const ideas = (doc: Y.Doc) => rowsOf(doc, 'ideas')
const votes = (doc: Y.Doc) => rowsOf(doc, 'votes')
const voteKey = (author: string, idea: string) => `${author}~${idea}`

export function votesPerPerson(doc: Y.Doc): number {
  const n = meta(doc).get('votesPerPerson')
  return typeof n === 'number' && Number.isInteger(n) && n >= VOTES_MIN && n <= VOTES_MAX ? n : DEFAULT_VOTES
}

const isVisibleIdea = (doc: Y.Doc, id: unknown) => {
  const row = typeof id === 'string' ? ideas(doc).get(id) : undefined
  return row instanceof Y.Map && statusOf(row) === 'visible' && ideaText.safeParse(row.get('text')).success
}

/**
 * Kept up to date from the document's own change events, so a contribution costs the same on
 * an empty board and on one with thousands of ideas: who wrote which ideas, who voted for
 * what, and which ideas changed since the last projection.
 */
interface Index {
  authorOf: Map<string, string>
  ideasBy: Map<string, Set<string>>
  /** idea -> authors of votes for it (whether or not the idea is visible now) */
  votersOf: Map<string, Set<string>>
  votedBy: Map<string, Set<string>>
  dirty: Set<string>
  all: boolean
}
const indexes = new WeakMap<Y.Doc, Index>()

const add = (m: Map<string, Set<string>>, k: string, v: string) => { (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v) }
const drop = (m: Map<string, Set<string>>, k: string, v: string) => { m.get(k)?.delete(v) }

function indexOf(doc: Y.Doc): Index {
  let ix = indexes.get(doc)
  if (ix)
    return ix
  const index: Index = { authorOf: new Map(), ideasBy: new Map(), votersOf: new Map(), votedBy: new Map(), dirty: new Set(), all: true }
  ix = index
  const noteIdea = (id: string) => {
    const row = ideas(doc).get(id)
    const before = index.authorOf.get(id)
    if (before !== undefined) {
      drop(index.ideasBy, before, id)
      index.authorOf.delete(id)
    }
    const author = row instanceof Y.Map ? row.get('_author') : undefined
    if (typeof author === 'string') {
      index.authorOf.set(id, author)
      add(index.ideasBy, author, id)
    }
    index.dirty.add(id)
  }
  const noteVote = (key: string) => {
    const at = key.indexOf('~') // author ids are base64url: the first ~ ends them
    const author = key.slice(0, at)
    const idea = key.slice(at + 1)
    const row = votes(doc).get(key)
    if (row instanceof Y.Map && row.get('_author') === author && row.get('idea') === idea) {
      add(index.votersOf, idea, author)
      add(index.votedBy, author, idea)
    }
    else {
      drop(index.votersOf, idea, author)
      drop(index.votedBy, author, idea)
    }
    index.dirty.add(idea)
  }
  for (const id of ideas(doc).keys())
    noteIdea(id)
  for (const key of votes(doc).keys())
    noteVote(key)
  ideas(doc).observeDeep((events) => {
    for (const e of events) {
      if (e.target === ideas(doc)) {
        for (const id of e.changes.keys.keys())
          noteIdea(id)
      }
      else if (typeof e.path[0] === 'string') {
        noteIdea(e.path[0])
      }
    }
  })
  votes(doc).observeDeep((events) => {
    for (const e of events) {
      if (e.target === votes(doc)) {
        for (const key of e.changes.keys.keys())
          noteVote(key)
      }
    }
  })
  indexes.set(doc, index)
  return index
}

function votesOf(doc: Y.Doc, participantId: string): string[] {
  return [...indexOf(doc).votedBy.get(participantId) ?? []].filter(idea => isVisibleIdea(doc, idea))
}

function tallyOf(doc: Y.Doc, idea: string): number {
  // A vote counts while its idea is visible; a vote on an idea later hidden is given back.
  return indexOf(doc).votersOf.get(idea)?.size ?? 0
}

function publicRow(doc: Y.Doc, id: string): Record<string, Json> | undefined {
  if (!isVisibleIdea(doc, id))
    return undefined
  const row = ideas(doc).get(id)!
  const name = row.get('_name')
  return { id, text: row.get('text') as string, by: typeof name === 'string' ? name.slice(0, 40) : '', votes: tallyOf(doc, id) }
}

export const ideaVoteLive: LiveBoardAdapter<IdeaOp> = {
  kind: ideaVote.kind,
  def: ideaVote,
  op: ideaOp,

  apply(doc, op, who) {
    const m = meta(doc)
    if (m.get('kind') === undefined)
      setFields(m, { kind: ideaVote.kind, schema: IDEA_VOTE_SCHEMA })
    const list = ideas(doc)
    if (op.op === 'vote' || op.op === 'unvote') {
      const key = voteKey(who.participantId, op.idea)
      if (op.op === 'unvote') {
        votes(doc).delete(key)
        return undefined
      }
      if (!isVisibleIdea(doc, op.idea))
        return { code: 'gone', error: 'This idea is no longer on the board.' }
      if (votes(doc).has(key))
        return undefined
      const allowed = votesPerPerson(doc)
      if (votesOf(doc, who.participantId).length >= allowed)
        return { code: 'limit', error: 'You have used all your {n} votes. Take one back to vote for another idea.', params: { n: allowed } }
      const row = new Y.Map<unknown>()
      votes(doc).set(key, row)
      setFields(row, { idea: op.idea, _author: who.participantId, _at: who.now })
      return undefined
    }
    const existing = list.get(op.id)
    if (existing && existing.get('_author') !== who.participantId)
      return { code: 'not-yours', error: 'You can change only your own ideas.' }
    if (op.op === 'withdraw') {
      if (existing) {
        list.delete(op.id)
        for (const voter of [...indexOf(doc).votersOf.get(op.id) ?? []])
          votes(doc).delete(voteKey(voter, op.id))
      }
      return undefined
    }
    if (op.op === 'edit' && !existing && !who.firstOp)
      return { code: 'gone', error: 'This idea is no longer on the board (the facilitator removed it).' }
    if (existing && statusOf(existing) === 'hidden')
      return { code: 'gone', error: 'The facilitator has hidden this idea; it cannot be changed.' }
    if (!existing) {
      if ((indexOf(doc).ideasBy.get(who.participantId)?.size ?? 0) >= who.maxEntries)
        return { code: 'limit', error: 'You have added {n} ideas, the most one person can add here. Edit or withdraw one to add another.', params: { n: who.maxEntries } }
      if (boardIsFull(list, who.maxRows))
        return { code: 'limit', error: 'The board is full ({n} ideas). Vote for an idea that is already there.', params: { n: who.maxRows } }
      const row = new Y.Map<unknown>()
      list.set(op.id, row)
      setFields(row, { id: op.id, text: op.text, _author: who.participantId, _name: who.name, _status: who.moderation === 'queue' ? 'pending' : 'visible', _at: who.now })
      return undefined
    }
    if (existing.get('text') !== op.text) {
      // In a queue, a changed idea waits for approval again, so nothing unapproved reaches the screen.
      setFields(existing, { text: op.text, _name: who.name, ...(who.moderation === 'queue' ? { _status: 'pending' } : {}) })
    }
    return undefined
  },

  project(doc, out) {
    setFields(meta(out), {
      kind: ideaVote.kind,
      schema: IDEA_VOTE_SCHEMA,
      locked: meta(doc).get('locked') === true,
      votesPerPerson: votesPerPerson(doc),
    })
    const index = indexOf(doc)
    const target = rowsOf(out, 'ideas')
    if (index.all) {
      const rows = new Map<string, Record<string, Json>>()
      for (const id of ideas(doc).keys()) {
        const row = publicRow(doc, id)
        if (row)
          rows.set(id, row)
      }
      syncRows(target, rows)
    }
    else {
      // Only what changed since the last projection.
      for (const id of index.dirty) {
        const row = publicRow(doc, id)
        if (!row) {
          target.delete(id)
          continue
        }
        let existing = target.get(id)
        if (!(existing instanceof Y.Map)) {
          existing = new Y.Map<unknown>()
          target.set(id, existing)
        }
        setFields(existing, row)
      }
    }
    index.all = false
    index.dirty.clear()
  },

  mine(doc, participantId): IdeaVoteMine {
    const own = [...indexOf(doc).ideasBy.get(participantId) ?? []]
      .map(id => [id, ideas(doc).get(id)!] as const)
      .filter(([, row]) => row instanceof Y.Map)
      .sort(([, a], [, b]) => Number(a.get('_at') ?? 0) - Number(b.get('_at') ?? 0))
      // The text of a hidden idea is not sent back, not even to its author.
      .map(([id, row]) => ({ id, status: statusOf(row), text: statusOf(row) === 'hidden' ? '' : String(row.get('text') ?? '') }))
    const used = votesOf(doc, participantId)
    return { ideas: own, votes: used, votesLeft: Math.max(0, votesPerPerson(doc) - used.length) }
  },

  results(doc): IdeaVoteData {
    const at = (id: string) => Number(ideas(doc).get(id)?.get('_at') ?? 0)
    const list = [...ideas(doc).keys()].sort((a, b) => at(a) - at(b)).map(id => publicRow(doc, id)).filter(r => r !== undefined)
    return { votesPerPerson: votesPerPerson(doc), ideas: list as unknown as IdeaVoteData['ideas'] }
  },
}
