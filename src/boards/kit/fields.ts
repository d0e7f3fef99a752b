// Field definitions: one description of a board's row that drives its validation (zod),
// its form, its worksheet and its CSV/Markdown columns. Plain TypeScript, no Vue.
import { z } from 'zod'
import { IMPORT_BYTES } from '../../board-doc/envelope'

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
  importBytes: IMPORT_BYTES,
  /** rows per list on a board: enough for a room of 300, small enough for a projector */
  rows: 500,
  short: 80,
  medium: 280,
  long: 2000,
} as const

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
export const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/** A day that is in the calendar, as YYYY-MM-DD: 2027-02-29 and 2026-02-31 are not. */
export function isCalendarDay(value: string): boolean {
  if (!DAY.test(value))
    return false
  const [y, m, d] = value.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

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
    case 'number': {
      const message = `${f.label}: ${PROBLEMS.number.replace('{min}', String(f.min)).replace('{max}', String(f.max))}`
      return z.number(message).int(message).min(f.min, message).max(f.max, message)
    }
    case 'list':
      return z.array(z.string().trim().min(1).max(f.max, `${f.label}: each item at most ${f.max} characters`))
        .max(f.maxItems, `${f.label}: at most ${f.maxItems} items`).default([])
    // One message naming the field (a union would report "Invalid input" at an internal path).
    case 'month':
      return z.string().refine(v => v === '' || MONTH.test(v), `${f.label}: ${PROBLEMS.month}`).default('')
    case 'date':
      return z.string().refine(v => v === '' || isCalendarDay(v), `${f.label}: ${PROBLEMS.date}`).default('')
  }
}

/** What is wrong with a value, in words a person reads beside the field (and translates). */
export const PROBLEMS = {
  required: 'fill this in',
  choose: 'choose one of the options',
  month: 'use year and month, like 2024-03',
  date: 'use a day in the calendar, as year, month and day, like 2024-03-15',
  number: 'a whole number from {min} to {max}',
  tooLong: 'at most {max} characters',
  tooMany: 'at most {max} items, each at most {each} characters',
} as const

/**
 * A month as typed by a person, as YYYY-MM: `2024-03`, `2024-3`, `2024/03`, `03/2024`, `3/2024`
 * and `03.2024` all give `2024-03`. Anything else is returned trimmed, for validation to flag.
 */
export function normaliseMonth(typed: string): string {
  const text = typed.trim()
  const yearFirst = /^(\d{4})[-/.](\d{1,2})$/.exec(text)
  const monthFirst = /^(\d{1,2})[-/.](\d{4})$/.exec(text)
  const [year, month] = yearFirst ? [yearFirst[1], yearFirst[2]] : monthFirst ? [monthFirst[2], monthFirst[1]] : []
  if (!year || !month || Number(month) < 1 || Number(month) > 12)
    return text
  return `${year}-${month.padStart(2, '0')}`
}

/**
 * The problem with one field's value, naming the field by its label (`tr` translates the
 * label and the words), or undefined when the value is fine.
 */
export function fieldProblem(f: FieldDef, value: unknown, tr: (text: string) => string = s => s): string | undefined {
  if (fieldSchema(f).safeParse(value).success)
    return undefined
  const say = (problem: string, values: Record<string, number> = {}) =>
    `${tr(f.label)}: ${tr(problem).replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''))}`
  switch (f.kind) {
    case 'text': return typeof value === 'string' && value.length > f.max ? say(PROBLEMS.tooLong, { max: f.max }) : say(PROBLEMS.required)
    case 'choice':
    case 'multi': return say(PROBLEMS.choose)
    case 'number': return say(PROBLEMS.number, { min: f.min, max: f.max })
    case 'list': return say(PROBLEMS.tooMany, { max: f.maxItems, each: f.max })
    case 'month': return say(PROBLEMS.month)
    case 'date': return say(PROBLEMS.date)
  }
}

export const rowId = z.string().min(1).max(64)

/** The longest name a person gives with what they send (a phone's name, an idea's author). */
export const NAME_MAX = 40
/** A person's name as they give it: trimmed, at most NAME_MAX characters, empty for anonymous. */
export const personName = z.string().trim().max(NAME_MAX, `A name is at most ${NAME_MAX} characters.`)

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

/**
 * The fields of an edited row that differ from the row as the board shows it: what saving an
 * edit writes, so that another tab's edit of another field is kept. `except` leaves out fields
 * edited elsewhere (the mountain's steps).
 */
export function changedFields(shown: Record<string, unknown>, edited: Record<string, unknown>, except: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(edited).filter(([k, v]) => !except.includes(k) && JSON.stringify(shown[k]) !== JSON.stringify(v)))
}
