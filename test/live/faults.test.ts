// Faults the live server must survive: a store that cannot write (a real SQLite file made
// read-only mid-session, as a full disk does), Redis stopped, PostgreSQL stopped. A failed
// write refuses that contribution ("not saved, try again"), keeps the server up and keeps
// everything already acknowledged; a lost dependency is reported to the facilitator within a
// second (the control document's health map, which the presenter view reads) in one plain line.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { findPostgresBin, Facilitator, Participant, sessionToken, spawnServer, startPostgres, startRedis, until } from '../support/live-clients'
import { HEALTH_MAP, type InstanceHealth } from '../../src/live/protocol'
import { startLiveServer } from '../../src/live/server'
import { LiveStore } from '../../src/live/store'
import { boardIdeasOf, hasRedisServer, ideasOf } from './scale-out'

const TOKEN = 'faults-facilitator-token-0123456789abcdef'
const problemsOf = (doc: Y.Doc) => [...doc.getMap<InstanceHealth>(HEALTH_MAP).values()].flatMap(h => h.problems)
const dirs: string[] = []
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kit-live-faults-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs)
    rmSync(dir, { recursive: true, force: true })
})

describe('a store that cannot write', () => {
  it('refuses the contribution it cannot save, stays up, tells the facilitator, and loses nothing acknowledged', async () => {
    const file = join(scratch(), 'live.sqlite')
    const store = new LiveStore(file)
    const db = (store as unknown as { db: { exec: (sql: string) => void } }).db
    const server = await startLiveServer({ store, token: TOKEN, title: 'Faults', host: '127.0.0.1', port: 0, limits: { burst: 50, perSecond: 50 } })
    const boss = new Facilitator(server.wsUrl, TOKEN)
    await boss.ready()
    boss.show('full', 'idea-vote', 'Ideas')
    const phone = new Participant(server.wsUrl)
    await phone.ready()
    await until(phone.controlDoc, () => phone.controlDoc.getMap('current').get('boardId') === 'full')
    const seen = await phone.open('full')
    for (const id of ['a1', 'a2', 'a3'])
      expect(await phone.contribute('full', { op: 'add', list: 'ideas', row: { id, text: `Saved ${id}` } })).toMatchObject({ ok: true })

    // The disk refuses every write from now on (SQLite's own error, from the real file).
    db.exec('PRAGMA query_only = ON')
    const refused = await phone.contribute('full', { op: 'add', list: 'ideas', row: { id: 'b1', text: 'Not saved' } })
    expect(refused).toMatchObject({ ok: false, code: 'unsaved', error: expect.stringMatching(/^Not saved, try again/) })
    // The facilitator is told, and the refused idea is taken back: no phone keeps it.
    await until(boss.controlDoc, () => problemsOf(boss.controlDoc).some(p => /cannot be saved/.test(p)), 1000, 'the problem in the presenter view')
    await until(seen, () => ideasOf(seen).length === 3, 5000, 'the refused idea taken back')
    expect(ideasOf(seen).map(i => i.id).sort()).toEqual(['a1', 'a2', 'a3'])
    // The server still answers.
    const boardOk = await boss.board('full')
    expect(boardIdeasOf(boardOk.doc).map(i => i.id).sort()).toEqual(['a1', 'a2', 'a3'])

    // The disk has room again: the problem clears, the phone sends it again, and it is kept.
    db.exec('PRAGMA query_only = OFF')
    await until(boss.controlDoc, () => problemsOf(boss.controlDoc).length === 0, 5000, 'the problem cleared')
    expect(await phone.contribute('full', { op: 'add', list: 'ideas', row: { id: 'b1', text: 'Not saved' } })).toMatchObject({ ok: true })
    phone.destroy()
    boss.destroy()
    await server.stop()

    const again = new LiveStore(file)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, again.read('board/full')!)
    again.close()
    expect(boardIdeasOf(doc).map(i => i.id).sort()).toEqual(['a1', 'a2', 'a3', 'b1'])
  })
})

describe.skipIf(!hasRedisServer)('Redis stopped', () => {
  it('goes on alone within a second, says so once, and shares again when Redis is back', async () => {
    const sessions = scratch()
    const token = sessionToken(sessions, 'redis-down')
    let redis = await startRedis()
    const port = redis.port
    const server = await spawnServer({ KIT_SESSIONS_DIR: sessions }, ['--session', 'redis-down', '--host', '127.0.0.1', '--port', '0', '--redis', `127.0.0.1:${port}`, '--limits', JSON.stringify({ burst: 50, perSecond: 50 })])
    let stderr = ''
    server.child.stderr!.on('data', (d) => { stderr += d })
    try {
      const boss = new Facilitator(server.wsUrl, token)
      await boss.ready()
      boss.show('r', 'idea-vote', 'Ideas')
      const phone = new Participant(server.wsUrl)
      await phone.ready()
      await until(phone.controlDoc, () => phone.controlDoc.getMap('current').get('boardId') === 'r')
      expect(await phone.contribute('r', { op: 'add', list: 'ideas', row: { id: 'r1', text: 'Before' } })).toMatchObject({ ok: true })

      await redis.stop()
      const stopped = Date.now()
      await until(boss.controlDoc, () => problemsOf(boss.controlDoc).some(p => /Redis/.test(p)), 1000, 'Redis reported lost')
      const started = Date.now()
      expect(await phone.contribute('r', { op: 'add', list: 'ideas', row: { id: 'r2', text: 'While Redis is down' } })).toMatchObject({ ok: true })
      // Measured: reported and a contribution acknowledged, each within a second of the loss.
      expect(Date.now() - started).toBeLessThan(1000)
      expect(started - stopped).toBeLessThan(1000)
      // A new board still opens (its Redis subscription waits for Redis to be back).
      boss.show('r-2', 'idea-vote', 'More')
      await until(phone.controlDoc, () => phone.controlDoc.getMap('current').get('boardId') === 'r-2')
      expect(await phone.contribute('r-2', { op: 'add', list: 'ideas', row: { id: 'r3', text: 'New board' } })).toMatchObject({ ok: true })

      redis = await startRedis(port)
      await until(boss.controlDoc, () => problemsOf(boss.controlDoc).length === 0, 10_000, 'Redis back')
      expect(server.child.exitCode).toBeNull()
      expect(stderr).not.toMatch(/Unhandled error event|unexpected error|\n\s+at /)
      expect(stderr.match(/Redis at .* is unreachable/g)).toHaveLength(1)
      phone.destroy()
      boss.destroy()
    }
    finally {
      await server.stop()
      await redis.stop()
    }
  }, 60_000)
})

describe.skipIf(!hasRedisServer)('Redis stopped under two instances', () => {
  it('lets each go on alone, then each gets what the other accepted meanwhile', async () => {
    const sessions = scratch()
    const token = sessionToken(sessions, 'redis-two')
    let redis = await startRedis()
    const port = redis.port
    // Three contributions in all: within the stock limits, so none are set here.
    const args = (name: string) => ['--session', 'redis-two', '--host', '127.0.0.1', '--port', '0', '--redis', `127.0.0.1:${port}`, '--name', name]
    const [a, b] = await Promise.all([spawnServer({ KIT_SESSIONS_DIR: sessions }, args('a')), spawnServer({ KIT_SESSIONS_DIR: sessions }, args('b'))])
    try {
      const boss = new Facilitator(a.wsUrl, token)
      await boss.ready()
      boss.show('two', 'idea-vote', 'Ideas')
      const [onA, onB] = [new Participant(a.wsUrl), new Participant(b.wsUrl)]
      await Promise.all([onA, onB].map(async (p) => {
        await p.ready()
        await until(p.controlDoc, () => p.controlDoc.getMap('current').get('boardId') === 'two', 10_000, 'the board on both instances')
      }))
      const [seenA, seenB] = await Promise.all([onA.open('two'), onB.open('two')])
      expect(await onA.contribute('two', { op: 'add', list: 'ideas', row: { id: 'a0', text: 'Before, on A' } })).toMatchObject({ ok: true })
      await until(seenB, () => ideasOf(seenB).length === 1, 10_000, 'A\'s idea on B')

      await redis.stop()
      expect(await onA.contribute('two', { op: 'add', list: 'ideas', row: { id: 'a1', text: 'During, on A' } })).toMatchObject({ ok: true })
      expect(await onB.contribute('two', { op: 'add', list: 'ideas', row: { id: 'b1', text: 'During, on B' } })).toMatchObject({ ok: true })
      redis = await startRedis(port)
      const all = ['a0', 'a1', 'b1']
      await until(seenA, () => ideasOf(seenA).length === 3, 15_000, 'B\'s idea on A after the outage')
      await until(seenB, () => ideasOf(seenB).length === 3, 15_000, 'A\'s idea on B after the outage')
      expect(ideasOf(seenA).map(i => i.id).sort()).toEqual(all)
      expect(ideasOf(seenB).map(i => i.id).sort()).toEqual(all)
      onA.destroy()
      onB.destroy()
      boss.destroy()
    }
    finally {
      await Promise.all([a.stop(), b.stop()])
      await redis.stop()
    }
  }, 90_000)
})

describe.skipIf(!findPostgresBin())('PostgreSQL stopped mid-session', () => {
  it('stays up, refuses what it cannot save, tells the facilitator, and keeps everything acknowledged', async () => {
    const sessions = scratch()
    const token = sessionToken(sessions, 'pg-down')
    const postgres = await startPostgres()
    const args = ['--session', 'pg-down', '--host', '127.0.0.1', '--port', '0', '--store', postgres.url, '--limits', JSON.stringify({ burst: 50, perSecond: 50 })]
    let server = await spawnServer({ KIT_SESSIONS_DIR: sessions }, args)
    let stderr = ''
    server.child.stderr!.on('data', (d) => { stderr += d })
    try {
      const boss = new Facilitator(server.wsUrl, token)
      await boss.ready()
      boss.show('p', 'idea-vote', 'Ideas')
      const phone = new Participant(server.wsUrl)
      await phone.ready()
      await until(phone.controlDoc, () => phone.controlDoc.getMap('current').get('boardId') === 'p')
      const acked: string[] = []
      for (const id of ['p1', 'p2', 'p3']) {
        expect(await phone.contribute('p', { op: 'add', list: 'ideas', row: { id, text: `Before ${id}` } })).toMatchObject({ ok: true })
        acked.push(id)
      }

      await postgres.halt()
      const started = Date.now()
      const refused = await phone.contribute('p', { op: 'add', list: 'ideas', row: { id: 'q1', text: 'While PostgreSQL is down' } })
      expect(refused).toMatchObject({ ok: false, code: 'unsaved' })
      expect(Date.now() - started).toBeLessThan(3000)
      await until(boss.controlDoc, () => problemsOf(boss.controlDoc).some(p => /cannot be saved/.test(p)), 1000, 'the store reported lost')
      // Still up: it answers, and its process has not ended.
      expect(server.child.exitCode).toBeNull()
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)

      // PostgreSQL is back: the problem clears, the phone's resend is kept.
      await postgres.resume()
      await until(boss.controlDoc, () => problemsOf(boss.controlDoc).length === 0, 15_000, 'the store back')
      expect(await phone.contribute('p', { op: 'add', list: 'ideas', row: { id: 'q1', text: 'While PostgreSQL is down' } })).toMatchObject({ ok: true })
      acked.push('q1')
      expect(stderr).not.toMatch(/Unhandled|\n\s+at /)
      phone.destroy()
      boss.destroy()

      // Everything acknowledged is in PostgreSQL: a fresh server reads it back.
      server.child.kill('SIGKILL')
      await new Promise(resolve => server.child.once('exit', resolve))
      server = await spawnServer({ KIT_SESSIONS_DIR: sessions }, args)
      const check = new Facilitator(server.wsUrl, token)
      const { doc } = await check.board('p')
      expect(boardIdeasOf(doc).map(i => i.id).sort()).toEqual(acked.sort())
      check.destroy()
    }
    finally {
      await server.stop()
      await postgres.stop()
    }
  }, 120_000)
})
