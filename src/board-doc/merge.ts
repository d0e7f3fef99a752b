// Merging duplicates on an exercise board's list (a live session's moderation), beside
// the document core: the entries ticked become the one chosen to keep. Each duplicate stays its
// sender's entry (its row, `_author` and `_name` are kept), hidden from the board with
// `_mergedInto: <kept id>`; the entry kept lists them in `_merged`, so the exports name everyone
// who sent it. The idea board's own merge (src/boards/idea-vote/moderate.ts) also moves votes;
// a list board has no votes. One transaction, and its undo puts back exactly what it changed.
import * as Y from 'yjs'
import { moderationStep, type Undo } from './moderation'
import type { ListPath } from './layout'

export type { Undo } from './moderation'

/** A list's rows as board-doc keeps them: the top-level map `rows:<path>` (board-doc.ts). */
const rowsOf = (doc: Y.Doc, list: ListPath) => doc.getMap<unknown>(`rows:${(typeof list === 'string' ? list.split('.') : list).join('.')}`)
const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

/**
 * Merges `sources` into `target` in one list. Rows that are not in the list, the target itself
 * and rows already merged elsewhere are left alone; nothing changes (and the undo does nothing)
 * when the target is missing or merged into another entry itself.
 */
export function mergeEntries(doc: Y.Doc, list: ListPath, target: string, sources: readonly string[]): Undo {
  const rows = rowsOf(doc, list)
  return moderationStep(doc, (keep) => {
    const kept = rows.get(target)
    if (!(kept instanceof Y.Map) || typeof kept.get('_mergedInto') === 'string')
      return
    const merged = new Set(ids(kept.get('_merged')))
    const before = merged.size
    for (const source of sources) {
      const row = rows.get(source)
      if (source === target || !(row instanceof Y.Map) || typeof row.get('_mergedInto') === 'string')
        continue
      keep(rows, source)
      row.set('_status', 'hidden')
      row.set('_mergedInto', target)
      merged.add(source)
      // A duplicate that had duplicates of its own brings them along.
      for (const more of ids(row.get('_merged'))) {
        const other = rows.get(more)
        if (other instanceof Y.Map && more !== target) {
          keep(rows, more)
          other.set('_mergedInto', target)
          merged.add(more)
        }
      }
      row.delete('_merged')
    }
    if (merged.size !== before) {
      keep(rows, target)
      kept.set('_merged', [...merged])
    }
  })
}

/**
 * The names the senders of an entry's merged duplicates gave (its `_merged` ids that still point
 * back to it with `_mergedInto`), trimmed, anonymous ones and the entry's own sender left out:
 * for the board, the phones and the session's record, which name everyone who sent it.
 */
export function mergedSenders(list: { get: (id: string) => unknown }, row: Y.Map<unknown>, id: string): string[] {
  const merged = row.get('_merged')
  if (!Array.isArray(merged))
    return []
  const names = new Set<string>()
  for (const other of merged.slice(0, 500)) {
    const dup = typeof other === 'string' ? list.get(other) : undefined
    const name = dup instanceof Y.Map && dup.get('_mergedInto') === id ? dup.get('_name') : undefined
    if (typeof name === 'string' && name.trim())
      names.add(name.trim().slice(0, 40))
  }
  const own = row.get('_name')
  if (typeof own === 'string')
    names.delete(own.trim())
  return [...names]
}

/** Each merged entry of a list board's lists and the entry it was merged into (the panel's "merged"). */
export function mergedEntries(doc: Y.Doc, lists: readonly string[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const list of lists) {
    for (const [id, row] of rowsOf(doc, list).entries()) {
      const into = row instanceof Y.Map ? row.get('_mergedInto') : undefined
      if (typeof into === 'string')
        out.set(`${list}/${id}`, into)
    }
  }
  return out
}
