// Two live server instances behind one address, sharing documents through Redis
// (@hocuspocus/extension-redis) and one store: phones on each instance converge, moderation on
// one reaches phones on the other, and killing one instance loses nothing acknowledged.
import { mkdtempSync, rmSync } from 'node:fs'
import { type AddressInfo, connect, createServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Facilitator, Participant, type ServerProcess, spawnServer, startRedis, synced, until, sessionToken, voteFor } from '../support/live-clients'
import { addIdeas, boardIdeasOf, hasRedisServer, ideasOf, joinPhones } from './scale-out'



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
    expect(await phones[1].contribute('shared', voteFor('p0-i0'))).toMatchObject({ ok: true })
    await until(watchA, () => ideasOf(watchA).find(i => i.id === 'p0-i0')?.votes === 1, 10_000, 'the vote on A')

    // The facilitator, on instance B this time, hides an idea: phones on A stop receiving it.
    const bossB = new Facilitator(b.wsUrl, token)
    const { doc } = await bossB.board('shared')
    await until(doc, () => boardIdeasOf(doc).length === 100)
    doc.getMap<Y.Map<unknown>>('rows:ideas').get('p2-i0')!.set('_status', 'hidden')
    await until(watchA, () => !ideasOf(watchA).some(i => i.id === 'p2-i0'), 10_000, 'the hidden idea gone on A')

    // Instance A dies; everything acknowledged is on B, and in the shared store after a restart.
    a.child.kill('SIGKILL')
    await new Promise(resolve => a.child.once('exit', resolve))
    a = await spawnServer(env(), args('a2'))
    const check = new Facilitator(a.wsUrl, token)
    const fresh = await check.board('shared')
    await synced(fresh.provider)
    const ids = boardIdeasOf(fresh.doc).map(i => i.id)
    expect(acked.filter(id => !ids.includes(id))).toEqual([])
    expect(boardIdeasOf(doc).map(i => i.id).sort()).toEqual([...ids].sort())

    for (const p of phones)
      p.destroy()
    boss.destroy()
    bossB.destroy()
    check.destroy()
  }, 90_000)
})

/**
 * A TCP proxy in front of Redis that holds the `slow`-th connection it accepts (1-based) for
 * `ms` before connecting it through: an instance whose second connection to Redis (the
 * extension's subscriber, opened after its publisher) is still opening when the session starts.
 */
async function slowProxy(redisPort: number, slow: number, ms: number): Promise<{ port: number, close: () => Promise<void> }> {
  const sockets = new Set<Socket>()
  let accepted = 0
  const server = createServer((client) => {
    sockets.add(client)
    client.pause()
    const n = ++accepted
    const through = () => {
      const upstream = connect(redisPort, '127.0.0.1')
      sockets.add(upstream)
      client.pipe(upstream).pipe(client)
      client.resume()
      const end = () => { client.destroy(); upstream.destroy() }
      client.on('error', end).on('close', end)
      upstream.on('error', end).on('close', end)
    }
    if (n === slow)
      setTimeout(through, ms)
    else
      through()
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets)
        s.destroy()
      server.close(() => resolve())
    }),
  }
}

describe.skipIf(!hasRedisServer)('an instance whose Redis connection is still opening at start-up', () => {
  it('shares the session with the other instance once the connection opens', async () => {
    const redis = await startRedis()
    const proxy = await slowProxy(redis.port, 2, 1200)
    const sessions = mkdtempSync(join(tmpdir(), 'kit-live-redis-slow-'))
    const token = sessionToken(sessions, 'slow')
    const args = (name: string, port: number) => ['--session', 'slow', '--host', '127.0.0.1', '--port', '0', '--redis', `127.0.0.1:${port}`, '--name', name]
    const a = await spawnServer({ KIT_SESSIONS_DIR: sessions }, args('a', redis.port))
    const b = await spawnServer({ KIT_SESSIONS_DIR: sessions }, args('b', proxy.port))
    try {
      const boss = new Facilitator(a.wsUrl, token)
      await boss.ready()
      boss.show('late', 'idea-vote', 'Ideas')
      const onB = new Participant(b.wsUrl)
      await onB.ready()
      // Before the fix, B's session document, opened while its subscriber was still connecting,
      // was never subscribed: its phones never saw a board shown on A.
      await until(onB.controlDoc, () => onB.controlDoc.getMap('current').get('boardId') === 'late', 10_000, 'the board shown on A, on a phone of B')
      const seen = await onB.open('late')
      expect(await onB.contribute('late', { op: 'add', list: 'ideas', row: { id: 'b0', text: 'From B' } })).toMatchObject({ ok: true })
      const { doc } = await boss.board('late')
      await until(doc, () => boardIdeasOf(doc).length === 1, 10_000, 'B\'s idea on A')
      await until(seen, () => ideasOf(seen).length === 1, 10_000, 'B\'s idea on B')
      onB.destroy()
      boss.destroy()
    }
    finally {
      await Promise.all([a.stop(), b.stop()])
      await proxy.close()
      await redis.stop()
      rmSync(sessions, { recursive: true, force: true })
    }
  }, 60_000)
})
