// Instances as on several machines: documents shared through Redis, persistence in
// PostgreSQL (Debian's packages, started here on loopback). Phones on both converge; killing
// an instance loses nothing acknowledged; the export reads the results from PostgreSQL.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findPostgresBin, Facilitator, type ServerProcess, spawnServer, startPostgres, startRedis, synced, until, sessionToken } from '../support/live-clients'
import { addIdeas, boardIdeasOf, hasRedisServer, ideasOf, joinPhones } from './scale-out'
import { ROOT } from '../../src/paths'


// .ci/run installs redis-server and postgresql; without them (a laptop) this test is skipped.
describe.skipIf(!hasRedisServer || !findPostgresBin())('two instances with Redis and PostgreSQL', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>
  let postgres: Awaited<ReturnType<typeof startPostgres>>
  let sessions: string
  let token: string
  let a: ServerProcess
  let b: ServerProcess
  const env = () => ({ KIT_SESSIONS_DIR: sessions })
  const args = (name: string, port = 0) => ['--session', 'pg-scale', '--host', '127.0.0.1', '--port', String(port), '--redis', `127.0.0.1:${redis.port}`, '--store', postgres.url, '--name', name, '--limits', JSON.stringify({ burst: 100, perSecond: 50, entriesPerParticipant: 20 })]

  beforeAll(async () => {
    ;[redis, postgres] = await Promise.all([startRedis(), startPostgres()])
    sessions = mkdtempSync(join(tmpdir(), 'kit-live-pg-'))
    token = sessionToken(sessions, 'pg-scale')
    ;[a, b] = await Promise.all([spawnServer(env(), args('a')), spawnServer(env(), args('b'))])
  }, 120_000)
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await Promise.all([redis?.stop(), postgres?.stop()])
    rmSync(sessions, { recursive: true, force: true })
  })

  it('converges, keeps everything acknowledged when an instance is killed, and exports from PostgreSQL', async () => {
    const boss = new Facilitator(a.wsUrl, token)
    await boss.ready()
    boss.show('pg-board')
    const phones = await joinPhones([a, b], 10, 'pg-board')
    const watchB = await phones[1].open('pg-board')
    const acked = await addIdeas(phones, 'pg-board', 5)
    expect(acked).toHaveLength(50)
    await until(watchB, () => ideasOf(watchB).length === 50, 15_000, 'all ideas on instance B')

    // Both instances die at once: only PostgreSQL has the board now.
    for (const s of [a, b])
      s.child.kill('SIGKILL')
    await Promise.all([a, b].map(s => new Promise(resolve => s.child.once('exit', resolve))))
    a = await spawnServer(env(), args('a2'))
    const check = new Facilitator(a.wsUrl, token)
    const { doc, provider } = await check.board('pg-board')
    await synced(provider)
    const ids = boardIdeasOf(doc).map(i => i.id)
    expect(acked.filter(id => !ids.includes(id))).toEqual([])
    expect(ids).toHaveLength(50)

    const out = join(sessions, 'out')
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'live', 'export', 'pg-scale', '--store', postgres.url, '--out', out], { cwd: ROOT, env: { ...process.env, KIT_SESSIONS_DIR: sessions } })
    // board .json, .csv, .contributions.csv, .md, results.json and the session record, session.md
    expect(stdout).toMatch(/Wrote 6 files for 1 board/)
    expect(readFileSync(join(out, 'session.md'), 'utf8')).toContain('pg-board')
    expect(JSON.parse(readFileSync(join(out, 'pg-board.json'), 'utf8')).data.ideas).toHaveLength(50)

    for (const p of phones)
      p.destroy()
    boss.destroy()
    check.destroy()
    b = a
  }, 120_000)
})
