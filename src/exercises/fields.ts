// Field definitions: one description of a board's row that drives its validation (zod),
// its form, its worksheet and its CSV/Markdown columns. Plain TypeScript, no Vue.
import { z } from 'zod'

export interface Option { value: string, label: string }

interface FieldBase {
  key: string
  label: string
  /** one line of guidance shown under the field and on the printed worksheet */
  hint?: string
}

export type FieldDef = FieldBase & (
  | { kind: 'text', max: number, multiline?: boolean, required?: boolean }
  | { kind: 'choice', options: readonly Option[], required?: boolean }
  | { kind: 'multi', options: readonly Option[] }
  | { kind: 'number', min: number, max: number, step?: number }
  | { kind: 'list', max: number, maxItems: number }
  | { kind: 'month' }
  | { kind: 'date' }
)

export const LIMITS = {
  /** an imported file larger than this is refused before it is parsed */
  importBytes: 1_000_000,
  /** rows per list on a board: enough for a room of 300, small enough for a projector */
  rows: 500,
  short: 80,
  medium: 280,
  long: 2000,
} as const

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
export const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

export function fieldSchema(f: FieldDef): z.ZodType {
  switch (f.kind) {
    case 'text': {
      const s = z.string().max(f.max, `${f.label}: at most ${f.max} characters`)
      return f.required ? s.trim().min(1, `${f.label} is required`) : s.default('')
    }
    case 'choice': {
      const values = f.options.map(o => o.value) as [string, ...string[]]
      return f.required ? z.enum(values) : z.union([z.enum(values), z.literal('')]).default('')
    }
    case 'multi': {
      const values = f.options.map(o => o.value) as [string, ...string[]]
      return z.array(z.enum(values)).max(values.length).default([])
    }
    case 'number':
      return z.number().int().min(f.min).max(f.max)
    case 'list':
      return z.array(z.string().trim().min(1).max(f.max, `${f.label}: each item at most ${f.max} characters`))
        .max(f.maxItems, `${f.label}: at most ${f.maxItems} items`).default([])
    case 'month':
      return z.union([z.string().regex(MONTH, `${f.label} must be YYYY-MM`), z.literal('')]).default('')
    case 'date':
      return z.union([z.string().regex(DAY, `${f.label} must be YYYY-MM-DD`), z.literal('')]).default('')
  }
}

export const rowId = z.string().min(1).max(64)

/** The value a field holds, from its definition (declare fields `as const satisfies readonly FieldDef[]`). */
export type ValueOf<F> =
  F extends { kind: 'text' | 'month' | 'date' } ? string
    : F extends { kind: 'choice', options: readonly { value: infer V }[], required: true } ? V
      : F extends { kind: 'choice', options: readonly { value: infer V }[] } ? V | ''
        : F extends { kind: 'multi', options: readonly { value: infer V }[] } ? V[]
          : F extends { kind: 'number' } ? number
            : F extends { kind: 'list' } ? string[]
              : never

/** The zod shape of a row: its `id` and one schema per field, each typed by its definition. */
export type RowShape<Fs extends readonly FieldDef[]> = { id: typeof rowId } & { [F in Fs[number] as F['key']]: z.ZodType<ValueOf<F>> }

/** The zod shape of a row's fields, to extend with nested parts. */
export function rowShape<const Fs extends readonly FieldDef[]>(fields: Fs): RowShape<Fs> {
  // Field definitions are data; their types come from `ValueOf`, checked against the schemas by the tests.
  return { id: rowId, ...Object.fromEntries(fields.map(f => [f.key, fieldSchema(f)])) } as RowShape<Fs>
}

/** A zod object for a row with an `id` and the given fields; `z.infer` of it is the row's type. */
export function rowSchema<const Fs extends readonly FieldDef[]>(fields: Fs) {
  return z.object(rowShape(fields)).strict()
}

/** The empty value of a field, for a new row. */
export function emptyValue(f: FieldDef): unknown {
  switch (f.kind) {
    case 'number': return f.min
    case 'multi':
    case 'list': return []
    default: return ''
  }
}

export function emptyRow(fields: readonly FieldDef[], id: string): Record<string, unknown> {
  return { id, ...Object.fromEntries(fields.map(f => [f.key, emptyValue(f)])) }
}

/** A field's value as a person reads it: option labels, lists joined. */
export function displayValue(f: FieldDef, value: unknown): string {
  if (value === undefined || value === null)
    return ''
  switch (f.kind) {
    case 'choice': return f.options.find(o => o.value === value)?.label ?? String(value)
    case 'multi': return (value as string[]).map(v => f.options.find(o => o.value === v)?.label ?? v).join(', ')
    case 'list': return (value as string[]).join('; ')
    default: return String(value)
  }
}

export function options<const V extends string>(values: readonly V[], labels?: Partial<Record<V, string>>): { value: V, label: string }[] {
  return values.map(value => ({ value, label: labels?.[value] ?? value }))
}

let counter = 0
/** Ids for new rows: unique per browser without a server (time, random, a counter). */
export function newId(prefix = 'r'): string {
  counter = (counter + 1) % 1_000_000
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}${counter.toString(36)}`
}
