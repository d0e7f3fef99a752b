// The live server: Hocuspocus, with the server as the authority, composed of one-concern
// extensions (src/live/extensions/):
// - auth.ts: the Origin check and the three roles by token (facilitator, helper, participant),
//   with the session's admission for new participants;
// - presence.ts: who is connected, the count of people joined, awareness kept from phones;
// - contributions.ts: what phones and helpers send, checked and written by the server, each
//   board's projection (`public/<id>`) that phones read;
// - own-boards.ts: each participant's own copy of an individual board (kept in the cohort's
//   own store, src/live/own-boards.ts) and the room's progress on it for the projector;
// - files.ts: the join page's files and /healthz over the same port;
// - scale-out.ts: several instances through Redis (documents, rate limits, the joined count);
// and the store (store.ts), which writes every update as it happens. This file opens the
// session's own documents (control, admission), reports what does not work (the store, Redis)
// in the control document's `health` map, and stops in order.
import { type DirectConnection, type Extension, Server } from '@hocuspocus/server'
import { ADMISSION_DOC, Admission, admissionMaps } from './admission'
import { authentication } from './extensions/auth'
import { contributions, docOf, within } from './extensions/contributions'
import { joinFiles } from './extensions/files'
import { ownBoardsExtension } from './extensions/own-boards'
import { INDIVIDUAL, OwnBoards, withOwnStore } from './own-boards'
import { Presence } from './extensions/presence'
import { type ScaleOut, scaleOut } from './extensions/scale-out'
import { type LiveLimits, resolveLimits } from './limits'
import type { JoinBrand } from './join-brand'
import { BOARD_ID, CONTROL_DOC, HEALTH_MAP, INDIVIDUAL_KINDS, type InstanceHealth } from './protocol'
import { LiveStore, storeExtension, type UpdateStore } from './store'
import { setFields } from '../board-doc'
import { dirname, join } from 'node:path'

export { DEFAULT_LIMITS, type LiveLimits, resolveLimits } from './limits'
export { helperTokenOf, participantIdOf } from './extensions/auth'
export { stripBidi } from './extensions/contributions'

export interface LiveServerOptions {
  /** the session's SQLite file (unless `store` is given) */
  db?: string
  /** where updates are persisted; default: SQLite in `db` */
  store?: UpdateStore
  token: string
  title: string
  language?: string
  host?: string
  /** 0: any free port */
  port?: number
  /** the built join page; without it, the server answers / with a short note */
  joinDir?: string
  limits?: Partial<LiveLimits>
  /** false: participants cannot give a name; every contribution is anonymous */
  names?: boolean
  /** share documents with other instances through Redis */
  redis?: { host: string, port: number, prefix?: string }
  name?: string
  /**
   * Web pages that may open a WebSocket besides the server's own (the join page) and pages on
   * this computer (localhost, 127.0.0.1, ::1: the facilitator's Slidev): a public address
   * behind a proxy that changes the Host header.
   */
  origins?: (origin: string) => boolean
  /** the cohort's accent and logo on the join page (src/live/join-brand.ts); the kit's look without */
  brand?: JoinBrand
  /**
   * Where participants' own copies of individual boards are kept (src/live/own-boards.ts): the
   * cohort's file (`ownStoreFile`); default: `own.sqlite` beside `db`. None without either.
   */
  ownFile?: string
  /** the same in another store: PostgreSQL's (`--store`), under the cohort or the session (ownPgSession) */
  ownStore?: UpdateStore
}

export interface LiveServer {
  url: string
  wsUrl: string
  port: number
  /** participants connected to this instance (distinct join pages) */
  joined: () => number
  /** what this instance cannot do right now (a lost store or Redis), in plain words */
  problems: () => string[]
  stop: () => Promise<void>
}

const LOCAL = { source: 'local' } as const

export async function startLiveServer(options: LiveServerOptions): Promise<LiveServer> {
  const limits = resolveLimits(options.limits)
  if (!options.store && !options.db)
    throw new Error('startLiveServer needs a db file or a store')
  const sessionStore: UpdateStore = options.store ?? new LiveStore(options.db!)
  // Participants' own copies: their own store (the cohort's), routed to by document name.
  const ownFile = options.ownFile ?? (options.db ? join(dirname(options.db), 'own.sqlite') : undefined)
  let ownUpdates: UpdateStore | undefined
  try {
    ownUpdates = options.ownStore ?? (ownFile ? new LiveStore(ownFile) : undefined)
  }
  catch (e) {
    await Promise.resolve(sessionStore.close()).catch(() => {})
    throw e
  }
  const store = ownUpdates ? withOwnStore(sessionStore, ownUpdates) : sessionStore
  const instanceName = options.name ?? 'kit-live'
  let control: DirectConnection | undefined
  /** The session's `control` document, once open and until it is closed (the server stopping). */
  const controlDoc = () => (control ? docOf(control) ?? undefined : undefined)
  let admission: Admission | undefined
  let admissionReady: (a: Admission) => void = () => {}
  const admissionOpened = new Promise<Admission>((resolve) => { admissionReady = resolve })
  let stopping = false

  /** What this instance cannot do right now, by dependency: shown in the presenter view. */
  const problems = new Map<'store' | 'redis', string>()
  function setProblem(key: 'store' | 'redis', problem: string | undefined) {
    if (problem === problems.get(key))
      return
    if (problem)
      problems.set(key, problem)
    else
      problems.delete(key)
    publishHealth()
  }
  function publishHealth() {
    const doc = controlDoc()
    if (!doc || stopping)
      return
    const health: InstanceHealth = { problems: [...problems.values()], at: new Date().toISOString() }
    doc.transact(() => doc.getMap<InstanceHealth>(HEALTH_MAP).set(instanceName, health), LOCAL)
  }
  const persistence = storeExtension(store, p => setProblem('store', p))
  let connectionLost = false
  store.onError = (e) => {
    // An idle connection dropped (PostgreSQL stopped): once per outage; writes report the rest.
    if (!connectionLost)
      console.error(`live: the connection to the store was lost (${e.message}); the next write reconnects.`)
    connectionLost = true
    setTimeout(() => { connectionLost = false }, 10_000).unref()
  }

  const presence = new Presence()
  presence.controlConnections = () => {
    const doc = controlDoc()
    return doc ? doc.connections.keys() as Iterable<any> : []
  }
  const shared: ScaleOut | undefined = options.redis ? await scaleOut(options.redis, presence, p => setProblem('redis', p)) : undefined
  presence.shared = shared
  const boardOpened = (boardId: string) => !!controlDoc()?.getMap('boards').has(boardId)
  const contributed = contributions({
    language: options.language,
    names: options.names,
    limits,
    persistence,
    presence,
    shared,
    hocuspocus: () => server.hocuspocus,
    controlDoc,
    admission: () => admission,
    stopping: () => stopping,
  })

  const ownStore = ownUpdates
    ? new OwnBoards({ store: ownUpdates, hocuspocus: () => server.hocuspocus, persistence, onRemote: copy => own?.remote(copy) })
    : undefined
  const own = ownStore
    ? ownBoardsExtension({
        own: ownStore,
        language: options.language,
        names: options.names,
        limits,
        hocuspocus: () => server.hocuspocus,
        controlDoc,
        admission: () => admission,
        roomBoard: boardId => contributed.runtime(boardId).then(rt => rt?.board),
        phonesOf: participantId => [...presence.phones].filter(([socketId]) => presence.participantOf(socketId) === participantId).map(([, c]) => c),
        rate: contributed.takeToken,
      })
    : undefined

  const extensions: Extension[] = [
    ...(shared ? [shared.extension] : []),
    persistence.extension,
    authentication({ token: options.token, language: options.language, origins: options.origins, admission: () => admissionOpened, boardOpened }),
    presence.extension,
    contributed.extension,
    ...(own ? [own.extension] : []),
    joinFiles({ joinDir: options.joinDir, joined: presence.joined, brand: options.brand }),
  ]

  const server = new Server({
    name: instanceName,
    address: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    quiet: true,
    stopOnSignals: false,
    // Contributions are a few hundred bytes; nothing a phone sends needs more than this.
    websocketOptions: { maxPayload: 1024 * 1024 },
    // The store persists every update as it happens; Hocuspocus's debounced store is unused.
    extensions,
  })
  /** A blocked participant's phones are disconnected; reconnecting, they are refused with the reason. */
  function disconnect(participantId: string) {
    for (const doc of server.hocuspocus.documents.values()) {
      for (const connection of doc.connections.keys()) {
        if ((connection as unknown as { context?: { participantId?: string } }).context?.participantId === participantId)
          (connection as unknown as { webSocket: { close: (code: number, reason: string) => void } }).webSocket.close(4403, 'blocked')
      }
    }
  }
  let admissionConn: DirectConnection | undefined

  // Closing Hocuspocus's connections leaves the WebSockets open (they are multiplexed): end the
  // TCP connections too on stop, so phones notice at once and start reconnecting.
  const tcp = new Set<import('node:net').Socket>()
  server.httpServer.on('connection', (socket) => {
    tcp.add(socket)
    socket.once('close', () => tcp.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    // Hocuspocus's listen() never rejects: a port in use surfaces as the HTTP server's error.
    const failed = (error: Error) => {
      Promise.resolve(store.close()).finally(() => reject(error))
    }
    server.httpServer.once('error', failed)
    server.listen().then(() => {
      server.httpServer.off('error', failed)
      resolve()
    }, failed)
  })
  const port = server.address.port
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`

  shared?.start()
  await shared?.sync().catch(e => console.error('live: the shared join count is unavailable:', (e as Error).message))
  control = await server.hocuspocus.openDirectConnection(CONTROL_DOC, { role: 'facilitator' })
  await control.transact((doc) => {
    setFields(doc.getMap('session'), { title: options.title, language: options.language ?? 'en', names: options.names !== false, [INDIVIDUAL_KINDS]: JSON.stringify(own ? INDIVIDUAL : []) })
  })
  publishHealth()
  admissionConn = await server.hocuspocus.openDirectConnection(ADMISSION_DOC, { role: 'facilitator' })
  const admissionDoc = docOf(admissionConn)
  admission = new Admission(admissionDoc, limits, instanceName)
  admissionReady(admission)
  const { blocked, purge: purges } = admissionMaps(admissionDoc)
  blocked.observe((event) => {
    for (const [id, change] of event.changes.keys) {
      if (change.action !== 'delete')
        disconnect(id)
    }
  })
  /**
   * After "remove everything from this person": the session's documents and their own copies are
   * compacted in the store (each one's updates replaced by one of its state, deleted content left
   * out), so their text is not left in the update history. Each waits until the removal in it
   * is stored.
   */
  async function forget(participantId: string) {
    const docs = (await store.documentsAsync()).filter(d => !d.startsWith('own/') || d.startsWith(`own/${participantId}/`))
    for (const doc of docs) {
      if (!await persistence.saved(persistence.mark(doc)))
        throw new Error(`the removal in ${doc} is not stored yet`)
      await store.compact?.(doc)
    }
  }
  const purging = new Set<string>()
  const runPurges = () => {
    for (const id of [...purges.keys()]) {
      if (purging.has(id) || stopping)
        continue
      purging.add(id)
      Promise.all([contributed.purge(id), own?.purge(id)])
        .then(() => forget(id))
        .then(() => admissionDoc.transact(() => purges.delete(id), LOCAL))
        .catch((e) => {
          console.error('live: removing a participant\'s contributions failed (tried again in a few seconds):', (e as Error).message)
          setTimeout(runPurges, 3000).unref()
        })
        .finally(() => purging.delete(id))
    }
  }
  // Boards the facilitator opens (here or on another instance) get their projection running.
  const boards = docOf(control).getMap<unknown>('boards')
  const openBoards = () => {
    for (const id of boards.keys()) {
      if (BOARD_ID.test(id)) {
        contributed.runtime(id).catch(e => console.error(`live: board ${id} failed to open:`, e))
        own?.opened(id)
      }
    }
  }
  boards.observe(openBoards)
  openBoards()
  // Once the boards are opening: a removal asked before a crash is done now, on every board.
  purges.observe(runPurges)
  runPurges()

  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    port,
    joined: presence.joined,
    problems: () => [...problems.values()],
    async stop() {
      stopping = true
      admission?.stop()
      await shared?.stop()
      for (const rt of await contributed.runtimes()) {
        for (const c of rt?.connections ?? [])
          await c.disconnect().catch(() => {})
      }
      // This instance's health entry goes with it (a killed one's stays, with its time).
      const doc = controlDoc()
      doc?.transact(() => doc.getMap(HEALTH_MAP).delete(instanceName), LOCAL)
      await control?.disconnect().catch(() => {})
      await admissionConn?.disconnect().catch(() => {})
      await own?.stop()
      await ownStore?.close()
      const destroyed = server.destroy()
      for (const socket of tcp)
        socket.destroy()
      await destroyed
      // Updates not stored yet were never acknowledged; a store that stays down cannot hold the exit.
      const drained = await within(persistence.drain().then(() => true), 5000, false)
      if (!drained)
        console.error('live: stopped with changes the store could not save; nothing acknowledged is among them.')
      await Promise.resolve(store.close()).catch(() => {})
    },
  }
}
