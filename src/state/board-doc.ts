// A board's Yjs document: its shape, and every operation on it, as plain functions with no
// Vue and no browser, so that a tab, a test and the live server all change boards the same way.
//
// The document (schema version 2):
//
//   meta                 Y.Map  { kind: 'stakeholder-map', schema: 2 }
//   fields               Y.Map  every plain value outside rows, by its dotted path:
//                               'threshold' -> 3, 'vision.with' -> 'librarians', 'values' -> ['…']
//   rows:<path>          Y.Map  one list of rows (e.g. 'rows:stakeholders'): row id -> Y.Map row
//   record:<path>        Y.Map  one record (e.g. 'record:cells'): key -> value ('act:role' -> 'A')
//   board                Y.Map  schema version 1 (the kit before this one: a snapshot of the whole
//                               board, rows in Y.Arrays). Read once by the migration, then left as is.
//
// A row is a Y.Map of its fields (one entry per field, so two people editing two fields of one
// row both keep their edit), its key (`id`, or `stage` for the mountain's steps), `_order` (a
// number: rows are shown by `_order`, then key) and, for a list inside a row, a Y.Map of rows
// keyed the same way. Keys starting with `_` belong to other layers (the live server's
// `_author`, `_status`…): readers leave them out of the data, issues and exports, and every
// operation here keeps them.
//
// Every container sits at the top level of the document (Yjs merges top-level types by name),
// so two replicas that start the same list at once both keep their rows: nothing ever writes a
// whole board, or a whole list, over another replica's.
//
// Schema changes: `meta.schema` says which layout a document has. A kit that changes the
// layout bumps DOC_SCHEMA and teaches `initBoardDoc` to read the older one and write the new
// one, deterministically (the same old document gives the same keys and values), so that two
// tabs migrating at once write the same rows. A document with a higher schema, another board's
// kind, or a version 1 snapshot whose shape cannot be read is left untouched.
//
// Validation flags, never hides or blocks: `readBoard` returns every row, each value as stored
// (or the field's default when it is not even of the right type), and a list of issues by path.
//
// Live sessions (docs/live.md): a participant's row carries `_status` ('visible' | 'pending' |
// 'hidden'; no key is visible) and `meta` holds `locked` and `moderation` ('open' | 'queue').
// `readBoard` (the projected board, exports, worksheets) leaves out pending and hidden rows, and
// the record entries keyed by them (a RACI activity's cells); the moderation panel reads every
// row with `liveEntries`. The charter's participants send proposals for single-value fields into
// the top-level map `proposals` (id -> Y.Map {path, text, _author, _name, _status, _at}), outside
// the board's shape: `readBoard` ignores it; `useProposal` copies one into its field.
import * as Y from 'yjs'
import { type BoardDefinition, describeZodError, type Result, validate } from '../boards/kit/board'
import { boardShape, type Part, repeatedKeys } from '../boards/kit/shape'
import type { EntryStatus, Moderation } from '../live/protocol'

export const DOC_SCHEMA = 2

/** The origin of the kit's own writes (initialisation, migration): never undone by a person's undo. */
export const INIT_ORIGIN = 'kit:init'

export interface Issue { path: string[], message: string }

export type ListPath = string | readonly string[]

export interface BoardRead<T> {
  data: T
  issues: Issue[]
  /** rows stored in the document (all lists, nested included) */
  rowCount: number
}

export type DocStatus =
  | { state: 'ready' }
  | { state: 'unreadable', reason: string }

type RowsPart = Extract<Part, { type: 'rows' }>
type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const fieldsMap = (doc: Y.Doc) => doc.getMap<unknown>('fields')
const metaMap = (doc: Y.Doc) => doc.getMap<unknown>('meta')
const rowsMap = (doc: Y.Doc, path: string[]) => doc.getMap<unknown>(`rows:${path.join('.')}`)
const recordMap = (doc: Y.Doc, path: string[]) => doc.getMap<unknown>(`record:${path.join('.')}`)

const plain = (v: unknown): unknown => (v instanceof Y.AbstractType ? v.toJSON() : v)
const same = (a: unknown, b: unknown) => JSON.stringify(plain(a)) === JSON.stringify(b)
const copy = <V>(v: V): V => (v === undefined ? v : JSON.parse(JSON.stringify(v)))
const asPath = (p: ListPath): string[] => (typeof p === 'string' ? [p] : [...p])

/** The value a field falls back to when what is stored is not even of its type. */
function fallback(schema: any): unknown {
  const r = schema.safeParse(undefined)
  if (r.success)
    return r.data
  let s = schema
  while (s?._zod?.def?.innerType)
    s = s._zod.def.innerType
  switch (s?._zod?.def?.type) {
    case 'number': return 0
    case 'array': return []
    case 'boolean': return false
    default: return ''
  }
}

function sameKind(a: unknown, b: unknown): boolean {
  return Array.isArray(a) ? Array.isArray(b) : (typeof a === typeof b && !Array.isArray(b) && a !== null)
}

function checkValue(schema: any, raw: unknown, path: string[], issues: Issue[]): unknown {
  const value = plain(raw)
  const parsed = schema.safeParse(value)
  if (parsed.success)
    return parsed.data
  for (const i of parsed.error.issues)
    issues.push({ path: [...path, ...i.path.map(String)], message: i.message })
  const base = fallback(schema)
  return value !== undefined && sameKind(value, base) ? value : base
}

/** A row's moderation status: rows without `_status` (typed by the facilitator) are visible. */
export function rowStatus(row: Y.Map<unknown>): EntryStatus {
  const s = row.get('_status')
  return s === 'pending' || s === 'hidden' ? s : 'visible'
}

interface ReadContext { issues: Issue[], count: { n: number }, leftOut: Set<string> }

function readRows(map: Y.Map<unknown> | undefined, part: RowsPart, path: string[], ctx: ReadContext): Record<string, unknown>[] {
  const { issues, count } = ctx
  const rows: { row: Record<string, unknown>, order: number, key: string }[] = []
  for (const [key, value] of map?.entries() ?? []) {
    if (!(value instanceof Y.Map)) {
      issues.push({ path: [...path, key], message: 'this row cannot be read (it is not a row) and is left out' })
      continue
    }
    count.n++
    // Waiting for the facilitator's approval, or hidden by them: not on the board.
    if (rowStatus(value) !== 'visible') {
      ctx.leftOut.add(key)
      continue
    }
    const row: Record<string, unknown> = { [part.key]: key }
    for (const [name, field] of Object.entries(part.fields)) {
      if (name === part.key)
        continue
      if (field.type === 'rows') {
        const nested = value.get(name)
        row[name] = readRows(nested instanceof Y.Map ? nested : undefined, field, [...path, key, name], ctx)
      }
      else if (field.type === 'value') {
        row[name] = checkValue(field.schema, value.get(name), [...path, key, name], issues)
      }
    }
    const order = value.get('_order')
    rows.push({ row, order: typeof order === 'number' ? order : Number.MAX_SAFE_INTEGER, key })
  }
  rows.sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  if (part.max !== undefined && rows.length > part.max)
    issues.push({ path, message: `more than ${part.max} rows` })
  return rows.map(r => r.row)
}

/** Whether this kit can read and write the document. Call after the local store has loaded. */
export function docStatus(doc: Y.Doc, def: BoardDefinition): DocStatus {
  const meta = metaMap(doc)
  const kind = meta.get('kind')
  const schema = meta.get('schema')
  if (kind !== undefined && kind !== def.kind)
    return { state: 'unreadable', reason: `The saved board is a ${String(kind)} board, not a ${def.kind} board.` }
  if (schema !== undefined && (typeof schema !== 'number' || schema > DOC_SCHEMA))
    return { state: 'unreadable', reason: `The saved board was written by a newer version of the kit (document schema ${String(schema)}; this kit reads up to ${DOC_SCHEMA}). Update the kit to edit it.` }
  if (schema === undefined || schema < DOC_SCHEMA) {
    const problem = migrationProblem(doc, def)
    if (problem)
      return { state: 'unreadable', reason: problem }
  }
  return { state: 'ready' }
}

/**
 * The board as plain data, with every row the room may see (pending and hidden contributions are
 * left out, with the record entries keyed by them), and the problems of each field.
 */
export function readBoard<T>(doc: Y.Doc, def: BoardDefinition<T>): BoardRead<T> {
  const issues: Issue[] = []
  const ctx: ReadContext = { issues, count: { n: 0 }, leftOut: new Set() }
  const fields = fieldsMap(doc)
  const records: (() => void)[] = []
  const walk = (parts: Record<string, Part>, prefix: string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (const [name, part] of Object.entries(parts)) {
      const path = [...prefix, name]
      if (part.type === 'object') {
        out[name] = walk(part.fields, path)
      }
      else if (part.type === 'rows') {
        out[name] = readRows(rowsMap(doc, path), part, path, ctx)
      }
      else if (part.type === 'record') {
        const record: Record<string, unknown> = {}
        out[name] = record
        // Read once every list is read: an entry keyed by a left-out row ('act:role' for a
        // hidden activity) is left out with it.
        records.push(() => {
          for (const [key, value] of recordMap(doc, path).entries()) {
            if (!key.split(':').some(k => ctx.leftOut.has(k)))
              record[key] = checkValue(part.value, value, [...path, key], issues)
          }
        })
      }
      else {
        out[name] = checkValue(part.schema, fields.get(path.join('.')), path, issues)
      }
    }
    return out
  }
  const data = walk(boardShape(def).fields, []) as T
  for (const read of records) read()
  return { data, issues, rowCount: ctx.count.n }
}

/** The issues of one field or row, e.g. `issuesAt(issues, ['stakeholders', id])`. */
export function issuesAt(issues: readonly Issue[], path: readonly string[]): Issue[] {
  return issues.filter(i => path.every((p, n) => i.path[n] === p))
}

// ---- locating parts --------------------------------------------------------------------

type Located =
  | { kind: 'rows', map: Y.Map<unknown>, part: RowsPart }
  | { kind: 'row', map: Y.Map<unknown>, part: RowsPart }
  | { kind: 'entry', map: Y.Map<unknown>, key: string }
  | { kind: 'missing' }

function locate(doc: Y.Doc, def: BoardDefinition, path: readonly string[]): Located {
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

function assertWritable(doc: Y.Doc, def: BoardDefinition): void {
  const meta = metaMap(doc)
  if (meta.get('kind') !== def.kind || meta.get('schema') !== DOC_SCHEMA)
    throw new Error(`The ${def.kind} document is not initialised for this kit (call initBoardDoc after loading).`)
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
export function addRow(doc: Y.Doc, def: BoardDefinition, listPath: ListPath, row: Record<string, unknown>, origin?: unknown): string {
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
export function updateRow(doc: Y.Doc, def: BoardDefinition, listPath: ListPath, rowId: string, patch: Record<string, unknown>, origin?: unknown): boolean {
  assertWritable(doc, def)
  const at = locate(doc, def, [...asPath(listPath), rowId])
  if (at.kind !== 'row')
    return false
  doc.transact(() => patchRow(at.map, at.part, patch), origin)
  return true
}

export function removeRow(doc: Y.Doc, def: BoardDefinition, listPath: ListPath, rowId: string, origin?: unknown): boolean {
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
export function setField(doc: Y.Doc, def: BoardDefinition, path: readonly string[], value: unknown, origin?: unknown): boolean {
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

// ---- whole boards: import, reset, initialisation, migration ---------------------------

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
function writeBoard(doc: Y.Doc, def: BoardDefinition, data: any): void {
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
export function importBoard<T>(doc: Y.Doc, def: BoardDefinition<T>, data: unknown, origin?: unknown): Result<T> {
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
export function resetBoard(doc: Y.Doc, def: BoardDefinition, origin?: unknown): void {
  assertWritable(doc, def)
  doc.transact(() => writeBoard(doc, def, def.empty()), origin)
}

// Version 1 wrote the whole board as a snapshot into the `board` map (rows in Y.Arrays).
function v1Data(doc: Y.Doc): Record<string, Json> | undefined {
  const old = doc.getMap<unknown>('board')
  return old.size ? old.toJSON() as Record<string, Json> : undefined
}

function migrationProblem(doc: Y.Doc, def: BoardDefinition): string | undefined {
  const old = v1Data(doc)
  if (!old)
    return undefined
  const problems: string[] = []
  const walk = (parts: Record<string, Part>, value: any, prefix: string[]) => {
    for (const [name, part] of Object.entries(parts)) {
      const v = value?.[name]
      const path = [...prefix, name].join('.')
      if (v === undefined)
        continue
      if (part.type === 'object' && (typeof v !== 'object' || Array.isArray(v)))
        problems.push(`${path} is not a group of fields`)
      else if (part.type === 'object')
        walk(part.fields, v, [...prefix, name])
      else if (part.type === 'rows' && (!Array.isArray(v) || v.some(r => typeof r?.[part.key] !== 'string')))
        problems.push(`${path} is not a list of rows with a ${part.key}`)
      else if (part.type === 'record' && (typeof v !== 'object' || Array.isArray(v)))
        problems.push(`${path} is not a record`)
    }
  }
  walk(boardShape(def).fields, old, [])
  problems.push(...repeatedKeys(def, old))
  return problems.length ? `The saved board (version 1) cannot be read: ${problems.slice(0, 3).join('; ')}.` : undefined
}

/**
 * Makes a freshly loaded document ready for this kit: a new document gets the board's
 * starting state, a version 1 document is migrated (its old snapshot left in place), and a
 * document this kit cannot read is left untouched and reported. Call once the local store
 * (and, live, the server) has loaded, never before: it would overwrite nothing, but it would
 * start a second board beside the saved one.
 */
export function initBoardDoc(doc: Y.Doc, def: BoardDefinition, origin: unknown = INIT_ORIGIN): DocStatus {
  const status = docStatus(doc, def)
  if (status.state !== 'ready')
    return status
  const meta = metaMap(doc)
  if (meta.get('schema') === DOC_SCHEMA && meta.get('kind') === def.kind) {
    upgradeFields(doc, def, origin)
    return status
  }
  doc.transact(() => {
    const snapshot = v1Data(doc)
    // Snapshots were written by boards of version 1.
    const old = snapshot && def.migrate ? def.migrate(1, snapshot) as Record<string, Json> : snapshot
    // The same data gives the same keys, so two tabs that migrate at once write the same rows.
    writeBoard(doc, def, old ? { ...(def.empty() as object), ...old } : def.empty())
    meta.set('kind', def.kind)
    meta.set('schema', DOC_SCHEMA)
    meta.set('version', def.version)
  }, origin)
  return status
}

/**
 * A saved board of an older board version (`meta.version`, absent before version 2 of any
 * board): its plain fields are read as data, passed through the board's `migrate`, and written
 * back under their new paths (rows and records are left as they are). Deterministic, so two
 * tabs upgrading at once write the same values.
 */
function upgradeFields(doc: Y.Doc, def: BoardDefinition, origin: unknown): void {
  const meta = metaMap(doc)
  const from = typeof meta.get('version') === 'number' ? meta.get('version') as number : 1
  if (from >= def.version)
    return
  doc.transact(() => {
    const fields = fieldsMap(doc)
    if (def.migrate && fields.size) {
      const nested: Record<string, any> = {}
      for (const [path, value] of fields.entries()) {
        const keys = path.split('.')
        let o = nested
        for (const k of keys.slice(0, -1))
          o = (o[k] ??= {})
        o[keys[keys.length - 1]] = plain(value)
      }
      const next = def.migrate(from, nested) as Record<string, any>
      const flat = new Map<string, unknown>()
      const walk = (parts: Record<string, Part>, value: any, prefix: string[]) => {
        for (const [name, part] of Object.entries(parts)) {
          const v = value?.[name]
          if (part.type === 'object')
            walk(part.fields, v, [...prefix, name])
          else if (part.type === 'value' && v !== undefined)
            flat.set([...prefix, name].join('.'), v)
        }
      }
      walk(boardShape(def).fields, next, [])
      for (const key of [...fields.keys()]) {
        if (!flat.has(key) && !key.startsWith('_'))
          fields.delete(key)
      }
      for (const [key, value] of flat) {
        if (!same(fields.get(key), value))
          fields.set(key, copy(value))
      }
    }
    meta.set('version', def.version)
  }, origin)
}

/** Every top-level type of the document as JSON: what an unreadable board offers for download. */
export function rawJson(doc: Y.Doc): string {
  const out: Record<string, unknown> = {}
  for (const name of doc.share.keys()) {
    for (const type of [Y.Map, Y.Array, Y.Text] as const) {
      try {
        out[name] = (doc.get(name, type as any) as Y.AbstractType<any>).toJSON()
        break
      }
      catch {}
    }
  }
  return `${JSON.stringify(out, null, 2)}\n`
}

/** The top-level types a board's data lives in: what an undo manager watches. */
export function boardTypes(doc: Y.Doc, def: BoardDefinition): Y.AbstractType<any>[] {
  const types: Y.AbstractType<any>[] = [fieldsMap(doc)]
  const walk = (parts: Record<string, Part>, prefix: string[]) => {
    for (const [name, part] of Object.entries(parts)) {
      if (part.type === 'object')
        walk(part.fields, [...prefix, name])
      if (part.type === 'rows')
        types.push(rowsMap(doc, [...prefix, name]))
      if (part.type === 'record')
        types.push(recordMap(doc, [...prefix, name]))
    }
  }
  walk(boardShape(def).fields, [])
  return types
}

/** The problems of one row before it is added (the live server checks contributions with it). */
export function checkRow(def: BoardDefinition, listPath: ListPath, row: unknown): Issue[] {
  let parts = boardShape(def).fields
  let part: Part | undefined
  const path = asPath(listPath)
  for (let i = 0; i < path.length; i++) {
    part = parts[path[i]]
    if (part?.type === 'object') {
      parts = part.fields
    }
    else if (part?.type === 'rows' && i < path.length - 1) {
      parts = part.fields
      i++
    }
  }
  if (part?.type !== 'rows')
    return [{ path, message: 'not a list of rows' }]
  const parsed = part.row.safeParse(row)
  return parsed.success ? [] : [{ path, message: describeZodError(parsed.error) }]
}

// ---- live moderation --------------------------------------------------------------------

/** A contribution as the moderation panel sees it: every row of the board's lists, any status. */
export interface LiveEntry {
  /** the list it belongs to ('stakeholders'; a top-level list) */
  list: string
  id: string
  status: EntryStatus
  /** the name its author gave ('' anonymous; no author: typed by the facilitator) */
  name: string
  /** whether a participant sent it (it has an `_author`) */
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

export interface LiveMeta { locked: boolean, moderation: Moderation }

/** The origin of the facilitator's moderation (hide, approve, lock): no board undo undoes it. */
export const MODERATION_ORIGIN = 'kit:moderation'

const proposalsMap = (doc: Y.Doc) => doc.getMap<unknown>('proposals')

function topLists(def: BoardDefinition): string[][] {
  const lists: string[][] = []
  const walk = (parts: Record<string, Part>, prefix: string[]) => {
    for (const [name, part] of Object.entries(parts)) {
      if (part.type === 'object')
        walk(part.fields, [...prefix, name])
      else if (part.type === 'rows')
        lists.push([...prefix, name])
    }
  }
  walk(boardShape(def).fields, [])
  return lists
}

const ownFields = (row: Y.Map<unknown>) =>
  Object.fromEntries([...row.entries()].filter(([k]) => !k.startsWith('_')).map(([k, v]) => [k, plain(v)]))

function valuePart(def: BoardDefinition, path: readonly string[]): Extract<Part, { type: 'value' }> | undefined {
  let part: Part | undefined = { type: 'object', fields: boardShape(def).fields } as Part
  for (const name of path)
    part = part?.type === 'object' ? part.fields[name] : undefined
  return part?.type === 'value' ? part : undefined
}

/** Every row of the board's top-level lists, with its status, oldest contribution first. */
export function liveEntries(doc: Y.Doc, def: BoardDefinition): LiveEntry[] {
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
        contributed: row.has('_author'),
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

export function liveMeta(doc: Y.Doc): LiveMeta {
  const meta = metaMap(doc)
  return { locked: meta.get('locked') === true, moderation: meta.get('moderation') === 'queue' ? 'queue' : 'open' }
}

/** Shows, hides or approves a row (approving is showing). False when the row is gone. */
export function setRowStatus(doc: Y.Doc, def: BoardDefinition, listPath: ListPath, rowId: string, status: EntryStatus, origin: unknown = MODERATION_ORIGIN): boolean {
  assertWritable(doc, def)
  const at = locate(doc, def, [...asPath(listPath), rowId])
  if (at.kind !== 'row')
    return false
  if (at.map.get('_status') !== status)
    doc.transact(() => at.map.set('_status', status), origin)
  return true
}

/** Locks the board (participants' contributions are refused) or opens it again. */
export function setLocked(doc: Y.Doc, def: BoardDefinition, locked: boolean, origin: unknown = MODERATION_ORIGIN): void {
  assertWritable(doc, def)
  if (liveMeta(doc).locked !== locked)
    doc.transact(() => metaMap(doc).set('locked', locked), origin)
}

/** Whether participants' contributions appear at once ('open') or wait for approval ('queue'). */
export function setModeration(doc: Y.Doc, def: BoardDefinition, moderation: Moderation, origin: unknown = MODERATION_ORIGIN): void {
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
export function useProposal(doc: Y.Doc, def: BoardDefinition, proposalId: string, origin?: unknown): boolean {
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
