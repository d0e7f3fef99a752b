// "Remove everything from this person" leaves none of their text in the store: not in the rooms'
// boards, their projection, the projector's progress (the name they gave, their board shown), nor
// their own copies, though each document's stored update history held it until then. After the
// removal each document is compacted (store.ts, pg-store.ts): the SQLite files (with the write-ahead
// log) and PostgreSQL's rows no longer hold the text's bytes, everyone else's entries are intact,
// and a contribution stored while a compaction runs is kept (PostgreSQL: another instance's INSERT
// numbered before the rows merged but committed after they were read).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { admissionMaps } from '../../src/live/admission'
import { ownDocName, ownStoreFile } from '../../src/live/own-boards'
import { PgStore } from '../../src/live/pg-store'
import { type BoardMine, boardDocName, progressDocName, randomId } from '../../src/live/protocol'
import { type LiveServer, participantIdOf, startLiveServer } from '../../src/live/server'
import { LiveStore, loadDocument, type UpdateStore } from '../../src/live/store'
import { Facilitator, findPostgresBin, startPostgres, synced, until, waitFor } from '../support/live-clients'
import { OwnPhone } from '../support/own-clients'

const TOKEN = 'test-facilitator-token-0123456789abcdef'
const MAP = 'm2-board-stakeholder-map'
const stakeholder = (id: string, name: string) => ({ id, name, category: 'host', power: 4, interest: 3, currentEngagement: '', preferredChannel: 'email', relationshipOwner: '' })
const names = (mine: BoardMine) => (mine.lists.stakeholders ?? []).map(e => (e.row as { name: string }).name).sort()
/** Ana's words: the name she gave, her entry on the room's board, her own board's entries. */
const ANA = ['Zanaqx Name', 'Zanaqx room entry', 'Zanaqx own entry', 'Zanaqx edited entry']
const contains = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, 'utf8'))

let postgres: Awaited<ReturnType<typeof startPostgres>> | undefined
const hasPostgres = !!findPostgresBin()
beforeAll(async () => {
  if (hasPostgres)
    postgres = await startPostgres()
}, 60_000)
afterAll(async () => {
  await postgres?.stop()
})

/** Where the session is kept, and how its raw bytes are read (what is on disk, not what a document shows). */
interface Place {
  start: () => Promise<LiveServer>
  /** every stored byte of the session and the cohort's copies */
  bytes: () => Promise<Buffer>
  /** the session's store (own copies routed) to read documents back */
  open: () => { store: UpdateStore, close: () => Promise<void> }
  done: () => void
}

function sqlitePlace(): Place {
  const dir = mkdtempSync(join(tmpdir(), 'kit-forget-'))
  const db = join(dir, 's1', 'live.sqlite')
  const ownFile = ownStoreFile(dir, join(dir, 's1'), 'forget-2027')
  const files = () => [db, ownFile].flatMap(f => [f, `${f}-wal`]).filter(f => existsSync(f))
  return {
    start: () => startLiveServer({ db, ownFile, token: TOKEN, title: 'Forget', host: '127.0.0.1', port: 0, limits: { burst: 100, perSecond: 100 } }),
    bytes: async () => Buffer.concat(files().map(f => readFileSync(f))),
    open: () => {
      const session = new LiveStore(db)
      const own = new LiveStore(ownFile)
      const store: UpdateStore = { append: () => {}, readAsync: d => (d.startsWith('own/') ? own : session).readAsync(d), documentsAsync: async () => [], close: () => {} }
      return { store, close: async () => { session.close(); own.close() } }
    },
    done: () => rmSync(dir, { recursive: true, force: true }),
  }
}

function pgPlace(): Place {
  const session = `forget-${randomId(6).toLowerCase()}`
  let root: PgStore | undefined
  return {
    start: async () => {
      root = new PgStore(postgres!.url, session)
      return startLiveServer({ store: root, ownStore: root.scoped('.cohorts/forget-2027'), token: TOKEN, title: 'Forget', host: '127.0.0.1', port: 0, limits: { burst: 100, perSecond: 100 } })
    },
    bytes: async () => {
      const client = new pg.Client({ connectionString: postgres!.url })
      await client.connect()
      try {
        const { rows } = await client.query<{ data: Buffer }>('SELECT data FROM kit_live_updates WHERE session = ANY($1)', [[session, '.cohorts/forget-2027']])
        return Buffer.concat(rows.map(r => r.data))
      }
      finally {
        await client.end()
      }
    },
    open: () => {
      const s = new PgStore(postgres!.url, session)
      const own = s.scoped('.cohorts/forget-2027')
      const store: UpdateStore = { append: () => {}, readAsync: d => (d.startsWith('own/') ? own : s).readAsync(d), documentsAsync: async () => [], close: () => {} }
      return { store, close: () => s.close() }
    },
    done: () => {},
  }
}

const places: [string, () => Place][] = [['SQLite', sqlitePlace], ...(hasPostgres ? [['PostgreSQL', pgPlace] as [string, () => Place]] : [])]

describe.each(places)('"remove everything from this person" in %s', (_name, make) => {
  it('leaves none of their text in the store, keeps everyone else\'s, and loses no contribution sent meanwhile', async () => {
    const place = make()
    let server = await place.start()
    const open: { destroy: () => void }[] = []
    try {
      const boss = new Facilitator(server.wsUrl, TOKEN)
      open.push(boss)
      await boss.ready()
      boss.show(MAP, 'stakeholder-map', 'Stakeholders')
      const ana = new OwnPhone(server.wsUrl, randomId(18), ANA[0])
      const bea = new OwnPhone(server.wsUrl, randomId(18), 'Bea')
      open.push(ana, bea)
      for (const p of [ana, bea]) {
        await p.ready()
        await until(p.controlDoc, () => p.controlDoc.getMap('current').get('boardId') === MAP, 10_000, 'the board on the phone')
      }
      const anaId = participantIdOf(ana.secret)
      // Ana writes on the room's board and on her own (edited: the first text only in the history).
      expect(await ana.contribute(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('ra', ANA[1]) })).toMatchObject({ ok: true })
      expect(await ana.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('oa', ANA[2]) })).toMatchObject({ ok: true })
      expect(await ana.own(MAP, { op: 'edit', list: 'stakeholders', row: stakeholder('oa', ANA[3]) })).toMatchObject({ ok: true })
      expect(await bea.contribute(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('rb', 'Bea room entry') })).toMatchObject({ ok: true })
      expect(await bea.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder('ob', 'Bea own entry') })).toMatchObject({ ok: true })
      // She agrees, and the facilitator shows her board: the progress document holds it too.
      const consent = randomId(12)
      ana.raw(JSON.stringify({ t: 'own-consent', msg: consent, board: MAP, consent: true }))
      expect(await ana.answer(consent)).toMatchObject({ ok: true })
      const progress = new Y.Doc()
      const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl, WebSocketPolyfill: WebSocket as any })
      const provider = new HocuspocusProvider({ websocketProvider: socket, name: progressDocName(MAP), token: `f:${TOKEN}`, document: progress, awareness: null })
      open.push({ destroy: () => { provider.destroy(); socket.destroy() } })
      provider.attach()
      await synced(provider)
      progress.getMap('show').set('participant', anaId)
      await until(progress, () => String(progress.getMap('shown').get('board') ?? '').includes(ANA[3]), 10_000, 'Ana\'s board shown')
      await waitFor(() => !provider.hasUnsyncedChanges, 5000, 'the progress in sync')
      // The test can see the text where it is stored: every word of hers is in the store now.
      const before = await place.bytes()
      for (const text of ANA)
        expect(contains(before, text), text).toBe(true)

      // The facilitator removes everything from Ana while Bea keeps contributing, to the room's
      // board and to her own, from the moment the removal is asked until after it is done.
      const admission = await boss.admission()
      admission.transact(() => admissionMaps(admission).purge.set(anaId, Date.now()))
      const meanwhile: Promise<{ ok: boolean }>[] = []
      let n = 0
      while (admissionMaps(admission).purge.size > 0 || n < 4) {
        n++
        meanwhile.push(bea.contribute(MAP, { op: 'add', list: 'stakeholders', row: stakeholder(`rb${n}`, `Bea room ${n}`) }))
        meanwhile.push(bea.own(MAP, { op: 'add', list: 'stakeholders', row: stakeholder(`ob${n}`, `Bea own ${n}`) }))
        await Promise.all(meanwhile.slice(-2))
        if (n > 200)
          throw new Error('the removal did not finish')
      }
      expect((await Promise.all(meanwhile)).every(r => r.ok)).toBe(true)

      // None of her words is stored any more, in any document, in any file or row.
      const after = await place.bytes()
      for (const text of ANA)
        expect(contains(after, text), text).toBe(false)
      for (const o of open.splice(0))
        o.destroy()
      await server.stop()

      // Read back from the store: Bea's entries are all there, also those sent during the removal.
      const read = place.open()
      try {
        const room = await loadDocument(read.store, boardDocName(MAP))
        const roomNames = [...room.getMap<Y.Map<unknown>>('rows:stakeholders').values()].map(r => String(r.get('name'))).sort()
        const own = await loadDocument(read.store, ownDocName(participantIdOf(bea.secret), MAP))
        const ownNames = [...own.getMap<Y.Map<unknown>>('rows:stakeholders').values()].map(r => String(r.get('name'))).sort()
        const expected = (first: string, prefix: string) => [first, ...Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`)].sort()
        expect(roomNames).toEqual(expected('Bea room entry', 'Bea room'))
        expect(ownNames).toEqual(expected('Bea own entry', 'Bea own'))
        const anaOwn = await loadDocument(read.store, ownDocName(anaId, MAP))
        expect(anaOwn.getMap('rows:stakeholders').size).toBe(0)
      }
      finally {
        await read.close()
      }

      // And the restarted server serves Bea her entries, and Ana's copy empty.
      server = await place.start()
      const again = new OwnPhone(server.wsUrl, bea.secret, 'Bea')
      open.push(again)
      await again.ready()
      await until(again.controlDoc, () => again.controlDoc.getMap('current').get('boardId') === MAP, 10_000, 'the board on the phone')
      expect(names((await again.mine(MAP)).mine)).toHaveLength(n + 1)
    }
    finally {
      for (const o of open.splice(0))
        o.destroy()
      await server.stop()
      place.done()
    }
  }, 120_000)
})
