// The shape of a board's data, read once from its zod schema: which keys are plain values,
// which are lists of rows (each row keyed by its id), which are records (the RACI cells) and
// which are groups of fields (the charter's vision). The state layer stores each kind so that
// concurrent edits merge (./write.ts); imports use it to refuse repeated ids.
import type { z } from 'zod'
import type { DocDefinition } from './definition'

export type Part =
  | { type: 'value', schema: z.ZodType }
  | { type: 'rows', key: string, row: z.ZodType, max?: number, fields: Record<string, Part> }
  | { type: 'record', value: z.ZodType }
  | { type: 'object', fields: Record<string, Part> }

export interface BoardShape { fields: Record<string, Part> }

const WRAPPERS = new Set(['default', 'optional', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional'])

function inner(schema: z.ZodType): any {
  let s: any = schema
  while (WRAPPERS.has(s?._zod?.def?.type))
    s = s._zod.def.innerType
  return s
}

function maxOf(array: any): number | undefined {
  const checks: any[] = array._zod.def.checks ?? []
  for (const c of checks) {
    const d = c._zod?.def
    if (d?.check === 'max_length')
      return d.maximum
  }
  return undefined
}

function partOf(schema: z.ZodType, name: string, rowKeys: Record<string, string>, inRow: boolean): Part {
  const s = inner(schema)
  const type = s?._zod?.def?.type
  if (type === 'array') {
    const element = inner(s._zod.def.element)
    if (element?._zod?.def?.type === 'object') {
      const shape = element._zod.def.shape as Record<string, z.ZodType>
      const key = rowKeys[name] ?? ('id' in shape ? 'id' : undefined)
      if (key && key in shape) {
        const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, partOf(v, k, rowKeys, true)]))
        return { type: 'rows', key, row: s._zod.def.element, max: maxOf(s), fields }
      }
    }
  }
  if (!inRow && type === 'record')
    return { type: 'record', value: s._zod.def.valueType }
  if (!inRow && type === 'object') {
    const shape = s._zod.def.shape as Record<string, z.ZodType>
    return { type: 'object', fields: Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, partOf(v, k, rowKeys, false)])) }
  }
  return { type: 'value', schema }
}

const shapes = new WeakMap<DocDefinition, BoardShape>()

/** The board's data shape (cached per definition). */
export function boardShape(def: DocDefinition): BoardShape {
  let shape = shapes.get(def)
  if (!shape) {
    const top = partOf(def.schema, '', def.rowKeys ?? {}, false)
    if (top.type !== 'object')
      throw new Error(`The ${def.kind} board's schema must be an object.`)
    shape = { fields: top.fields }
    shapes.set(def, shape)
  }
  return shape
}

/** Rows whose key repeats another row's in the same list: "stakeholders: the id s1 is used twice". */
export function repeatedKeys(def: DocDefinition, data: unknown): string[] {
  const found: string[] = []
  const walk = (fields: Record<string, Part>, value: any, path: string[]) => {
    if (!value || typeof value !== 'object')
      return
    for (const [name, part] of Object.entries(fields)) {
      const v = value[name]
      if (part.type === 'object')
        walk(part.fields, v, [...path, name])
      if (part.type !== 'rows' || !Array.isArray(v))
        continue
      const seen = new Set<unknown>()
      for (const row of v) {
        const key = row?.[part.key]
        if (seen.has(key))
          found.push(`${[...path, name].join('.')}: the ${part.key} ${JSON.stringify(key)} is used by more than one row`)
        seen.add(key)
        walk(part.fields, row, [...path, name, String(key)])
      }
    }
  }
  walk(boardShape(def).fields, data, [])
  return found
}
