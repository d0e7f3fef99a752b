// Reading a board's document: the board as plain data (every row the room may see, each value as
// stored or the field's default, and the problems of each field), and the raw document for a
// board this kit cannot read.
import * as Y from 'yjs'
import type { DocDefinition } from './definition'
import { fallback, fieldsMap, type Issue, plain, recordMap, rowsMap, type RowsPart } from './layout'
import { boardShape, type Part } from './shape'
import { rowStatus } from './status'

export interface BoardRead<T> {
  data: T
  issues: Issue[]
  /** rows stored in the document (all lists, nested included) */
  rowCount: number
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

/**
 * The board as plain data, with every row the room may see (pending and hidden contributions are
 * left out, with the record entries keyed by them), and the problems of each field.
 */
export function readBoard<T>(doc: Y.Doc, def: DocDefinition<T>): BoardRead<T> {
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
  return { data: def.read ? def.read(doc, data) : data, issues, rowCount: ctx.count.n }
}

/** The issues of one field or row, e.g. `issuesAt(issues, ['stakeholders', id])`. */
export function issuesAt(issues: readonly Issue[], path: readonly string[]): Issue[] {
  return issues.filter(i => path.every((p, n) => i.path[n] === p))
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
export function boardTypes(doc: Y.Doc, def: DocDefinition): Y.AbstractType<any>[] {
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

