// The live server: Hocuspocus, with the server as the authority.
//
// - The facilitator's connections carry `f:<token>` and may read and write every document.
// - Participants carry `p:<secret>` (made by their join page, kept in its localStorage). Their
//   connections are read-only and may open only `control` and `public/<board>`; their id is a
//   hash of the secret, so knowing someone's id (it is in no public document anyway) does not
//   let anyone act as them.
// - A contribution is a stateless message on `control`. The server checks it (the board's
//   zod schema and field lengths, own entries only, board not locked, per-participant rate
//   and count limits: per participant, never per address, since a room shares one router),
//   writes it into `board/<id>`, and answers. The store writes every update to SQLite inside
//   the change, so the answer goes out after the contribution is on disk.
// - Participants never open `board/<id>`: they read `public/<id>`, a projection the server
//   rewrites whenever the board changes, holding only visible entries and no authors. A
//   hidden or removed contribution is deleted from the projection, so it is not sent at all.
// - A contribution the store cannot save is undone and refused ("not saved, try again"); a
//   lost store or Redis is told to the facilitator in the control document's `health` map.
// - Only the join page and pages on this computer may open a WebSocket (the Origin check), and
//   bidirectional controls are taken out of everything a participant sends.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join } from 'node:path'
import { type Connection, type DirectConnection, type Document, type Extension, Server } from '@hocuspocus/server'
import * as Y from 'yjs'
import { z } from 'zod'
import { describeZodError } from '../boards/kit/board'
import { personName } from '../boards/idea-vote/model'
import { liveBoard } from './adapters'
import { isLocked, type LiveBoardAdapter, meta, moderationOf, setFields, statusOf } from './boards'
import { mergeIdeas } from '../boards/idea-vote/moderate'
import { BOARD_ID, boardDocName, CONTROL_DOC, HEALTH_MAP, type InstanceHealth, MESSAGE_ID, type ModerationView, PARTICIPANT_SECRET, publicDocName, type RefusalCode, type Role, type ServerMessage } from './protocol'
import { Admission, ADMISSION_DOC, admissionMaps, removeAuthor } from './admission'
import { ClusterState } from './cluster'
import { LiveStore, storeExtension, type UpdateStore } from './store'
import { entryOf, lastApplied, noteApplied } from './order'
import { say, sayLines } from './words'
import { brandedPage, type JoinBrand } from './join-brand'
import { LANGUAGES } from '../i18n/labels'

export interface LiveLimits {
  /** entries one participant may have on one board */
  entriesPerParticipant: number
  /** entries on one board in all */
  rowsPerBoard: number
  /** a participant's burst of contributions, refilled at `perSecond` */
  burst: number
  perSecond: number
  /** new participants (secrets not seen before) the session admits in all */
  participants: number
  /** new participants admitted at once, then `joinsPerSecond` (per session, never per address) */
  joinBurst: number
  joinsPerSecond: number
  /** for this long after joining, a participant's contributions have the tighter newcomer bucket too */
  newcomerSeconds: number
  newcomerBurst: number
  newcomerPerSecond: number
}

/** For a room of up to 300: 200 phones joining at once are all in within 15 s. */
export const DEFAULT_LIMITS: LiveLimits = { entriesPerParticipant: 10, rowsPerBoard: 500, burst: 10, perSecond: 1, participants: 500, joinBurst: 60, joinsPerSecond: 10, newcomerSeconds: 60, newcomerBurst: 5, newcomerPerSecond: 0.5 }

/**
 * The limits in force: `partial` over the defaults. When `burst` or `perSecond` is raised and the
 * newcomer limits are not given, newcomers get the same (a test or a large room asked for more).
 */
export function resolveLimits(partial: Partial<LiveLimits> = {}): LiveLimits {
  const limits = { ...DEFAULT_LIMITS, ...partial }
  const raised = partial.burst !== undefined || partial.perSecond !== undefined
  if (partial.newcomerBurst === undefined && raised)
    limits.newcomerBurst = limits.burst
  if (partial.newcomerPerSecond === undefined && raised)
    limits.newcomerPerSecond = limits.perSecond
  limits.newcomerBurst = Math.min(limits.newcomerBurst, limits.burst)
  return limits
}

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

interface ConnContext { role: Role, participantId?: string }
interface BoardRuntime {
  boardId: string
  adapter: LiveBoardAdapter
  board: Document
  out: Document
  connections: DirectConnection[]
  /** false when the saved board is one this kit cannot write (another kind, a newer schema) */
  writable: boolean
}

const LOCAL = { source: 'local' } as const
/** Changes this server makes: LOCAL, or one contribution's own origin (so it can be undone). */
const isLocal = (origin: unknown) => (origin as { source?: string } | null)?.source === 'local'

/** Bidirectional controls (LRE..RLO, LRI..PDI, LRM, RLM): a name must not turn the text after it around. */
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
/** Participant text with its bidirectional controls taken out, at any depth of a message. */
export function stripBidi<T>(value: T): T {
  if (typeof value === 'string')
    return value.replace(BIDI, '') as T
  if (Array.isArray(value))
    return value.map(stripBidi) as T
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripBidi(v)])) as T
  return value
}

/** Loopback pages (the facilitator's Slidev on this laptop). */
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i
/** A direct connection's document (the class has it; the exported interface does not say so). */
const docOf = (c: DirectConnection) => (c as unknown as { document: Document }).document
const isRedis = (origin: unknown) => (origin as { source?: string } | null)?.source === 'redis'

/** The rows of a board document that phones sent or that can be moderated: [list, row]. */
function moderatedRows(doc: Y.Doc): [string, string, Y.Map<unknown>][] {
  const out: [string, string, Y.Map<unknown>][] = []
  // Only the maps the board's adapter has read (a share never read is left untyped, never cast).
  for (const [name, map] of doc.share) {
    if (name === 'meta' || name === 'votes' || !(map instanceof Y.Map))
      continue
    for (const [id, row] of map.entries()) {
      if (row instanceof Y.Map && typeof row.get('_author') === 'string' && typeof row.get('_mergedInto') !== 'string')
        out.push([name.replace(/^rows:/, ''), id, row])
    }
  }
  return out
}

const clientMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('contribute'), msg: z.string().regex(MESSAGE_ID), board: z.string().regex(BOARD_ID), name: z.string().optional(), body: z.unknown(), seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(), lang: z.string().max(35).optional() }),
  z.object({ t: z.literal('mine'), board: z.string().regex(BOARD_ID) }),
])

const helperMessage = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('moderate'),
    msg: z.string().regex(MESSAGE_ID),
    board: z.string().regex(BOARD_ID),
    action: z.enum(['approve', 'hide', 'show', 'approve-all', 'hide-all', 'lock', 'unlock', 'merge']),
    ids: z.array(z.string().max(64)).max(1000).optional(),
    into: z.string().max(64).optional(),
  }).strict(),
  z.object({ t: z.literal('queue'), board: z.string().regex(BOARD_ID) }).strict(),
])

/**
 * The helper's token, from the facilitator's: a second token the presenter view shows as its
 * own QR code. A helper moderates from a phone (approve, hide, merge, lock) by message; their
 * connection is read-only like a phone's, so they can never move the slides.
 */
export const helperTokenOf = (facilitatorToken: string) => createHmac('sha256', facilitatorToken).update('kit-live-helper').digest('base64url').slice(0, 32)

export const participantIdOf = (secret: string) => createHash('sha256').update(`kit-live:${secret}`).digest('base64url').slice(0, 22)

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.png': 'image/png' }
const SECURITY_HEADERS = {
  // Participant text is rendered as text; this also forbids inline scripts and other hosts.
  'Content-Security-Policy': 'default-src \'self\'; script-src \'self\'; style-src \'self\' \'unsafe-inline\'; img-src \'self\' data:; connect-src \'self\'; base-uri \'none\'; form-action \'none\'; frame-ancestors \'none\'',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

export async function startLiveServer(options: LiveServerOptions): Promise<LiveServer> {
  const limits = resolveLimits(options.limits)
  if (!options.store && !options.db)
    throw new Error('startLiveServer needs a db file or a store')
  const store: UpdateStore = options.store ?? new LiveStore(options.db!)
  const instanceName = options.name ?? 'kit-live'
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
    const doc = control && docOf(control)
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
  const buckets = new Map<string, { tokens: number, at: number }>()
  /** A newcomer's tighter bucket, beside their ordinary one (local: a phone stays on one instance). */
  const newcomerBuckets = new Map<string, { tokens: number, at: number }>()
  let admission: Admission | undefined
  let admissionConn: DirectConnection | undefined
  let admissionReady: () => void = () => {}
  const admissionOpened = new Promise<void>((resolve) => { admissionReady = resolve })
  const sockets = new Map<string, string>() // socketId -> participantId, on `control`
  const phones = new Map<string, Connection>() // socketId -> the participant's `control` connection
  const lastMine = new Map<string, string>() // `${socketId} ${boardId}` -> the last `mine` sent
  const runtimes = new Map<string, Promise<BoardRuntime | undefined>>()
  let control: DirectConnection | undefined
  let stopping = false
  /** With Redis: the rate limits and the join count every instance shares. */
  let cluster: ClusterState | undefined
  let redisUp = () => false

  const send = (connection: Connection, message: ServerMessage) => connection.sendStateless(JSON.stringify(message))
  const joined = () => new Set(sockets.values()).size
  const joinedEverywhere = () => (cluster ? Math.max(cluster.joined(), joined()) : joined())

  function tellFacilitators() {
    const doc = control && docOf(control)
    if (!doc)
      return
    for (const connection of doc.connections.keys()) {
      if ((connection.context as ConnContext).role === 'facilitator')
        send(connection, { t: 'joined', count: joinedEverywhere() })
    }
  }

  /** Per participant, never per address: one token bucket each, in Redis when instances share one. */
  async function takeToken(participantId: string, now: number): Promise<number> {
    // Redis unreachable (or slow to answer): this instance's own bucket, rather than refusing
    // or stalling everyone. The Redis client's own errors are reported once (see below).
    if (cluster && redisUp()) {
      try {
        const wait = await within(cluster.take(participantId, limits.burst, limits.perSecond), 500, -1)
        if (wait >= 0)
          return wait
      }
      catch {}
    }
    return takeLocalToken(participantId, now)
  }
  function takeLocalToken(participantId: string, now: number, from = buckets, burst = limits.burst, perSecond = limits.perSecond): number {
    const b = from.get(participantId) ?? { tokens: burst, at: now }
    b.tokens = Math.min(burst, b.tokens + (now - b.at) / 1000 * perSecond)
    b.at = now
    from.set(participantId, b)
    if (b.tokens < 1)
      return Math.ceil((1 - b.tokens) / perSecond)
    b.tokens -= 1
    return 0
  }
  /** A participant admitted less than `newcomerSeconds` ago also spends from a tighter bucket. */
  function takeNewcomerToken(participantId: string, now: number): number {
    const first = admission?.firstSeen(participantId)
    if (first === undefined || now - first >= limits.newcomerSeconds * 1000) {
      newcomerBuckets.delete(participantId)
      return 0
    }
    return takeLocalToken(participantId, now, newcomerBuckets, limits.newcomerBurst, limits.newcomerPerSecond)
  }

  /** Every connection of one participant, on every document of this instance. */
  function connectionsOf(participantId: string): Connection[] {
    const found: Connection[] = []
    for (const doc of server.hocuspocus.documents.values()) {
      for (const connection of doc.connections.keys()) {
        if ((connection as Connection).context?.participantId === participantId)
          found.push(connection as Connection)
      }
    }
    return found
  }
  /** A blocked participant's phones are disconnected; reconnecting, they are refused with the reason. */
  function disconnect(participantId: string) {
    for (const connection of connectionsOf(participantId))
      (connection as unknown as { webSocket: { close: (code: number, reason: string) => void } }).webSocket.close(4403, 'blocked')
  }
  /** The facilitator asked for everything one participant sent to go: from every board. */
  async function purge(participantId: string) {
    for (const rt of await Promise.all(runtimes.values())) {
      if (rt)
        rt.board.transact(() => removeAuthor(rt.board, participantId), LOCAL)
    }
  }

  /** Resolves after `ms`, or at once when `ms` is 0 (no timers left behind). */
  const within = <T>(work: Promise<T>, ms: number, fallback: T) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    return Promise.race([work, new Promise<T>((resolve) => { timer = setTimeout(resolve, ms, fallback) })]).finally(() => clearTimeout(timer))
  }

  function boardKind(boardId: string, board?: Document): string | undefined {
    const fromBoard = board ? meta(board).get('kind') : undefined
    if (typeof fromBoard === 'string')
      return fromBoard
    const registered = control && docOf(control).getMap<any>('boards').get(boardId)
    const kind = registered?.get?.('kind') ?? registered?.kind
    return typeof kind === 'string' ? kind : undefined
  }

  function project(rt: BoardRuntime) {
    rt.out.transact(() => rt.adapter.project(rt.board, rt.out, options.language), LOCAL)
  }

  function sendMine(connection: Connection, socketId: string, rt: BoardRuntime, participantId: string, onlyIfChanged = false) {
    const mine = rt.adapter.mine(rt.board, participantId)
    const key = `${socketId} ${rt.boardId}`
    const text = JSON.stringify(mine)
    if (onlyIfChanged && lastMine.get(key) === text)
      return
    lastMine.set(key, text)
    send(connection, { t: 'mine', board: rt.boardId, mine })
  }

  /** After the facilitator hides, approves or removes: each phone's own entries, where they changed. */
  function pushMine(rt: BoardRuntime) {
    for (const [socketId, connection] of phones) {
      const participantId = sockets.get(socketId)
      if (participantId)
        sendMine(connection, socketId, rt, participantId, true)
    }
  }

  /** Loads a board and its projection and keeps them open while the server runs. */
  function runtime(boardId: string): Promise<BoardRuntime | undefined> {
    let pending = runtimes.get(boardId)
    if (!pending) {
      pending = (async () => {
        const boardConn = await server.hocuspocus.openDirectConnection(boardDocName(boardId), { role: 'facilitator' })
        const board = docOf(boardConn)
        const adapter = liveBoard(boardKind(boardId, board) ?? '')
        if (!adapter) {
          await boardConn.disconnect()
          return undefined
        }
        const outConn = await server.hocuspocus.openDirectConnection(publicDocName(boardId), { role: 'facilitator' })
        const rt: BoardRuntime = { boardId, adapter, board, out: docOf(outConn), connections: [boardConn, outConn], writable: true }
        if (adapter.init) {
          // An ordinary board document (board-doc): initialised as a tab would, once loaded.
          board.transact(() => { rt.writable = adapter.init!(board) }, LOCAL)
        }
        else if (meta(board).get('kind') === undefined) {
          board.transact(() => setFields(meta(board), { kind: adapter.kind, schema: 1 }), LOCAL)
        }
        // Coalesce: many contributions in one turn of the event loop make one projection.
        let projecting = false
        let moderated = false
        let scheduled = false
        const boardMeta = meta(board)
        board.on('afterTransaction', (tr: Y.Transaction) => {
          if (!tr.changed.size && !tr.deleteSet.clients.size)
            return
          // The instance that made a change projects it; others receive the projection via Redis.
          projecting ||= !isRedis(tr.origin)
          // A contributor gets their own entries in the answer. Anything else that may change
          // other phones' own entries (hide, approve, remove, withdraw, votes per person, here
          // or on another instance) sends each phone its entries again, where they changed.
          if (!isLocal(tr.origin) && !moderated) {
            // A row created in this transaction is someone's new entry, not a moderation.
            const isNew = (type: Y.AbstractType<any>) => !!type._item && type._item.id.clock >= (tr.beforeState.get(type._item.id.client) ?? 0)
            moderated = tr.deleteSet.clients.size > 0 || tr.changed.has(boardMeta as Y.AbstractType<any>)
              || [...tr.changed].some(([type, keys]) => keys.has('_status') && !isNew(type))
          }
          if (scheduled || (!projecting && !moderated))
            return
          scheduled = true
          setImmediate(() => {
            scheduled = false
            if (stopping)
              return
            if (projecting)
              project(rt)
            if (moderated)
              pushMine(rt)
            projecting = moderated = false
          })
        })
        project(rt)
        return rt
      })()
      runtimes.set(boardId, pending)
      pending.then(rt => { if (!rt) runtimes.delete(boardId) }, () => runtimes.delete(boardId))
    }
    return pending
  }

  /** `error` is an English template (words.ts); the phone gets it in the session's language. */
  function refuse(connection: Connection, msg: string, code: RefusalCode, error: string, params: Record<string, string | number> = {}, retryAfter?: number) {
    send(connection, { t: 'result', msg, ok: false, code, error: sayLines(options.language, say(options.language, error, params)), ...(retryAfter ? { retryAfter } : {}) })
  }

  /** A board's entries for a helper's phone: queued and shown ones, with the names given. */
  function moderationView(rt: BoardRuntime): ModerationView {
    const entries: ModerationView['entries'] = []
    for (const [list, id, row] of moderatedRows(rt.board)) {
      const status = statusOf(row)
      if (status === 'hidden')
        continue
      const text = ['text', 'title', 'name', 'activity'].map(k => row.get(k)).find(v => typeof v === 'string') ?? ''
      const name = row.get('_name')
      entries.push({ id, list, text: String(text), name: typeof name === 'string' ? name : '', status })
    }
    return { locked: isLocked(rt.board), entries }
  }

  /** Moderation from a helper's phone: the statuses of entries, the lock, merging ideas. */
  async function onHelperMessage(connection: Connection, payload: string) {
    let json: unknown
    try {
      json = JSON.parse(payload)
    }
    catch {
      return
    }
    const parsed = helperMessage.safeParse(json)
    if (!parsed.success) {
      const msg = (json as { msg?: unknown })?.msg
      if (typeof msg === 'string' && MESSAGE_ID.test(msg))
        refuse(connection, msg, 'invalid', describeZodError(parsed.error))
      return
    }
    const message = parsed.data
    const rt = await runtime(message.board)
    if (message.t === 'queue') {
      if (rt)
        send(connection, { t: 'queue', board: message.board, view: moderationView(rt) })
      return
    }
    if (!rt)
      return refuse(connection, message.msg, 'no-board', 'This board does not take contributions from phones.')
    const ids = new Set(message.ids ?? [])
    const rows = moderatedRows(rt.board)
    if (message.action === 'merge' && (rt.adapter.kind !== 'idea-vote' || !message.into || !ids.size))
      return refuse(connection, message.msg, 'invalid', 'Merging takes ideas on the idea board: the ids of the duplicates and the idea to keep (into).')
    rt.board.transact(() => {
      switch (message.action) {
        case 'lock':
        case 'unlock':
          meta(rt.board).set('locked', message.action === 'lock')
          break
        case 'merge':
          mergeIdeas(rt.board, message.into!, [...ids])
          break
        default: {
          const status = message.action === 'hide' || message.action === 'hide-all' ? 'hidden' : 'visible'
          const all = message.action === 'approve-all' || message.action === 'hide-all'
          for (const [, id, row] of rows) {
            if (all ? statusOf(row) === 'pending' : ids.has(id))
              row.set('_status', status)
          }
        }
      }
    }, { source: 'helper' })
    if (!(await persistence.saved(rt.board.name)))
      return refuse(connection, message.msg, 'unsaved', 'Not saved, try again: the session cannot store contributions right now. It is sent again in {n} s.', { n: 3 }, 3)
    send(connection, { t: 'result', msg: message.msg, ok: true })
    send(connection, { t: 'queue', board: message.board, view: moderationView(rt) })
  }

  async function onMessage(connection: Connection, payload: string) {
    const ctx = connection.context as ConnContext
    if (ctx.role === 'helper')
      return onHelperMessage(connection, payload)
    if (ctx.role !== 'participant' || !ctx.participantId)
      return
    let json: unknown
    try {
      json = JSON.parse(payload)
    }
    catch {
      return
    }
    // Participant text is shown on the projector: no bidirectional controls in it, at any depth.
    const parsed = clientMessage.safeParse(stripBidi(json))
    if (!parsed.success) {
      const msg = (json as { msg?: unknown })?.msg
      if (typeof msg === 'string' && MESSAGE_ID.test(msg))
        refuse(connection, msg, 'invalid', describeZodError(parsed.error))
      return
    }
    const message = parsed.data
    const participantId = ctx.participantId
    if (message.t === 'mine') {
      const rt = await runtime(message.board)
      if (rt)
        sendMine(connection, connection.socketId, rt, participantId)
      return
    }
    if (admission?.isBlocked(participantId))
      return refuse(connection, message.msg, 'blocked', 'The facilitator has removed you from this session.')
    // An operation older than the last one applied for its entry (a retry, a resend after a
    // reconnect, a duplicate) is acknowledged as superseded, before it costs a token (order.ts).
    const entry = message.seq ? entryOf(message.body) : undefined
    if (entry) {
      const rt = await runtime(message.board)
      if (rt && message.seq! <= lastApplied(rt.board, participantId, entry)) {
        send(connection, { t: 'result', msg: message.msg, ok: true, superseded: true })
        return sendMine(connection, connection.socketId, rt, participantId)
      }
    }
    const now = Date.now()
    const wait = takeNewcomerToken(participantId, now) || await takeToken(participantId, now)
    if (wait)
      return refuse(connection, message.msg, 'rate', 'Too many changes at once: wait {n} s and it is sent again.', { n: wait }, wait)
    const rt = await runtime(message.board)
    if (!rt)
      return refuse(connection, message.msg, 'no-board', 'This board does not take contributions from phones.')
    if (!rt.writable)
      return refuse(connection, message.msg, 'no-board', 'This board was saved by another version of the kit; it cannot take contributions.')
    if (isLocked(rt.board))
      return refuse(connection, message.msg, 'locked', 'The facilitator has locked this board: time is up.')
    const body = rt.adapter.op.safeParse(message.body)
    if (!body.success)
      return refuse(connection, message.msg, 'invalid', describeZodError(body.error))
    const name = personName.safeParse(options.names === false ? '' : message.name ?? '')
    if (!name.success)
      return refuse(connection, message.msg, 'invalid', describeZodError(name.error))
    let refusal: ReturnType<LiveBoardAdapter['apply']>
    // The contribution's own origin: if it cannot be saved, exactly its change is undone.
    const origin = { source: 'local', msg: message.msg }
    const undo = new Y.UndoManager(rt.board, { trackedOrigins: new Set([origin]), captureTimeout: 0 })
    let superseded = false
    rt.board.transact(() => {
      // Checked again inside the change: another operation of this entry may have been applied
      // while this one waited for its token.
      const last = entry ? lastApplied(rt.board, participantId, entry) : 0
      if (entry && message.seq! <= last) {
        superseded = true
        return
      }
      refusal = rt.adapter.apply(rt.board, body.data, {
        participantId,
        name: name.data,
        moderation: moderationOf(rt.board),
        maxEntries: limits.entriesPerParticipant,
        maxRows: limits.rowsPerBoard,
        now,
        language: options.language,
        // The phone's own language (the participant may choose it): kept with the entry, one of the kit's or none.
        writtenIn: message.lang && LANGUAGES.includes(message.lang) ? message.lang : undefined,
        firstOp: entry ? last === 0 : undefined,
      })
      if (entry && !refusal)
        noteApplied(rt.board, participantId, entry, message.seq!)
    }, origin)
    // SQLite has written the change inside that transaction; PostgreSQL is waited for: this
    // change's write and the ones before it, never later ones. A change that could not be
    // stored is taken back and refused: the phone keeps it and sends it again.
    const written = persistence.mark(rt.board.name)
    const saved = superseded || await persistence.saved(written)
    if (!saved && !stopping)
      undo.undo()
    // clear() lets Yjs collect what the change deleted again (a tracked change keeps it).
    undo.clear()
    undo.destroy()
    if (!saved)
      return refuse(connection, message.msg, 'unsaved', 'Not saved, try again: the session cannot store contributions right now. It is sent again in {n} s.', { n: 3 }, 3)
    if (superseded)
      send(connection, { t: 'result', msg: message.msg, ok: true, superseded: true })
    else if (refusal)
      refuse(connection, message.msg, refusal.code, refusal.error, refusal.params)
    else
      send(connection, { t: 'result', msg: message.msg, ok: true })
    sendMine(connection, connection.socketId, rt, participantId)
  }

  async function onRequest({ request, response }: { request: IncomingMessage, response: ServerResponse }) {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    const reply = (status: number, type: string, body: string | Buffer, cache = 'no-cache') => {
      response.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache, ...SECURITY_HEADERS })
      response.end(request.method === 'HEAD' ? undefined : body)
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      reply(405, 'text/plain; charset=utf-8', 'Method not allowed')
    }
    else if (path === '/healthz') {
      reply(200, 'application/json', JSON.stringify({ ok: true, joined: joined(), now: Date.now() }))
    }
    else if (path === '/logo' && options.brand?.logo) {
      reply(200, options.brand.logo.type, options.brand.logo.bytes)
    }
    else if (options.joinDir && existsSync(join(options.joinDir, 'index.html'))) {
      // The join page at `/`, and at every other path (`/j`, `/join`, a mistyped one): the
      // shortest address to type has no path (src/live/address.ts).
      const asset = /^\/assets\/([\w.-]+)$/.exec(path)?.[1]
      const file = asset ? join(options.joinDir, 'assets', asset) : join(options.joinDir, 'index.html')
      if (asset && !existsSync(file))
        reply(404, 'text/plain; charset=utf-8', 'Not found')
      else if (asset)
        reply(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file), 'public, max-age=31536000, immutable')
      else
        reply(200, TYPES['.html'], brandedPage(readFileSync(file, 'utf8'), options.brand))
    }
    else {
      reply(503, 'text/plain; charset=utf-8', 'The join page is not built. Run: npm run live -- build')
    }
    // Stops Hocuspocus's default answer.
    // eslint-disable-next-line no-throw-literal
    throw null
  }

  /**
   * A browser says which page opened a WebSocket. Only the join page (served by this server,
   * so its origin's host is the one the phone asked for) and the facilitator's slides on this
   * laptop may: any other page a participant opens must not post or vote from their phone.
   * Clients that are not browsers send no Origin (and could send any): tokens guard them.
   */
  function originAllowed(origin: string | null, host: string | null): boolean {
    if (!origin)
      return true
    let url: URL
    try {
      url = new URL(origin)
    }
    catch {
      return false
    }
    if (host && url.host.toLowerCase() === host.toLowerCase())
      return true
    return LOOPBACK_ORIGIN.test(origin) || !!options.origins?.(origin)
  }

  const live: Extension = {
    extensionName: 'kit-live',
    async onConnect({ requestHeaders }) {
      const origin = requestHeaders.get('origin')
      const host = requestHeaders.get('host')
      if (!originAllowed(origin, host)) {
        // eslint-disable-next-line no-throw-literal
        throw { reason: `This page (${origin}) may not use the live session: only its join page (http://${host}/) and the facilitator's slides on the laptop may.` }
      }
    },
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const at = token.indexOf(':')
      const kind = token.slice(0, at)
      const secret = token.slice(at + 1)
      if (kind === 'f' && sameSecret(secret, options.token))
        return { role: 'facilitator' } satisfies ConnContext
      if (kind === 'h' && sameSecret(secret, helperTokenOf(options.token))) {
        // Like a phone: the session and the public boards, read-only (the slides stay the
        // facilitator's); moderation goes by message.
        const board = /^public\/(.+)$/.exec(documentName)?.[1]
        const opened = !!board && BOARD_ID.test(board) && !!control && docOf(control).getMap('boards').has(board)
        if (documentName !== CONTROL_DOC && !opened)
          throw new Error('A helper may open only the session and the public boards.')
        connectionConfig.readOnly = true
        return { role: 'helper' } satisfies ConnContext
      }
      if (kind === 'p' && PARTICIPANT_SECRET.test(secret)) {
        const participantId = participantIdOf(secret)
        await admissionOpened
        // New participants: at the session's join rate, up to its cap, unless joining is closed
        // or they are blocked. Participants already admitted pass at once.
        const refusal = await admission!.admit(participantId)
        if (refusal) {
          // eslint-disable-next-line no-throw-literal
          throw { reason: say(options.language, refusal.error, refusal.params ?? {}) }
        }
        const board = /^public\/(.+)$/.exec(documentName)?.[1]
        // Only boards the facilitator has opened: a phone cannot make the server load others.
        const opened = !!board && BOARD_ID.test(board) && !!control && docOf(control).getMap('boards').has(board)
        if (documentName !== CONTROL_DOC && !opened)
          throw new Error('Participants may open only the session and the public boards.')
        connectionConfig.readOnly = true
        return { role: 'participant', participantId } satisfies ConnContext
      }
      throw new Error('Not allowed.')
    },
    async connected({ connection, documentName, socketId }) {
      if (documentName !== CONTROL_DOC)
        return
      const ctx = connection.context as ConnContext
      if (ctx.role === 'participant' && ctx.participantId) {
        sockets.set(socketId, ctx.participantId)
        phones.set(socketId, connection)
        cluster?.sync().catch(() => {})
      }
      tellFacilitators()
    },
    async onStateless({ connection, documentName, payload }) {
      if (documentName === CONTROL_DOC)
        await onMessage(connection, payload).catch(e => console.error('live: a contribution failed:', e))
    },
    async onDisconnect({ documentName, socketId }) {
      if (documentName === CONTROL_DOC && sockets.delete(socketId)) {
        phones.delete(socketId)
        for (const key of lastMine.keys()) {
          if (key.startsWith(`${socketId} `))
            lastMine.delete(key)
        }
        cluster?.sync().catch(() => {})
        tellFacilitators()
      }
    },
    async beforeHandleAwareness({ states, connection }: any) {
      // Participants are read-only in everything, awareness included: nothing they send
      // reaches other phones or the projector.
      if (connection?.readOnly)
        states.clear()
    },
    onRequest: onRequest as Extension['onRequest'],
  }

  const extensions: Extension[] = [persistence.extension, live]
  if (options.redis) {
    const { LiveRedis } = await import('./redis')
    const prefix = options.redis.prefix ?? 'kit-live'
    const redis = new LiveRedis({ host: options.redis.host, port: options.redis.port, prefix }, p => setProblem('redis', p))
    redisUp = () => redis.up
    extensions.unshift(redis as unknown as Extension)
    cluster = new ClusterState(redis.pub as any, prefix, () => new Set(sockets.values()), () => tellFacilitators())
  }

  const server = new Server({
    name: options.name ?? 'kit-live',
    address: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    quiet: true,
    stopOnSignals: false,
    // Contributions are a few hundred bytes; nothing a phone sends needs more than this.
    websocketOptions: { maxPayload: 1024 * 1024 },
    // The store persists every update as it happens; Hocuspocus's debounced store is unused.
    extensions,
  })
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

  cluster?.start()
  await cluster?.sync().catch(e => console.error('live: the shared join count is unavailable:', (e as Error).message))
  control = await server.hocuspocus.openDirectConnection(CONTROL_DOC, { role: 'facilitator' })
  await control.transact((doc) => {
    setFields(doc.getMap('session'), { title: options.title, language: options.language ?? 'en', names: options.names !== false })
  })
  publishHealth()
  admissionConn = await server.hocuspocus.openDirectConnection(ADMISSION_DOC, { role: 'facilitator' })
  const admissionDoc = docOf(admissionConn)
  admission = new Admission(admissionDoc, limits, instanceName)
  admissionReady()
  const { blocked, purge: purges } = admissionMaps(admissionDoc)
  blocked.observe((event) => {
    for (const [id, change] of event.changes.keys) {
      if (change.action !== 'delete')
        disconnect(id)
    }
  })
  const runPurges = () => {
    for (const id of [...purges.keys()]) {
      purge(id).then(() => admissionDoc.transact(() => purges.delete(id), LOCAL)).catch(e => console.error('live: removing a participant\'s contributions failed:', e))
    }
  }
  purges.observe(runPurges)
  runPurges()
  // Boards the facilitator opens (here or on another instance) get their projection running.
  const boards = docOf(control).getMap<unknown>('boards')
  const openBoards = () => {
    for (const id of boards.keys()) {
      if (BOARD_ID.test(id))
        runtime(id).catch(e => console.error(`live: board ${id} failed to open:`, e))
    }
  }
  boards.observe(openBoards)
  openBoards()

  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    port,
    joined,
    problems: () => [...problems.values()],
    async stop() {
      stopping = true
      admission?.stop()
      await cluster?.stop()
      for (const rt of await Promise.all(runtimes.values())) {
        for (const c of rt?.connections ?? [])
          await c.disconnect().catch(() => {})
      }
      // This instance's health entry goes with it (a killed one's stays, with its time).
      const controlDoc = control && docOf(control)
      controlDoc?.transact(() => controlDoc.getMap(HEALTH_MAP).delete(instanceName), LOCAL)
      await control?.disconnect().catch(() => {})
      await admissionConn?.disconnect().catch(() => {})
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
