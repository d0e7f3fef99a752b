// The idea board's moderation in bulk, on its live document (./doc.ts; the facilitator's tab
// writes it through its state, `live.merge`, the server projects it): approve or hide many ideas, merge duplicates.
// Each step is one of the document core's moderation steps (src/board-doc/moderation.ts): one
// transaction, returning its undo, which puts back exactly what the step changed.
import * as Y from 'yjs'
import { moderationStep, setRowsStatus, type Undo } from '../../board-doc'
import { ideas as ideasOf, votes as votesOf } from './doc'

export type { Undo }

/** Approves or hides every idea named (approve all, hide all): one step. */
export function setIdeasStatus(doc: Y.Doc, ids: readonly string[], status: 'visible' | 'hidden'): Undo {
  return setRowsStatus(doc, ideasOf(doc), ids, status)
}

/**
 * Merges duplicates into one idea (`target`): their votes (rows of the list `votes`) move to it
 * (a person who voted for both keeps one vote there and gets the other back to spend); each duplicate stays its
 * sender's entry, hidden from the ranking with `_mergedInto`, and the idea kept lists them in
 * `_merged`, so the projection names everyone who sent it.
 */
export function mergeIdeas(doc: Y.Doc, target: string, sources: readonly string[]): Undo {
  const ideas = ideasOf(doc)
  const votes = votesOf(doc)
  return moderationStep(doc, (keep) => {
    const kept = ideas.get(target)
    if (!(kept instanceof Y.Map))
      return
    keep(ideas, target)
    const merged = new Set(Array.isArray(kept.get('_merged')) ? kept.get('_merged') as string[] : [])
    // Who has a vote on the idea kept: a second vote of theirs (on a duplicate) is given back.
    const voters = new Set<string>()
    for (const v of votes.values()) {
      if (v instanceof Y.Map && v.get('idea') === target)
        voters.add(String(v.get('_author')))
    }
    for (const source of sources) {
      const row = ideas.get(source)
      if (source === target || !(row instanceof Y.Map))
        continue
      keep(ideas, source)
      for (const [key, v] of [...votes.entries()]) {
        if (!(v instanceof Y.Map) || v.get('idea') !== source)
          continue
        keep(votes, key)
        if (voters.has(String(v.get('_author')))) {
          votes.delete(key)
          continue
        }
        voters.add(String(v.get('_author')))
        v.set('idea', target)
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
