// The live server's update log in PostgreSQL, for instances on several machines (with Redis
// between them): one table for every session, the same append-only design as the SQLite log
// (store.ts). An update is acknowledged to a phone only after its INSERT has committed.
import pg from 'pg'
import * as Y from 'yjs'
import { oneAtATime } from './queue'
import { compactState, type UpdateStore } from './store'

const COMPACT_AFTER = 200
const SCHEMA = `CREATE TABLE IF NOT EXISTS kit_live_updates (
  seq BIGSERIAL PRIMARY KEY,
  session TEXT NOT NULL,
  doc TEXT NOT NULL,
  data BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS kit_live_updates_doc ON kit_live_updates (session, doc, seq);`

export class PgStore implements UpdateStore {
  private pool: pg.Pool
  private ready: Promise<void>
  /** Told about a connection lost between queries (the server reports the store's health). */
  onError?: (e: Error) => void

  /** Another session's updates in the same database, over the same connections (closing it closes nothing). */
  scoped(session: string): PgStore {
    const view = Object.create(PgStore.prototype) as PgStore
    Object.assign(view, { pool: this.pool, ready: this.ready, session, batches: new Map(), writing: oneAtATime<string>(), shared: true })
    return view
  }

  /** a scoped view (scoped()): its pool is its parent's */
  private shared = false

  constructor(url: string, readonly session: string) {
    // A server that is down is reported within seconds, not after the operating system's timeout.
    // A query that hangs (a network gone silent) fails after 10 s, and is retried like any failure.
    const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 3000, query_timeout: 10_000 })
    this.pool = pool
    // An idle client's connection dropping (PostgreSQL stopped or restarted) is emitted on the
    // pool: without a listener it would end the process. The next query reconnects, or fails
    // and is retried by the store (store.ts).
    pool.on('error', (e) => {
      this.onError?.(e)
    })
    // Several instances may start at once: one of them creates the table, under a lock.
    this.ready = (async () => {
      const client = await pool.connect()
      try {
        await client.query('SELECT pg_advisory_lock(7461843)')
        await client.query(SCHEMA)
      }
      finally {
        await client.query('SELECT pg_advisory_unlock(7461843)').catch(() => {})
        client.release()
      }
    })()
    this.ready.catch(() => {})
  }

  /** Settles when PostgreSQL answered and the table exists; rejects when it cannot be reached. */
  async check(): Promise<void> {
    await this.ready
  }

  /**
   * Per document, updates waiting for the INSERT in flight to end: they go together in the next
   * one (group commit). So a document has one INSERT in flight at a time, its updates are stored
   * in the order they were made, and a steady stream costs a round trip per batch, not per update.
   */
  private batches = new Map<string, { updates: Buffer[], done: Promise<void> }>()
  private writing = oneAtATime<string>()

  append(doc: string, update: Uint8Array): Promise<void> {
    const waiting = this.batches.get(doc)
    if (waiting) {
      waiting.updates.push(Buffer.from(update))
      return waiting.done
    }
    const updates = [Buffer.from(update)]
    const done = this.writing.run(doc, async () => {
      // From here on, updates go into the next batch.
      this.batches.delete(doc)
      await this.ready
      const values = updates.map((_, i) => `($1, $2, $${i + 3})`).join(', ')
      await this.pool.query(`INSERT INTO kit_live_updates (session, doc, data) VALUES ${values}`, [this.session, doc, ...updates])
    })
    this.batches.set(doc, { updates, done })
    return done
  }

  async readAsync(doc: string): Promise<Uint8Array | undefined> {
    await this.ready
    const { rows } = await this.pool.query<{ seq: string, data: Buffer }>('SELECT seq, data FROM kit_live_updates WHERE session = $1 AND doc = $2 ORDER BY seq', [this.session, doc])
    if (rows.length === 0)
      return undefined
    const merged = rows.length === 1 ? new Uint8Array(rows[0].data) : Y.mergeUpdates(rows.map(r => new Uint8Array(r.data)))
    if (rows.length > COMPACT_AFTER) {
      const client = await this.pool.connect()
      try {
        await client.query('BEGIN')
        await this.replaceRows(client, doc, rows.map(r => r.seq), merged)
        await client.query('COMMIT')
      }
      catch {
        await client.query('ROLLBACK').catch(() => {})
      }
      finally {
        client.release()
      }
    }
    return merged
  }

  /**
   * The document's rows replaced by one of its state without deleted content (compactState), in
   * one transaction: a crash keeps the old rows or the new one. The rows merged are locked and
   * deleted by their numbers, so a row committed meanwhile (another instance's contribution, even
   * one numbered before them) is not among them and stays; two compactions at once take turns.
   */
  async compact(doc: string): Promise<void> {
    await this.ready
    // This instance's writes of the document in flight go first (the removal being compacted).
    await this.writing.idle(doc)
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const { rows } = await client.query<{ seq: string, data: Buffer }>('SELECT seq, data FROM kit_live_updates WHERE session = $1 AND doc = $2 ORDER BY seq FOR UPDATE', [this.session, doc])
      if (rows.length > 0) {
        await this.replaceRows(client, doc, rows.map(r => r.seq), compactState(rows.map(r => new Uint8Array(r.data))))
      }
      await client.query('COMMIT')
    }
    catch (e) {
      await client.query('ROLLBACK').catch(() => {})
      throw e
    }
    finally {
      client.release()
    }
  }

  /**
   * Inside a transaction: the rows read, by their numbers, replaced by `data`, one row. A row
   * numbered before the last one read but committed after the SELECT (another instance's INSERT
   * in flight) is not among them, and stays.
   */
  private async replaceRows(client: pg.PoolClient, doc: string, seqs: string[], data: Uint8Array): Promise<void> {
    await client.query('DELETE FROM kit_live_updates WHERE session = $1 AND doc = $2 AND seq = ANY($3::bigint[])', [this.session, doc, seqs])
    await client.query('INSERT INTO kit_live_updates (session, doc, data) VALUES ($1, $2, $3)', [this.session, doc, Buffer.from(data)])
  }

  async documentsAsync(): Promise<string[]> {
    await this.ready
    const { rows } = await this.pool.query<{ doc: string }>('SELECT DISTINCT doc FROM kit_live_updates WHERE session = $1 ORDER BY doc', [this.session])
    return rows.map(r => r.doc)
  }

  async close(): Promise<void> {
    if (!this.shared)
      await this.pool.end()
  }
}
