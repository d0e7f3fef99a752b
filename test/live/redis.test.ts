// Two live server instances behind one address, sharing documents through Redis
// (@hocuspocus/extension-redis) and one store: phones on each instance converge, moderation on
// one reaches phones on the other, and killing one instance loses nothing acknowledged.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Facilitator, type ServerProcess, spawnServer, startRedis, synced, until, sessionToken } from '../../src/live/node-clients'
import { addIdeas, hasRedisServer, ideasOf, joinPhones } from './scale-out'



// .ci/run installs redis-server; without it (a laptop) this scale-out test is skipped.
describe.skipIf(!hasRedisServer)('two live server instances through Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>
  let sessions: string
  let token: string
  let a: ServerProcess
  let b: ServerProcess
  const env = () => ({ KIT_SESSIONS_DIR: sessions })
  const args = (name: string) => ['--session', 'scale', '--host', '127.0.0.1', '--port', '0', '--redis', `127.0.0.1:${redis.port}`, '--name', name, '--limits', JSON.stringify({ burst: 100, perSecond: 50, entriesPerParticipant: 20 })]

  beforeAll(async () => {
    redis = await startRedis()
    sessions = mkdtempSync(join(tmpdir(), 'kit-live-redis-'))
    token = sessionToken(sessions, 'scale')
    ;[a, b] = await Promise.all([spawnServer(env(), args('a')), spawnServer(env(), args('b'))])
  })
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await redis?.stop()
    rmSync(sessions, { recursive: true, force: true })
  })

  it('converges phones on both instances, carries moderation across, and survives losing one instance', async () => {
    const boss = new Facilitator(a.wsUrl, token)
    await boss.ready()
    boss.show('shared')
    const phones = await joinPhones([a, b], 20, 'shared')
    const watchA = await phones[0].open('shared')
    const watchB = await phones[1].open('shared')
    const acked = await addIdeas(phones, 'shared', 5)
    expect(acked).toHaveLength(100)
    await until(watchA, () => ideasOf(watchA).length === 100, 15_000, 'all ideas on instance A')
    await until(watchB, () => ideasOf(watchB).length === 100, 15_000, 'all ideas on instance B')

    // Votes on one instance count for phones on the other.
    expect(await phones[1].contribute('shared', { op: 'vote', idea: 'p0-i0' })).toMatchObject({ ok: true })
    await until(watchA, () => ideasOf(watchA).find(i => i.id === 'p0-i0')?.votes === 1, 10_000, 'the vote on A')

    // The facilitator, on instance B this time, hides an idea: phones on A stop receiving it.
    const bossB = new Facilitator(b.wsUrl, token)
    const { doc } = await bossB.board('shared')
    await until(doc, () => ideasOf(doc).length === 100)
    doc.getMap<Y.Map<unknown>>('ideas').get('p2-i0')!.set('_status', 'hidden')
    await until(watchA, () => !ideasOf(watchA).some(i => i.id === 'p2-i0'), 10_000, 'the hidden idea gone on A')

    // Instance A dies; everything acknowledged is on B, and in the shared store after a restart.
    a.child.kill('SIGKILL')
    await new Promise(resolve => a.child.once('exit', resolve))
    a = await spawnServer(env(), args('a2'))
    const check = new Facilitator(a.wsUrl, token)
    const fresh = await check.board('shared')
    await synced(fresh.provider)
    const ids = ideasOf(fresh.doc).map(i => i.id)
    expect(acked.filter(id => !ids.includes(id))).toEqual([])
    expect(ideasOf(doc).map(i => i.id).sort()).toEqual([...ids].sort())

    for (const p of phones)
      p.destroy()
    boss.destroy()
    bossB.destroy()
    check.destroy()
  }, 90_000)
})
