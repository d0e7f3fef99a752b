// How a phone writes an entry's values (its own list and the room's): a field's value as its
// option's label, a list of them joined, the title field, and the other fields as label: value.
import type { FieldView, ListView } from '../protocol'

type Row = Record<string, unknown> | undefined

/** A field's value as the phone shows it: an option's label, several joined with "; ", empty for nothing. */
export function shown(f: FieldView, value: unknown): string {
  if (Array.isArray(value))
    return value.map(v => f.options?.find(o => o.value === v)?.label ?? String(v)).join('; ')
  if (value === undefined || value === null || value === '')
    return ''
  return f.options?.find(o => o.value === value)?.label ?? String(value)
}

/** The entry's title field, shown. */
export function titleOf(list: ListView, row: Row): string {
  const f = list.fields.find(x => x.key === list.title)
  return f && row ? shown(f, row[list.title]) : ''
}

/** The entry's other fields, "label: value", the empty ones left out. */
export function details(list: ListView, row: Row): { key: string, label: string, value: string }[] {
  return list.fields
    .filter(f => f.key !== list.title && row && shown(f, row[f.key]))
    .map(f => ({ key: f.key, label: f.label, value: shown(f, row![f.key]) }))
}
