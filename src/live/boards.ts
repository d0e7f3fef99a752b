// How a board kind takes contributions from phones: a small adapter per kind. The server does
// everything common (who is asking, lock, rate limit, persistence, acknowledgement, the public
// projection's delivery); an adapter only knows its board's document: what a participant may
// send (a zod schema), how that changes the document, what participants may see of it.
//
// Board documents follow the document core's convention (src/board-doc/: `meta` with `kind`,
// `schema`, `locked`, `moderation`; each row a Y.Map under its own id, `_status` decoded by
// `rowStatus`). Live rows carry `_author` (a hash of the participant's secret, never the
// secret), `_name` (optional display name) and `_status`.
import type { z } from 'zod'
import * as Y from 'yjs'
import type { BoardDefinition } from '../boards/kit/board'
import { type Moderation, rowStatus, type Scalar } from '../board-doc'
import type { RefusalCode } from './protocol'

// The moderation fields are the document core's; these names stay for the code that used them here.
export { isLocked, metaMap as meta, moderationOf, rowStatus as statusOf, setFields, syncRows } from '../board-doc'
export type { Scalar as Json } from '../board-doc'

export interface Contributor {
  participantId: string
  /** the name the participant gave, or '' (anonymous) */
  name: string
  moderation: Moderation
  /** most entries one participant may have on one board */
  maxEntries: number
  /** most entries on one board in all (what a projector and an export can hold) */
  maxRows: number
  now: number
  /** the session's language, for the words of a refusal */
  language?: string
  /** the language the participant's phone showed when they wrote it (one of the kit's): kept as the entry's `_lang` */
  writtenIn?: string
  /**
   * A numbered operation (order.ts), and the first applied for its entry: an edit that arrives
   * before its entry's add (the add waits for a retry) makes the entry. Undefined: unnumbered.
   */
  firstOp?: boolean
}

/** `error` is an English template with {placeholders} filled from `params` (see words.ts). */
export interface Refusal { code: RefusalCode, error: string, params?: Record<string, string | number> }

export interface LiveBoardAdapter<Op = any> {
  kind: string
  def: BoardDefinition
  /** the body of a participant's contribution */
  op: z.ZodType<Op>
  /** makes a loaded board document ready (inside a transaction); false when it cannot be written */
  init?: (doc: Y.Doc) => boolean
  /** called inside a transaction; returns why not, or nothing when applied */
  apply: (doc: Y.Doc, op: Op, who: Contributor) => Refusal | undefined
  /** writes what participants may see into the public document (inside a transaction) */
  project: (doc: Y.Doc, out: Y.Doc, language?: string) => void
  /** the participant's own entries, for their join page */
  mine: (doc: Y.Doc, participantId: string) => unknown
  /** the board's results in its model's shape (visible entries), for exports */
  results: (doc: Y.Doc) => unknown
}

/** An entry's `_lang`, the language it was written in, when the phone said so. */
export const writtenIn = (who: Contributor): Record<string, Scalar> => (who.writtenIn ? { _lang: who.writtenIn } : {})

export const rowsOf = (doc: Y.Doc, name: string) => doc.getMap<Y.Map<unknown>>(name)

/**
 * Whether a board has room for one more entry: entries the facilitator hid do not count (one
 * device filling a board must not lock the room out once its entries are hidden), within a
 * bound on everything kept, hidden entries included, so the document cannot grow without end.
 */
export function boardIsFull(rows: Y.Map<any>, max: number): boolean {
  if (rows.size < max)
    return false
  if (rows.size >= max * 4)
    return true
  let kept = 0
  for (const row of rows.values()) {
    if (!(row instanceof Y.Map) || rowStatus(row) !== 'hidden')
      kept++
  }
  return kept >= max
}

/**
 * Whether a row of a board document is a participant's entry (an idea, a row, a proposal): it
 * carries `_author` and a moderation `_status`. A counted entry (a vote for an idea, an upvote:
 * a row of a list that `refers` to another, src/boards/kit/phone.ts) carries no `_status`: it is
 * never moderated, listed in a record or counted as a contribution, only counted on its row.
 */
export function isEntry(row: unknown): row is Y.Map<unknown> {
  return row instanceof Y.Map && typeof row.get('_author') === 'string' && row.has('_status')
}
