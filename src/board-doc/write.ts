// Changing a board's document: rows added, patched and removed, single values set, a whole board
// imported or reset. Every write keeps the keys of other layers (`_author`, `_status`…) and
// leaves rows the board does not show (a queued or hidden contribution) to the moderation.
import * as Y from 'yjs'
import { type DocDefinition, type Result, validate } from './definition'
import { asPath, assertWritable, copy, fieldsMap, type ListPath, recordMap, rowsMap, type RowsPart, same } from './layout'
import { boardShape, type Part, repeatedKeys } from './shape'
import { rowStatus } from './status'

export type Located =
  | { kind: 'rows', map: Y.Map<unknown>, part: RowsPart }
  | { kind: 'row', map: Y.Map<unknown>, part: RowsPart }
  | { kind: 'entry', map: Y.Map<unknown>, key: string }
  | { kind: 'missing' }

export function locate(doc: Y.Doc, def: DocDefinition, path: readonly string[]): Located {
  let parts = boardShape(def).fields
  let row: Y.Map<unknown> | undefined
  const prefix: string[] = []
  for (let i = 0; i < path.length; i++) {
    const name = path[i]
    const part = parts[name]
    if (!part)
      throw new Error(`The ${def.kind} board has no field ${path.slice(0, i + 1).join('.')}.`)
    if (part.type === 'object') {
      prefix.push(name)
      parts = part.fields
      continue
    }
    if (part.type === 'value') {
      if (i !== path.length - 1)
        throw new Error(`${path.join('.')}: ${name} is a value, not a list.`)
      return row ? { kind: 'entry', map: row, key: name } : { kind: 'entry', map: fieldsMap(doc), key: [...prefix, name].join('.') }
    }
    if (part.type === 'record') {
      const map = recordMap(doc, [...prefix, name])
      if (i === path.length - 2)
        return { kind: 'entry', map, key: path[i + 1] }
      throw new Error(`${path.join('.')}: a record entry needs its key.`)
    }
    // rows
    let map: Y.Map<unknown>
    if (row) {
      const nested = row.get(name)
      if (!(nested instanceof Y.Map))
        return { kind: 'missing' }
      map = nested
    }
    else {
      map = rowsMap(doc, [...prefix, name])
    }
    if (i === path.length - 1)
      return { kind: 'rows', map, part }
    const next = map.get(path[i + 1])
    if (!(next instanceof Y.Map))
      return { kind: 'missing' }
    if (i + 1 === path.length - 1)
      return { kind: 'row', map: next, part }
    row = next
    parts = part.fields
    i++
  }
  throw new Error(`${path.join('.')} names a group of fields, not one.`)
}

// ---- rows ------------------------------------------------------------------------------

function rowToY(part: RowsPart, row: Record<string, unknown>, order: number): Y.Map<unknown> {
  // A new Y.Map is built before it joins the document (Yjs keeps its entries aside until then).
  const map = new Y.Map<unknown>()
  for (const [name, value] of Object.entries(row)) {
    const field = part.fields[name]
    if (field?.type !== 'rows' && (field || name.startsWith('_')) && value !== undefined)
      map.set(name, copy(value))
  }
  for (const [name, field] of Object.entries(part.fields)) {
    if (field.type === 'rows')
      map.set(name, rowsToY(field, row[name]))
  }
  map.set('_order', order)
  return map
}

function rowsToY(part: RowsPart, rows: unknown): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  if (Array.isArray(rows)) {
    rows.forEach((item, i) => {
      const key = item?.[part.key]
      if (typeof key === 'string')
        map.set(key, rowToY(part, item, i))
    })
  }
  return map
}

function nextOrder(map: Y.Map<unknown>): number {
  let max = -1
  for (const value of map.values()) {
    const o = value instanceof Y.Map ? value.get('_order') : undefined
    if (typeof o === 'number' && o > max)
      max = o
  }
  return max + 1
}

/** Adds a row at the end of a list (`'stakeholders'`, or `['personas', id, 'steps']`); returns its key. */
export function addRow(doc: Y.Doc, def: DocDefinition, listPath: ListPath, row: Record<string, unknown>, origin?: unknown): string {
  assertWritable(doc, def)
  const at = locate(doc, def, asPath(listPath))
  if (at.kind !== 'rows')
    throw new Error(`${asPath(listPath).join('.')} is not a list of rows on the ${def.kind} board.`)
  const key = row[at.part.key]
  if (typeof key !== 'string' || !key)
    throw new Error(`A new row needs its ${at.part.key}.`)
  doc.transact(() => {
    const existing = at.map.get(key)
    if (existing instanceof Y.Map)
      patchRow(existing, at.part, row)
    else
      at.map.set(key, rowToY(at.part, row, nextOrder(at.map)))
  }, origin)
  return key
}

function patchRow(map: Y.Map<unknown>, part: RowsPart, patch: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(patch)) {
    const field = part.fields[name]
    if (name === part.key || (!field && !name.startsWith('_')))
      continue
    if (field?.type === 'rows') {
      const nested = map.get(name)
      if (nested instanceof Y.Map)
        writeRows(nested, field, Array.isArray(value) ? value : [])
      else
        map.set(name, rowsToY(field, value))
    }
    else if (value === undefined) {
      map.delete(name)
    }
    else if (!same(map.get(name), value)) {
      map.set(name, copy(value))
    }
  }
}

/** Changes the given fields of one row, and nothing else. False when the row is gone. */
export function updateRow(doc: Y.Doc, def: DocDefinition, listPath: ListPath, rowId: string, patch: Record<string, unknown>, origin?: unknown): boolean {
  assertWritable(doc, def)
  const at = locate(doc, def, [...asPath(listPath), rowId])
  if (at.kind !== 'row')
    return false
  doc.transact(() => patchRow(at.map, at.part, patch), origin)
  return true
}

export function removeRow(doc: Y.Doc, def: DocDefinition, listPath: ListPath, rowId: string, origin?: unknown): boolean {
  assertWritable(doc, def)
  const at = locate(doc, def, asPath(listPath))
  if (at.kind !== 'rows' || !at.map.has(rowId))
    return false
  doc.transact(() => at.map.delete(rowId), origin)
  return true
}

/**
 * Sets one value: a board field (`['threshold']`, `['vision', 'with']`), a record entry
 * (`['cells', 'act:role']`, `undefined` removes it) or a row's field (`['stakeholders', id, 'name']`).
 * False when the row it belongs to is gone.
 */
export function setField(doc: Y.Doc, def: DocDefinition, path: readonly string[], value: unknown, origin?: unknown): boolean {
  assertWritable(doc, def)
  const at = locate(doc, def, path)
  if (at.kind === 'missing')
    return false
  if (at.kind !== 'entry')
    throw new Error(`${path.join('.')} is a list; use addRow, updateRow or removeRow.`)
  doc.transact(() => {
    if (value === undefined)
      at.map.delete(at.key)
    else if (!same(at.map.get(at.key), value))
      at.map.set(at.key, copy(value))
  }, origin)
  return true
}

// ---- whole boards: import, reset --------------------------------------------------------

function writeRows(map: Y.Map<unknown>, part: RowsPart, rows: readonly any[]): void {
  const wanted = new Set(rows.map(r => r?.[part.key]))
  for (const [key, value] of [...map.entries()]) {
    // What the board does not show (a contribution in the queue, or hidden) is not the board's
    // to replace: an import or a reset leaves it to the facilitator's moderation.
    if (!wanted.has(key) && !(value instanceof Y.Map && rowStatus(value) !== 'visible'))
      map.delete(key)
  }
  rows.forEach((row, i) => {
    const key = row?.[part.key]
    if (typeof key !== 'string')
      return
    const existing = map.get(key)
    if (existing instanceof Y.Map) {
      const patch: Record<string, unknown> = {}
      for (const name of Object.keys(part.fields))
        patch[name] = row[name]
      patchRow(existing, part, patch)
      if (existing.get('_order') !== i)
        existing.set('_order', i)
    }
    else {
      map.set(key, rowToY(part, row, i))
    }
  })
}

/** Makes the document hold `data`, changing only what differs (rows keep their `_` keys). */
export function writeBoard(doc: Y.Doc, def: DocDefinition, data: any): void {
  const fields = fieldsMap(doc)
  const walk = (parts: Record<string, Part>, value: any, prefix: string[]) => {
    for (const [name, part] of Object.entries(parts)) {
      const path = [...prefix, name]
      const v = value?.[name]
      if (part.type === 'object') {
        walk(part.fields, v, path)
      }
      else if (part.type === 'rows') {
        writeRows(rowsMap(doc, path), part, Array.isArray(v) ? v : [])
      }
      else if (part.type === 'record') {
        const map = recordMap(doc, path)
        const next = v && typeof v === 'object' ? v as Record<string, unknown> : {}
        for (const key of [...map.keys()]) {
          if (!(key in next))
            map.delete(key)
        }
        for (const [key, entry] of Object.entries(next)) {
          if (!same(map.get(key), entry))
            map.set(key, copy(entry))
        }
      }
      else {
        const key = path.join('.')
        if (v === undefined)
          fields.delete(key)
        else if (!same(fields.get(key), v))
          fields.set(key, copy(v))
      }
    }
  }
  walk(boardShape(def).fields, data, [])
}

/**
 * Replaces the board with an import's data as one change (one undo step). Refused, and nothing
 * changed, when the data is not valid for the board or repeats a row's id.
 */
export function importBoard<T>(doc: Y.Doc, def: DocDefinition<T>, data: unknown, origin?: unknown): Result<T> {
  assertWritable(doc, def)
  const checked = validate(def, data)
  if (!checked.ok)
    return checked
  const repeated = repeatedKeys(def, checked.data)
  if (repeated.length)
    return { ok: false, error: repeated.join('\n') }
  doc.transact(() => writeBoard(doc, def, checked.data), origin)
  return checked
}

/** Empties the board (back to the board's starting state) as one change. */
export function resetBoard(doc: Y.Doc, def: DocDefinition, origin?: unknown): void {
  assertWritable(doc, def)
  doc.transact(() => writeBoard(doc, def, def.empty()), origin)
}

