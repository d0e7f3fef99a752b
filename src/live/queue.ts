// Work that must happen one at a time per key, in the order it was asked: a phone's answers
// (per connection), the shown board's updates (per board), a document's INSERTs (per document).
// Each task starts once the one before it on the same key has settled, whether it succeeded or
// failed (a failure is its caller's to handle, never the next task's), and a key that falls idle
// is forgotten, so a queue holds nothing for connections and documents that are gone.
//
// How: `const writing = oneAtATime<string>()`, then `writing.run(doc, () => insert(...))`;
// `writing.idle(doc)` settles once everything asked so far on `doc` has.

export interface OneAtATime<K> {
  /** Runs `task` after every task asked before it on `key`; settles as `task` does. */
  run: <T>(key: K, task: () => T | Promise<T>) => Promise<T>
  /** Settles (never rejects) once every task asked so far on `key` has settled. */
  idle: (key: K) => Promise<void>
}

export function oneAtATime<K>(): OneAtATime<K> {
  const tails = new Map<K, Promise<unknown>>()
  const settled = (p: Promise<unknown> | undefined) => (p ?? Promise.resolve()).then(() => {}, () => {})
  return {
    run<T>(key: K, task: () => T | Promise<T>): Promise<T> {
      const next = settled(tails.get(key)).then(task)
      tails.set(key, next)
      const forget = () => { if (tails.get(key) === next) tails.delete(key) }
      next.then(forget, forget)
      return next
    },
    idle: key => settled(tails.get(key)),
  }
}
