// The document core: a board's Yjs document, its layout, and every operation on it, as plain
// functions with no Vue and no browser, so that a tab, a test and the live server all change
// boards the same way. This file is the layout and its small helpers; read.ts, write.ts,
// migrate.ts and moderation.ts are the operations, status.ts the moderation fields, envelope.ts
// the JSON export; index.ts hands them all on.
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
// layout bumps DOC_SCHEMA and teaches `initBoardDoc` (migrate.ts) to read the older one and write the new
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
import type { DocDefinition } from './definition'
import { boardShape, type Part } from './shape'
import { metaMap } from './status'

export { metaMap }

export const DOC_SCHEMA = 2

/** The origin of the kit's own writes (initialisation, migration): never undone by a person's undo. */
export const INIT_ORIGIN = 'kit:init'

export interface Issue { path: string[], message: string }

export type ListPath = string | readonly string[]

export type RowsPart = Extract<Part, { type: 'rows' }>
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export const fieldsMap = (doc: Y.Doc) => doc.getMap<unknown>('fields')
export const rowsMap = (doc: Y.Doc, path: readonly string[]) => doc.getMap<unknown>(`rows:${path.join('.')}`)
export const recordMap = (doc: Y.Doc, path: readonly string[]) => doc.getMap<unknown>(`record:${path.join('.')}`)
export const proposalsMap = (doc: Y.Doc) => doc.getMap<unknown>('proposals')

export const plain = (v: unknown): unknown => (v instanceof Y.AbstractType ? v.toJSON() : v)
export const same = (a: unknown, b: unknown) => JSON.stringify(plain(a)) === JSON.stringify(b)
export const copy = <V>(v: V): V => (v === undefined ? v : JSON.parse(JSON.stringify(v)))
export const asPath = (p: ListPath): string[] => (typeof p === 'string' ? [p] : [...p])
/** A row as a Y.Map, or undefined for anything else stored under a row's key. */
export const asRow = (v: unknown) => (v instanceof Y.Map ? v as Y.Map<unknown> : undefined)

/** The value a field falls back to when what is stored is not even of its type. */
export function fallback(schema: any): unknown {
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

/** The value part of the board's shape at a path (`['mission', 'with']` or `'mission.with'`), or undefined. */
export function valuePart(def: DocDefinition, path: ListPath): Extract<Part, { type: 'value' }> | undefined {
  let part: Part | undefined = { type: 'object', fields: boardShape(def).fields }
  for (const name of typeof path === 'string' ? path.split('.') : path)
    part = part?.type === 'object' ? part.fields[name] : undefined
  return part?.type === 'value' ? part : undefined
}

/** The board's top-level lists of rows, as paths (`['stakeholders']`, `['mission', 'milestones']`). */
export function topLists(def: DocDefinition): string[][] {
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

export function assertWritable(doc: Y.Doc, def: DocDefinition): void {
  const meta = metaMap(doc)
  if (meta.get('kind') !== def.kind || meta.get('schema') !== DOC_SCHEMA)
    throw new Error(`The ${def.kind} document is not initialised for this kit (call initBoardDoc after loading).`)
}
