// A document's compaction (after "remove everything from this person": store.ts, pg-store.ts)
// replaces its stored updates by one of its state without deleted content, in one transaction,
// and loses nothing stored meanwhile: in SQLite, another process appending to the same file
// while it compacts again and again; in PostgreSQL, another instance's INSERT that got its row
// number before the rows being merged but committed after they were read (made to happen so, with
// a row lock that holds the compaction until that INSERT has committed: no sleep).
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ROOT } from '../../src/paths'
import { PgStore } from '../../src/live/pg-store'
import { LiveStore, loadDocument } from '../../src/live/store'
import { findPostgresBin, startPostgres } from '../support/live-clients'

const DOC = 'board/m2-board-stakeholder-map'
const SECRET = 'Zremovedqx text'

/** A board's history: Ana's row (then deleted, as a removal does) and Bea's; each change one update. */
function history() {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const rows = doc.getMap<Y.Map<unknown>>('rows:stakeholders')
  const add = (id: string, name: string) => doc.transact(() => {
    const row = new Y.Map<unknown>()
    rows.set(id, row)
    row.set('name', name)
  })
  add('a', SECRET)
  add('b', 'Bea keeps this')
  doc.transact(() => rows.delete('a'))
  return { doc, updates, add, names: (d: Y.Doc) => [...d.getMap<Y.Map<unknown>>('rows:stakeholders').values()].map(r => String(r.get('name'))).sort() }
}
const names = history().names
const has = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, 'utf8'))

describe('compacting a document in SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kit-compact-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('leaves the deleted text in neither the file nor its log, and keeps what another process appends meanwhile', async () => {
    const file = join(dir, 'live.sqlite')
    const store = new LiveStore(file)
    const h = history()
    for (const u of h.updates)
      store.append(DOC, u)
    const bytes = () => Buffer.concat([file, `${file}-wal`].map(f => { try { return readFileSync(f) } catch { return Buffer.alloc(0) } }))
    expect(has(bytes(), SECRET)).toBe(true)

    // Another process (a second instance on this machine) appends 300 rows' updates to the same
    // document, each its own write, while this one compacts it, again and again, until it is done.
    const COUNT = 300
    const script = `
      import * as Y from 'yjs'
      import { LiveStore } from ${JSON.stringify(join(ROOT, 'src/live/store.ts'))}
      const store = new LiveStore(${JSON.stringify(file)})
      const doc = new Y.Doc()
      doc.on('update', u => store.append(${JSON.stringify(DOC)}, u))
      const rows = doc.getMap('rows:stakeholders')
      console.log('started')
      for (let i = 0; i < ${COUNT}; i++) {
        doc.transact(() => { const r = new Y.Map(); rows.set('c' + i, r); r.set('name', 'Cy ' + i) })
        if (i % 10 === 9)
          console.log('wrote ' + (i + 1))
      }
      store.close()
    `
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let errors = ''
    child.stderr!.on('data', (d) => { errors += d })
    // Each time it says it wrote ten more, this process compacts (the other one writing on).
    let compactions = 0
    child.stdout!.on('data', (d) => {
      if (String(d).includes('wrote')) {
        store.compact(DOC)
        compactions++
      }
    })
    const exited = await new Promise<number | null>(resolve => child.once('exit', resolve))
    expect(exited, errors).toBe(0)
    store.compact(DOC)

    // Every row the other process wrote is there; the compactions merged some of them (they ran
    // while it wrote), and the deleted text is gone from both files.
    const read = new LiveStore(file)
    try {
      const doc = await loadDocument(read, DOC)
      expect(names(doc)).toEqual(['Bea keeps this', ...Array.from({ length: COUNT }, (_, i) => `Cy ${i}`)].sort())
      expect(compactions).toBeGreaterThan(1)
    }
    finally {
      read.close()
    }
    store.close()
    expect(has(bytes(), SECRET)).toBe(false)
    expect(has(bytes(), 'Bea keeps this')).toBe(true)
  }, 60_000)
})

describe.skipIf(!findPostgresBin())('compacting a document in PostgreSQL', () => {
  let postgres: Awaited<ReturnType<typeof startPostgres>>
  afterAll(async () => {
    await postgres?.stop()
  })

  it('keeps a row committed while it runs, though numbered before the rows it merged, and leaves the deleted text in no row', async () => {
    postgres = await startPostgres()
    const store = new PgStore(postgres.url, 'compact')
    const other = new pg.Client({ connectionString: postgres.url })
    const watcher = new pg.Client({ connectionString: postgres.url })
    await Promise.all([other.connect(), watcher.connect()])
    try {
      const h = history()
      for (const u of h.updates)
        await store.append(DOC, u)
      const rowsText = async () => Buffer.concat((await watcher.query<{ data: Buffer }>('SELECT data FROM kit_live_updates WHERE session = $1 AND doc = $2', ['compact', DOC])).rows.map(r => r.data))
      expect(has(await rowsText(), SECRET)).toBe(true)

      // Another instance's contribution: its INSERT gets its number now and commits later.
      const before = h.updates.length
      h.add('c', 'Cy sent during the compaction')
      h.add('d', 'Dee sent after it')
      await other.query('BEGIN')
      await other.query('INSERT INTO kit_live_updates (session, doc, data) VALUES ($1, $2, $3)', ['compact', DOC, Buffer.from(h.updates[before])])
      // ... and it holds a lock on the first row, which the compaction waits for.
      await other.query('SELECT seq FROM kit_live_updates WHERE session = $1 AND doc = $2 ORDER BY seq LIMIT 1 FOR UPDATE', ['compact', DOC])
      // This instance stores another contribution, numbered after it.
      await store.append(DOC, h.updates[before + 1])
      const compacted = store.compact(DOC)
      // The compaction has read the rows (not the uncommitted one) and waits for the lock.
      await until(async () => (await watcher.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted')).rows[0].n > 0, 'the compaction waiting for the row lock')
      // Now the other instance's contribution commits, numbered before the last row read.
      await other.query('COMMIT')
      await compacted

      const read = new PgStore(postgres.url, 'compact')
      try {
        const doc = await loadDocument(read, DOC)
        expect(names(doc)).toEqual(['Bea keeps this', 'Cy sent during the compaction', 'Dee sent after it'])
      }
      finally {
        await read.close()
      }
      expect(has(await rowsText(), SECRET)).toBe(false)
      // The rows merged became one; the one committed meanwhile stays beside it.
      expect((await watcher.query('SELECT seq FROM kit_live_updates WHERE session = $1 AND doc = $2', ['compact', DOC])).rows).toHaveLength(2)
    }
    finally {
      await other.end().catch(() => {})
      await watcher.end()
      await store.close()
    }
  }, 60_000)
})

/** Polls an asynchronous check (a query) until it holds. */
async function until(check: () => Promise<boolean>, what: string, timeout = 10_000) {
  const end = Date.now() + timeout
  while (!await check()) {
    if (Date.now() > end)
      throw new Error(`Timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}
