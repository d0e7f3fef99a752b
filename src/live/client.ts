// The facilitator's side of a live session, inside the Slidev deck on the laptop: one
// connection to the live server with the facilitator token, the join count, the board the
// presenter is on (participants follow it), and each live board's full document for the
// projected board and its moderation (hide, remove, approve, lock, queue).
//
// `npm run live` hands the address and token to this laptop's Slidev only, as VITE_KIT_LIVE_*
// variables; a deck built for the web has none, and every function here is then inert.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { computed, onScopeDispose, type Ref, ref, watch } from 'vue'
import * as Y from 'yjs'
import { ACTIVITY_MAP, ADMISSION_DOC, type AdmissionStats, boardDocName, CONTROL_DOC, type CurrentActivity, type CurrentBoard, HEALTH_MAP, type InstanceHealth, type ServerMessage } from './protocol'
import { activitiesOnPages, activityMessage, type TimerState, useAnnounceActivity } from './announce'
import { type LiveConfig, liveConfig } from './config'
import { useCurrentPage, useSlidePlace } from '../slidev/context'

// Kept in ./config.ts, so that reading it (setup/notes-settings.ts) does not bundle this client.
export { type LiveConfig, liveConfig }
// Kept in ./announce.ts, so that the activity layout does not bundle this client either.
export { activitiesOnPages, activityMessage, type TimerState, useAnnounceActivity }

interface Shared {
  config: LiveConfig
  socket: HocuspocusProviderWebsocket
  control: HocuspocusProvider
  controlDoc: Y.Doc
  joined: Ref<number>
  connected: Ref<boolean>
  /** what the server instances cannot do right now (a lost store or Redis), in plain words */
  problems: Ref<string[]>
  /** writes to the control document waiting for it to hold the server's state (writeWhenSynced) */
  pending: Map<string, () => void>
}
let shared: Shared | undefined

function connect(config: LiveConfig): Shared {
  if (shared)
    return shared
  const socket = new HocuspocusProviderWebsocket({ url: config.url, maxDelay: 5000 })
  const controlDoc = new Y.Doc()
  const control = new HocuspocusProvider({ websocketProvider: socket, name: CONTROL_DOC, document: controlDoc, token: `f:${config.token}`, awareness: null })
  control.attach()
  const joined = ref(0)
  const connected = ref(false)
  control.on('stateless', ({ payload }: { payload: string }) => {
    const message = JSON.parse(payload) as ServerMessage
    if (message.t === 'joined')
      joined.value = message.count
  })
  socket.on('status', ({ status }: { status: string }) => { connected.value = status === 'connected' })
  const problems = ref<string[]>([])
  const health = controlDoc.getMap<InstanceHealth>(HEALTH_MAP)
  health.observe(() => {
    problems.value = [...health.values()].flatMap(h => Array.isArray(h?.problems) ? h.problems.map(String) : [])
  })
  const pending = new Map<string, () => void>()
  control.on('synced', () => {
    const writes = [...pending.values()]
    pending.clear()
    for (const write of writes)
      write()
  })
  shared = { config, socket, control, controlDoc, joined, connected, problems, pending }
  return shared
}

/**
 * Writes to the control document once it holds the server's state. A write made before that (a
 * projector page that has just loaded, a reconnect) is concurrent with the last one the server
 * has, and Yjs settles concurrent writes to one key by client id, not by time: the phones could
 * stay on the previous slide's board. The latest write for each key waits; earlier ones are dropped.
 */
function writeWhenSynced(live: Shared, key: string, write: () => void): void {
  if (live.control.isSynced)
    write()
  else
    live.pending.set(key, write)
}

/** The session as the facilitator sees it: join address, count, connection. */
export function useLiveSession(config = liveConfig()) {
  const live = config ? connect(config) : undefined
  return {
    enabled: !!live,
    joinUrl: config?.join ?? '',
    /** the address to type (the laptop's name where the network resolves it), shown large */
    typed: config?.typed ?? '',
    token: config?.token ?? '',
    joined: computed(() => live?.joined.value ?? 0),
    connected: computed(() => live?.connected.value ?? false),
    /** for the presenter view: empty while all is well */
    problems: computed(() => live?.problems.value ?? []),
  }
}

/** Past this many new participants in a minute, the presenter view shows a burst. */
export const BURST_NOTICE = 20

let admission: { doc: Y.Doc, provider: HocuspocusProvider, now: Ref<number>, version: Ref<number> } | undefined

/**
 * Who may join, for the facilitator (the `admission` document, which phones cannot open): a
 * burst of new participants, joins turned away, and one action each to close joining, remove
 * everything one participant sent, or block them. Inert outside a live session.
 */
export function useAdmission(config = liveConfig()) {
  const live = config ? connect(config) : undefined
  if (live && !admission) {
    const doc = new Y.Doc()
    const provider = new HocuspocusProvider({ websocketProvider: live.socket, name: ADMISSION_DOC, document: doc, token: `f:${live.config.token}`, awareness: null })
    provider.attach()
    const now = ref(Date.now())
    const version = ref(0)
    doc.on('update', () => { version.value++ })
    // "In the last minute" moves on by itself.
    setInterval(() => { now.value = Date.now() }, 5000)
    admission = { doc, provider, now, version }
  }
  const a = admission
  const map = <T>(name: string) => a!.doc.getMap<T>(name)
  const read = <T>(f: () => T, fallback: T) => computed(() => {
    if (!live || !a)
      return fallback
    void a.version.value
    return f()
  })
  return {
    enabled: !!live,
    joining: read(() => (map('settings').get('joining') === 'closed' ? 'closed' : 'open'), 'open' as 'open' | 'closed'),
    /** new participants admitted in the last minute */
    newLastMinute: read(() => [...map<number>('participants').values()].filter(at => typeof at === 'number' && at > a!.now.value - 60_000).length, 0),
    /** joins refused (closed, full, too many at once), and held back by the join rate, since the server started */
    refused: read(() => [...map<AdmissionStats>('stats').values()].reduce((n, s) => n + (Number(s?.refused) || 0), 0), 0),
    waited: read(() => [...map<AdmissionStats>('stats').values()].reduce((n, s) => n + (Number(s?.waited) || 0), 0), 0),
    blocked: read(() => map('blocked').size, 0),
    setJoining: (open: boolean) => a && map('settings').set('joining', open ? 'open' : 'closed'),
    /** everything this participant sent goes, from every board (the server does it) */
    removeAll: (author: string) => a && map<number>('purge').set(author, Date.now()),
    /** their phones are disconnected and refused from now on */
    block: (author: string) => a && map<number>('blocked').set(author, Date.now()),
    unblock: (author: string) => a && map('blocked').delete(author),
    isBlocked: (author: string) => !!a && (void a.version.value, map('blocked').has(author)),
  }
}

/** Puts a board on the participants' phones (or, with undefined, their waiting screen). */
export function setCurrentBoard(board: CurrentBoard | undefined, config = liveConfig()): void {
  if (!config)
    return
  const live = connect(config)
  const { controlDoc } = live
  writeWhenSynced(live, 'current', () => controlDoc.transact(() => {
    const current = controlDoc.getMap<unknown>('current')
    if (board && current.get('boardId') === board.boardId)
      return
    current.clear()
    if (!board)
      return
    const boards = controlDoc.getMap<Y.Map<unknown>>('boards')
    if (!boards.has(board.boardId)) {
      const entry = new Y.Map<unknown>()
      boards.set(board.boardId, entry)
      entry.set('kind', board.kind)
      entry.set('title', board.title)
    }
    current.set('boardId', board.boardId)
    current.set('kind', board.kind)
    current.set('title', board.title)
  }))
}

/** The session-wide board: questions for the room, which phones open from their menu at any time. */
export const ROOM_QUESTIONS_ID = 'room-questions'
/** The `control` map of what the projector shows over the slides (`questions`: the room's questions). */
export const SCREEN_MAP = 'screen'

/**
 * Opens a board for the whole session, whatever the slide (questions for the room): the server
 * runs it from now on, and phones offer it in their menu (`menu` in its entry of `boards`).
 */
export function openSessionBoard(board: CurrentBoard, config = liveConfig()): void {
  if (!config)
    return
  const { controlDoc } = connect(config)
  controlDoc.transact(() => {
    const boards = controlDoc.getMap<Y.Map<unknown>>('boards')
    let entry = boards.get(board.boardId)
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>()
      boards.set(board.boardId, entry)
      entry.set('kind', board.kind)
      entry.set('title', board.title)
    }
    if (entry.get('menu') !== true)
      entry.set('menu', true)
  })
}

/**
 * Whether the projector shows the room's questions now, over whatever slide (the presenter's
 * control, in the live badge): kept in the session's `control` document, so the presenter view
 * and the projected slides, two windows, show the same. Off outside a live session.
 */
export function useRoomQuestionsOnScreen(config = liveConfig()): { shown: Readonly<Ref<boolean>>, toggle: () => void } {
  const shown = ref(false)
  if (!config)
    return { shown, toggle: () => {} }
  const { controlDoc } = connect(config)
  const screen = controlDoc.getMap<unknown>(SCREEN_MAP)
  const read = () => { shown.value = screen.get('questions') === true }
  screen.observe(read)
  read()
  onScopeDispose(() => screen.unobserve(read))
  return { shown, toggle: () => screen.set('questions', !shown.value) }
}

// Which board each slide holds, so the deck can tell phones when the presenter moves.
const boardsOnPages = new Map<number, CurrentBoard>()

/**
 * Called by a live board component: while its slide is the presenter's current slide, it is
 * the participants' current board. Only the presenter view and the projected slides steer.
 */
export function useAnnounceBoard(board: CurrentBoard): void {
  const config = liveConfig()
  const { page, renderContext, isCurrent } = useSlidePlace()
  if (!config || !page || !['slide', 'presenter'].includes(renderContext.value))
    return
  boardsOnPages.set(page.value, board)
  const stop = watch(isCurrent, (current) => {
    if (current)
      setCurrentBoard(board, config)
  }, { immediate: true })
  onScopeDispose(stop)
}

/** For a component on every slide (a global layer): slides without a board send phones to wait. */
export function useFollowSlides(): void {
  const config = liveConfig()
  if (!config)
    return
  const currentPage = useCurrentPage()
  const stop = watch(currentPage, (current) => {
    if (current !== undefined && !boardsOnPages.has(current))
      setCurrentBoard(undefined, config)
    if (current !== undefined && !activitiesOnPages.has(current))
      setCurrentActivity(undefined, config)
  }, { immediate: true })
  onScopeDispose(stop)
}

/** Puts an activity's steps and timer on the phones (undefined: none), only when it changed. */
export function setCurrentActivity(activity: CurrentActivity | undefined, config = liveConfig()): void {
  if (!config)
    return
  const live = connect(config)
  const { controlDoc } = live
  const map = controlDoc.getMap<unknown>(ACTIVITY_MAP)
  writeWhenSynced(live, 'activity', () => {
    if (JSON.stringify(map.get('now') ?? null) === JSON.stringify(activity ?? null))
      return
    controlDoc.transact(() => {
      if (activity)
        map.set('now', activity)
      else
        map.delete('now')
    })
  })
}

export type LiveConnection = 'connecting' | 'online' | 'offline'

/** Past this wait for the server's copy, a board opens from its local copy and says it is offline. */
export const FIRST_SYNC_TIMEOUT = 4000

/**
 * Keeps a board's document (the tab's own, already kept in IndexedDB) in sync with the live
 * server's `board/<id>` over the facilitator's connection. Changes made while disconnected are
 * sent when it is back (Yjs exchanges what each side lacks). `firstSync` resolves true once the
 * server's copy is in, or false after `timeout` ms without it (the board then opens offline).
 */
export function attachBoardDoc(boardId: string, doc: Y.Doc, config: LiveConfig, timeout = FIRST_SYNC_TIMEOUT) {
  const live = connect(config)
  const provider = new HocuspocusProvider({ websocketProvider: live.socket, name: boardDocName(boardId), document: doc, token: `f:${config.token}`, awareness: null })
  const connection = ref<LiveConnection>('connecting')
  let settle: (synced: boolean) => void = () => {}
  const firstSync = new Promise<boolean>((resolve) => { settle = resolve })
  const timer = setTimeout(() => {
    if (connection.value === 'connecting')
      connection.value = 'offline'
    settle(false)
  }, timeout)
  provider.on('synced', () => {
    connection.value = 'online'
    clearTimeout(timer)
    settle(true)
  })
  const offline = () => {
    if (connection.value === 'online')
      connection.value = 'offline'
  }
  provider.on('close', offline)
  provider.on('disconnect', offline)
  provider.attach()
  return {
    provider,
    connection,
    firstSync,
    destroy: () => {
      clearTimeout(timer)
      settle(false)
      provider.destroy()
    },
  }
}

/**
 * A facilitator-only document by name, over the facilitator's connection (the progress of an
 * individual board: ./own-client.ts). Undefined outside a live session.
 */
export function openFacilitatorDoc(name: string, config = liveConfig()): { doc: Y.Doc, destroy: () => void } | undefined {
  if (!config)
    return undefined
  const live = connect(config)
  const doc = new Y.Doc()
  const provider = new HocuspocusProvider({ websocketProvider: live.socket, name, document: doc, token: `f:${config.token}`, awareness: null })
  provider.attach()
  return { doc, destroy: () => { provider.destroy(); doc.destroy() } }
}
