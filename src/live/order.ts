// The order of a phone's operations. A join page numbers its contributions (`seq`, growing by
// one for every operation the participant makes, kept in the phone's storage with its outbox),
// and names the operation on the same entry that it builds on (`prev`: the last one still in its
// outbox when it was made, 0 when none was).
//
// The server keeps, in the board's own document, the number of the last operation it has
// processed per participant and entry (a row of a list: an idea, a vote, any entry; a RACI
// cell), and which of the recent ones it refused. For each entry it takes a phone's operations in the order they were
// made, whatever order the network brings them in:
// - one whose number is not above the last processed (a retry, a resend after a reconnect, a
//   duplicate delivery) was processed already: it is answered again as it was answered then
//   (applied: acknowledged as superseded; refused: refused again), never applied twice;
// - one that builds on an operation not yet processed arrived early (it overtook it on another
//   connection, or a rate refusal held the earlier one back): it is refused with `early`, and the
//   phone sends it again, after the earlier one;
// - the next one is applied or refused, and either way it is the last processed.
// So an edit made after a withdraw never lands before it, and a refused operation never lands
// later through a duplicate of itself.
//
// An operation without `prev` (a join page from before it) is taken as before: applied only if
// later than the last applied, and a refusal is not recorded.
//
// The numbers live in the board document (map `live:seq`, `<participant> <entry>` -> record), so
// they are written in the same change as the operation (a crash keeps both or neither), they
// survive a restart and other instances (Redis) see them. Readers of the board ignore the map.
import type * as Y from 'yjs'
import type { RefusalCode } from './protocol'

export const SEQ_MAP = 'live:seq'

const key = (participantId: string, entry: string) => `${participantId} ${entry}`

/** The entry an operation acts on, from its body (`list`+row id: an idea, a vote, any row; a RACI cell). */
export function entryOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object')
    return undefined
  const o = body as Record<string, unknown>
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
  switch (o.op) {
    case 'cell':
      return str(o.activity) && str(o.role) && `cell:${o.activity}:${o.role}`
    case 'add':
    case 'edit':
    case 'withdraw': {
      const id = str(o.id) ?? str((o.row as Record<string, unknown> | undefined)?.id)
      if (!id)
        return undefined
      return typeof o.list === 'string' ? `row:${o.list}:${id}` : `idea:${id}`
    }
  }
  return undefined
}

/** What the board keeps per participant and entry: a number (older documents) or this record. */
interface Processed { last: number, refused?: number[] }
/** How many refused numbers an entry keeps: a phone resends only what is still in its outbox. */
const KEEP_REFUSED = 16

function processed(doc: Y.Doc, participantId: string, entry: string): Processed {
  const v = doc.getMap<unknown>(SEQ_MAP).get(key(participantId, entry))
  if (typeof v === 'number')
    return { last: v }
  if (v && typeof v === 'object' && typeof (v as Processed).last === 'number')
    return v as Processed
  return { last: 0 }
}

/** The number of the last operation processed for this participant and entry (0: none). */
export function lastApplied(doc: Y.Doc, participantId: string, entry: string): number {
  return processed(doc, participantId, entry).last
}

/** Where an operation stands in its entry's order (see the head of this file). */
export type Place = 'applied' | 'refused' | 'early' | 'next'

export function placeOf(doc: Y.Doc, participantId: string, entry: string, seq: number, prev: number | undefined): Place {
  const p = processed(doc, participantId, entry)
  if (seq <= p.last)
    return p.refused?.includes(seq) ? 'refused' : 'applied'
  if (prev !== undefined && prev > p.last)
    return 'early'
  return 'next'
}

/**
 * Inside the operation's own transaction: it is the last one processed for its entry. A refusal
 * is recorded only for an operation that names what it builds on (`prev`): only then were the
 * entry's earlier operations processed before it (see the head of this file).
 */
export function noteProcessed(doc: Y.Doc, participantId: string, entry: string, op: { seq: number, prev?: number }, refused: boolean): void {
  const p = processed(doc, participantId, entry)
  if (!refused)
    doc.getMap<unknown>(SEQ_MAP).set(key(participantId, entry), p.refused?.length ? { last: op.seq, refused: p.refused } : op.seq)
  else if (op.prev !== undefined)
    doc.getMap<unknown>(SEQ_MAP).set(key(participantId, entry), { last: op.seq, refused: [...(p.refused ?? []), op.seq].slice(-KEEP_REFUSED) })
}

/** The phone's side: the operation a new one on `entry` builds on, from the outbox (0: none waiting). */
export function prevIn(outbox: readonly { seq?: number, body: unknown }[], entry: string | undefined): number {
  if (!entry)
    return 0
  let prev = 0
  for (const o of outbox) {
    if (o.seq && o.seq > prev && entryOf(o.body) === entry)
      prev = o.seq
  }
  return prev
}

/**
 * The answer to an operation that is not the next of its entry: an applied one is acknowledged
 * as superseded; a refused one is refused again; an early one is refused with `early`, and the
 * phone sends it again after `retryAfter` seconds.
 */
export function outOfOrder(place: Exclude<Place, 'next'>): { ok: true } | { ok: false, code: RefusalCode, error: string, retryAfter?: number } {
  if (place === 'applied')
    return { ok: true }
  if (place === 'refused')
    return { ok: false, code: 'refused', error: 'This change was refused: it is not saved.' }
  return { ok: false, code: 'early', error: 'Sent before your earlier change: it is sent again in a moment.', retryAfter: 1 }
}
