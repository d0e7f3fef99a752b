// The idea board's moderation in bulk, on its live document (the facilitator's connection
// writes it; the server projects it): approve or hide many ideas, merge duplicates. Each step
// is one transaction and returns its undo, which puts back exactly what the step changed.
import * as Y from 'yjs'

type Rows = Y.Map<Y.Map<unknown>>
export type Undo = () => void

/** Runs `change` in one transaction; `keep(map, key)` before changing a row records it for the undo. */
export function moderationStep(doc: Y.Doc, change: (keep: (map: Y.Map<any>, key: string) => void) => void): Undo {
  const before = new Map<Y.Map<any>, Map<string, Map<string, unknown> | undefined>>()
  const keep = (map: Y.Map<any>, key: string) => {
    const saved = before.get(map) ?? before.set(map, new Map()).get(map)!
    if (!saved.has(key)) {
      const row = map.get(key)
      saved.set(key, row instanceof Y.Map ? new Map(row.entries()) : undefined)
    }
  }
  doc.transact(() => change(keep))
  return () => doc.transact(() => {
    for (const [map, saved] of before) {
      for (const [key, fields] of saved) {
        if (!fields) {
          map.delete(key)
          continue
        }
        let row = map.get(key)
        if (!(row instanceof Y.Map)) {
          row = new Y.Map<unknown>()
          map.set(key, row)
        }
        for (const k of [...row.keys()]) {
          if (!fields.has(k))
            row.delete(k)
        }
        for (const [k, v] of fields) {
          if (row.get(k) !== v)
            row.set(k, v)
        }
      }
    }
  })
}

/** Approves or hides every idea named (approve all, hide all): one step. */
export function setIdeasStatus(doc: Y.Doc, ids: readonly string[], status: 'visible' | 'hidden'): Undo {
  const ideas = doc.getMap('ideas') as Rows
  return moderationStep(doc, (keep) => {
    for (const id of ids) {
      const row = ideas.get(id)
      if (row instanceof Y.Map && row.get('_status') !== status) {
        keep(ideas, id)
        row.set('_status', status)
      }
    }
  })
}

/**
 * Merges duplicates into one idea (`target`): their votes move to it (a person who voted for
 * both keeps one vote there and gets the other back to spend); each duplicate stays its
 * sender's entry, hidden from the ranking with `_mergedInto`, and the idea kept lists them in
 * `_merged`, so the projection names everyone who sent it.
 */
export function mergeIdeas(doc: Y.Doc, target: string, sources: readonly string[]): Undo {
  const ideas = doc.getMap('ideas') as Rows
  const votes = doc.getMap('votes') as Rows
  return moderationStep(doc, (keep) => {
    const kept = ideas.get(target)
    if (!(kept instanceof Y.Map))
      return
    keep(ideas, target)
    const merged = new Set(Array.isArray(kept.get('_merged')) ? kept.get('_merged') as string[] : [])
    for (const source of sources) {
      const row = ideas.get(source)
      if (source === target || !(row instanceof Y.Map))
        continue
      keep(ideas, source)
      for (const [key, v] of [...votes.entries()]) {
        if (!(v instanceof Y.Map) || v.get('idea') !== source)
          continue
        const voter = String(v.get('_author'))
        const moved = `${voter}~${target}`
        keep(votes, key)
        votes.delete(key)
        if (!votes.has(moved)) {
          keep(votes, moved)
          const vote = new Y.Map<unknown>()
          votes.set(moved, vote)
          vote.set('idea', target)
          vote.set('_author', voter)
          vote.set('_at', v.get('_at') ?? Date.now())
        }
      }
      row.set('_status', 'hidden')
      row.set('_mergedInto', target)
      merged.add(source)
      // A duplicate that had duplicates of its own brings them along.
      for (const more of Array.isArray(row.get('_merged')) ? row.get('_merged') as string[] : []) {
        const other = ideas.get(more)
        if (other instanceof Y.Map) {
          keep(ideas, more)
          other.set('_mergedInto', target)
          merged.add(more)
        }
      }
    }
    kept.set('_merged', [...merged])
  })
}
