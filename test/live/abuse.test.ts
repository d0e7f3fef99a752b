// What one device or one web page must not do to a room: turn the projected text around with
// bidirectional controls in a name or an idea, open the session from another web page (any
// page a participant opens could post and vote from their phone), or keep a board full with
// entries the facilitator has hidden.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { Facilitator, Participant, seenIdeas, until } from '../support/live-clients'
import { CONTROL_DOC, randomId } from '../../src/live/protocol'
import { type LiveServer, startLiveServer } from '../../src/live/server'

const TOKEN = 'abuse-facilitator-token-0123456789abcdef'
const ideasOf = seenIdeas
// The ideas on the board's own document (the core's layout), not the phones' projection.
const boardIdeasOf = (doc: Y.Doc) => [...doc.getMap<Y.Map<unknown>>('rows:ideas').values()].map(r => r.toJSON() as Record<string, any>)

let dir: string
let server: LiveServer
let boss: Facilitator
const phones: Participant[] = []
async function phone(name = '') {
  const p = new Participant(server.wsUrl, undefined, name)
  phones.push(p)
  await p.ready()
  return p
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-live-abuse-'))
  server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Abuse', host: '127.0.0.1', port: 0, limits: { rowsPerBoard: 3, entriesPerParticipant: 5, burst: 50, perSecond: 50 } })
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

describe('bidirectional controls', () => {
  it('are taken out of names and text before anything is stored or projected', async () => {
    boss.show('bidi', 'idea-vote', 'Ideas')
    const p = await phone('Ana\u202Egnp.exe\u202C')
    await until(p.controlDoc, () => p.controlDoc.getMap('current').get('boardId') === 'bidi')
    expect(await p.contribute('bidi', { op: 'add', list: 'ideas', row: { id: 'x1', text: 'Vote \u2067for\u2069 me\u200F' } })).toMatchObject({ ok: true })
    const { doc } = await boss.board('bidi')
    await until(doc, () => boardIdeasOf(doc).length === 1)
    expect(boardIdeasOf(doc)[0]).toMatchObject({ text: 'Vote for me', _name: 'Anagnp.exe' })
    const seen = await p.open('bidi')
    await until(seen, () => ideasOf(seen).length === 1)
    expect(JSON.stringify(seen.getMap('rows:ideas').toJSON())).not.toMatch(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/)
  })
})

/** Opens the session as a browser page at `origin` would; resolves with the refusal, or 'ok'. */
function openFrom(origin: string, on = server): Promise<string> {
  class FromPage extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { Origin: origin } })
      this.on('error', () => {})
    }
  }
  const socket = new HocuspocusProviderWebsocket({ url: on.wsUrl, WebSocketPolyfill: FromPage, maxAttempts: 1 })
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: CONTROL_DOC, token: `p:${randomId(18)}`, document: new Y.Doc(), awareness: null })
  provider.attach()
  return new Promise<string>((resolve) => {
    provider.on('synced', () => resolve('ok'))
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason))
  }).finally(() => {
    provider.destroy()
    socket.destroy()
  })
}

describe('the page that opens the WebSocket', () => {
  it('may be the join page or the facilitator\'s slides on the laptop, and no other', async () => {
    expect(await openFrom(server.url)).toBe('ok')
    expect(await openFrom('http://localhost:3030')).toBe('ok')
    expect(await openFrom('https://evil.example')).toMatch(/This page \(https:\/\/evil\.example\) may not use the live session/)
    expect(await openFrom('null')).toMatch(/may not use the live session/)
  })

  it('may be a public address the operator names (a proxy that changes the Host header)', async () => {
    const proxied = await startLiveServer({ db: join(dir, 'proxied.sqlite'), token: TOKEN, title: 'Proxied', host: '127.0.0.1', port: 0, origins: o => o === 'https://live.example.org' })
    try {
      expect(await openFrom('https://live.example.org', proxied)).toBe('ok')
      expect(await openFrom('https://evil.example', proxied)).toMatch(/may not use the live session/)
    }
    finally {
      await proxied.stop()
    }
  })
})

describe('a board\'s cap', () => {
  it('does not count entries the facilitator has hidden', async () => {
    boss.show('cap', 'idea-vote', 'Ideas')
    const flood = await phone()
    const real = await phone()
    await until(real.controlDoc, () => real.controlDoc.getMap('current').get('boardId') === 'cap')
    for (const id of ['f1', 'f2', 'f3'])
      expect(await flood.contribute('cap', { op: 'add', list: 'ideas', row: { id, text: `Spam ${id}` } })).toMatchObject({ ok: true })
    expect(await real.contribute('cap', { op: 'add', list: 'ideas', row: { id: 'r1', text: 'Real idea' } })).toMatchObject({ ok: false, code: 'limit' })
    const { doc } = await boss.board('cap')
    await until(doc, () => boardIdeasOf(doc).length === 3)
    doc.transact(() => {
      for (const id of ['f1', 'f2', 'f3'])
        doc.getMap<Y.Map<unknown>>('rows:ideas').get(id)!.set('_status', 'hidden')
    })
    const seen = await real.open('cap')
    await until(seen, () => ideasOf(seen).length === 0, 5000, 'the hidden ideas gone from phones')
    expect(await real.contribute('cap', { op: 'add', list: 'ideas', row: { id: 'r1', text: 'Real idea' } })).toMatchObject({ ok: true })
  })
})
