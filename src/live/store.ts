// The live server's persistence: every Yjs update of every document is appended to SQLite
// synchronously, inside the change, before anyone is told about it. So an acknowledged
// contribution is on disk (WAL, committed) before its acknowledgement is sent, and a SIGKILL
// loses nothing acknowledged. Loading merges a document's updates; a long log is compacted
// into one update in a single SQLite transaction, so several processes may share the file
// (the Redis scale-out on one machine, and `live export` while a session runs).
//
// Hocuspocus's own SQLite extension stores whole documents on a debounce (2 s by default):
// a crash inside that window loses acknowledged edits, which is why this log is used instead.
// The same log can live in PostgreSQL (pg-store.ts), for instances on several machines.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Extension, afterLoadDocumentPayload, onLoadDocumentPayload } from '@hocuspocus/server'
import * as Y from 'yjs'
import { openDatabase, type SqliteDatabase, type SqliteStatement, transaction } from './sqlite'

const COMPACT_AFTER = 200
/** The origin of updates read back from the store, so they are not written again. */
export const FROM_STORE = Symbol('from store')

/** Where a session's updates live: SQLite (this file) or PostgreSQL (pg-store.ts). */
export interface UpdateStore {
  /** Persists one update; a returned promise settles when it is durable. */
  append: (doc: string, update: Uint8Array) => void | Promise<void>
  /** The document's whole state as one update (empty document: undefined). */
  readAsync: (doc: string) => Promise<Uint8Array | undefined>
  documentsAsync: () => Promise<string[]>
  close: () => void | Promise<void>
}

export class LiveStore implements UpdateStore {
  private db: SqliteDatabase
  private insert: SqliteStatement
  private select: SqliteStatement

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true })
    this.db = openDatabase(file)
    this.db.exec('PRAGMA journal_mode = WAL')
    // NORMAL in WAL mode: a committed transaction survives the process being killed;
    // FULL would also survive a power cut at the cost of an fsync per contribution.
    this.db.exec('PRAGMA synchronous = NORMAL')
    this.db.exec('PRAGMA busy_timeout = 5000')
    this.db.exec(`CREATE TABLE IF NOT EXISTS updates (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      doc TEXT NOT NULL,
      data BLOB NOT NULL
    ); CREATE INDEX IF NOT EXISTS updates_doc ON updates (doc, seq);`)
    this.insert = this.db.prepare('INSERT INTO updates (doc, data) VALUES (?, ?)')
    this.select = this.db.prepare('SELECT seq, data FROM updates WHERE doc = ? ORDER BY seq')
  }

  append(doc: string, update: Uint8Array): void {
    this.insert.run(doc, Buffer.from(update))
  }

  /** The document's whole state as one update (empty document: undefined). */
  read(doc: string): Uint8Array | undefined {
    const rows = this.select.all(doc) as { seq: number, data: Uint8Array }[]
    if (rows.length === 0)
      return undefined
    const merged = rows.length === 1 ? new Uint8Array(rows[0].data) : Y.mergeUpdates(rows.map(r => new Uint8Array(r.data)))
    if (rows.length > COMPACT_AFTER)
      this.compact(doc, rows.at(-1)!.seq, merged)
    return merged
  }

  private compact(doc: string, upTo: number, merged: Uint8Array): void {
    transaction(this.db, () => {
      this.db.prepare('DELETE FROM updates WHERE doc = ? AND seq <= ?').run(doc, upTo)
      this.db.prepare('INSERT INTO updates (doc, data) VALUES (?, ?)').run(doc, Buffer.from(merged))
    })
  }

  async readAsync(doc: string) {
    return this.read(doc)
  }

  async documentsAsync() {
    return this.documents()
  }

  documents(): string[] {
    return this.db.prepare('SELECT DISTINCT doc FROM updates ORDER BY doc').all().map(r => (r as { doc: string }).doc)
  }

  close(): void {
    this.db.close()
  }
}

const fromRedis = (origin: unknown) => !!origin && typeof origin === 'object' && (origin as { source?: string }).source === 'redis'

/**
 * The Hocuspocus extension over a store. Updates that arrive from another instance through
 * Redis are not written again: the instance that accepted them has written them already.
 * `persisted(doc)` settles once every update of the document so far is durable (at once for
 * SQLite, whose writes are synchronous); a failed write is retried until it succeeds, so an
 * acknowledgement that waits for it is never given for something that is not stored.
 */
/** A document rebuilt from a store, detached from any server (for exports). */
export async function loadDocument(store: UpdateStore, doc: string): Promise<Y.Doc> {
  const ydoc = new Y.Doc()
  const state = await store.readAsync(doc)
  if (state)
    Y.applyUpdate(ydoc, state, FROM_STORE)
  return ydoc
}

export function storeExtension(store: UpdateStore): { extension: Extension, persisted: (doc: string) => Promise<void>, drain: () => Promise<void> } {
  const inFlight = new Map<string, Set<Promise<void>>>()
  function write(doc: string, update: Uint8Array) {
    const first = store.append(doc, update)
    if (!first)
      return
    const pending = (async () => {
      let attempt: Promise<void> | void = first
      for (let wait = 100; ; wait = Math.min(wait * 2, 5000)) {
        try {
          await attempt
          return
        }
        catch (e) {
          console.error(`live: storing an update of ${doc} failed (${(e as Error).message}); retrying in ${wait} ms`)
          await new Promise(resolve => setTimeout(resolve, wait))
          attempt = store.append(doc, update)
        }
      }
    })()
    const set = inFlight.get(doc) ?? inFlight.set(doc, new Set()).get(doc)!
    set.add(pending)
    pending.finally(() => set.delete(pending))
  }
  return {
    persisted: async (doc) => {
      while (inFlight.get(doc)?.size)
        await Promise.all(inFlight.get(doc)!)
    },
    drain: async () => {
      while ([...inFlight.values()].some(set => set.size))
        await Promise.all([...inFlight.values()].flatMap(set => [...set]))
    },
    extension: {
      extensionName: 'kit-live-store',
      async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
        const state = await store.readAsync(documentName)
        if (state)
          Y.applyUpdate(document, state, FROM_STORE)
      },
      async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
        document.on('update', (update: Uint8Array, origin: unknown) => {
          if (origin !== FROM_STORE && !fromRedis(origin))
            write(documentName, update)
        })
      },
    },
  }
}
