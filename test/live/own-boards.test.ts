// Everyone's own board, with real WebSocket clients: on an individual board each participant's
// phone fills their own copy, kept by the server under their secret and the cohort; the room's
// board and the other phones never see it; the projector's progress holds counts, not content;
// one participant's board is shown only while they agree; the copy exports as the board's JSON,
// survives a restart and is there again in the cohort's next session, where the charter builder
// takes it from the server.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { importJson } from '../../src/boards/kit/board'
import { stakeholderMap } from '../../src/boards/stakeholder-map/model'
import { raciMatrix } from '../../src/boards/raci-matrix/model'
import { addRow } from '../../src/board-doc'
import { admissionMaps } from '../../src/live/admission'
import { ownDocName, ownStoreFile } from '../../src/live/own-boards'
import { LiveStore, loadDocument } from '../../src/live/store'
import { type BoardMine, type OwnShown, progressDocName, randomId, type ServerMessage } from '../../src/live/protocol'
import { type LiveServer, participantIdOf, startLiveServer } from '../../src/live/server'
import { Facilitator, synced, until, waitFor } from '../support/live-clients'
import { OwnPhone as Phone } from '../support/own-clients'

const TOKEN = 'test-facilitator-token-0123456789abcdef'
const MAP = 'm2-board-stakeholder-map'
const CHARTER = 'm4-board-charter-builder'

/** A stored board document's maps as text (every share of a board document is a map). */
const stored = (doc: Y.Doc) => JSON.stringify([...doc.share.keys()].filter(k => k !== 'board').map(k => doc.getMap(k).toJSON()))
const rowsIn = (mine: BoardMine, list: string) => (mine.lists[list] ?? []).map(e => e.row as Record<string, unknown>)
const stakeholder = (id: string, name: string) => ({ id, name, category: 'host', power: 4, interest: 3, currentEngagement: '', preferredChannel: 'email', relationshipOwner: '' })

describe('everyone\'s own board', () => {
  let dir: string
  let server: LiveServer
  let facilitator: Facilitator
  const phones: Phone[] = []
  const anaSecret = randomId(18)
  const beaSecret = randomId(18)
  let ownFile: string

  const start = async (session: string) => {
    server = await startLiveServer({ db: join(dir, session, 'live.sqlite'), ownFile, token: TOKEN, title: session, host: '127.0.0.1', port: 0, limits: { burst: 50, perSecond: 50 } })
    facilitator = new Facilitator(server.wsUrl, TOKEN)
    await facilitator.ready()
  }
  const phone = async (secret: string, name: string) => {
    const p = new Phone(server.wsUrl, secret, name)
    phones.push(p)
    await p.ready()
    return p
  }
  const stop = async () => {
    for (const p of phones.splice(0))
      p.destroy()
    facilitator.destroy()
    await server.stop()
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kit-own-'))
    ownFile = ownStoreFile(dir, join(dir, 's1'), 'lisbon-2027')
    await start('s1')
  })
  afterAll(async () => {
    await stop().catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps each phone\'s entries on its own copy: not on the room\'s board, not on other phones', async () => {
    facilitator.show(MAP, 'stakeholder-map', 'Stakeholders')
    const ana = await phone(anaSecret, 'Ana')
    const bea = await phone(beaSecret, 'Bea')
    await until(ana.controlDoc, () => ana.controlDoc.getMap('current').get('boardId') === MAP)
    expect(JSON.parse(String(ana.controlDoc.getMap('session').get('individualKinds')))).toEqual(expect.arrayContaining(['stakeholder-map', 'raci-matrix', 'charter-builder']))
    expect(JSON.parse(String(ana.controlDoc.getMap('session').get('individualKinds')))).not.toContain('idea-vote')

    expect(await ana.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('s1', 'Qz library') })).toMatchObject({ ok: true })
    expect(await ana.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('s2', 'Qz funder') })).toMatchObject({ ok: true })
    expect(await ana.own(MAP, { op: 'edit', list: 'stakeholders', row: stakeholder('s2', 'Qz regional funder') })).toMatchObject({ ok: true })
    expect(await ana.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('s3', 'Qz gone') })).toMatchObject({ ok: true })
    expect(await ana.own(MAP, { op: 'withdraw', list: 'stakeholders', id: 's3' })).toMatchObject({ ok: true })
    expect(await bea.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('b1', 'Qz university') })).toMatchObject({ ok: true })
    // Bea cannot reach Ana's row: on Bea's copy it does not exist.
    expect(await bea.own(MAP, { op: 'edit', list: 'stakeholders', row: stakeholder('s1', 'Taken over') })).toMatchObject({ ok: false, code: 'gone' })
    // The board's own schema checks a row, as on the room's board.
    expect(await ana.own(MAP, { op: 'add', list: 'stakeholders', row: { ...stakeholder('s4', 'Qz bad'), power: 9 } })).toMatchObject({ ok: false, code: 'invalid', error: expect.stringMatching(/Power/) })

    expect(rowsIn((await ana.mine(MAP)).mine, 'stakeholders').map(r => r.name)).toEqual(['Qz library', 'Qz regional funder'])
    expect(rowsIn((await bea.mine(MAP)).mine, 'stakeholders').map(r => r.name)).toEqual(['Qz university'])
    const room = await facilitator.board(MAP)
    expect(JSON.stringify(room.doc.toJSON())).not.toContain('Qz')
    const pub = await ana.open(MAP)
    expect(JSON.stringify(pub.toJSON())).not.toContain('Qz')
  })

  it('shows the projector how far each person is, never what they wrote, and one board only with consent', async () => {
    const [ana] = phones
    const doc = new Y.Doc()
    const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl, WebSocketPolyfill: WebSocket as any })
    const progress = new HocuspocusProvider({ websocketProvider: socket, name: progressDocName(MAP), token: `f:${TOKEN}`, document: doc, awareness: null })
    progress.attach()
    await synced(progress)
    const people = doc.getMap<string>('people')
    await until(doc, () => people.size === 2, 5000, 'two people in the progress')
    const anaId = participantIdOf(anaSecret)
    expect(JSON.parse(people.get(anaId)!)).toMatchObject({ name: 'Ana', rows: 2, consent: false })
    expect(JSON.parse(people.get(anaId)!).n).toBeGreaterThan(0)
    expect(JSON.parse(people.get(participantIdOf(beaSecret))!)).toMatchObject({ name: 'Bea', rows: 1 })
    expect(JSON.stringify(doc.toJSON())).not.toContain('Qz')

    // The facilitator asks for Ana's board: nothing is shown until she agrees on her phone.
    doc.getMap('show').set('participant', anaId)
    await until(doc, () => doc.getMap('shown').get('asked') === anaId)
    expect(doc.getMap('shown').get('board')).toBe('')
    await ana.mine(MAP, m => m.asked && !m.consent)
    const yes = randomId(12)
    ana.raw(JSON.stringify({ t: 'own-consent', msg: yes, board: MAP, consent: true }))
    await ana.answer(yes)
    await until(doc, () => String(doc.getMap('shown').get('board')).includes('Qz library'), 5000, 'Ana\'s board shown')
    const shown = JSON.parse(String(doc.getMap('shown').get('board'))) as OwnShown
    expect(shown).toMatchObject({ participant: anaId, name: 'Ana', kind: 'stakeholder-map' })
    // Shown live: her next entry appears; taken back, it is gone from the projector at once.
    await ana.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('s5', 'Qz partner') })
    await until(doc, () => String(doc.getMap('shown').get('board')).includes('Qz partner'))
    const no = randomId(12)
    ana.raw(JSON.stringify({ t: 'own-consent', msg: no, board: MAP, consent: false }))
    await until(doc, () => doc.getMap('shown').get('board') === '', 5000, 'the board taken off the projector')
    expect(JSON.parse(people.get(anaId)!)).toMatchObject({ rows: 3, consent: false })
    progress.destroy()
    socket.destroy()
  })

  it('RACI: the starter tasks are the participant\'s own, with the roles the facilitator put on the room\'s board', async () => {
    facilitator.show('m2-raci', 'raci-matrix', 'RACI')
    const room = await facilitator.board('m2-raci')
    await until(room.doc, () => room.doc.getMap('meta').get('kind') === 'raci-matrix')
    addRow(room.doc, raciMatrix, 'roles', { id: 'r-chair', name: 'Chair' })
    const [ana] = phones
    const first = await ana.mine('m2-raci', m => (m.mine.roles ?? []).some(r => r.name === 'Chair'))
    expect(rowsIn(first.mine, 'activities').map(r => r.name)).toContain('Onboarding')
    expect(await ana.own('m2-raci', { op: 'cell', activity: 'act-onboarding', role: 'r-chair', letter: 'A' })).toMatchObject({ ok: true })
    expect(await ana.own('m2-raci', { op: 'edit', list: 'activities', row: { id: 'act-onboarding', name: 'Qz onboarding newcomers' } })).toMatchObject({ ok: true })
    const mine = await ana.mine('m2-raci', m => m.mine.cells?.['act-onboarding:r-chair'] === 'A')
    expect(rowsIn(mine.mine, 'activities').map(r => r.name)).toContain('Qz onboarding newcomers')
    expect(JSON.stringify(room.doc.toJSON())).not.toContain('Qz')
    expect(room.doc.getMap('record:cells').size).toBe(0)
  })

  it('exports a participant\'s own copy as the board\'s JSON', async () => {
    const [ana] = phones
    const from = ana.messages.length
    ana.raw(JSON.stringify({ t: 'own-export', board: MAP }))
    let file: Extract<ServerMessage, { t: 'own-export' }> | undefined
    await waitFor(() => !!(file = ana.messages.slice(from).find((m): m is Extract<ServerMessage, { t: 'own-export' }> => m.t === 'own-export')))
    expect(file!.file).toBe(`${MAP}.json`)
    const read = importJson(stakeholderMap, file!.text)
    expect(read.ok && read.data.stakeholders.map(s => s.name)).toEqual(['Qz library', 'Qz regional funder', 'Qz partner'])
  })

  it('keeps the copies over a restart and into the cohort\'s next session, where the charter builder takes them', async () => {
    await stop()
    await start('s2')
    facilitator.show(MAP, 'stakeholder-map', 'Stakeholders')
    const ana = await phone(anaSecret, 'Ana')
    await until(ana.controlDoc, () => ana.controlDoc.getMap('current').get('boardId') === MAP)
    expect(rowsIn((await ana.mine(MAP)).mine, 'stakeholders').map(r => r.name)).toEqual(['Qz library', 'Qz regional funder', 'Qz partner'])
    // A new phone (another secret) has an empty copy.
    const stranger = await phone(randomId(18), 'Cy')
    expect(rowsIn((await stranger.mine(MAP)).mine, 'stakeholders')).toEqual([])

    facilitator.show(CHARTER, 'charter-builder', 'Charter')
    await until(ana.controlDoc, () => ana.controlDoc.getMap('current').get('boardId') === CHARTER)
    const msg = randomId(12)
    ana.raw(JSON.stringify({ t: 'own-thread', msg, board: CHARTER }))
    expect(await ana.answer(msg)).toMatchObject({ ok: true })
    const thread = ana.messages.find((m): m is Extract<ServerMessage, { t: 'own-thread' }> => m.t === 'own-thread' && m.msg === msg)!
    expect(thread.boards.sort()).toEqual(['m2-board-stakeholder-map', 'm2-raci'])
    expect(thread.added.join(' ')).toContain('Qz')
    const from = ana.messages.length
    ana.raw(JSON.stringify({ t: 'own-export', board: CHARTER }))
    await waitFor(() => ana.messages.slice(from).some(m => m.t === 'own-export' && m.board === CHARTER && m.text.includes('Qz library')), 5000, 'the charter holding Ana\'s stakeholders')
  })

  it('empties a participant\'s own copies when the facilitator removes everything from them, and leaves the others\'', async () => {
    facilitator.show(MAP, 'stakeholder-map', 'Stakeholders')
    const dee = await phone(randomId(18), 'Dee')
    const ana = phones[0]
    await until(dee.controlDoc, () => dee.controlDoc.getMap('current').get('boardId') === MAP)
    expect(await dee.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('d1', 'Qz dee secret') })).toMatchObject({ ok: true })
    facilitator.show(CHARTER, 'charter-builder', 'Charter')
    await until(dee.controlDoc, () => dee.controlDoc.getMap('current').get('boardId') === CHARTER)
    expect(await dee.own(CHARTER, { op: 'add', list: 'proposals', row: { id: 'p1', path: 'vision', text: 'Qz dee vision' } })).toMatchObject({ ok: true })
    const deeId = participantIdOf(dee.secret)
    const progress = new Y.Doc()
    const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl, WebSocketPolyfill: WebSocket as any })
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: progressDocName(MAP), token: `f:${TOKEN}`, document: progress, awareness: null })
    provider.attach()
    await synced(provider)
    await until(progress, () => progress.getMap('people').has(deeId), 5000, 'Dee on the progress')

    const admission = await facilitator.admission()
    admission.transact(() => admissionMaps(admission).purge.set(deeId, Date.now()))
    await until(admission, () => admissionMaps(admission).purge.size === 0, 10_000, 'the purge done')
    // Her tile is off the projector's progress; Ana's stays.
    await until(progress, () => !progress.getMap('people').has(deeId), 5000, 'Dee off the progress')
    expect(progress.getMap('people').has(participantIdOf(anaSecret))).toBe(true)
    provider.destroy()
    socket.destroy()
    // Her copies are empty in the store itself (what a restart or another instance reads).
    const store = new LiveStore(ownFile)
    try {
      for (const board of [MAP, CHARTER]) {
        const doc = await loadDocument(store, ownDocName(deeId, board))
        expect(doc.share.size).toBeGreaterThan(0)
        expect(stored(doc), [...doc.share.keys()].join()).not.toContain("Qz dee")
      }
      // Ana's are untouched.
      expect(stored(await loadDocument(store, ownDocName(participantIdOf(anaSecret), MAP)))).toContain('Qz library')
    }
    finally {
      store.close()
    }
    expect(rowsIn((await ana.mine(MAP)).mine, 'stakeholders').map(r => r.name)).toContain('Qz library')
  })
})
