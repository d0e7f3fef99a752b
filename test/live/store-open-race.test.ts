// Instances started together (--redis: several servers on one session folder) open one new
// SQLite store at the same moment, and a store's lock may be held longer than SQLite's busy
// timeout by another process (a compaction, a backup). Each server must open the store once the
// lock is free, never stop with "database is locked" (seen in CI: one of two instances started
// together exited before it was ready, on own.sqlite).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterEach, expect, it } from 'vitest'
import { openDatabase } from '../../src/live/sqlite'
import { ROOT } from '../../src/paths'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** One process: loaded, then waiting for the same instant as the others, then opening and writing. */
const OPENER = `
const { LiveStore } = await import(${JSON.stringify(join(ROOT, 'src/live/store.ts'))})
const [file, at, name] = process.argv.slice(-3)
process.stdout.write('loaded\\n')
while (Date.now() < Number(at)) {}
try {
  const store = new LiveStore(file)
  store.append('doc', new TextEncoder().encode(name))
  store.close()
  process.stdout.write('ok\\n')
}
catch (e) {
  process.stdout.write('failed: ' + e.message + '\\n')
}
`

function opener(file: string, at: number, name: string): { loaded: Promise<void>, done: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', OPENER, file, String(at), name], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let loaded!: () => void
  const isLoaded = new Promise<void>((resolve) => { loaded = resolve })
  child.stdout!.on('data', (d) => {
    out += d
    if (out.includes('loaded'))
      loaded()
  })
  let err = ''
  child.stderr!.on('data', (d) => { err += d })
  const done = new Promise<string>(resolve => child.once('exit', () => resolve(`${out.replace('loaded\n', '').trim()}${err ? ` ${err.trim()}` : ''}`)))
  return { loaded: isLoaded, done }
}

it('opens one new store from six processes at the same instant: each opens it and writes', async () => {
  {
    dir = mkdtempSync(join(tmpdir(), 'kit-store-race-'))
    const file = join(dir, 'session', 'live.sqlite')
    // The instant is set far enough ahead for every process to have loaded (each says so).
    const at = Date.now() + 8000
    const openers = Array.from({ length: 6 }, (_, i) => opener(file, at, `p${i}`))
    await Promise.all(openers.map(o => o.loaded))
    expect(Date.now(), 'every process loaded before the instant').toBeLessThan(at)
    expect(await Promise.all(openers.map(o => o.done))).toEqual(Array.from({ length: 6 }, () => 'ok'))
    const db = openDatabase(file)
    const written = new Set((db.prepare('SELECT data FROM updates WHERE doc = ?').all('doc') as { data: Uint8Array }[]).map(r => new TextDecoder().decode(r.data)))
    db.close()
    expect([...written].sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5'])
    rmSync(dir, { recursive: true, force: true })
  }
}, 90_000)

it('opens a store whose lock another process holds longer than SQLite\'s busy timeout, once the lock is free', async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-store-held-'))
  const file = join(dir, 'own.sqlite')
  // Another process is creating the store (SQLite's default journal, before the switch to WAL)
  // and keeps its lock past the 5 s busy timeout: no other process can read the file meanwhile.
  const holder = openDatabase(file)
  holder.exec('CREATE TABLE updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, data BLOB NOT NULL)')
  holder.exec('BEGIN EXCLUSIVE')
  holder.exec(`INSERT INTO updates (doc, data) VALUES ('doc', x'00')`)
  const one = opener(file, Date.now(), 'late')
  await one.loaded
  const BUSY_TIMEOUT_MS = 5000
  await new Promise(resolve => setTimeout(resolve, BUSY_TIMEOUT_MS + 1500))
  holder.exec('COMMIT')
  holder.close()
  expect(await one.done).toBe('ok')
}, 60_000)
