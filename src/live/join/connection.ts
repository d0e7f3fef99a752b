// The join page's connection: one WebSocket to the live server that came with the page,
// read-only documents (the session, the current board's public projection) and an outbox of
// contributions. The outbox is kept in localStorage until the server acknowledges each message,
// and resent after every reconnect: ids make a resend harmless.
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider'
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import * as Y from 'yjs'
import { entryOf, prevIn } from '../order'
import { usePhoneLanguage } from './words'
import { type PublicBoard, type PublicRow, readPublicBoard } from './read'

export { type PublicBoard, type PublicRow, readPublicBoard }
import { ACTIVITY_MAP, type BoardMine, CONTROL_DOC, INDIVIDUAL_KINDS, type CurrentActivity, type CurrentBoard, publicDocName, randomId, type ServerMessage } from '../protocol'

/** `seq` numbers the participant's operations in the order they were made (see src/live/order.ts). */
/** `lang`: the language the page showed when the participant wrote it, kept with the entry. */
/** `own`: an operation on the participant's own copy of an individual board (src/live/own-boards.ts). */
export interface Outgoing { msg: string, board: string, body: Record<string, unknown>, seq?: number, prev?: number, lang?: string, own?: true }
/** The participant's own copy of the current individual board, as the server last sent it. */
export interface OwnBoardView { mine: BoardMine, consent: boolean, asked: boolean, sections: Record<string, string> }
const EMPTY_OWN: OwnBoardView = { mine: { lists: {} }, consent: false, asked: false, sections: {} }
export interface Notice { text: string, error: boolean }
const EMPTY_BOARD: PublicBoard = { rows: {}, roles: [], cells: {}, sections: {}, view: {} }

const SECRET_KEY = 'kit-live:secret'
const NAME_KEY = 'kit-live:name'
const OUTBOX_KEY = 'kit-live:outbox'
const SEQ_KEY = 'kit-live:seq'

function load<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key)
    return raw === null ? fallback : JSON.parse(raw) as T
  }
  catch {
    return fallback
  }
}
const save = (key: string, value: unknown) => localStorage.setItem(key, JSON.stringify(value))

export function useLiveSession(url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`) {
  let secret = load<string>(SECRET_KEY, '')
  if (!/^[\w-]{22,64}$/.test(secret)) {
    secret = randomId(18)
    save(SECRET_KEY, secret)
  }
  const token = `p:${secret}`
  const name = ref(load<string>(NAME_KEY, ''))
  watch(name, n => save(NAME_KEY, n))

  const status = ref<'connecting' | 'connected' | 'offline'>('connecting')
  const session = reactive({ title: '', language: 'en', names: true, individual: [] as string[] })
  /** The phone's language, whatever the projector shows: the participant's choice, else the session's. */
  const language = usePhoneLanguage(() => session.language)
  const current = shallowRef<CurrentBoard | undefined>()
  /** The session-wide board the phone's menu offers (questions for the room), if the facilitator opened one. */
  const menuBoard = shallowRef<CurrentBoard | undefined>()
  /** The participant chose it from the menu: the phone shows it instead of the current board until they go back. */
  const inMenu = ref(false)
  /** The board the phone shows: the menu's board while chosen, else the facilitator's current one. */
  const viewing = computed(() => (inMenu.value && menuBoard.value ? menuBoard.value : current.value))
  /** `totals`: visible entries of each list (phones get a page of a list, the top of a ranked one) */
  const boardMeta = reactive({ locked: false, totals: {} as Record<string, number> })
  const publicBoard = shallowRef<PublicBoard>(EMPTY_BOARD)
  const boardMine = shallowRef<BoardMine>({ lists: {} })
  const ownBoard = shallowRef<OwnBoardView>(EMPTY_OWN)
  /** Each person works on their own copy of this board (the registry's `individual`), or the whole room on one. */
  const individual = computed(() => !!viewing.value && session.individual.includes(viewing.value.kind))
  const outbox = ref<Outgoing[]>(load<Outgoing[]>(OUTBOX_KEY, []))
  const notice = shallowRef<Notice | undefined>()
  /** the presenter's current timed activity (its steps and timer), if any */
  const activity = shallowRef<CurrentActivity | undefined>()
  /** the server's clock minus this phone's (ms): the activity's times are the server's */
  const clockOffset = ref(0)
  /** why the session refused this phone (joining closed, blocked, full), in the session's language */
  const refused = ref('')
  watch(outbox, o => save(OUTBOX_KEY, o), { deep: true })

  // After a restart a whole room reconnects: each phone waits its own random time (within a
  // second, then a backoff jittered between 0.25 s and 2.5 s), so the phones do not all arrive in
  // the same instant and the room is back within seconds of the server being ready. (`delay`
  // must not be below `minDelay`: the provider then never connects.)
  const jitter = () => 300 + Math.floor(Math.random() * 700)
  const socket = new HocuspocusProviderWebsocket({ url, delay: jitter(), minDelay: 250, maxDelay: 2500, factor: 1.5, jitter: true })
  // The provider waits `delay` after a close before its first attempt: drawn again each time.
  socket.on('disconnect', () => { socket.configuration.delay = jitter() })
  const controlDoc = new Y.Doc()
  const control = new HocuspocusProvider({ websocketProvider: socket, name: CONTROL_DOC, document: controlDoc, token, awareness: null })
  control.attach()
  control.on('authenticationFailed', ({ reason }: { reason: string }) => { refused.value = String(reason ?? '') })
  control.on('synced', () => { refused.value = '' })
  // The server's time, halfway through the request: the activity's clock on this phone.
  async function readClock() {
    try {
      const sent = Date.now()
      const res = await fetch(`${location.protocol}//${location.host}/healthz`, { cache: 'no-store' })
      const { now } = await res.json() as { now?: unknown }
      if (typeof now === 'number')
        clockOffset.value = now - (sent + Date.now()) / 2
    }
    catch {}
  }
  void readClock()

  let everConnected = false
  socket.on('status', ({ status: s }: { status: WebSocketStatus }) => {
    everConnected ||= s === WebSocketStatus.Connected
    // Once connected, any loss is "reconnecting", so the participant knows their input is kept.
    status.value = s === WebSocketStatus.Connected ? 'connected' : everConnected ? 'offline' : 'connecting'
  })

  const readControl = () => {
    const s = controlDoc.getMap<unknown>('session')
    session.title = String(s.get('title') ?? '')
    session.language = String(s.get('language') ?? 'en')
    session.names = s.get('names') !== false
    try {
      const kinds = JSON.parse(String(s.get(INDIVIDUAL_KINDS) ?? '[]')) as unknown
      session.individual = Array.isArray(kinds) ? kinds.map(String) : []
    }
    catch {}
    const c = controlDoc.getMap<unknown>('current')
    const boardId = c.get('boardId')
    const a = controlDoc.getMap<unknown>(ACTIVITY_MAP).get('now') as CurrentActivity | undefined
    activity.value = a && Array.isArray(a.steps) && a.steps.length ? a : undefined
    current.value = typeof boardId === 'string' && boardId
      ? { boardId, kind: String(c.get('kind') ?? ''), title: String(c.get('title') ?? '') }
      : undefined
    let menu: CurrentBoard | undefined
    for (const [id, entry] of controlDoc.getMap<unknown>('boards').entries()) {
      if (entry instanceof Y.Map && entry.get('menu') === true)
        menu = { boardId: id, kind: String(entry.get('kind') ?? ''), title: String(entry.get('title') ?? '') }
    }
    if (menu?.boardId !== menuBoard.value?.boardId || menu?.title !== menuBoard.value?.title)
      menuBoard.value = menu
  }
  controlDoc.on('update', readControl)

  let board: { provider: HocuspocusProvider, doc: Y.Doc, id: string } | undefined
  const readBoard = () => {
    if (!board)
      return
    const m = board.doc.getMap<unknown>('meta')
    boardMeta.locked = m.get('locked') === true
    // What a phone reads is bounded whatever the board's size (the server sends a page of each
    // list, the top of a ranked one).
    try {
      boardMeta.totals = JSON.parse(String(m.get('totals') ?? '{}')) as Record<string, number>
    }
    catch {}
    publicBoard.value = readPublicBoard(board.doc, language.value)
  }
  /** Changes of one transaction arrive as one update: read once per burst of updates, not per update. */
  let readScheduled = false
  const scheduleRead = () => {
    if (readScheduled)
      return
    readScheduled = true
    queueMicrotask(() => {
      readScheduled = false
      readBoard()
    })
  }

  function openBoard(boardId: string | undefined) {
    if (board?.id === boardId)
      return
    if (board) {
      board.provider.destroy()
      board.doc.destroy()
      board = undefined
    }
    publicBoard.value = EMPTY_BOARD
    boardMine.value = { lists: {} }
    ownBoard.value = EMPTY_OWN
    if (!boardId)
      return
    const doc = new Y.Doc()
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: publicDocName(boardId), document: doc, token, awareness: null })
    provider.attach()
    board = { provider, doc, id: boardId }
    doc.on('update', scheduleRead)
    askMine()
  }
  watch(() => viewing.value?.boardId, id => openBoard(id))
  // The phone's language chosen: the board's form in it.
  watch(language, () => scheduleRead())

  const send = (message: unknown) => control.sendStateless(JSON.stringify(message))
  // Operations are numbered in the order the participant makes them, and each names the one on
  // the same entry still waiting in the outbox that it builds on (`prev`). The server takes each
  // entry's operations in that order (order.ts), so a retry or a resend never overwrites what came
  // after it, and a later one never lands before an earlier one. The numbers survive reloads with
  // the outbox.
  let seq = Math.max(load<number>(SEQ_KEY, 0), ...outbox.value.map(o => o.seq ?? 0))
  const nextSeq = () => {
    seq = (Number.isSafeInteger(seq) ? seq : 0) + 1
    save(SEQ_KEY, seq)
    return seq
  }
  const wire = (o: Outgoing) => ({ t: o.own ? 'own' : 'contribute', msg: o.msg, board: o.board, name: name.value.trim(), body: o.body, ...(o.seq ? { seq: o.seq } : {}), ...(o.prev !== undefined ? { prev: o.prev } : {}), ...(o.lang ? { lang: o.lang } : {}) })
  /** While a retry waits (the rate limit, a store that cannot save), new work waits behind it, in order. */
  let holding = false
  function askMine() {
    if (board && status.value === 'connected')
      send({ t: 'mine', board: board.id })
    if (board && status.value === 'connected' && individual.value)
      send({ t: 'own-mine', board: board.id })
  }
  function flush() {
    holding = false
    if (status.value !== 'connected')
      return
    for (const o of outbox.value)
      send(wire(o))
  }
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  control.on('synced', () => {
    flush()
    askMine()
  })

  control.on('stateless', ({ payload }: { payload: string }) => {
    let message: ServerMessage
    try {
      message = JSON.parse(payload)
    }
    catch {
      return
    }
    if (message.t === 'mine' && message.board === board?.id) {
      boardMine.value = message.mine as BoardMine
    }
    else if (message.t === 'own-mine' && message.board === board?.id) {
      ownBoard.value = { mine: message.mine, consent: message.consent, asked: message.asked, sections: message.sections ?? {} }
    }
    else if (message.t === 'own-export' && message.board === board?.id) {
      // The participant's own copy, as the board's JSON export: saved as a file on the phone.
      const url = URL.createObjectURL(new Blob([message.text], { type: 'application/json' }))
      const a = document.createElement('a')
      a.href = url
      a.download = message.file
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    }
    else if (message.t === 'own-thread') {
      threadResult.value = { added: message.added, boards: message.boards }
    }
    else if (message.t === 'result') {
      if (!message.ok) {
        if (message.code === 'rate' || message.code === 'unsaved' || message.code === 'early') {
          // Kept in the outbox and sent again once the participant's limit allows, or once the
          // server can save again.
          clearTimeout(retryTimer)
          holding = true
          retryTimer = setTimeout(flush, (message.retryAfter ?? 1) * 1000)
          // An early operation is resent behind the one it waits for: nothing for the person to do.
          if (message.code !== 'early')
            notice.value = { text: message.error, error: true }
          return
        }
        notice.value = { text: message.error, error: true }
      }
      else {
        notice.value = undefined
      }
      outbox.value = outbox.value.filter(o => o.msg !== message.msg)
    }
  })

  /** The operation on the same entry of this document still waiting in the outbox (order.ts). */
  const prevFor = (boardId: string, body: Record<string, unknown>, own: boolean) =>
    prevIn(outbox.value.filter(o => o.board === boardId && !!o.own === own), entryOf(body))

  function contribute(body: Record<string, unknown>) {
    if (!board)
      return
    const item: Outgoing = { msg: randomId(12), board: board.id, body, seq: nextSeq(), prev: prevFor(board.id, body, false), lang: language.value }
    outbox.value = [...outbox.value, item]
    if (status.value === 'connected' && !holding)
      send(wire(item))
  }

  /** An operation on the participant's own copy of the current (individual) board: kept in the outbox like any. */
  function contributeOwn(body: Record<string, unknown>) {
    if (!board)
      return
    const item: Outgoing = { msg: randomId(12), board: board.id, body, seq: nextSeq(), prev: prevFor(board.id, body, true), lang: language.value, own: true }
    outbox.value = [...outbox.value, item]
    if (status.value === 'connected' && !holding)
      send(wire(item))
  }
  /** Whether the facilitator may show this board of theirs on the projector. */
  function setConsent(consent: boolean) {
    if (board)
      send({ t: 'own-consent', msg: randomId(12), board: board.id, consent })
  }
  /** Asks the server for the own copy's export (saved as a file when it comes). */
  function exportOwn() {
    if (board)
      send({ t: 'own-export', board: board.id })
  }
  const threadResult = shallowRef<{ added: string[], boards: string[] } | undefined>()
  /** Charter builder: the participant's own earlier boards, from the server, into their charter. */
  function threadOwn() {
    if (board)
      send({ t: 'own-thread', msg: randomId(12), board: board.id })
  }
  watch(individual, () => askMine())

  const sendingIds = computed(() => new Set(outbox.value.map(o => String(o.body.id ?? (o.body.row as Record<string, unknown> | undefined)?.id ?? ''))))

  return { activity, clockOffset, refused, name, status, session, language, current, menuBoard, inMenu, viewing, boardMeta, board: publicBoard, boardMine, outbox, notice, sendingIds, contribute, newId: () => randomId(16), individual, ownBoard, contributeOwn, setConsent, exportOwn, threadOwn, threadResult }
}

export type LiveSession = ReturnType<typeof useLiveSession>
