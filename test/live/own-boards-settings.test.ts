// The facilitator's settings of an individual board (the participant asked to show, `show.participant`,
// and the room's board projected instead of the progress, `show.room`) live in the board's progress
// document, which the store keeps and Redis shares: after a SIGKILL and a restart, and on a second
// instance, the phone asked is told so from its first answer on, the projector finds the room's
// board toggle where it left it, and the consenting participant's board is shown again. (Before,
// the person asked was a copy in the instance's memory, filled only once the progress document had
// loaded every copy: a phone answered meanwhile was told it was not asked.)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { afterAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { progressDocName, randomId, type ServerMessage } from '../../src/live/protocol'
import { participantIdOf } from '../../src/live/server'
import { Facilitator, type ServerProcess, sessionToken, spawnServer, startRedis, synced, until, waitFor } from '../support/live-clients'
import { OwnPhone } from '../support/own-clients'
import { hasRedisServer } from './scale-out'

const MAP = 'm2-board-stakeholder-map'
/** People with a copy besides the one asked: the progress document loads each copy as it opens. */
const ROOM = 30
const stakeholder = (id: string, name: string) => ({ id, name, category: 'host', power: 4, interest: 3, currentEngagement: '', preferredChannel: 'email', relationshipOwner: '' })
type Mine = Extract<ServerMessage, { t: 'own-mine' }>

function progress(server: ServerProcess, token: string) {
  const doc = new Y.Doc()
  const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl, WebSocketPolyfill: WebSocket as any })
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: progressDocName(MAP), token: `f:${token}`, document: doc, awareness: null })
  provider.attach()
  return { doc, show: doc.getMap<unknown>('show'), shown: doc.getMap<unknown>('shown'), ready: () => synced(provider), destroy: () => { provider.destroy(); socket.destroy() } }
}

/** The answers to a phone's own-mine for the board, from the first on. */
const answers = (p: OwnPhone) => p.messages.filter((m): m is Mine => m.t === 'own-mine' && m.board === MAP)

/** A room on the board: `ROOM` phones with an entry each, and Ana, who agrees to be shown. */
async function fillRoom(server: ServerProcess, token: string, anaSecret: string) {
  const open: { destroy: () => void }[] = []
  const boss = new Facilitator(server.wsUrl, token)
  open.push(boss)
  await boss.ready()
  boss.show(MAP, 'stakeholder-map', 'Stakeholders')
  const phones = [anaSecret, ...Array.from({ length: ROOM }, () => randomId(18))].map((secret, i) => new OwnPhone(server.wsUrl, secret, i ? `P${i}` : 'Ana'))
  open.push(...phones)
  await Promise.all(phones.map(async (p, i) => {
    await p.ready()
    await until(p.controlDoc, () => p.controlDoc.getMap('current').get('boardId') === MAP, 10_000, 'the board on the phone')
    expect(await p.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder(`s${i}`, i ? `Qz ${i}` : 'Qz Ana library') }, 15_000)).toMatchObject({ ok: true })
  }))
  const ana = phones[0]
  const msg = randomId(12)
  ana.raw(JSON.stringify({ t: 'own-consent', msg, board: MAP, consent: true }))
  expect(await ana.answer(msg)).toMatchObject({ ok: true })
  return { ana, destroy: () => open.forEach(o => o.destroy()) }
}

describe('the facilitator\'s settings of an individual board', () => {
  const sessions = mkdtempSync(join(tmpdir(), 'kit-own-settings-'))
  const running: ServerProcess[] = []
  const env = { KIT_SESSIONS_DIR: sessions }
  const spawn = async (args: string[]) => {
    const s = await spawnServer(env, args)
    running.push(s)
    return s
  }
  const kill = async (s: ServerProcess) => {
    s.child.kill('SIGKILL')
    if (s.child.exitCode === null && !s.child.signalCode)
      await new Promise(resolve => s.child.once('exit', resolve))
  }
  afterAll(async () => {
    await Promise.all(running.map(s => s.stop()))
    rmSync(sessions, { recursive: true, force: true })
  })

  it('survive a SIGKILL and a restart: the phone asked is told so from its first answer, the toggle and the shown board are back', async () => {
    const token = sessionToken(sessions, 'own-restart')
    const args = ['--session', 'own-restart', '--host', '127.0.0.1', '--port', '0', '--limits', JSON.stringify({ burst: 50, perSecond: 50 })]
    let server = await spawn(args)
    const anaSecret = randomId(18)
    const ana = participantIdOf(anaSecret)
    const room = await fillRoom(server, token, anaSecret)
    const projector = progress(server, token)
    await projector.ready()
    projector.doc.transact(() => {
      projector.show.set('participant', ana)
      projector.show.set('room', true)
    })
    await until(projector.doc, () => String(projector.shown.get('board') ?? '').includes('Qz Ana library'), 10_000, 'Ana\'s board shown')
    await room.ana.mine(MAP, m => m.asked)
    projector.destroy()
    room.destroy()

    await kill(server)
    server = await spawn(args)
    // Ana's phone comes back at once and asks for its copy, as the join page does on connecting.
    const back = new OwnPhone(server.wsUrl, anaSecret, 'Ana')
    await back.ready()
    back.raw(JSON.stringify({ t: 'own-mine', board: MAP }))
    const first = await back.mine(MAP)
    expect(answers(back).map(m => m.asked)).toEqual(answers(back).map(() => true))
    expect(first.asked).toBe(true)
    const again = progress(server, token)
    await again.ready()
    expect(again.show.get('room')).toBe(true)
    expect(again.show.get('participant')).toBe(ana)
    await until(again.doc, () => String(again.shown.get('board') ?? '').includes('Qz Ana library'), 10_000, 'Ana\'s board shown after the restart')
    again.destroy()
    back.destroy()
    await server.stop()
  }, 120_000)

  it.skipIf(!hasRedisServer)('are the same on two instances (Redis): set on one, the other\'s phones and projector have them, also an instance started after', async () => {
    const redis = await startRedis()
    try {
      const token = sessionToken(sessions, 'own-pair')
      const args = (name: string) => ['--session', 'own-pair', '--host', '127.0.0.1', '--port', '0', '--redis', `127.0.0.1:${redis.port}`, '--name', name, '--limits', JSON.stringify({ burst: 50, perSecond: 50 })]
      const a = await spawn(args('a'))
      const anaSecret = randomId(18)
      const ana = participantIdOf(anaSecret)
      const room = await fillRoom(a, token, anaSecret)
      const onA = progress(a, token)
      await onA.ready()
      onA.doc.transact(() => {
        onA.show.set('participant', ana)
        onA.show.set('room', false)
      })
      await until(onA.doc, () => String(onA.shown.get('board') ?? '').includes('Qz Ana library'), 10_000, 'Ana\'s board shown on A')
      room.destroy()

      // A second instance joins the session now: Ana's phone reaches it and is told at once.
      const b = await spawn(args('b'))
      const onB = new OwnPhone(b.wsUrl, anaSecret, 'Ana')
      await onB.ready()
      onB.raw(JSON.stringify({ t: 'own-mine', board: MAP }))
      const first = await onB.mine(MAP)
      expect(first.asked).toBe(true)
      const projectorB = progress(b, token)
      await projectorB.ready()
      expect(projectorB.show.get('room')).toBe(false)
      expect(projectorB.show.get('participant')).toBe(ana)

      // Changed on B (the presenter view there), seen on A; Stop showing on A tells the phone on B.
      projectorB.show.set('room', true)
      await until(onA.doc, () => onA.show.get('room') === true, 10_000, 'the room\'s board toggle on A')
      const seen = onB.messages.length
      onA.show.set('participant', '')
      await waitFor(() => onB.messages.slice(seen).some(m => m.t === 'own-mine' && m.board === MAP && !m.asked), 10_000, 'Ana\'s phone on B told she is no longer asked')
      expect((await onB.mine(MAP)).asked).toBe(false)
      await until(projectorB.doc, () => projectorB.shown.get('board') === '', 10_000, 'nothing shown on B')
      onA.destroy()
      projectorB.destroy()
      onB.destroy()
      await Promise.all([a.stop(), b.stop()])
    }
    finally {
      await redis.stop()
    }
  }, 120_000)
})
