// Everyone's own board across two live server instances (several machines: Redis between them,
// PostgreSQL as the store): a participant's copy is the same whichever instance their phone
// reaches, a change acknowledged on one is seen on the other (their other phone, the projector's
// progress), the rate limit of own copies is one budget across both, everything acknowledged
// is in PostgreSQL when both instances are killed, and a PostgreSQL that stops answering makes
// a change refused ("Not saved"), never a crash.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { promisify } from 'node:util'
import { ROOT } from '../../src/paths'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import pg from 'pg'
import { type BoardMine, HEALTH_MAP, type InstanceHealth, progressDocName, randomId } from '../../src/live/protocol'
import { participantIdOf } from '../../src/live/server'
import { Facilitator, findPostgresBin, type ServerProcess, sessionToken, spawnServer, startPostgres, startRedis, synced, until, waitFor } from '../support/live-clients'
import { OwnPhone } from '../support/own-clients'
import { hasRedisServer } from './scale-out'

const MAP = 'm2-board-stakeholder-map'
const rowsIn = (mine: BoardMine, list: string) => (mine.lists[list] ?? []).map(e => e.row as Record<string, unknown>)
const names = (mine: BoardMine) => rowsIn(mine, 'stakeholders').map(r => r.name).sort()
const stakeholder = (id: string, name: string) => ({ id, name, category: 'host', power: 4, interest: 3, currentEngagement: '', preferredChannel: 'email', relationshipOwner: '' })

describe.skipIf(!hasRedisServer || !findPostgresBin())('everyone\'s own board on two instances (Redis, PostgreSQL)', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>
  let postgres: Awaited<ReturnType<typeof startPostgres>>
  let sessions: string
  let token: string
  let a: ServerProcess
  let b: ServerProcess
  const others: { destroy: () => void }[] = []
  const env = () => ({ KIT_SESSIONS_DIR: sessions })
  const args = (name: string) => ['--session', 'own-scale', '--host', '127.0.0.1', '--port', '0', '--redis', `127.0.0.1:${redis.port}`, '--store', postgres.url, '--name', name, '--limits', JSON.stringify({ burst: 6, perSecond: 0.05 })]
  const anaSecret = randomId(18)
  const beaSecret = randomId(18)
  const cySecret = randomId(18)

  const phone = async (server: ServerProcess, secret: string, name: string) => {
    const p = new OwnPhone(server.wsUrl, secret, name)
    others.push(p)
    await p.ready()
    await until(p.controlDoc, () => p.controlDoc.getMap('current').get('boardId') === MAP, 10_000, 'the board on the phone')
    return p
  }

  beforeAll(async () => {
    ;[redis, postgres] = await Promise.all([startRedis(), startPostgres()])
    sessions = mkdtempSync(join(tmpdir(), 'kit-own-scale-'))
    token = sessionToken(sessions, 'own-scale')
    ;[a, b] = await Promise.all([spawnServer(env(), args('a')), spawnServer(env(), args('b'))])
  }, 120_000)
  afterAll(async () => {
    for (const o of others.splice(0))
      o.destroy()
    await Promise.all([a?.stop(), b?.stop()])
    await Promise.all([redis?.stop(), postgres?.stop()])
    rmSync(sessions, { recursive: true, force: true })
  })

  it('keeps one copy per participant whichever instance their phone reaches, and the projector\'s progress counts both', async () => {
    const boss = new Facilitator(a.wsUrl, token)
    others.push(boss)
    await boss.ready()
    boss.show(MAP, 'stakeholder-map', 'Stakeholders')
    const anaOnA = await phone(a, anaSecret, 'Ana')
    const anaOnB = await phone(b, anaSecret, 'Ana')
    const beaOnB = await phone(b, beaSecret, 'Bea')

    expect(await anaOnA.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('s1', 'Qz library') })).toMatchObject({ ok: true })
    // Acknowledged on A: Ana's phone on B reads the same copy.
    expect(names((await anaOnB.mine(MAP, m => names(m.mine).includes('Qz library'))).mine)).toEqual(['Qz library'])
    // Changed on B, seen on A; and pushed to the phone on A without its asking.
    const before = anaOnA.messages.length
    expect(await anaOnB.own(MAP, { op: 'edit', list: 'stakeholders', row: stakeholder('s1', 'Qz city library') })).toMatchObject({ ok: true })
    expect(await anaOnB.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('s2', 'Qz funder') })).toMatchObject({ ok: true })
    await waitFor(() => anaOnA.messages.slice(before).some(m => m.t === 'own-mine' && m.board === MAP && names(m.mine).join() === 'Qz city library,Qz funder'), 10_000, 'B\'s changes pushed to Ana\'s phone on A')
    // The entry made on A is Ana's on B too: she edits it there; Bea (on B) cannot reach it.
    expect(await beaOnB.own(MAP, { op: 'edit', list: 'stakeholders', row: stakeholder('s1', 'Taken over') })).toMatchObject({ ok: false, code: 'gone' })
    expect(await beaOnB.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('b1', 'Qz university') })).toMatchObject({ ok: true })

    // The projector (on A) counts Ana (written on both) and Bea (written on B only).
    const doc = new Y.Doc()
    const socket = new HocuspocusProviderWebsocket({ url: a.wsUrl, WebSocketPolyfill: WebSocket as any })
    const progress = new HocuspocusProvider({ websocketProvider: socket, name: progressDocName(MAP), token: `f:${token}`, document: doc, awareness: null })
    others.push({ destroy: () => { progress.destroy(); socket.destroy() } })
    progress.attach()
    await synced(progress)
    const people = doc.getMap<string>('people')
    const rows = (secret: string) => JSON.parse(people.get(participantIdOf(secret)) ?? '{"rows":-1}').rows
    await until(doc, () => rows(anaSecret) === 2 && rows(beaSecret) === 1, 10_000, 'Ana 2 and Bea 1 on A\'s progress')
    // The entries' words (never the ids: a random id may hold any two letters).
    for (const word of ['library', 'funder', 'university'])
      expect(JSON.stringify(doc.toJSON())).not.toContain(word)
  }, 60_000)

  it('gives a participant one rate budget for their own copies across both instances', async () => {
    const cyOnA = await phone(a, cySecret, 'Cy')
    const cyOnB = await phone(b, cySecret, 'Cy')
    const answers: { ok: boolean, code?: string }[] = []
    // Six tokens in all (burst 6, refilled once in 20 s): three on each instance, then none on either.
    for (let i = 0; i < 3; i++) {
      answers.push(await cyOnA.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder(`ca${i}`, `Qz a${i}`) }))
      answers.push(await cyOnB.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder(`cb${i}`, `Qz b${i}`) }))
    }
    expect(answers.every(r => r.ok)).toBe(true)
    expect(await cyOnA.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('ca9', 'Qz too many') })).toMatchObject({ ok: false, code: 'rate' })
    expect(await cyOnB.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('cb9', 'Qz too many') })).toMatchObject({ ok: false, code: 'rate' })
  }, 60_000)

  it('has everything acknowledged in PostgreSQL when both instances are killed, and refuses changes while PostgreSQL is down', async () => {
    for (const o of others.splice(0))
      o.destroy()
    for (const s of [a, b])
      s.child.kill('SIGKILL')
    await Promise.all([a, b].map(s => new Promise(resolve => s.child.exitCode !== null || s.child.signalCode ? resolve(0) : s.child.once('exit', resolve))))
    // Kept in PostgreSQL, not in a file on one machine.
    expect(existsSync(join(sessions, 'own-scale', 'own.sqlite'))).toBe(false)
    const client = new pg.Client({ connectionString: postgres.url })
    await client.connect()
    const { rows } = await client.query<{ doc: string }>('SELECT DISTINCT doc FROM kit_live_updates WHERE session = $1 AND doc LIKE $2', ['own-scale', 'own/%'])
    await client.end()
    expect(rows.map(r => r.doc).sort()).toEqual([participantIdOf(anaSecret), participantIdOf(beaSecret), participantIdOf(cySecret)].map(id => `own/${id}/${MAP}`).sort())

    a = await spawnServer(env(), args('a2'))
    b = a
    const ana = await phone(a, anaSecret, 'Ana')
    expect(names((await ana.mine(MAP)).mine)).toEqual(['Qz city library', 'Qz funder'])
    const cy = await phone(a, cySecret, 'Cy')
    expect(names((await cy.mine(MAP)).mine)).toEqual(['Qz a0', 'Qz a1', 'Qz a2', 'Qz b0', 'Qz b1', 'Qz b2'])

    // PostgreSQL stops answering: refused with a message, the server still up.
    await postgres.halt()
    const refused = await ana.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('s3', 'Qz while down') }, 20_000)
    expect(refused).toMatchObject({ ok: false, code: 'unsaved', error: expect.stringMatching(/Not saved, try again/) })
    const problems = () => (ana.controlDoc.getMap<InstanceHealth>(HEALTH_MAP).get('a2')?.problems ?? [])
    await until(ana.controlDoc, () => problems().length > 0, 10_000, 'the store\'s problem reported')
    await postgres.resume()
    // Back (the instance says so once its retried writes are stored): the next change is
    // accepted, and the refused one was never applied.
    await until(ana.controlDoc, () => problems().length === 0, 30_000, 'the store working again')
    expect(await ana.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('s4', 'Qz after') }, 20_000)).toMatchObject({ ok: true })
    expect(names((await ana.mine(MAP, m => names(m.mine).includes('Qz after'))).mine)).toEqual(['Qz after', 'Qz city library', 'Qz funder'])

    // The export, from PostgreSQL: the individual board's counts, none of its content.
    // (once the projector's progress, which it reads, has Ana's last entry)
    const progress = new Y.Doc()
    const socket = new HocuspocusProviderWebsocket({ url: a.wsUrl, WebSocketPolyfill: WebSocket as any })
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: progressDocName(MAP), token: `f:${token}`, document: progress, awareness: null })
    others.push({ destroy: () => { provider.destroy(); socket.destroy() } })
    provider.attach()
    await synced(provider)
    await until(progress, () => JSON.parse(progress.getMap<string>('people').get(participantIdOf(anaSecret)) ?? '{}').rows === 3, 10_000, 'Ana\'s three entries on the progress')
    await waitFor(() => !provider.hasUnsyncedChanges, 5000, 'the progress in sync')
    const out = join(sessions, 'out')
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'live', 'export', 'own-scale', '--store', postgres.url, '--out', out], { cwd: ROOT, env: { ...process.env, KIT_SESSIONS_DIR: sessions } })
    expect(stdout).toMatch(/Wrote \d+ files/)
    expect(JSON.parse(readFileSync(join(out, `${MAP}.json`), 'utf8')).live.own).toEqual({ opened: 3, started: 3, entries: 10 })
    expect(readFileSync(join(out, 'session.md'), 'utf8')).not.toContain('Qz')
  }, 120_000)
})
