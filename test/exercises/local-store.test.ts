// The browser store of board documents (src/state/local-store.ts), on fake-indexeddb: it
// loads what y-indexeddb saved, confirms each save, and says when saving fails.
import 'fake-indexeddb/auto'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LocalStore } from '../../src/state/local-store'

let n = 0
const name = () => `local-store-test-${++n}`

async function reopen(db: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  const store = new LocalStore(db, doc)
  await store.loaded
  store.destroy()
  return doc
}

afterEach(() => vi.restoreAllMocks())

describe('LocalStore', () => {
  it('keeps every change across a reload, and says when it is saved', async () => {
    const db = name()
    const doc = new Y.Doc()
    const store = new LocalStore(db, doc)
    await store.loaded
    for (let i = 0; i < 20; i++)
      doc.getMap('m').set(`k${i}`, i)
    expect(store.status.state).toBe('saving')
    expect((await store.whenSaved()).state).toBe('saved')
    store.destroy()
    expect((await reopen(db)).getMap('m').size).toBe(20)
  })

  it('loads a board saved by y-indexeddb (the kit before)', async () => {
    const db = name()
    const old = new Y.Doc()
    const persistence = new IndexeddbPersistence(db, old)
    await persistence.whenSynced
    old.getMap('board').set('threshold', 4)
    await new Promise(r => setTimeout(r, 50))
    await persistence.destroy()
    expect((await reopen(db)).getMap('board').get('threshold')).toBe(4)
  })

  it('says so when the browser\'s storage is full, and saves everything again once it can', async () => {
    const db = name()
    const doc = new Y.Doc()
    const store = new LocalStore(db, doc)
    await store.loaded
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    doc.getMap('m').set('lost?', 1)
    expect(store.status).toMatchObject({ state: 'full', detail: 'The quota has been exceeded.' })
    add.mockRestore()
    doc.getMap('m').set('next', 2)
    expect(store.status.state).toBe('full') // until the whole document is written again
    expect((await store.whenSaved()).state).toBe('saved')
    store.destroy()
    expect((await reopen(db)).getMap('m').toJSON()).toEqual({ 'lost?': 1, 'next': 2 })
  })

  it('says so when the browser closed the database (site data cleared), and saves the board again', async () => {
    const db = name()
    const doc = new Y.Doc()
    const store = new LocalStore(db, doc)
    await store.loaded
    doc.getMap('m').set('before', 1)
    await store.whenSaved()
    // What "clear site data" does: open connections are closed, the database goes.
    const connection = (store as any).db as IDBDatabase
    connection.close()
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.deleteDatabase(db)
      r.onsuccess = () => resolve()
      r.onerror = () => reject(r.error)
    })
    connection.onclose!(new Event('close'))
    doc.getMap('m').set('after', 2)
    expect(await store.whenSaved()).toEqual({ state: 'saved', cleared: true })
    store.destroy()
    expect((await reopen(db)).getMap('m').toJSON()).toEqual({ before: 1, after: 2 })
  })

  it('says so when there is no IndexedDB at all', async () => {
    vi.stubGlobal('indexedDB', undefined)
    try {
      const store = new LocalStore(name(), new Y.Doc())
      await store.loaded
      expect(store.status.state).toBe('unavailable')
    }
    finally {
      vi.unstubAllGlobals()
    }
  })
})
