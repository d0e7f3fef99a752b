// A Yjs document kept in the browser's IndexedDB, in the same database layout as y-indexeddb
// (one database per document, updates in the `updates` store), so boards saved by earlier
// versions of the kit load as they are. Written here rather than used from y-indexeddb because
// a board must *know* when saving fails: y-indexeddb drops write errors, and once the browser
// clears site data its writes throw inside Yjs's update handler. Here every write is
// confirmed, a failure becomes a status the board shows, and a database the browser closed
// (site data cleared) is opened again and given the whole document, so nothing on screen is lost.
import * as Y from 'yjs'

export type StoreState = 'loading' | 'saving' | 'saved' | 'unavailable' | 'failed' | 'full'

export interface StoreStatus {
  state: StoreState
  /** for a failure: what the browser said */
  detail?: string
  /** the browser threw the saved copy away once while the board was open (it was saved again) */
  cleared?: boolean
}

const UPDATES = 'updates'
/** Past this many stored updates, they are merged into one. */
const COMPACT_AFTER = 500

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error ?? new DOMException('The save was aborted.', 'AbortError'))
  })
}

export class LocalStore {
  status: StoreStatus = { state: 'loading' }
  /** resolves once what was saved is in the document (or the store turned out unavailable) */
  readonly loaded: Promise<void>
  private db?: IDBDatabase
  private pending = 0
  private stored = 0
  private destroyed = false
  private listeners = new Set<(s: StoreStatus) => void>()
  /** set once the browser cleared the database under us: the warning stays on screen */
  private wasCleared = false
  /** after a failed write the stored updates have a gap: the next write stores the whole document */
  private needsFull = false

  constructor(readonly name: string, readonly doc: Y.Doc) {
    doc.on('update', this.onUpdate)
    this.loaded = this.open().catch((e) => {
      this.set({ state: 'unavailable', detail: e instanceof Error ? e.message : String(e) })
    })
  }

  onStatus(listener: (s: StoreStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** resolves when every change so far has been written (or has failed) */
  whenSaved(): Promise<StoreStatus> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.pending === 0 && this.status.state !== 'loading') {
          off()
          resolve(this.status)
        }
      }
      const off = this.onStatus(check)
      check()
    })
  }

  destroy(): void {
    this.destroyed = true
    this.doc.off('update', this.onUpdate)
    this.db?.close()
    this.listeners.clear()
  }

  private set(status: StoreStatus) {
    if (this.destroyed)
      return
    // After a clear, "saved" is still worth a warning: the browser threw the copy away once.
    this.status = this.wasCleared ? { ...status, cleared: true } : status
    for (const l of this.listeners) l(this.status)
  }

  private async open(): Promise<void> {
    if (typeof indexedDB === 'undefined' || !indexedDB)
      throw new Error('This browser does not offer IndexedDB here (a private window, or storage turned off).')
    const openRequest = indexedDB.open(this.name)
    openRequest.onupgradeneeded = () => {
      const db = openRequest.result
      if (!db.objectStoreNames.contains(UPDATES))
        db.createObjectStore(UPDATES, { autoIncrement: true })
      if (!db.objectStoreNames.contains('custom'))
        db.createObjectStore('custom')
    }
    const db = await request(openRequest)
    if (this.destroyed) {
      db.close()
      return
    }
    this.db = db
    // The browser closes the database when its site data is cleared; another tab's
    // deleteDatabase asks us to close it. Either way this tab keeps the document: save it again.
    db.onclose = () => this.lost(db)
    db.onversionchange = () => {
      db.close()
      this.lost(db)
    }
    // Read everything saved, then write it back as one update (with whatever this tab already
    // had in memory), deleting the old ones: one transaction, so a crash keeps one or the other.
    const tx = db.transaction(UPDATES, 'readwrite')
    const store = tx.objectStore(UPDATES)
    const [updates, keys] = await Promise.all([request(store.getAll()), request(store.getAllKeys())])
    Y.transact(this.doc, () => {
      for (const u of updates)
        Y.applyUpdate(this.doc, u as Uint8Array)
    }, this, false)
    store.add(Y.encodeStateAsUpdate(this.doc))
    if (keys.length)
      store.delete(IDBKeyRange.upperBound(keys[keys.length - 1]))
    this.stored = 1
    await done(tx)
    this.set({ state: 'saved' })
  }

  private reopening = false

  private lost(db: IDBDatabase | undefined) {
    if (this.destroyed || this.db !== db || this.reopening)
      return
    this.db = undefined
    this.wasCleared = true
    this.reopen()
  }

  /** Opens the database again and writes the whole document into it, trying a few times. */
  private async reopen() {
    this.reopening = true
    this.needsFull = false
    this.pending++ // the whole document is about to be written again
    this.set({ state: 'saving' })
    let error: unknown
    for (let attempt = 0; attempt < 6 && !this.destroyed; attempt++) {
      try {
        await new Promise(r => setTimeout(r, attempt ? 100 * 2 ** attempt : 0))
        await this.open()
        error = undefined
        break
      }
      catch (e) {
        error = e
      }
    }
    this.reopening = false
    this.pending--
    if (error)
      this.set({ state: 'failed', detail: error instanceof Error ? error.message : String(error) })
    else
      this.set(this.status)
  }

  private onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this || this.reopening)
      return // loading (or opening again) ends by storing the whole document
    if (!this.db) {
      if (this.status.state !== 'loading' && this.status.state !== 'unavailable')
        this.lost(undefined)
      return
    }
    let tx: IDBTransaction
    const full = this.needsFull
    try {
      tx = this.db.transaction(UPDATES, 'readwrite')
      tx.objectStore(UPDATES).add(full ? Y.encodeStateAsUpdate(this.doc) : update)
      if (++this.stored > COMPACT_AFTER)
        this.compact(tx)
    }
    catch (e) {
      this.fail(e)
      return
    }
    this.pending++
    if (this.status.state !== 'full' && this.status.state !== 'failed')
      this.set({ state: 'saving' })
    done(tx).then(() => {
      if (full)
        this.needsFull = false
      this.pending--
      this.set(this.pending === 0 && !this.needsFull ? { state: 'saved' } : this.status)
    }, (e) => {
      this.pending--
      this.fail(e)
    })
  }

  private compact(tx: IDBTransaction) {
    const store = tx.objectStore(UPDATES)
    const keys = store.getAllKeys()
    keys.onsuccess = () => {
      const last = keys.result[keys.result.length - 1]
      store.add(Y.encodeStateAsUpdate(this.doc))
      if (last !== undefined)
        store.delete(IDBKeyRange.upperBound(last))
      this.stored = 1
    }
  }

  private fail(e: unknown) {
    const error = e as DOMException | undefined
    // A closed connection (site data cleared): open again and write everything.
    if (error?.name === 'InvalidStateError' || error?.name === 'AbortError' || !this.db) {
      if (this.reopening)
        return
      this.lost(this.db)
      return
    }
    this.needsFull = true
    this.set({ state: error?.name === 'QuotaExceededError' ? 'full' : 'failed', detail: error?.message ?? String(e) })
  }
}

/**
 * What a board document has saved in this browser, read without keeping the database open and
 * without creating one: undefined when nothing was ever saved under that name (or IndexedDB is
 * not available). Another board (the charter builder) reads its neighbours' work this way.
 */
export async function readSaved(name: string): Promise<Uint8Array[] | undefined> {
  if (typeof indexedDB === 'undefined' || !indexedDB)
    return undefined
  const openRequest = indexedDB.open(name)
  let created = false
  // No such database: the open would create it; abort, so reading leaves nothing behind.
  openRequest.onupgradeneeded = () => {
    created = true
    openRequest.transaction?.abort()
  }
  let db: IDBDatabase
  try {
    db = await request(openRequest)
  }
  catch {
    if (created)
      indexedDB.deleteDatabase(name)
    return undefined
  }
  try {
    if (created || !db.objectStoreNames.contains(UPDATES))
      return undefined
    const tx = db.transaction(UPDATES, 'readonly')
    return (await request(tx.objectStore(UPDATES).getAll())) as Uint8Array[]
  }
  finally {
    db.close()
  }
}
