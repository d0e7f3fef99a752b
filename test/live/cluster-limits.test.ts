// Limits that hold across live server instances (Redis): one participant with a phone on each
// instance has one rate budget and one entry count, and the presenter's join count covers both.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Facilitator, Participant, type ServerProcess, spawnServer, startRedis, until, waitFor, sessionToken } from '../support/live-clients'
import { randomId } from '../../src/live/protocol'
import { LiveRedis } from '../../src/live/redis'
import { hasRedisServer } from './scale-out'
import { SAMPLES } from './board-samples'

describe.skipIf(!hasRedisServer)('limits across two live server instances', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>
  let sessions: string
  let token: string
  let a: ServerProcess
  let b: ServerProcess
  const others: { destroy: () => void }[] = []
  const env = () => ({ KIT_SESSIONS_DIR: sessions })
  const args = (name: string) => ['--session', 'limits', '--host', '127.0.0.1', '--port', '0', '--redis', `127.0.0.1:${redis.port}`, '--name', name, '--limits', JSON.stringify({ burst: 4, perSecond: 0.05, entriesPerParticipant: 3 })]

  beforeAll(async () => {
    redis = await startRedis()
    sessions = mkdtempSync(join(tmpdir(), 'kit-live-limits-'))
    token = sessionToken(sessions, 'limits')
    ;[a, b] = await Promise.all([spawnServer(env(), args('a')), spawnServer(env(), args('b'))])
  })
  afterAll(async () => {
    for (const o of others)
      o.destroy()
    await Promise.all([a?.stop(), b?.stop()])
    await redis?.stop()
    rmSync(sessions, { recursive: true, force: true })
  })

  const phone = async (server: ServerProcess, boardId: string, secret = randomId(18)) => {
    const p = new Participant(server.wsUrl, secret)
    others.push(p)
    await p.ready()
    await until(p.controlDoc, () => p.controlDoc.getMap('current').get('boardId') === boardId, 10_000, 'the board on the phone')
    return p
  }

  it('publishes changes as updates through the Redis extension\'s own channel (its internals this relies on are there)', async () => {
    const ext = new LiveRedis({ host: '127.0.0.1', port: redis.port, prefix: 'probe' }) as unknown as { pubKey: unknown, encodeMessage: unknown, pub: { quit: () => Promise<unknown> }, sub: { quit: () => Promise<unknown> } }
    expect(typeof ext.pubKey).toBe('function')
    expect(typeof ext.encodeMessage).toBe('function')
    await Promise.all([ext.pub.quit(), ext.sub.quit()])
  })

  it('counts the people joined on every instance for the presenter', async () => {
    const boss = new Facilitator(a.wsUrl, token)
    others.push(boss)
    await boss.ready()
    boss.show('ideas')
    await Promise.all([phone(a, 'ideas'), phone(a, 'ideas'), phone(b, 'ideas'), phone(b, 'ideas'), phone(b, 'ideas')])
    await waitFor(() => boss.joined === 5, 15_000, 'five joined across both instances')
  })

  it('gives one participant one rate budget, whichever instance their phones are on', async () => {
    const boss = new Facilitator(b.wsUrl, token)
    others.push(boss)
    await boss.ready()
    boss.show('rate')
    const secret = randomId(18)
    const onA = await phone(a, 'rate', secret)
    const onB = await phone(b, 'rate', secret)
    const answers = []
    for (let i = 0; i < 3; i++) {
      // Taking back a vote one never gave changes nothing: only the budget is at work here.
      answers.push(await onA.contribute('rate', { op: 'withdraw', list: 'votes', id: `a${i}` }))
      answers.push(await onB.contribute('rate', { op: 'withdraw', list: 'votes', id: `b${i}` }))
    }
    // A burst of 4 in all: per instance it would have been 6.
    expect(answers.map(r => (r.ok ? 'ok' : r.code)).sort(), JSON.stringify(answers)).toEqual(['ok', 'ok', 'ok', 'ok', 'rate', 'rate'])
  })

  it('counts one participant\'s entries from the shared board, whichever instance adds them', async () => {
    const boss = new Facilitator(a.wsUrl, token)
    others.push(boss)
    await boss.ready()
    const sample = SAMPLES.find(s => s.kind === 'information-map')!
    boss.show('count', 'information-map', 'Information')
    const secret = randomId(18)
    const onA = await phone(a, 'count', secret)
    const onB = await phone(b, 'count', secret)
    const seenOnB = await onB.open('count')
    const add = (p: Participant, id: string) => p.contribute('count', { op: 'add', list: 'items', row: { id, ...sample.row } })
    expect(await add(onA, 'i1')).toMatchObject({ ok: true })
    expect(await add(onA, 'i2')).toMatchObject({ ok: true })
    await until(seenOnB, () => seenOnB.getMap<Y.Map<unknown>>('rows:items').has('i2'), 10_000, 'A\'s entries on B')
    expect(await add(onB, 'i3')).toMatchObject({ ok: true })
    await until(seenOnB, () => seenOnB.getMap<Y.Map<unknown>>('rows:items').has('i3'), 10_000, 'the third entry')
    const { doc } = await boss.board('count')
    await until(doc, () => doc.getMap('rows:items').has('i3'), 10_000, 'B\'s entry on A')
    expect(await add(onA, 'i4')).toMatchObject({ ok: false, code: 'limit', error: expect.stringMatching(/3 entries/) })
  })
})
