// The one SQLite connection the live server uses, from whichever engine this Node has:
// Node's built-in `node:sqlite` (Node 22.13 and later: nothing to compile or download), else
// `better-sqlite3` (Node 20, where it is built at install time). better-sqlite3 is an optional
// dependency for that reason: on a machine that reaches only the npm registry, a Node 22/24
// install that cannot build it must not fail `npm ci`. Both engines share the small synchronous
// surface used here (exec, prepare, run/all/get, close), so the store is written once.
import { createRequire } from 'node:module'
import process from 'node:process'
import { UserError } from '../errors'

export interface SqliteStatement {
  run: (...params: unknown[]) => unknown
  all: (...params: unknown[]) => any[]
  get: (...params: unknown[]) => any
}

export interface SqliteDatabase {
  exec: (sql: string) => void
  prepare: (sql: string) => SqliteStatement
  close: () => void
}

export class SqliteUnavailable extends UserError {}

const require = createRequire(import.meta.url)

/** Which engine `openDatabase` uses on this Node. */
export function sqliteEngine(): 'node:sqlite' | 'better-sqlite3' | undefined {
  if (builtin())
    return 'node:sqlite'
  try {
    require.resolve('better-sqlite3')
    return 'better-sqlite3'
  }
  catch {
    return undefined
  }
}

function builtin(): (new (file: string) => SqliteDatabase) | undefined {
  try {
    // Node 22 prints an ExperimentalWarning for it; the API used here is the stable core.
    const emit = process.emitWarning
    process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
      if (!String(warning).includes('SQLite'))
        (emit as (...a: unknown[]) => void).call(process, warning, ...rest)
    }) as typeof process.emitWarning
    try {
      return require('node:sqlite').DatabaseSync
    }
    finally {
      process.emitWarning = emit
    }
  }
  catch {
    return undefined
  }
}

export function openDatabase(file: string): SqliteDatabase {
  const Builtin = builtin()
  let Engine: new (file: string) => SqliteDatabase
  if (Builtin) {
    Engine = Builtin
  }
  else {
    try {
      Engine = require('better-sqlite3')
    }
    catch (e) {
      throw new SqliteUnavailable(`Live mode needs SQLite to keep the session's contributions, and this Node (${process.version}) has none: use Node 22.13 or later (built-in SQLite), or on Node 20 reinstall so the optional better-sqlite3 can build (npm ci; it needs python3, make and a C++ compiler). (${(e as Error).message.split('\n')[0]})`)
    }
  }
  try {
    return new Engine(file)
  }
  catch (e) {
    // This Node has SQLite: the file or its folder is the problem, not the engine.
    throw new SqliteUnavailable(`The session's store ${file} cannot be opened (${(e as Error).message.split('\n')[0]}). Check that its folder exists and is writable by this account, and that live.sqlite is a file (not a folder), then start again.`)
  }
}

/** Runs `work` in one write transaction. */
export function transaction(db: SqliteDatabase, work: () => void): void {
  db.exec('BEGIN IMMEDIATE')
  try {
    work()
    db.exec('COMMIT')
  }
  catch (e) {
    db.exec('ROLLBACK')
    throw e
  }
}
