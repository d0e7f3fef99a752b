// A live board's moderation, as the facilitator's tab sees it: every contribution with its
// status, the charter's proposals, and the writes that show, hide, lock and use them. The
// fields themselves are decoded in status.ts (the server reads them there too).
import * as Y from 'yjs'
import type { DocDefinition } from './definition'
import { asPath, assertWritable, fallback, fieldsMap, type ListPath, plain, proposalsMap, rowsMap, topLists, valuePart } from './layout'
import { type EntryStatus, liveMeta, type LiveMeta, metaMap, type Moderation, rowStatus } from './status'

export { liveMeta, type LiveMeta }
import { type Located, locate, setField } from './write'

/** A contribution as the moderation panel sees it: every row of the board's lists, any status. */
export interface LiveEntry {
  /** the list it belongs to ('stakeholders'; a top-level list) */
  list: string
  id: string
  status: EntryStatus
  /** the name its author gave ('' anonymous; no author: typed by the facilitator) */
  name: string
  /**
   * whether a participant sent it as an entry to moderate (it has an `_author` and a `_status`;
   * a counted entry, a vote or an upvote, has no `_status`: never moderated)
   */
  contributed: boolean
  /** who sent it (a hash of their secret), for "remove all from this person" and "block" */
  author?: string
  at: number
  /** its fields, values as stored (`_` keys left out) */
  fields: Record<string, unknown>
}

export interface Proposal {
  id: string
  /** the field it is for, as a path: ['mission', 'with'] */
  path: string[]
  text: string
  name: string
  status: EntryStatus
  at: number
}

/** The origin of the facilitator's moderation (hide, approve, lock): no board undo undoes it. */
export const MODERATION_ORIGIN = 'kit:moderation'

const ownFields = (row: Y.Map<unknown>) =>
  Object.fromEntries([...row.entries()].filter(([k]) => !k.startsWith('_')).map(([k, v]) => [k, plain(v)]))

/** Every row of the board's top-level lists, with its status, oldest contribution first. */
export function liveEntries(doc: Y.Doc, def: DocDefinition): LiveEntry[] {
  const out: LiveEntry[] = []
  for (const path of topLists(def)) {
    for (const [id, row] of rowsMap(doc, path).entries()) {
      if (!(row instanceof Y.Map))
        continue
      const name = row.get('_name')
      const at = row.get('_at')
      out.push({
        list: path.join('.'),
        id,
        status: rowStatus(row),
        name: typeof name === 'string' ? name : '',
        contributed: row.has('_author') && row.has('_status'),
        ...(typeof row.get('_author') === 'string' ? { author: row.get('_author') as string } : {}),
        at: typeof at === 'number' ? at : 0,
        fields: ownFields(row),
      })
    }
  }
  return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The charter's proposals for single-value fields, oldest first. */
export function proposals(doc: Y.Doc): Proposal[] {
  const out: Proposal[] = []
  for (const [id, value] of proposalsMap(doc).entries()) {
    if (!(value instanceof Y.Map))
      continue
    const path = value.get('path')
    const text = value.get('text')
    if (typeof path !== 'string' || typeof text !== 'string')
      continue
    const name = value.get('_name')
    const at = value.get('_at')
    out.push({ id, path: path.split('.'), text, name: typeof name === 'string' ? name : '', status: rowStatus(value), at: typeof at === 'number' ? at : 0 })
  }
  return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Shows, hides or approves a row (approving is showing). False when the row is gone. */
export function setRowStatus(doc: Y.Doc, def: DocDefinition, listPath: ListPath, rowId: string, status: EntryStatus, origin: unknown = MODERATION_ORIGIN): boolean {
  assertWritable(doc, def)
  const at = locate(doc, def, [...asPath(listPath), rowId])
  if (at.kind !== 'row')
    return false
  if (at.map.get('_status') !== status)
    doc.transact(() => at.map.set('_status', status), origin)
  return true
}

/** Locks the board (participants' contributions are refused) or opens it again. */
export function setLocked(doc: Y.Doc, def: DocDefinition, locked: boolean, origin: unknown = MODERATION_ORIGIN): void {
  assertWritable(doc, def)
  if (liveMeta(doc).locked !== locked)
    doc.transact(() => metaMap(doc).set('locked', locked), origin)
}

/** Whether participants' contributions appear at once ('open') or wait for approval ('queue'). */
export function setModeration(doc: Y.Doc, def: DocDefinition, moderation: Moderation, origin: unknown = MODERATION_ORIGIN): void {
  assertWritable(doc, def)
  if (liveMeta(doc).moderation !== moderation)
    doc.transact(() => metaMap(doc).set('moderation', moderation), origin)
}

export function setProposalStatus(doc: Y.Doc, proposalId: string, status: EntryStatus, origin: unknown = MODERATION_ORIGIN): boolean {
  const proposal = proposalsMap(doc).get(proposalId)
  if (!(proposal instanceof Y.Map))
    return false
  if (proposal.get('_status') !== status)
    doc.transact(() => proposal.set('_status', status), origin)
  return true
}

/**
 * "Use" a proposal: its text goes into its field (added to the list, for a list field such as
 * the values) and the proposal is marked used (hidden), as one change. The field's change is
 * `origin`'s (the facilitator's undo brings the old text back). False, and nothing changed,
 * when the proposal is gone or names no field of this board.
 */
export function useProposal(doc: Y.Doc, def: DocDefinition, proposalId: string, origin?: unknown): boolean {
  assertWritable(doc, def)
  const proposal = proposals(doc).find(p => p.id === proposalId)
  if (!proposal)
    return false
  let at: Located
  try {
    at = locate(doc, def, proposal.path)
  }
  catch {
    return false
  }
  if (at.kind !== 'entry' || at.map !== fieldsMap(doc))
    return false
  const current = plain(at.map.get(at.key)) ?? fallback(valuePart(def, proposal.path)?.schema)
  const value = Array.isArray(current) ? (current.includes(proposal.text) ? current : [...current, proposal.text]) : proposal.text
  doc.transact(() => {
    setField(doc, def, proposal.path, value, origin)
    ;(proposalsMap(doc).get(proposalId) as Y.Map<unknown>).set('_status', 'hidden')
  }, origin)
  return true
}

export type Undo = () => void

/**
 * A moderation step on many rows at once, as one transaction that returns its undo: `change`
 * calls `keep(map, key)` before it changes a row, and the undo puts back exactly what was kept
 * (the row's fields, or its absence). Not the board's undo: a facilitator's bulk step has its own.
 */
export function moderationStep(doc: Y.Doc, change: (keep: (map: Y.Map<any>, key: string) => void) => void): Undo {
  const before = new Map<Y.Map<any>, Map<string, Map<string, unknown> | undefined>>()
  const keep = (map: Y.Map<any>, key: string) => {
    const saved = before.get(map) ?? before.set(map, new Map()).get(map)!
    if (!saved.has(key)) {
      const row = map.get(key)
      saved.set(key, row instanceof Y.Map ? new Map(row.entries()) : undefined)
    }
  }
  doc.transact(() => change(keep))
  return () => doc.transact(() => {
    for (const [map, saved] of before) {
      for (const [key, fields] of saved) {
        if (!fields) {
          map.delete(key)
          continue
        }
        let row = map.get(key)
        if (!(row instanceof Y.Map)) {
          row = new Y.Map<unknown>()
          map.set(key, row)
        }
        for (const k of [...row.keys()]) {
          if (!fields.has(k))
            row.delete(k)
        }
        for (const [k, v] of fields) {
          if (row.get(k) !== v)
            row.set(k, v)
        }
      }
    }
  })
}

/** Shows, hides or approves every row of `rows` named in `ids` (approve all, hide all): one step. */
export function setRowsStatus(doc: Y.Doc, rows: Y.Map<any>, ids: readonly string[], status: EntryStatus): Undo {
  return moderationStep(doc, (keep) => {
    for (const id of ids) {
      const row = rows.get(id)
      if (row instanceof Y.Map && row.get('_status') !== status) {
        keep(rows, id)
        row.set('_status', status)
      }
    }
  })
}
