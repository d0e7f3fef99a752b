// The idea board live: participants add, edit and withdraw their own ideas and spend their
// votes (one per idea, `votesPerPerson` in all) on visible ideas. The board document's layout
// (the document core's) and its readers are the board's own (src/boards/idea-vote/doc.ts,
// `board/<id>`, shared with the facilitator's tab like every board's); this is what the server
// does with it: participants' operations, the public projection, a phone's own ideas. Its results
// are the core's reader's, as every board's.
//
// public/<id>: meta {kind, schema, locked, votesPerPerson, total}
//              ideas  id -> {id, text, by, votes}   (the TOP most voted visible ideas; votes counted)
//
// A phone's cost must not grow with the board: phones get the top of the vote (most votes
// first, then the earliest given, so adding ideas to a full top does not churn it) and their
// own ideas in `mine`; `total` says how many visible ideas there are. The projector, with the
// whole board, shows them all.
import { z } from 'zod'
import * as Y from 'yjs'
import { rowId } from '../boards/kit/fields'
import { IDEA_PUBLIC_SCHEMA, IDEA_VOTE_SCHEMA, initIdeaDoc, ideas, indexOf, isVisibleIdea, publicRow, tallyOf, voteKey, votes, votesOf, votesPerPerson } from '../boards/idea-vote/doc'
import { ideaText, ideaVote } from '../boards/idea-vote/model'
import { isLocked, metaMap, readBoard, rowStatus, type Scalar, setFields, syncRows } from '../board-doc'
import { boardIsFull, type LiveBoardAdapter, rowsOf, writtenIn } from './boards'
import type { IdeaVoteMine } from './protocol'

export { IDEA_VOTE_SCHEMA, votesPerPerson }
/** How many ideas phones get: the most voted (every idea, in a room of ordinary size). */
export const PHONE_TOP = 100

const ideaOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), id: rowId, text: ideaText }).strict(),
  z.object({ op: z.literal('edit'), id: rowId, text: ideaText }).strict(),
  z.object({ op: z.literal('withdraw'), id: rowId }).strict(),
  z.object({ op: z.literal('vote'), idea: rowId }).strict(),
  z.object({ op: z.literal('unvote'), idea: rowId }).strict(),
])
export type IdeaOp = z.infer<typeof ideaOp>

/** The `n` ideas with most votes (then the earliest given, then by id): one pass, whatever the board's size. */
export function topIdeas(scores: Map<string, { votes: number, at: number }>, n: number): Set<string> {
  if (scores.size <= n)
    return new Set(scores.keys())
  const before = (a: [string, { votes: number, at: number }], b: [string, { votes: number, at: number }]) =>
    a[1].votes !== b[1].votes ? a[1].votes > b[1].votes : a[1].at !== b[1].at ? a[1].at < b[1].at : a[0] < b[0]
  const best: [string, { votes: number, at: number }][] = []
  for (const entry of scores) {
    if (best.length === n && !before(entry, best[n - 1]))
      continue
    let i = best.length === n ? n - 1 : best.length
    if (best.length === n)
      best.pop()
    while (i > 0 && before(entry, best[i - 1]))
      i--
    best.splice(i, 0, entry)
  }
  return new Set(best.map(([id]) => id))
}

export const ideaVoteLive: LiveBoardAdapter<IdeaOp> = {
  kind: ideaVote.kind,
  def: ideaVote,
  op: ideaOp,

  // A new document gets its meta; one stored before the core is moved to the core's layout.
  init: initIdeaDoc,

  apply(doc, op, who) {
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
      setFields(row, { id: key, idea: op.idea, _author: who.participantId, _at: who.now })
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
    if (existing && rowStatus(existing) === 'hidden')
      return { code: 'gone', error: 'The facilitator has hidden this idea; it cannot be changed.' }
    if (!existing) {
      if ((indexOf(doc).ideasBy.get(who.participantId)?.size ?? 0) >= who.maxEntries)
        return { code: 'limit', error: 'You have added {n} ideas, the most one person can add here. Edit or withdraw one to add another.', params: { n: who.maxEntries } }
      if (boardIsFull(list, who.maxRows))
        return { code: 'limit', error: 'The board is full ({n} ideas). Vote for an idea that is already there.', params: { n: who.maxRows } }
      const row = new Y.Map<unknown>()
      list.set(op.id, row)
      setFields(row, { id: op.id, text: op.text, _author: who.participantId, _name: who.name, _status: who.moderation === 'queue' ? 'pending' : 'visible', _at: who.now, ...writtenIn(who) })
      return undefined
    }
    if (existing.get('text') !== op.text) {
      // In a queue, a changed idea waits for approval again, so nothing unapproved reaches the screen.
      setFields(existing, { text: op.text, _name: who.name, ...writtenIn(who), ...(who.moderation === 'queue' ? { _status: 'pending' } : {}) })
    }
    return undefined
  },

  project(doc, out) {
    setFields(metaMap(out), {
      kind: ideaVote.kind,
      schema: IDEA_PUBLIC_SCHEMA,
      locked: isLocked(doc),
      votesPerPerson: votesPerPerson(doc),
    })
    const index = indexOf(doc)
    const target = rowsOf(out, 'ideas')
    // Only what changed since the last projection: the scores of changed ideas, then the top.
    const changed = index.all ? new Set(ideas(doc).keys()) : index.dirty
    for (const id of changed) {
      if (isVisibleIdea(doc, id))
        index.scores.set(id, { votes: tallyOf(doc, id), at: Number(ideas(doc).get(id)!.get('_at') ?? 0) })
      else
        index.scores.delete(id)
    }
    metaMap(out).get('total') !== index.scores.size && metaMap(out).set('total', index.scores.size)
    const top = topIdeas(index.scores, PHONE_TOP)
    if (index.all) {
      const rows = new Map<string, Record<string, Scalar>>()
      for (const id of top)
        rows.set(id, publicRow(doc, id)!)
      syncRows(target, rows)
    }
    else {
      for (const id of [...target.keys()]) {
        if (!top.has(id))
          target.delete(id)
      }
      for (const id of top) {
        let existing = target.get(id)
        if (existing instanceof Y.Map && !changed.has(id))
          continue
        if (!(existing instanceof Y.Map)) {
          existing = new Y.Map<unknown>()
          target.set(id, existing)
        }
        const row = publicRow(doc, id)!
        setFields(existing, row)
        // A field the row no longer has (a merge undone: no one else sent it) goes too.
        for (const key of [...existing.keys()]) {
          if (!(key in row))
            existing.delete(key)
        }
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
      // A duplicate merged into another idea stays its sender's entry: on the board, in the one kept.
      .map(([id, row]) => typeof row.get('_mergedInto') === 'string'
        ? { id, status: 'visible' as const, text: String(row.get('text') ?? '') }
        : { id, status: rowStatus(row), text: rowStatus(row) === 'hidden' ? '' : String(row.get('text') ?? '') })
    const used = votesOf(doc, participantId)
    return { ideas: own, votes: used, votesLeft: Math.max(0, votesPerPerson(doc) - used.length) }
  },

  // The core's reader, as for every board (the votes read in by the board's `read`): what the
  // facilitator's tab shows is what the session's export holds.
  results: doc => readBoard(doc, ideaVote).data,
}
