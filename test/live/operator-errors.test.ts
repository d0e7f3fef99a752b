// An operator's or the machine's mistakes get a clear one-paragraph error (what, where, how to
// fix), a non-zero exit, no stack trace and nothing written: a damaged or truncated store,
// PostgreSQL down at start or at export, --limits that is not JSON or holds a text where a
// number belongs, a sessions folder that cannot be written. Also: a second server on a session
// refuses, naming the first; the export writes only inside its folder; a session's files are
// private to the account that runs the kit.
import { execFile } from 'node:child_process'
import { createServer } from 'node:net'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Facilitator, Participant, sessionToken, spawnServer, until } from '../support/live-clients'
import { LiveStore } from '../../src/live/store'
import { ROOT } from '../../src/paths'

const run = promisify(execFile)
let sessions: string

async function live(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number, out: string, err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'live', ...args], { cwd: ROOT, env: { ...process.env, KIT_SESSIONS_DIR: sessions, ...env }, timeout: 60_000 })
    return { code: 0, out: stdout, err: stderr }
  }
  catch (e: any) {
    return { code: e.code, out: e.stdout, err: e.stderr }
  }
}
const serve = (session: string, ...more: string[]) => live(['serve', '--session', session, '--host', '127.0.0.1', '--port', '0', ...more])

/** A clear refusal: exit 1, one message, no stack trace. */
function refused(r: { code: number, err: string }, message: RegExp) {
  expect(r.code).toBe(1)
  expect(r.err).toMatch(message)
  expect(r.err).not.toMatch(/\n\s+at |unexpected error|Error:/)
}

const filesOf = (dir: string) => existsSync(dir) ? readdirSync(dir).sort() : []

/** A port nothing listens on (for PostgreSQL down). */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

/** A session whose board `b` holds two ideas, written by a real server. */
async function sessionWithBoard(name: string): Promise<void> {
  const token = sessionToken(sessions, name)
  const server = await spawnServer({ KIT_SESSIONS_DIR: sessions }, ['--session', name, '--host', '127.0.0.1', '--port', '0'])
  const boss = new Facilitator(server.wsUrl, token)
  await boss.ready()
  boss.show('b', 'idea-vote', 'Ideas')
  const phone = new Participant(server.wsUrl)
  await phone.ready()
  await until(phone.controlDoc, () => phone.controlDoc.getMap('current').get('boardId') === 'b')
  for (const id of ['i1', 'i2'])
    expect(await phone.contribute('b', { op: 'add', list: 'ideas', row: { id, text: `Idea ${id}` } })).toMatchObject({ ok: true })
  phone.destroy()
  boss.destroy()
  await server.stop()
}

beforeAll(() => {
  sessions = mkdtempSync(join(tmpdir(), 'kit-live-ops-'))
})
afterAll(() => rmSync(sessions, { recursive: true, force: true }))

describe('a damaged store', () => {
  it('refuses a live.sqlite that is not a database, and changes nothing', async () => {
    sessionToken(sessions, 'garbage')
    const dir = join(sessions, 'garbage')
    writeFileSync(join(dir, 'live.sqlite'), 'this is not a database, it was overwritten by mistake\n'.repeat(200))
    const before = { files: filesOf(dir), bytes: readFileSync(join(dir, 'live.sqlite')) }
    refused(await serve('garbage'), /store .*garbage\/live\.sqlite is damaged.*mv .*live\.sqlite\.damaged/s)
    refused(await live(['export', 'garbage']), /is damaged/)
    expect(filesOf(dir)).toEqual(before.files)
    expect(readFileSync(join(dir, 'live.sqlite')).equals(before.bytes)).toBe(true)
  })

  it('refuses a truncated live.sqlite', async () => {
    sessionToken(sessions, 'cut')
    const file = join(sessions, 'cut', 'live.sqlite')
    const store = new LiveStore(file)
    const doc = new Y.Doc()
    doc.on('update', (u: Uint8Array) => store.append('board/x', u))
    for (let i = 0; i < 400; i++)
      doc.getMap('rows').set(`r${i}`, 'x'.repeat(200))
    ;(store as unknown as { db: { exec: (s: string) => void } }).db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    store.close()
    truncateSync(file, Math.floor(statSync(file).size / 2))
    refused(await serve('cut'), /is damaged/)
  })
})

describe('--limits', () => {
  it('refuses what is not JSON, and values that are not numbers, naming the key', async () => {
    refused(await serve('lim', '--limits', '{burst: 5'), /--limits is not JSON.*for example --limits/s)
    refused(await serve('lim', '--limits', '{"burst":"lots"}'), /"burst" must be a number, not "lots"/)
    refused(await serve('lim', '--limits', '{"rowsPerBoard":-1}'), /"rowsPerBoard" must be >=1|"rowsPerBoard"/)
    refused(await serve('lim', '--limits', '{"bursts":5}'), /unknown key "bursts"/)
    expect(existsSync(join(sessions, 'lim'))).toBe(false)
  })
})

describe('PostgreSQL down', () => {
  it('says so at start and at export, with the address, and writes nothing', async () => {
    const url = `postgres://kit:secret@127.0.0.1:${await closedPort()}/training`
    const started = Date.now()
    const r = await serve('pg-off', '--store', url)
    refused(r, /PostgreSQL at postgres:\/\/kit:\*\*\*@127\.0\.0\.1:\d+\/training cannot be reached.*Start it/s)
    expect(r.err).not.toContain('secret')
    expect(Date.now() - started).toBeLessThan(30_000)
    sessionToken(sessions, 'pg-export')
    const out = join(sessions, 'pg-out')
    refused(await live(['export', 'pg-export', '--store', url, '--out', out]), /PostgreSQL at .* cannot be reached/)
    expect(existsSync(out)).toBe(false)
  })
})

describe('a sessions folder that cannot be used', () => {
  it('says the folder cannot be written, not that this Node has no SQLite', async () => {
    // A file where the sessions folder should be: nothing can be created in it, even as root.
    const blocked = join(sessions, 'not-a-folder')
    writeFileSync(blocked, '')
    const r = await live(['serve', '--session', 'any', '--port', '0'], { KIT_SESSIONS_DIR: blocked })
    refused(r, /cannot be created in .*not-a-folder.*writable by this account/s)
    expect(r.err).not.toMatch(/has none|Node 22/)

    // A store path SQLite cannot open (a folder named live.sqlite).
    sessionToken(sessions, 'odd')
    mkdirSync(join(sessions, 'odd', 'live.sqlite'))
    const odd = await serve('odd')
    refused(odd, /odd\/live\.sqlite cannot be (opened|used|created)/)
    expect(odd.err).not.toMatch(/has none|Node 22/)
  })
})

// Root writes anywhere: the permission bits are tested as an ordinary account only.
it.skipIf(process.getuid?.() === 0)('says a read-only sessions folder cannot be written (as an ordinary account)', async () => {
  const readOnly = join(sessions, 'read-only')
  mkdirSync(readOnly)
  sessionToken(readOnly, 'ro')
  rmSync(join(readOnly, 'ro', 'live.sqlite'), { force: true })
  chmodSync(join(readOnly, 'ro'), 0o500)
  try {
    const r = await live(['serve', '--session', 'ro', '--port', '0'], { KIT_SESSIONS_DIR: readOnly })
    refused(r, /ro(\/live\.sqlite)? cannot be (created|written).*writable by this account/s)
    expect(r.err).not.toMatch(/has none|Node 22/)
  }
  finally {
    chmodSync(join(readOnly, 'ro'), 0o700)
  }
})

describe('two servers on one session', () => {
  it('refuses the second, naming the first; takes over the lock of one that died', async () => {
    sessionToken(sessions, 'twice')
    const first = await spawnServer({ KIT_SESSIONS_DIR: sessions }, ['--session', 'twice', '--host', '127.0.0.1', '--port', '0'])
    try {
      const second = await serve('twice')
      refused(second, new RegExp(`already served by another live server: process ${first.child.pid} at 127\\.0\\.0\\.1:${first.port}.*kill ${first.child.pid}`, 's'))
      // Nor can the session be deleted under it.
      refused(await live(['delete', 'twice']), new RegExp(`"twice" is being served \\(process ${first.child.pid} at 127\\.0\\.0\\.1:${first.port}\\).*Nothing was deleted`, 's'))
      expect(existsSync(join(sessions, 'twice', 'session.json'))).toBe(true)
      // The first one is killed (no chance to release its lock): the next start takes over.
      first.child.kill('SIGKILL')
      await new Promise(resolve => first.child.once('exit', resolve))
      const again = await spawnServer({ KIT_SESSIONS_DIR: sessions }, ['--session', 'twice', '--host', '127.0.0.1', '--port', '0'])
      expect(filesOf(join(sessions, 'twice')).filter(f => f.endsWith('.lock'))).toEqual([`server.${again.child.pid}.lock`])
      await again.stop()
      expect(again.child.exitCode).toBe(0)
      // Released on exit.
      expect(filesOf(join(sessions, 'twice')).filter(f => f.endsWith('.lock'))).toEqual([])
    }
    finally {
      await first.stop()
    }
  })
})

describe('a session\'s data', () => {
  it('is private to this account, and the export writes only inside its folder', async () => {
    await sessionWithBoard('private')
    const dir = join(sessions, 'private')
    const mode = (f: string) => (statSync(f).mode & 0o777).toString(8)
    expect(mode(dir)).toBe('700')
    expect(mode(join(dir, 'live.sqlite'))).toBe('600')
    expect(mode(join(dir, 'session.json'))).toBe('600')
    for (const f of filesOf(dir).filter(f => f.startsWith('live.sqlite-')))
      expect(mode(join(dir, f))).toBe('600')

    // A stored document named with ../ (a damaged or forged store) names no file.
    const store = new LiveStore(join(dir, 'live.sqlite'))
    store.append('board/../../escape', store.read('board/b')!)
    store.close()
    const out = join(sessions, 'results-private')
    const r = await live(['export', 'private', '--out', out])
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/Skipped a stored document named "board\/..\/..\/escape"/)
    expect(filesOf(out)).toEqual(['b.contributions.csv', 'b.csv', 'b.json', 'b.md', 'results.json', 'session.md'])
    expect(existsSync(join(sessions, 'escape.json'))).toBe(false)
    expect(existsSync(join(ROOT, 'escape.json'))).toBe(false)
    expect(filesOf(sessions).some(f => f.startsWith('escape'))).toBe(false)
  })
})
