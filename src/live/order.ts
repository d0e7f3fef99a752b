// The order of a phone's operations. A join page numbers its contributions (`seq`, growing by
// one for every operation the participant makes, kept in the phone's storage with its outbox).
// The server keeps, in the board's own document, the number of the last operation it applied
// per participant and entry (an idea, a row, a vote, a RACI cell). An operation whose number is
// not above it is older than what the board holds for that entry (a retry after a refusal, a
// resend after a reconnect, a duplicate delivery): it is acknowledged as superseded and never
// applied, so an older edit cannot overwrite a later one and a withdrawn entry cannot come back.
//
// The numbers live in the board document (map `live:seq`, `<participant> <entry>` -> seq), so
// they are written in the same change as the operation (a crash keeps both or neither), they
// survive a restart and other instances (Redis) see them. Readers of the board ignore the map.
import type * as Y from 'yjs'

export const SEQ_MAP = 'live:seq'

const key = (participantId: string, entry: string) => `${participantId} ${entry}`

/** The entry an operation acts on, from its body (`id`, `idea`, `list`+row id, RACI cell). */
export function entryOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object')
    return undefined
  const o = body as Record<string, unknown>
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
  switch (o.op) {
    case 'vote':
    case 'unvote':
      return str(o.idea) && `vote:${o.idea}`
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

/** The number of the last operation applied for this participant and entry (0: none). */
export function lastApplied(doc: Y.Doc, participantId: string, entry: string): number {
  const n = doc.getMap<unknown>(SEQ_MAP).get(key(participantId, entry))
  return typeof n === 'number' ? n : 0
}

/** Inside the operation's own transaction: it is the last one applied for its entry. */
export function noteApplied(doc: Y.Doc, participantId: string, entry: string, seq: number): void {
  doc.getMap<unknown>(SEQ_MAP).set(key(participantId, entry), seq)
}
