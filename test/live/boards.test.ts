// The nine exercise boards live, on a real server with real providers and SQLite: for each, a
// participant adds, edits and withdraws; cannot touch another's entry; invalid fields are
// refused with a message; a locked board refuses; a hidden row leaves `public/<id>`; a queued
// row appears only once approved; the export holds the visible rows in the board's own shape
// and the handouts' results loader accepts it. And a SIGKILL loses no acknowledged row.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadBoardResults } from '../../src/handouts/results'
import { exportSession } from '../../src/live/export'
import { Facilitator, Participant, spawnServer, synced, until, sessionToken } from '../support/live-clients'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { SAMPLES } from './board-samples'

const TOKEN = 'boards-facilitator-token-0123456789abcdef'
const rowsIn = (doc: Y.Doc, list: string) => doc.getMap<Y.Map<unknown>>(`rows:${list}`).toJSON() as Record<string, Record<string, unknown>>

describe('the nine boards on the live server', () => {
  let dir: string
  let server: LiveServer
  let boss: Facilitator
  const phones: Participant[] = []
  const phone = async (boardId: string, name = '') => {
    const p = new Participant(server.wsUrl, undefined, name)
    phones.push(p)
    await p.ready()
    await until(p.controlDoc, () => p.controlDoc.getMap('current').get('boardId') === boardId, 10_000, 'the board on the phone')
    return p
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kit-live-boards-'))
    server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Boards', host: '127.0.0.1', port: 0, limits: { burst: 100, perSecond: 50 } })
    boss = new Facilitator(server.wsUrl, TOKEN)
    await boss.ready()
  })
  afterAll(async () => {
    for (const p of phones)
      p.destroy()
    boss.destroy()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it.each(SAMPLES)('$kind: add, edit, withdraw own entries; refusals say why; hidden and queued rows stay off phones', async (s) => {
    const boardId = `b-${s.kind}`
    boss.show(boardId, s.kind, s.kind)
    const ana = await phone(boardId, 'Ana')
    const bob = await phone(boardId, 'Bob')
    const seen = await bob.open(boardId)
    await until(seen, () => typeof seen.getMap('meta').get('form') === 'string', 10_000, 'the phone form')
    expect(JSON.parse(String(seen.getMap('meta').get('form'))).lists[0].fields.length).toBeGreaterThan(0)
    const row = (id: string, extra: Record<string, unknown> = {}) => ({ id, ...s.row, ...extra })

    expect(await ana.contribute(boardId, { op: 'add', list: s.list, row: row('ana-1') })).toMatchObject({ ok: true })
    await until(seen, () => !!rowsIn(seen, s.list)['ana-1'], 10_000, 'the row on the phone')
    expect(rowsIn(seen, s.list)['ana-1']).toMatchObject({ [s.title]: s.row[s.title], _by: 'Ana' })
    expect(JSON.stringify(seen.toJSON())).not.toContain('_author')
    expect(await ana.contribute(boardId, { op: 'edit', list: s.list, row: row('ana-1', { [s.title]: 'Edited' }) })).toMatchObject({ ok: true })
    await until(seen, () => rowsIn(seen, s.list)['ana-1']?.[s.title] === 'Edited', 10_000, 'the edit on the phone')
    expect(ana.lastMine).toMatchObject({ lists: { [s.list]: [{ id: 'ana-1', status: 'visible', row: { [s.title]: 'Edited' } }] } })

    expect(await bob.contribute(boardId, { op: 'edit', list: s.list, row: row('ana-1', { [s.title]: 'Bob was here' }) })).toMatchObject({ ok: false, code: 'not-yours' })
    expect(await bob.contribute(boardId, { op: 'withdraw', list: s.list, id: 'ana-1' })).toMatchObject({ ok: false, code: 'not-yours' })
    const invalid = await ana.contribute(boardId, { op: 'add', list: s.list, row: row('ana-bad', s.invalid) })
    expect(invalid).toMatchObject({ ok: false, code: 'invalid' })
    expect((invalid as { error: string }).error).toMatch(s.says)

    // Hidden by the facilitator: not in public/<id> at all, for phones there and phones to come.
    expect(await ana.contribute(boardId, { op: 'add', list: s.list, row: row('ana-2', { [s.title]: 'HIDE-ME-PLEASE' }) })).toMatchObject({ ok: true })
    await until(seen, () => !!rowsIn(seen, s.list)['ana-2'], 10_000, 'the second row')
    const { doc } = await boss.board(boardId)
    await until(doc, () => !!doc.getMap<Y.Map<unknown>>(`rows:${s.list}`).get('ana-2'))
    doc.getMap<Y.Map<unknown>>(`rows:${s.list}`).get('ana-2')!.set('_status', 'hidden')
    await until(seen, () => !rowsIn(seen, s.list)['ana-2'], 10_000, 'the hidden row gone')
    const late = await phone(boardId)
    const lateDoc = await late.open(boardId)
    await until(lateDoc, () => !!rowsIn(lateDoc, s.list)['ana-1'], 10_000, 'the board on a late phone')
    expect(Buffer.from(Y.encodeStateAsUpdate(lateDoc)).toString('latin1')).not.toContain('HIDE-ME-PLEASE')

    // A queue: Bob's row waits until approved.
    doc.getMap('meta').set('moderation', 'queue')
    await until(doc, () => doc.getMap('meta').get('moderation') === 'queue')
    expect(await bob.contribute(boardId, { op: 'add', list: s.list, row: row('bob-1', { [s.title]: 'Queued' }) })).toMatchObject({ ok: true })
    expect(bob.lastMine).toMatchObject({ lists: { [s.list]: [{ id: 'bob-1', status: 'pending' }] } })
    await until(doc, () => !!doc.getMap<Y.Map<unknown>>(`rows:${s.list}`).get('bob-1'))
    expect(rowsIn(seen, s.list)['bob-1']).toBeUndefined()
    doc.getMap<Y.Map<unknown>>(`rows:${s.list}`).get('bob-1')!.set('_status', 'visible')
    await until(seen, () => rowsIn(seen, s.list)['bob-1']?.[s.title] === 'Queued', 10_000, 'the approved row')

    // Withdrawn: gone everywhere.
    expect(await bob.contribute(boardId, { op: 'add', list: s.list, row: row('bob-2', { [s.title]: 'Withdraw me' }) })).toMatchObject({ ok: true })
    expect(await bob.contribute(boardId, { op: 'withdraw', list: s.list, id: 'bob-2' })).toMatchObject({ ok: true })
    await until(doc, () => !doc.getMap(`rows:${s.list}`).has('bob-2'))

    // Locked: refused, with the reason, and the phones see it.
    doc.getMap('meta').set('locked', true)
    await until(seen, () => seen.getMap('meta').get('locked') === true, 10_000, 'the lock on the phone')
    const locked = await ana.contribute(boardId, { op: 'add', list: s.list, row: row('ana-3') })
    expect(locked).toMatchObject({ ok: false, code: 'locked', error: expect.stringMatching(/locked/) })
  }, 60_000)

  it('exports every board\'s visible rows in the board\'s own shape, which the worksheets\' results loader accepts', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kit-live-boards-export-'))
    const written = await exportSession(join(dir, 'live.sqlite'), out, new Date('2026-11-25T10:00:00Z'))
    expect(written.boards).toBe(SAMPLES.length)
    const results = loadBoardResults(join(out, 'results.json'))
    for (const s of SAMPLES) {
      const data = results.get(`b-${s.kind}`)?.data as Record<string, any[]> | undefined
      expect(data, s.kind).toBeDefined()
      const ids = data![s.list].map(r => r.id)
      expect(ids, s.kind).toEqual(expect.arrayContaining(['ana-1', 'bob-1']))
      expect(ids, s.kind).not.toContain('ana-2')
      expect(JSON.stringify(data), s.kind).not.toContain('_author')
      // The export keeps who sent what (the names given) and when; what was not shown is only counted.
      const envelope = JSON.parse(readFileSync(join(out, `b-${s.kind}.json`), 'utf8'))
      const sent = Object.fromEntries(envelope.live.contributions.map((c: any) => [c.id, c]))
      expect(sent['ana-1'], s.kind).toMatchObject({ list: s.list, by: 'Ana', at: expect.stringMatching(/^\d{4}-/) })
      expect(sent['bob-1'], s.kind).toMatchObject({ by: 'Bob' })
      expect(sent['ana-2'], s.kind).toBeUndefined()
      expect(readFileSync(join(out, `b-${s.kind}.md`), 'utf8'), s.kind).toMatch(/\| Ana \| [^|]* \| \d{4}-\d\d-\d\d \d\d:\d\d UTC \|/)
    }
    expect(readFileSync(join(out, 'session.md'), 'utf8')).toContain(`${SAMPLES.length} boards`)
    rmSync(out, { recursive: true, force: true })
  })
})

describe('a list board on a server killed with SIGKILL', () => {
  it('loses no acknowledged row', async () => {
    const sessions = mkdtempSync(join(tmpdir(), 'kit-live-boards-kill-'))
    const env = { KIT_SESSIONS_DIR: sessions }
    const token = sessionToken(sessions, 'kill-boards', { title: 'Kill' })
    const args = ['--session', 'kill-boards', '--host', '127.0.0.1', '--port', '0', '--limits', JSON.stringify({ entriesPerParticipant: 50, burst: 100, perSecond: 50 })]
    let server = await spawnServer(env, args)
    const boss = new Facilitator(server.wsUrl, token)
    await boss.ready()
    boss.show('audit', 'channel-audit', 'Channels')
    const sample = SAMPLES.find(s => s.kind === 'channel-audit')!
    const phones = await Promise.all(Array.from({ length: 6 }, async () => {
      const p = new Participant(server.wsUrl)
      await p.ready()
      await until(p.controlDoc, () => p.controlDoc.getMap('current').get('boardId') === 'audit')
      return p
    }))
    const acked: string[] = []
    await Promise.all(phones.map(async (p, n) => {
      for (let i = 0; i < 6; i++) {
        const id = `p${n}-c${i}`
        if ((await p.contribute('audit', { op: 'add', list: 'channels', row: { id, ...sample.row, channel: `Channel ${i} of ${n}` } })).ok)
          acked.push(id)
      }
    }))
    server.child.kill('SIGKILL')
    await new Promise(resolve => server.child.once('exit', resolve))
    expect(acked).toHaveLength(36)
    server = await spawnServer(env, args)
    const check = new Facilitator(server.wsUrl, token)
    const { doc, provider } = await check.board('audit')
    await synced(provider)
    const ids = Object.keys(rowsIn(doc, 'channels'))
    expect(acked.filter(id => !ids.includes(id))).toEqual([])
    for (const p of phones)
      p.destroy()
    boss.destroy()
    check.destroy()
    await server.stop()
    rmSync(sessions, { recursive: true, force: true })
  }, 60_000)
})
