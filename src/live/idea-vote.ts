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
import { rowId } from '../exercises/fields'
import { DEFAULT_VOTES, type IdeaVoteData, ideaText, ideaVote, VOTES_MAX, VOTES_MIN } from '../exercises/idea-vote'
import { type Json, type LiveBoardAdapter, meta, rowsOf, setFields, statusOf, syncRows } from './boards'
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

/** Votes that count: on visible ideas. A vote on an idea later hidden is given back. */
function countedVotes(doc: Y.Doc): Map<string, { author: string, idea: string }> {
  const counted = new Map<string, { author: string, idea: string }>()
  for (const [key, row] of votes(doc)) {
    const idea = row instanceof Y.Map ? row.get('idea') : undefined
    const author = row instanceof Y.Map ? row.get('_author') : undefined
    if (typeof author === 'string' && typeof idea === 'string' && isVisibleIdea(doc, idea))
      counted.set(key, { author, idea })
  }
  return counted
}

function votesOf(doc: Y.Doc, participantId: string): string[] {
  return [...countedVotes(doc).values()].filter(v => v.author === participantId).map(v => v.idea)
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
        return { code: 'limit', error: `You have used all your ${allowed} votes. Take one back to vote for another idea.` }
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
        for (const [key, row] of votes(doc)) {
          if (row.get('idea') === op.id)
            votes(doc).delete(key)
        }
      }
      return undefined
    }
    if (op.op === 'edit' && !existing)
      return { code: 'gone', error: 'This idea is no longer on the board (the facilitator removed it).' }
    if (existing && statusOf(existing) === 'hidden')
      return { code: 'gone', error: 'The facilitator has hidden this idea; it cannot be changed.' }
    if (!existing) {
      let mineCount = 0
      for (const row of list.values()) {
        if (row.get('_author') === who.participantId)
          mineCount++
      }
      if (mineCount >= who.maxEntries)
        return { code: 'limit', error: `You have added ${who.maxEntries} ideas, the most one person can add here. Edit or withdraw one to add another.` }
      if (list.size >= who.maxRows)
        return { code: 'limit', error: `The board is full (${who.maxRows} ideas). Vote for an idea that is already there.` }
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
    const tally = new Map<string, number>()
    for (const v of countedVotes(doc).values())
      tally.set(v.idea, (tally.get(v.idea) ?? 0) + 1)
    const rows = new Map<string, Record<string, Json>>()
    for (const [id, row] of ideas(doc)) {
      if (!isVisibleIdea(doc, id))
        continue
      const name = row.get('_name')
      rows.set(id, { id, text: row.get('text') as string, by: typeof name === 'string' ? name.slice(0, 40) : '', votes: tally.get(id) ?? 0 })
    }
    syncRows(rowsOf(out, 'ideas'), rows)
  },

  mine(doc, participantId): IdeaVoteMine {
    const own = [...ideas(doc).entries()]
      .filter(([, row]) => row.get('_author') === participantId)
      .sort(([, a], [, b]) => Number(a.get('_at') ?? 0) - Number(b.get('_at') ?? 0))
      // The text of a hidden idea is not sent back, not even to its author.
      .map(([id, row]) => ({ id, status: statusOf(row), text: statusOf(row) === 'hidden' ? '' : String(row.get('text') ?? '') }))
    const used = votesOf(doc, participantId)
    return { ideas: own, votes: used, votesLeft: Math.max(0, votesPerPerson(doc) - used.length) }
  },

  results(doc): IdeaVoteData {
    const out = new Y.Doc()
    ideaVoteLive.project(doc, out)
    const list = [...rowsOf(out, 'ideas').values()].map(r => r.toJSON() as IdeaVoteData['ideas'][number])
    const order = (id: string) => Number(ideas(doc).get(id)?.get('_at') ?? 0)
    list.sort((a, b) => order(a.id) - order(b.id))
    return { votesPerPerson: votesPerPerson(doc), ideas: list }
  },
}
