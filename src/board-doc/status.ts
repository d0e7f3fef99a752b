// The moderation fields every live board shares, decoded in one place: a row's `_status`, the
// board's `meta.locked` and `meta.moderation`, and the small writes that keep a map of rows equal
// to what it should hold (the server's public projection). The list boards and the idea board
// read and write these the same way.
//
//   meta        Y.Map  { kind, schema, locked?: boolean, moderation?: 'open' | 'queue' }
//   a row       Y.Map  { …fields, _status?: 'visible' | 'pending' | 'hidden' (none: visible),
//                        _author?, _name?, _at?, _order? }
import * as Y from 'yjs'

/** What the facilitator decided about a contribution. */
export type EntryStatus = 'visible' | 'pending' | 'hidden'
/** Whether contributions appear at once ('open') or wait for approval ('queue'). */
export type Moderation = 'open' | 'queue'

export interface LiveMeta { locked: boolean, moderation: Moderation }

/** A value the server writes into a projected row. */
export type Scalar = string | number | boolean | null

export const metaMap = (doc: Y.Doc) => doc.getMap<unknown>('meta')

/** A row's moderation status: rows without `_status` (typed by the facilitator) are visible. */
export function rowStatus(row: Y.Map<unknown>): EntryStatus {
  const s = row.get('_status')
  return s === 'pending' || s === 'hidden' ? s : 'visible'
}

export function isLocked(doc: Y.Doc): boolean {
  return metaMap(doc).get('locked') === true
}

export function moderationOf(doc: Y.Doc): Moderation {
  return metaMap(doc).get('moderation') === 'queue' ? 'queue' : 'open'
}

export function liveMeta(doc: Y.Doc): LiveMeta {
  return { locked: isLocked(doc), moderation: moderationOf(doc) }
}

/** Sets only the keys whose value differs (compared as JSON), so an unchanged retry writes nothing. */
export function setFields(row: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    const old = row.get(key)
    if (old !== value && (typeof value !== 'object' || value === null || JSON.stringify(old) !== JSON.stringify(value)))
      row.set(key, value)
  }
}

/** Makes a map of rows hold exactly `rows` (id -> fields), touching only what changed. */
export function syncRows(target: Y.Map<any>, rows: Map<string, Record<string, unknown>>): void {
  for (const id of [...target.keys()]) {
    if (!rows.has(id))
      target.delete(id)
  }
  for (const [id, fields] of rows) {
    let row = target.get(id)
    if (!(row instanceof Y.Map)) {
      row = new Y.Map<unknown>()
      target.set(id, row)
    }
    const map = row as Y.Map<unknown>
    for (const key of [...map.keys()]) {
      if (!(key in fields))
        map.delete(key)
    }
    setFields(map, fields)
  }
}
