// A freshly loaded document made ready for this kit: a new one gets the board's starting state,
// an older layout (schema 1's snapshot) or an older board version is migrated, deterministically,
// and a document this kit cannot read is left untouched and reported.
import type { DocDefinition } from './definition'
import type * as Y from 'yjs'
import { copy, DOC_SCHEMA, fieldsMap, INIT_ORIGIN, type Json, metaMap, plain, same } from './layout'
import { boardShape, type Part, repeatedKeys } from './shape'
import { writeBoard } from './write'

export type DocStatus =
  | { state: 'ready' }
  | { state: 'unreadable', reason: string }

/** Whether this kit can read and write the document. Call after the local store has loaded. */
export function docStatus(doc: Y.Doc, def: DocDefinition): DocStatus {
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

// Version 1 wrote the whole board as a snapshot into the `board` map (rows in Y.Arrays).
function v1Data(doc: Y.Doc): Record<string, Json> | undefined {
  const old = doc.getMap<unknown>('board')
  return old.size ? old.toJSON() as Record<string, Json> : undefined
}

function migrationProblem(doc: Y.Doc, def: DocDefinition): string | undefined {
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
export function initBoardDoc(doc: Y.Doc, def: DocDefinition, origin: unknown = INIT_ORIGIN): DocStatus {
  def.prepare?.(doc)
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
function upgradeFields(doc: Y.Doc, def: DocDefinition, origin: unknown): void {
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
