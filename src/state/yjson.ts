// Plain JSON <-> Yjs, written so that a change touches only what changed: objects become
// Y.Maps, arrays of rows with an `id` are reconciled row by row, so that two people editing
// different rows (or different fields of one row) both keep their edit when documents merge.
import * as Y from 'yjs'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const isObject = (v: unknown): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v)
const isRowList = (v: unknown): v is { id: string }[] =>
  Array.isArray(v) && v.length > 0 && v.every(r => isObject(r) && typeof r.id === 'string')

function toY(value: Json): unknown {
  if (Array.isArray(value)) {
    const arr = new Y.Array()
    arr.push(value.map(toY))
    return arr
  }
  if (isObject(value)) {
    const map = new Y.Map()
    for (const [k, v] of Object.entries(value))
      map.set(k, toY(v))
    return map
  }
  return value
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Makes `map` hold `value`, changing as little as possible. Call inside a transaction. */
export function writeMap(map: Y.Map<unknown>, value: Record<string, Json>): void {
  for (const key of [...map.keys()]) {
    if (!(key in value))
      map.delete(key)
  }
  for (const [key, next] of Object.entries(value)) {
    const current = map.get(key)
    if (isObject(next) && current instanceof Y.Map)
      writeMap(current, next)
    else if (Array.isArray(next) && current instanceof Y.Array && (isRowList(next) || next.length === 0))
      writeRows(current, next as any)
    else if (!sameJson(current instanceof Y.AbstractType ? current.toJSON() : current, next))
      map.set(key, toY(next))
  }
}

function writeRows(arr: Y.Array<unknown>, rows: { id: string }[]): void {
  const wanted = new Set(rows.map(r => r.id))
  // Delete from the end so indexes stay valid.
  for (let i = arr.length - 1; i >= 0; i--) {
    const item = arr.get(i)
    if (!(item instanceof Y.Map) || !wanted.has(item.get('id') as string))
      arr.delete(i, 1)
  }
  rows.forEach((row, index) => {
    const at = arr.toArray().findIndex(item => (item as Y.Map<unknown>).get('id') === row.id)
    if (at === index) {
      writeMap(arr.get(index) as Y.Map<unknown>, row as any)
      return
    }
    if (at >= 0) {
      // Moved: Yjs has no move, so the row is re-created at its new place.
      arr.delete(at, 1)
    }
    arr.insert(index, [toY(row as any)])
  })
}

export function readMap(map: Y.Map<unknown>): Record<string, unknown> {
  return map.toJSON()
}
