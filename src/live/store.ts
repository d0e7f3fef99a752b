// The live server's persistence: every Yjs update of every document is appended to SQLite
// synchronously, inside the change, before anyone is told about it. So an acknowledged
// contribution is on disk (WAL, committed) before its acknowledgement is sent, and a SIGKILL
// loses nothing acknowledged. Loading merges a document's updates; a long log is compacted
// into one update in a single SQLite transaction, so several processes may share the file
// (the Redis scale-out on one machine, and `live export` while a session runs).
//
// Hocuspocus's own SQLite extension stores whole documents on a debounce (2 s by default):
// a crash inside that window loses acknowledged edits, which is why this log is used instead.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Extension, afterLoadDocumentPayload, onLoadDocumentPayload } from '@hocuspocus/server'
import * as Y from 'yjs'
import { openDatabase, type SqliteDatabase, type SqliteStatement, transaction } from './sqlite'

const COMPACT_AFTER = 200
/** The origin of updates read back from the store, so they are not written again. */
export const FROM_STORE = Symbol('from store')

export class LiveStore {
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

  documents(): string[] {
    return this.db.prepare('SELECT DISTINCT doc FROM updates ORDER BY doc').all().map((r: { doc: string }) => r.doc)
  }

  /** A document rebuilt from the store, detached from any server (for exports). */
  load(doc: string): Y.Doc {
    const ydoc = new Y.Doc()
    const state = this.read(doc)
    if (state)
      Y.applyUpdate(ydoc, state, FROM_STORE)
    return ydoc
  }

  close(): void {
    this.db.close()
  }
}

const fromRedis = (origin: unknown) => !!origin && typeof origin === 'object' && (origin as { source?: string }).source === 'redis'

/**
 * The Hocuspocus extension over the store. Updates that arrive from another instance through
 * Redis are not written again: the instance that accepted them has written them already.
 */
export function storeExtension(store: LiveStore): Extension {
  return {
    extensionName: 'kit-live-store',
    async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
      const state = store.read(documentName)
      if (state)
        Y.applyUpdate(document, state, FROM_STORE)
    },
    async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
      document.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== FROM_STORE && !fromRedis(origin))
          store.append(documentName, update)
      })
    },
  }
}
