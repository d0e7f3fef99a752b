// Contributions: what phones and helpers send, as stateless messages on `control`, checked and
// written by the server. A participant's contribution is checked (the board's zod schema and
// field lengths, own entries only, board not locked, per-participant rate and count limits: per
// participant, never per address, since a room shares one router), written into `board/<id>`
// in its own transaction, and answered once the store has it; a contribution the store cannot
// save is undone and refused ("not saved, try again"). Each open board keeps a projection,
// `public/<id>`, that phones read: visible entries only, no authors. A helper moderates by
// message (approve, hide, merge, lock), checked here too.
import type { Connection, DirectConnection, Document, Extension, Hocuspocus } from '@hocuspocus/server'
import * as Y from 'yjs'
import { z } from 'zod'
import { describeZodError } from '../../boards/kit/board'
import { personName } from '../../boards/kit/fields'
import { liveBoard } from '../adapters'
import { type Admission, removeAuthor } from '../admission'
import { fieldsMap, isLocked, mergeEntries, metaMap, moderationOf, rowStatus, setFields } from '../../board-doc'
import { isEntry, type LiveBoardAdapter, type Refusal } from '../boards'
import { entryOf, lastApplied, noteProcessed, type Place, placeOf } from '../order'
import { BOARD_ID, boardDocName, CONTROL_DOC, MESSAGE_ID, type ModerationView, publicDocName } from '../protocol'
import type { storeExtension } from '../store'
import { LANGUAGES } from '../../i18n/labels'
import { answers, refusalBefore } from './answers'
import type { ConnContext } from './auth'
import { isOwnMessage } from './own-boards'
import { type Presence, send } from './presence'
import type { LiveLimits } from '../limits'

const LOCAL = { source: 'local' } as const
/** Changes this server makes: LOCAL, or one contribution's own origin (so it can be undone). */
const isLocal = (origin: unknown) => (origin as { source?: string } | null)?.source === 'local'
const isRedis = (origin: unknown) => (origin as { source?: string } | null)?.source === 'redis'
/** A direct connection's document (the class has it; the exported interface does not say so). */
export const docOf = (c: DirectConnection) => (c as unknown as { document: Document }).document

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

/** The rows of a board document that phones sent or that can be moderated: [list, row]. */
function moderatedRows(doc: Y.Doc): [string, string, Y.Map<unknown>][] {
  const out: [string, string, Y.Map<unknown>][] = []
  // Only the maps the board's adapter has read (a share never read is left untyped, never cast).
  for (const [name, map] of doc.share) {
    if (name === 'meta' || !(map instanceof Y.Map))
      continue
    for (const [id, row] of map.entries()) {
      // A counted entry (a vote) is never moderated (isEntry).
      if (isEntry(row) && typeof row.get('_mergedInto') !== 'string')
        out.push([name.replace(/^rows:/, ''), id, row])
    }
  }
  return out
}

const clientMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('contribute'), msg: z.string().regex(MESSAGE_ID), board: z.string().regex(BOARD_ID), name: z.string().optional(), body: z.unknown(), seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(), prev: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(), lang: z.string().max(35).optional() }),
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
    /** merge on a list board: the list of the entry kept (else the one list that has it) */
    list: z.string().max(64).optional(),
  }).strict(),
  z.object({ t: z.literal('queue'), board: z.string().regex(BOARD_ID) }).strict(),
])

export interface BoardRuntime {
  boardId: string
  adapter: LiveBoardAdapter
  board: Document
  out: Document
  connections: DirectConnection[]
  /** false when the saved board is one this kit cannot write (another kind, a newer schema) */
  writable: boolean
}

/** The rate limit every instance shares (Redis), when there is one and it answers. */
export interface SharedRate {
  up: () => boolean
  take: (participantId: string, burst: number, perSecond: number) => Promise<number>
}

export interface ContributionsOptions {
  language?: string
  /** false: participants cannot give a name; every contribution is anonymous */
  names?: boolean
  limits: LiveLimits
  persistence: ReturnType<typeof storeExtension>
  presence: Presence
  shared?: SharedRate
  /** the Hocuspocus instance, once the server exists */
  hocuspocus: () => Hocuspocus
  /** the session's `control` document, once open */
  controlDoc: () => Y.Doc | undefined
  admission: () => Admission | undefined
  stopping: () => boolean
}

/** Resolves with `work`, or with `fallback` after `ms` (no timer left behind). */
export const within = <T>(work: Promise<T>, ms: number, fallback: T) => {
  let timer: ReturnType<typeof setTimeout> | undefined
  return Promise.race([work, new Promise<T>((resolve) => { timer = setTimeout(resolve, ms, fallback) })]).finally(() => clearTimeout(timer))
}

export function contributions(deps: ContributionsOptions) {
  const { limits, persistence, presence, shared } = deps
  const options = { language: deps.language, names: deps.names }
  const buckets = new Map<string, { tokens: number, at: number }>()
  /** A newcomer's tighter bucket, beside their ordinary one (local: a phone stays on one instance). */
  const newcomerBuckets = new Map<string, { tokens: number, at: number }>()
  const lastMine = new Map<string, string>() // `${socketId} ${boardId}` -> the last `mine` sent
  const runtimes = new Map<string, Promise<BoardRuntime | undefined>>()
  presence.onLeave((socketId) => {
    for (const key of lastMine.keys()) {
      if (key.startsWith(`${socketId} `))
        lastMine.delete(key)
    }
  })

  /** Per participant, never per address: one token bucket each, in Redis when instances share one. */
  async function takeToken(participantId: string, now: number): Promise<number> {
    // Redis unreachable (or slow to answer): this instance's own bucket, rather than refusing
    // or stalling everyone. The Redis client's own errors are reported once (see below).
    if (shared?.up()) {
      try {
        const wait = await within(shared.take(participantId, limits.burst, limits.perSecond), 500, -1)
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
    const first = deps.admission()?.firstSeen(participantId)
    if (first === undefined || now - first >= limits.newcomerSeconds * 1000) {
      newcomerBuckets.delete(participantId)
      return 0
    }
    return takeLocalToken(participantId, now, newcomerBuckets, limits.newcomerBurst, limits.newcomerPerSecond)
  }

  /** The facilitator asked for everything one participant sent to go: from every board. */
  async function purge(participantId: string) {
    for (const rt of await Promise.all(runtimes.values())) {
      if (rt && rt.board.transact(() => removeAuthor(rt.board, participantId), LOCAL))
        project(rt) // now: the phones' projection loses their entries before the removal is compacted
    }
  }

  function boardKind(boardId: string, board?: Document): string | undefined {
    const fromBoard = board ? metaMap(board).get('kind') : undefined
    if (typeof fromBoard === 'string')
      return fromBoard
    const registered = deps.controlDoc()?.getMap<any>('boards').get(boardId)
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
    for (const [socketId, connection] of presence.phones) {
      const participantId = presence.participantOf(socketId)
      if (participantId)
        sendMine(connection, socketId, rt, participantId, true)
    }
  }

  /** Loads a board and its projection and keeps them open while the server runs. */
  function runtime(boardId: string): Promise<BoardRuntime | undefined> {
    let pending = runtimes.get(boardId)
    if (!pending) {
      pending = (async () => {
        const boardConn = await deps.hocuspocus().openDirectConnection(boardDocName(boardId), { role: 'facilitator' })
        const board = docOf(boardConn)
        const adapter = liveBoard(boardKind(boardId, board) ?? '')
        if (!adapter) {
          await boardConn.disconnect()
          return undefined
        }
        const outConn = await deps.hocuspocus().openDirectConnection(publicDocName(boardId), { role: 'facilitator' })
        const rt: BoardRuntime = { boardId, adapter, board, out: docOf(outConn), connections: [boardConn, outConn], writable: true }
        if (adapter.init) {
          // An ordinary board document (the core's, src/board-doc/): initialised as a tab would, once loaded.
          board.transact(() => { rt.writable = adapter.init!(board) }, LOCAL)
        }
        else if (metaMap(board).get('kind') === undefined) {
          board.transact(() => setFields(metaMap(board), { kind: adapter.kind, schema: 1 }), LOCAL)
        }
        // Coalesce: many contributions in one turn of the event loop make one projection.
        let projecting = false
        let moderated = false
        let scheduled = false
        const boardMeta = metaMap(board)
        // The board's plain fields: the idea board's votes per person among them.
        const boardFields = fieldsMap(board)
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
            moderated = tr.deleteSet.clients.size > 0 || tr.changed.has(boardMeta as Y.AbstractType<any>) || tr.changed.has(boardFields as Y.AbstractType<any>)
              || [...tr.changed].some(([type, keys]) => keys.has('_status') && !isNew(type))
          }
          if (scheduled || (!projecting && !moderated))
            return
          scheduled = true
          setImmediate(() => {
            scheduled = false
            if (deps.stopping())
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

  const { refuse, answerOutOfOrder } = answers(options.language)

  /** Answers an operation that is not the next of its entry, and says so; false for the next one. */
  function answeredInOrder(connection: Connection, message: { msg: string, seq?: number, prev?: number }, doc: Y.Doc, participantId: string, entry: string): boolean {
    const place = placeOf(doc, participantId, entry, message.seq!, message.prev)
    if (place === 'next')
      return false
    answerOutOfOrder(connection, message.msg, place)
    return true
  }

  /**
   * A message as its schema reads it, or undefined: not JSON is ignored; a message with an id
   * that the schema refuses is answered with what is wrong.
   */
  function parseMessage<T>(connection: Connection, payload: string, schema: z.ZodType<T>, clean: (json: unknown) => unknown = json => json): T | undefined {
    let json: unknown
    try {
      json = JSON.parse(payload)
    }
    catch {
      return undefined
    }
    const parsed = schema.safeParse(clean(json))
    if (!parsed.success) {
      const msg = (json as { msg?: unknown })?.msg
      if (typeof msg === 'string' && MESSAGE_ID.test(msg))
        refuse(connection, msg, 'invalid', describeZodError(parsed.error))
      return undefined
    }
    return parsed.data
  }

  /** A board's entries for a helper's phone: queued and shown ones, with the names given. */
  function moderationView(rt: BoardRuntime): ModerationView {
    const entries: ModerationView['entries'] = []
    // A list board's entries are named by their list's title field (the phones' form, projected).
    const titles = new Map<string, string>()
    try {
      const form = JSON.parse(String(metaMap(rt.out).get('form') ?? '{}')) as { lists?: { key: string, title: string }[] }
      for (const l of form.lists ?? [])
        titles.set(l.key, l.title)
    }
    catch {}
    for (const [list, id, row] of moderatedRows(rt.board)) {
      const status = rowStatus(row)
      if (status === 'hidden')
        continue
      const text = [titles.get(list), 'text', 'title', 'name', 'activity'].map(k => k && row.get(k)).find(v => typeof v === 'string') ?? ''
      const name = row.get('_name')
      entries.push({ id, list, text: String(text), name: typeof name === 'string' ? name : '', status })
    }
    return { locked: isLocked(rt.board), entries }
  }

  /**
   * A list board's merge from a helper: the entry kept and the duplicates, shown entries of one
   * list (as the facilitator's panel merges them), or why not.
   */
  function listMerge(rt: BoardRuntime, ids: Set<string>, into: string | undefined, list: string | undefined): { list: string, into: string, sources: string[] } | undefined {
    if (!into || !ids.size)
      return undefined
    const shown = (l: string, id: string) => {
      const row = rt.board.share.has(`rows:${l}`) ? rt.board.getMap<unknown>(`rows:${l}`).get(id) : undefined
      return row instanceof Y.Map && rowStatus(row) === 'visible' && typeof row.get('_mergedInto') !== 'string'
    }
    const lists = list !== undefined ? [list] : [...new Set(moderatedRows(rt.board).filter(([, id]) => id === into).map(([l]) => l))]
    if (lists.length !== 1 || !shown(lists[0], into))
      return undefined
    const sources = [...ids].filter(id => id !== into && shown(lists[0], id))
    return sources.length ? { list: lists[0], into, sources } : undefined
  }

  /** Moderation from a helper's phone: the statuses of entries, the lock, merging duplicates. */
  async function onHelperMessage(connection: Connection, payload: string) {
    const message = parseMessage(connection, payload, helperMessage)
    if (!message)
      return
    // A helper moderates the board on the presenter's slide, and only that one.
    const current = deps.controlDoc()?.getMap<unknown>('current').get('boardId')
    if (message.board !== current) {
      if (message.t === 'moderate')
        refuse(connection, message.msg, 'no-board', 'A helper moderates only the board on the slide.')
      return
    }
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
    const merging = message.action === 'merge' ? listMerge(rt, ids, message.into, message.list) : undefined
    if (message.action === 'merge' && !merging)
      return refuse(connection, message.msg, 'invalid', 'Merging takes entries shown on the board, in one list: the ids of the duplicates and the entry to keep (into).')
    rt.board.transact(() => {
      switch (message.action) {
        case 'lock':
        case 'unlock':
          metaMap(rt.board).set('locked', message.action === 'lock')
          break
        case 'merge':
          // The board's own merge where it does more than the core's (the idea board's votes move too).
          if (merging)
            (rt.adapter.def.mergeRows ?? mergeEntries)(rt.board, merging.list, merging.into, merging.sources)
          break
        default: {
          const status = message.action === 'hide' || message.action === 'hide-all' ? 'hidden' : 'visible'
          const all = message.action === 'approve-all' || message.action === 'hide-all'
          for (const [, id, row] of rows) {
            if (all ? rowStatus(row) === 'pending' : ids.has(id))
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
    // A participant's own copy of an individual board: the own-boards extension's (own-boards.ts).
    if (isOwnMessage(payload))
      return
    // Participant text is shown on the projector: no bidirectional controls in it, at any depth.
    const message = parseMessage(connection, payload, clientMessage, stripBidi)
    if (!message)
      return
    const participantId = ctx.participantId
    if (message.t === 'mine') {
      const rt = await runtime(message.board)
      if (rt)
        sendMine(connection, connection.socketId, rt, participantId)
      return
    }
    if (deps.admission()?.isBlocked(participantId))
      return refuse(connection, message.msg, 'blocked', 'The facilitator has removed you from this session.')
    // An operation already processed (a retry, a resend after a reconnect, a duplicate) is answered
    // as it was then, and one that overtook the operation it builds on waits for it, both before
    // it costs a token (order.ts).
    const entry = message.seq ? entryOf(message.body) : undefined
    if (entry) {
      const rt = await runtime(message.board)
      if (rt?.writable && answeredInOrder(connection, message, rt.board, participantId, entry))
        return sendMine(connection, connection.socketId, rt, participantId)
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
    // Refusals of the operation itself are recorded in its entry's order like an applied one, so
    // the operations built on it go on and a duplicate of it is never applied later.
    const body = rt.adapter.op.safeParse(message.body)
    const name = personName.safeParse(options.names === false ? '' : message.name ?? '')
    let refusal: Refusal | undefined = refusalBefore(isLocked(rt.board), body, name)
    // The contribution's own origin: if it cannot be saved, exactly its change is undone.
    const origin = { source: 'local', msg: message.msg }
    const undo = new Y.UndoManager(rt.board, { trackedOrigins: new Set([origin]), captureTimeout: 0 })
    let place = 'next' as Place
    rt.board.transact(() => {
      // Checked again inside the change: another operation of this entry may have been processed
      // while this one waited for its token.
      place = entry ? placeOf(rt.board, participantId, entry, message.seq!, message.prev) : 'next'
      if (place !== 'next')
        return
      if (!refusal) {
        refusal = rt.adapter.apply(rt.board, body.data!, {
          participantId,
          name: name.data!,
          moderation: moderationOf(rt.board),
          maxEntries: limits.entriesPerParticipant,
          maxRows: limits.rowsPerBoard,
          now,
          language: options.language,
          // The phone's own language (the participant may choose it): kept with the entry, one of the kit's or none.
          writtenIn: message.lang && LANGUAGES.includes(message.lang) ? message.lang : undefined,
          firstOp: entry ? lastApplied(rt.board, participantId, entry) === 0 : undefined,
        })
      }
      if (entry)
        noteProcessed(rt.board, participantId, entry, { seq: message.seq!, prev: message.prev }, !!refusal)
    }, origin)
    if (place !== 'next') {
      undo.destroy()
      answerOutOfOrder(connection, message.msg, place)
      return sendMine(connection, connection.socketId, rt, participantId)
    }
    // SQLite has written the change inside that transaction; PostgreSQL is waited for: this
    // change's write and the ones before it, never later ones. A change that could not be
    // stored is taken back and refused: the phone keeps it and sends it again.
    const written = persistence.mark(rt.board.name)
    const saved = await persistence.saved(written)
    if (!saved && !deps.stopping())
      undo.undo()
    // clear() lets Yjs collect what the change deleted again (a tracked change keeps it).
    undo.clear()
    undo.destroy()
    if (!saved)
      return refuse(connection, message.msg, 'unsaved', 'Not saved, try again: the session cannot store contributions right now. It is sent again in {n} s.', { n: 3 }, 3)
    if (refusal)
      refuse(connection, message.msg, refusal.code, refusal.error, refusal.params)
    else
      send(connection, { t: 'result', msg: message.msg, ok: true })
    sendMine(connection, connection.socketId, rt, participantId)
  }


  const extension: Extension = {
    extensionName: 'kit-live-contributions',
    async onStateless({ connection, documentName, payload }) {
      if (documentName === CONTROL_DOC)
        await onMessage(connection, payload).catch(e => console.error('live: a contribution failed:', e))
    },
  }

  return {
    extension,
    /** The board's runtime (loading it and its projection on first use). */
    runtime,
    /** Every board runtime opened so far. */
    runtimes: () => Promise.all(runtimes.values()),
    purge,
    /** One token of a budget (`key`: a participant, or their own copies'), shared through Redis when there is one. */
    takeToken: (key: string, now: number) => takeToken(key, now),
  }
}
