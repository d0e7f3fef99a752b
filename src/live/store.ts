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
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import process from 'node:process'
import type { Extension, afterLoadDocumentPayload, onLoadDocumentPayload } from '@hocuspocus/server'
import * as Y from 'yjs'
import { UserError } from '../errors'
import { openDatabase, type SqliteDatabase, type SqliteStatement, SqliteUnavailable, transaction } from './sqlite'

const COMPACT_AFTER = 200
/** How long after the store starts failing a contribution still waits for its write. */
const FAILING_WAIT = 1000
/** The origin of updates read back from the store, so they are not written again. */
export const FROM_STORE = Symbol('from store')

/** Where a session's updates live: SQLite (this file) or PostgreSQL (pg-store.ts). */
export interface UpdateStore {
  /** Persists one update; a returned promise settles when it is durable. */
  append: (doc: string, update: Uint8Array) => void | Promise<void>
  /** The document's whole state as one update (empty document: undefined). */
  readAsync: (doc: string) => Promise<Uint8Array | undefined>
  documentsAsync: () => Promise<string[]>
  /**
   * Replaces the document's stored updates by one update of its state, in one transaction (a
   * crash keeps the one or the other), deleted content left out (compactState): what a removal
   * deleted is then no longer in the store. Updates stored meanwhile (another instance's) stay.
   */
  compact?: (doc: string) => void | Promise<void>
  close: () => void | Promise<void>
  /** Told about a lost connection between writes (PostgreSQL's pool), if the store has one. */
  onError?: (e: Error) => void
}

/**
 * A document's stored updates as one update of its state, without what was deleted: the updates
 * are applied to a fresh document with garbage collection, which replaces deleted content by its
 * length (Y.mergeUpdates keeps it, as does a live document whose UndoManager held the items).
 */
export function compactState(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true })
  try {
    Y.applyUpdate(doc, updates.length === 1 ? updates[0] : Y.mergeUpdates(updates))
    return Y.encodeStateAsUpdate(doc)
  }
  finally {
    doc.destroy()
  }
}

/** How long opening a store waits for another process that holds its lock (milliseconds). */
const OPEN_PATIENCE_MS = 15_000

const isBusy = (e: unknown) => /database is locked|SQLITE_BUSY/i.test(`${(e as { code?: string }).code ?? ''} ${(e as Error).message}`)

/** One connection to the store, set up and checked; closed again if any step fails. */
function openStore(file: string): { db: SqliteDatabase, insert: SqliteStatement, select: SqliteStatement } {
  const db = openDatabase(file)
  try {
    // First: a second process opening the store waits for the other's lock (node:sqlite's
    // default wait is none).
    db.exec('PRAGMA busy_timeout = 5000')
    db.exec('PRAGMA journal_mode = WAL')
    // NORMAL in WAL mode: a committed transaction survives the process being killed;
    // FULL would also survive a power cut at the cost of an fsync per contribution.
    db.exec('PRAGMA synchronous = NORMAL')
    // What a compaction deletes (a removed participant's text) is overwritten in the file, not
    // left in its free pages.
    db.exec('PRAGMA secure_delete = ON')
    // A damaged file (truncated, overwritten) is found here, before anything is written to it.
    const check = db.prepare('PRAGMA quick_check').all() as { quick_check: string }[]
    if (check[0]?.quick_check !== 'ok')
      throw new Error(check.map(r => r.quick_check).slice(0, 3).join('; '))
    db.exec(`CREATE TABLE IF NOT EXISTS updates (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      doc TEXT NOT NULL,
      data BLOB NOT NULL
    ); CREATE INDEX IF NOT EXISTS updates_doc ON updates (doc, seq);`)
    return {
      db,
      insert: db.prepare('INSERT INTO updates (doc, data) VALUES (?, ?)'),
      select: db.prepare('SELECT seq, data FROM updates WHERE doc = ? ORDER BY seq'),
    }
  }
  catch (e) {
    try {
      db.close()
    }
    catch {}
    throw e
  }
}

export class LiveStore implements UpdateStore {
  private db!: SqliteDatabase
  private insert!: SqliteStatement
  private select!: SqliteStatement

  constructor(readonly file: string) {
    privateFile(file)
    // Two instances (--redis) started at once open one new store at once: the switch to WAL and
    // the first table take the file's lock, and SQLite answers some of these at once with "database
    // is locked" whatever the busy timeout. The whole opening is then tried again, for a while.
    const until = Date.now() + OPEN_PATIENCE_MS
    for (let attempt = 1; ; attempt++) {
      try {
        const { db, insert, select } = openStore(file)
        this.db = db
        this.insert = insert
        this.select = select
        return
      }
      catch (e) {
        if (!isBusy(e) || Date.now() >= until)
          throw storeError(file, e)
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(50 * attempt, 500))
      }
    }
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
    if (rows.length > COMPACT_AFTER) {
      // Compaction only saves space: a store that cannot write now (a full disk) still loads.
      try {
        this.compactUpTo(doc, rows.at(-1)!.seq, merged)
      }
      catch {}
    }
    return merged
  }

  private compactUpTo(doc: string, upTo: number, merged: Uint8Array): void {
    transaction(this.db, () => this.replaceUpTo(doc, upTo, merged))
  }

  /** Inside a transaction: the document's updates up to `upTo` replaced by `data`, one update. */
  private replaceUpTo(doc: string, upTo: number, data: Uint8Array): void {
    this.db.prepare('DELETE FROM updates WHERE doc = ? AND seq <= ?').run(doc, upTo)
    this.insert.run(doc, Buffer.from(data))
  }

  /**
   * The document's updates replaced by one of its state without deleted content (compactState),
   * read and written in one write transaction: another process's write waits for it (SQLite's
   * lock), so nothing stored meanwhile is lost, and a crash leaves the old updates or the new
   * one. Then the write-ahead log is copied into the file and truncated, so the deleted content
   * is in neither file (secure_delete overwrites the rows' old bytes).
   */
  compact(doc: string): void {
    let changed = false
    transaction(this.db, () => {
      const rows = this.select.all(doc) as { seq: number, data: Uint8Array }[]
      if (rows.length === 0)
        return
      this.replaceUpTo(doc, rows.at(-1)!.seq, compactState(rows.map(r => new Uint8Array(r.data))))
      changed = true
    })
    // Another process reading the log holds its truncation back: the next checkpoint does it.
    if (changed)
      this.db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').all()
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

/**
 * The session's data stays with the account that runs the kit: the folder 0700, the store 0600
 * (SQLite gives its -wal and -shm files the store's mode). Created so before SQLite opens it.
 */
function privateFile(file: string): void {
  const dir = dirname(file)
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    if (!existsSync(file))
      closeSync(openSync(file, 'a', 0o600))
    for (const [path, mode] of [[dir, 0o700], [file, 0o600]] as const) {
      const st = statSync(path)
      if ((st.mode & 0o777) !== mode && st.uid === process.getuid?.())
        chmodSync(path, mode)
    }
  }
  catch (e) {
    throw new UserError(`The session's store ${file} cannot be created (${(e as Error).message}). The sessions folder must be writable by this account: check its permissions (ls -ld ${dir}), or choose another folder with KIT_SESSIONS_DIR=/path/to/folder.`)
  }
}

/** What went wrong opening a store, for the person who started the server: never a stack trace. */
function storeError(file: string, e: unknown): UserError {
  if (e instanceof UserError)
    return e
  const message = (e as Error).message.split('\n')[0]
  if (/not a database|malformed|corrupt|disk image|database disk/i.test(message) || (e as { code?: string }).code === 'SQLITE_NOTADB' || (e as { code?: string }).code === 'SQLITE_CORRUPT')
    return new UserError(`The session's store ${file} is damaged and cannot be read (${message}). Nothing was changed. Restore it from a copy, or move it aside to start this session afresh (mv ${file} ${file}.damaged): the session's earlier contributions stay in the moved file.`)
  if (isBusy(e))
    return new SqliteUnavailable(`The session's store ${file} stayed locked by another process for ${OPEN_PATIENCE_MS / 1000} s (${message}): another live server or a tool (a backup, sqlite3) is holding it. Stop that process or wait for it, then start again. Nothing was written.`)
  return new SqliteUnavailable(`The session's store ${file} cannot be used (${message}). Check that the file and its folder are writable by this account and that the disk is not full, then start again.`)
}

const fromRedis = (origin: unknown) => !!origin && typeof origin === 'object' && (origin as { source?: string }).source === 'redis'

/** A document rebuilt from a store, detached from any server (for exports). */
export async function loadDocument(store: UpdateStore, doc: string): Promise<Y.Doc> {
  const ydoc = new Y.Doc()
  const state = await store.readAsync(doc)
  if (state)
    Y.applyUpdate(ydoc, state, FROM_STORE)
  return ydoc
}

/**
 * The Hocuspocus extension over a store. Updates that arrive from another instance through
 * Redis are not written again: the instance that accepted them has written them already.
 *
 * A write that fails (a full disk, a read-only file, PostgreSQL gone) never throws into Yjs:
 * the update is kept in memory and retried until it is stored, and every later update of that
 * document waits behind it, in order. `saved(doc)` is true once the document's updates so far
 * are stored, false when they are not (soon): the server then refuses and undoes the
 * contribution instead of acknowledging it (SQLite writes inside the change, so its answer is
 * known at once; PostgreSQL's INSERT is waited for). `onHealth` hears when saving fails and when
 * it works again.
 */
export interface WriteMark {
  doc: string
  /** settles when every update of the document made up to the mark is stored */
  stored?: Promise<void>
  /** an update up to the mark could not be written and waits in the backlog */
  backlogged: boolean
}

export function storeExtension(store: UpdateStore, onHealth: (problem: string | undefined) => void = () => {}): { extension: Extension, mark: (doc: string) => WriteMark, saved: (mark: WriteMark | string) => Promise<boolean>, drain: () => Promise<void> } {
  const inFlight = new Map<string, Set<Promise<void>>>()
  /**
   * Per document: settles once every update written so far is stored (this one and those
   * before it, never those after). A contribution's acknowledgement waits for this as it was
   * when its change was made: its own write and the earlier ones it builds on (a Yjs update
   * needs its predecessors to be read back), not the writes of contributions that came later,
   * so a steady stream never holds an acknowledgement back.
   */
  const tails = new Map<string, Promise<void>>()
  function chain(doc: string, pending: Promise<void>) {
    const before = tails.get(doc)
    const tail = before ? Promise.all([before, pending]).then(() => {}) : pending
    tails.set(doc, tail)
    tail.then(() => { if (tails.get(doc) === tail) tails.delete(doc) }, () => {})
  }
  /** Per document: updates not stored yet, in the order they were made. */
  const backlog = new Map<string, Uint8Array[]>()
  let failing: string | undefined
  let failingSince = 0
  let failures = 0
  function failed(e: unknown) {
    failures++
    const message = (e as Error).message?.split('\n')[0] || String(e)
    if (!failing) {
      failing = message
      failingSince = Date.now()
      console.error(`live: cannot save the session (${message}): contributions are refused with "not saved, try again" until it can; everything already acknowledged is kept. Retrying.`)
      // Phones read the session document too: the details (paths, addresses) stay in the terminal.
      onHealth('The session cannot be saved right now: contributions are refused until it can (details in the server\'s terminal). Everything already acknowledged is kept.')
    }
  }
  function recovered() {
    if (failing && !backlog.size) {
      failing = undefined
      console.error(`live: the session is saved again (${failures} failed write(s) retried).`)
      failures = 0
      onHealth(undefined)
    }
  }
  function track(doc: string, pending: Promise<void>) {
    const set = inFlight.get(doc) ?? inFlight.set(doc, new Set()).get(doc)!
    set.add(pending)
    pending.finally(() => set.delete(pending))
  }
  /** Stores a document's backlog in order, retrying with a growing wait, then lets updates through again. */
  function flushBacklog(doc: string, queue: Uint8Array[]) {
    track(doc, (async () => {
      for (let wait = 100; ; wait = Math.min(wait * 2, 2000)) {
        await new Promise(resolve => setTimeout(resolve, wait))
        try {
          while (queue.length) {
            await store.append(doc, queue[0])
            queue.shift()
          }
          backlog.delete(doc)
          recovered()
          return
        }
        catch (e) {
          failed(e)
        }
      }
    })())
  }
  function write(doc: string, update: Uint8Array) {
    const queue = backlog.get(doc)
    if (queue) {
      queue.push(update)
      return
    }
    let first: void | Promise<void>
    try {
      first = store.append(doc, update)
    }
    catch (e) {
      // SQLite's synchronous write failed: nothing of this update is stored.
      failed(e)
      const fresh = [update]
      backlog.set(doc, fresh)
      flushBacklog(doc, fresh)
      return
    }
    if (!first)
      return
    const pending = (async () => {
      let attempt: Promise<void> | void = first
      for (let wait = 100; ; wait = Math.min(wait * 2, 2000)) {
        try {
          await attempt
          recovered()
          return
        }
        catch (e) {
          failed(e)
          await new Promise(resolve => setTimeout(resolve, wait))
          attempt = store.append(doc, update)
        }
      }
    })()
    track(doc, pending)
    chain(doc, pending)
  }
  const mark = (doc: string): WriteMark => ({ doc, stored: tails.get(doc), backlogged: backlog.has(doc) })
  return {
    mark,
    saved: async (at) => {
      const m = typeof at === 'string' ? mark(at) : at
      // An update that could not be written is refused at once. Its own write (and the ones
      // before it) in flight are waited for while the store works (a slow store is not a lost
      // one), and at most a second once writes fail: the dependency is lost, so the room is
      // told at once.
      if (m.backlogged)
        return false
      if (!m.stored)
        return true
      let done = false
      m.stored.then(() => { done = true }, () => {})
      while (!done) {
        const left = failing ? failingSince + FAILING_WAIT - Date.now() : 100
        if (left <= 0)
          return false
        let timer: ReturnType<typeof setTimeout> | undefined
        await Promise.race([m.stored, new Promise((resolve) => { timer = setTimeout(resolve, Math.min(left, 100)) })])
        clearTimeout(timer)
      }
      return true
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
