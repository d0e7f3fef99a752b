// Everyone's own board (src/live/own-boards.ts), over the wire: a participant's messages about
// their own copy of an individual board (stateless, on `control`: `own`, `own-mine`,
// `own-consent`, `own-export`, `own-thread`), checked like every contribution (their board must be
// one the facilitator opened, rate limit, the board's own schema, own entries only), and, for
// each individual board the facilitator opens, the room's progress in `progress/<id>`, a
// document only the facilitator's connections open: who has started and how far, never what
// they wrote; and one participant's board when the facilitator chooses it (`show`) and that
// participant agreed on their phone (`shown`).
import type { Connection, DirectConnection, Document, Extension, Hocuspocus } from '@hocuspocus/server'
import * as Y from 'yjs'
import { z } from 'zod'
import { describeZodError } from '../../boards/kit/board'
import { personName } from '../../boards/idea-vote/model'
import { LANGUAGES } from '../../i18n/labels'
import type { Admission } from '../admission'
import { isLocked, setFields } from '../boards'
import type { LiveLimits } from '../limits'
import { entryOf, lastApplied, noteApplied } from '../order'
import { isIndividual, type OwnBoards, type OwnCopy } from '../own-boards'
import { BOARD_ID, CONTROL_DOC, MESSAGE_ID, type OwnProgress, type OwnShown, progressDocName, type RefusalCode } from '../protocol'
import { say, sayLines } from '../words'
import type { ConnContext } from './auth'
import { send } from './presence'

const LOCAL = { source: 'local' } as const
const docOf = (c: DirectConnection) => (c as unknown as { document: Document }).document

const ownMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('own'), msg: z.string().regex(MESSAGE_ID), board: z.string().regex(BOARD_ID), name: z.string().optional(), body: z.unknown(), seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(), lang: z.string().max(35).optional() }),
  z.object({ t: z.literal('own-mine'), board: z.string().regex(BOARD_ID) }),
  z.object({ t: z.literal('own-consent'), msg: z.string().regex(MESSAGE_ID), board: z.string().regex(BOARD_ID), consent: z.boolean() }),
  z.object({ t: z.literal('own-export'), board: z.string().regex(BOARD_ID) }),
  z.object({ t: z.literal('own-thread'), msg: z.string().regex(MESSAGE_ID), board: z.string().regex(BOARD_ID) }),
])

/** Whether a stateless message is about a participant's own board (the contributions extension leaves these alone). */
export const isOwnMessage = (payload: string) => /^\s*\{\s*"t"\s*:\s*"own/.test(payload)

export interface OwnBoardsOptions {
  own: OwnBoards
  language?: string
  names?: boolean
  limits: LiveLimits
  hocuspocus: () => Hocuspocus
  controlDoc: () => Y.Doc | undefined
  admission: () => Admission | undefined
  /** the room's board document (its lock, RACI's roles) */
  roomBoard: (boardId: string) => Promise<Y.Doc | undefined>
  /** the phones connected now, by participant */
  phonesOf: (participantId: string) => Connection[]
}

export function ownBoardsExtension(deps: OwnBoardsOptions) {
  const { own, limits } = deps
  const buckets = new Map<string, { tokens: number, at: number }>()
  const progressDocs = new Map<string, Promise<{ doc: Y.Doc, conn: DirectConnection }>>()

  function takeToken(participantId: string, now: number): number {
    const b = buckets.get(participantId) ?? { tokens: limits.burst, at: now }
    b.tokens = Math.min(limits.burst, b.tokens + (now - b.at) / 1000 * limits.perSecond)
    b.at = now
    buckets.set(participantId, b)
    if (b.tokens < 1)
      return Math.ceil((1 - b.tokens) / limits.perSecond)
    b.tokens -= 1
    return 0
  }

  function kindOf(boardId: string): string | undefined {
    const registered = deps.controlDoc()?.getMap<any>('boards').get(boardId)
    const kind = registered?.get?.('kind') ?? registered?.kind
    return typeof kind === 'string' ? kind : undefined
  }

  function refuse(connection: Connection, msg: string, code: RefusalCode, error: string, params: Record<string, string | number> = {}, retryAfter?: number) {
    send(connection, { t: 'result', msg, ok: false, code, error: sayLines(deps.language, say(deps.language, error, params)), ...(retryAfter ? { retryAfter } : {}) })
  }

  /** The participant's number in the room (first seen), for the anonymous: "Person 7". */
  const numberOf = (participantId: string) => deps.admission()?.placeOf(participantId) ?? 0

  /** RACI: the roles the facilitator put on the room's board are the columns of every copy too. */
  async function withRoomRoles(copy: OwnCopy, participantId: string) {
    if (copy.kind !== 'raci-matrix')
      return
    const room = await deps.roomBoard(copy.boardId)
    const roles = room?.getMap<unknown>('rows:roles')
    const mineRoles = copy.doc.getMap<unknown>('rows:roles')
    if (!roles)
      return
    copy.doc.transact(() => {
      for (const [id, role] of roles.entries()) {
        if (role instanceof Y.Map && role.get('_status') !== 'hidden' && role.get('_status') !== 'pending' && !mineRoles.has(id)) {
          const map = new Y.Map<unknown>()
          mineRoles.set(id, map)
          for (const [k, v] of role.entries()) {
            if (!(v instanceof Y.AbstractType))
              map.set(k, v)
          }
          map.set('_author', participantId)
        }
      }
    })
  }

  /** The roles of a RACI copy, for the phone's letter pickers. */
  const rolesOf = (copy: OwnCopy) => [...copy.doc.getMap<unknown>('rows:roles').entries()]
    .filter((e): e is [string, Y.Map<unknown>] => e[1] instanceof Y.Map && e[1].get('_status') !== 'hidden')
    .map(([id, r]) => ({ id, name: String(r.get('name') ?? ''), order: Number(r.get('_order') ?? 0) }))
    .sort((a, b) => a.order - b.order)
    .map(({ id, name }) => ({ id, name }))

  function sendMine(connection: Connection, copy: OwnCopy, participantId: string) {
    const { mine, consent, sections } = own.mine(copy, participantId)
    const asked = progressAsked.get(copy.boardId) === participantId
    send(connection, { t: 'own-mine', board: copy.boardId, mine: copy.kind === 'raci-matrix' ? { ...mine, roles: rolesOf(copy) } : mine, consent, asked, ...(sections ? { sections } : {}) })
  }
  /** Every phone of the participant gets their copy again (a second device, the consent asked). */
  function tellPhones(copy: OwnCopy, participantId: string) {
    for (const c of deps.phonesOf(participantId))
      sendMine(c, copy, participantId)
  }

  // --- the projector's side: progress/<id> ---------------------------------------------------
  /** Per board: the participant the facilitator asked to show. */
  const progressAsked = new Map<string, string>()

  function progressOf(boardId: string) {
    let pending = progressDocs.get(boardId)
    if (!pending) {
      pending = (async () => {
        const conn = await deps.hocuspocus().openDirectConnection(progressDocName(boardId), { role: 'facilitator' })
        const doc = docOf(conn)
        const people = doc.getMap<string>('people')
        const show = doc.getMap<unknown>('show')
        // Everyone in this session who has a copy (the cohort's earlier sessions' people are not this room).
        doc.transact(() => {
          for (const id of [...people.keys()]) {
            if (deps.admission()?.firstSeen(id) === undefined)
              people.delete(id)
          }
          for (const id of own.participantsOf(boardId)) {
            if (deps.admission()?.firstSeen(id) === undefined)
              continue
            const copy = own.open(id, boardId)
            if (copy)
              setProgress(people, id, own.progress(copy, id, numberOf(id)))
          }
        }, LOCAL)
        show.observe(() => updateShown(boardId, doc))
        updateShown(boardId, doc)
        return { doc, conn }
      })()
      progressDocs.set(boardId, pending)
      pending.catch(() => progressDocs.delete(boardId))
    }
    return pending
  }

  function setProgress(people: Y.Map<string>, id: string, p: OwnProgress) {
    const text = JSON.stringify(p)
    if (people.get(id) !== text)
      people.set(id, text)
  }

  /** The shown board: the chosen participant's, only while they agree; else nothing. */
  function updateShown(boardId: string, doc: Y.Doc) {
    const chosen = doc.getMap<unknown>('show').get('participant')
    const participant = typeof chosen === 'string' && chosen ? chosen : undefined
    const before = progressAsked.get(boardId)
    if (participant)
      progressAsked.set(boardId, participant)
    else
      progressAsked.delete(boardId)
    const copy = participant ? own.open(participant, boardId) : undefined
    let shown = ''
    if (copy && participant) {
      const { mine, consent, sections } = own.mine(copy, participant)
      if (consent) {
        const value: OwnShown = { participant, name: own.progress(copy, participant, 0).name, n: numberOf(participant), kind: copy.kind, mine, ...(sections ? { sections } : {}) }
        shown = JSON.stringify(value)
      }
    }
    const target = doc.getMap<unknown>('shown')
    doc.transact(() => setFields(target, { board: shown, asked: participant ?? '' }), LOCAL)
    // The participant asked (or no longer asked) sees it on their phone.
    for (const id of new Set([before, participant])) {
      const c = id ? own.open(id, boardId) : undefined
      if (c && id)
        tellPhones(c, id)
    }
  }

  async function progressChanged(copy: OwnCopy, participantId: string) {
    if (!deps.controlDoc()?.getMap('boards').has(copy.boardId))
      return
    const { doc } = await progressOf(copy.boardId)
    doc.transact(() => setProgress(doc.getMap<string>('people'), participantId, own.progress(copy, participantId, numberOf(participantId))), LOCAL)
    if (progressAsked.get(copy.boardId) === participantId)
      updateShown(copy.boardId, doc)
  }

  // --- the phone's side -------------------------------------------------------------------------
  async function onMessage(connection: Connection, payload: string) {
    const ctx = connection.context as ConnContext
    if (ctx.role !== 'participant' || !ctx.participantId)
      return
    let json: unknown
    try {
      json = JSON.parse(payload)
    }
    catch {
      return
    }
    const parsed = ownMessage.safeParse(json)
    if (!parsed.success) {
      const msg = (json as { msg?: unknown })?.msg
      if (typeof msg === 'string' && MESSAGE_ID.test(msg))
        refuse(connection, msg, 'invalid', describeZodError(parsed.error))
      return
    }
    const message = parsed.data
    const participantId = ctx.participantId
    const kind = kindOf(message.board)
    // Only a board the facilitator opened in this session, and only an individual one.
    const opened = !!kind && isIndividual(kind)
    if (message.t === 'own-mine' || message.t === 'own-export') {
      if (!opened)
        return
      const copy = own.open(participantId, message.board, kind)
      if (!copy)
        return
      await withRoomRoles(copy, participantId)
      if (message.t === 'own-mine') {
        sendMine(connection, copy, participantId)
        // Opened on their phone: on the projector's progress, not started yet.
        return void progressChanged(copy, participantId)
      }
      const { file, text } = own.exportOf(copy)
      return send(connection, { t: 'own-export', board: message.board, file, text })
    }
    if (!opened)
      return refuse(connection, message.msg, 'no-board', 'This board does not take contributions from phones.')
    if (deps.admission()?.isBlocked(participantId))
      return refuse(connection, message.msg, 'blocked', 'The facilitator has removed you from this session.')
    const copy = own.open(participantId, message.board, kind)
    if (!copy)
      return refuse(connection, message.msg, 'no-board', 'This board does not take contributions from phones.')
    try {
      if (message.t === 'own-consent') {
        own.setConsent(copy, message.consent)
        send(connection, { t: 'result', msg: message.msg, ok: true })
        tellPhones(copy, participantId)
        return void progressChanged(copy, participantId)
      }
      if (message.t === 'own-thread') {
        if (copy.kind !== 'charter-builder')
          return refuse(connection, message.msg, 'invalid', 'Only the charter builder takes your earlier boards.')
        const { added, boards } = own.thread(copy, participantId)
        send(connection, { t: 'own-thread', msg: message.msg, board: message.board, added, boards })
        send(connection, { t: 'result', msg: message.msg, ok: true })
        tellPhones(copy, participantId)
        return void progressChanged(copy, participantId)
      }
      // An operation older than the last one applied for its entry: acknowledged, not applied.
      const entry = message.seq ? entryOf(message.body) : undefined
      const last = entry ? lastApplied(copy.doc, participantId, entry) : 0
      if (entry && message.seq! <= last) {
        send(connection, { t: 'result', msg: message.msg, ok: true, superseded: true })
        return sendMine(connection, copy, participantId)
      }
      const now = Date.now()
      const wait = takeToken(participantId, now)
      if (wait)
        return refuse(connection, message.msg, 'rate', 'Too many changes at once: wait {n} s and it is sent again.', { n: wait }, wait)
      const room = await deps.roomBoard(message.board)
      if (room && isLocked(room))
        return refuse(connection, message.msg, 'locked', 'The facilitator has locked this board: time is up.')
      const body = copy.adapter.op.safeParse(message.body)
      if (!body.success)
        return refuse(connection, message.msg, 'invalid', describeZodError(body.error))
      const name = personName.safeParse(deps.names === false ? '' : message.name ?? '')
      if (!name.success)
        return refuse(connection, message.msg, 'invalid', describeZodError(name.error))
      await withRoomRoles(copy, participantId)
      const refusal = own.apply(copy, body.data, {
        participantId,
        name: name.data,
        moderation: 'open',
        // Your own board holds as many entries as the board itself allows (its lists' own maximum).
        maxEntries: limits.rowsPerBoard,
        maxRows: limits.rowsPerBoard,
        now,
        language: deps.language,
        writtenIn: message.lang && LANGUAGES.includes(message.lang) ? message.lang : undefined,
        firstOp: entry ? last === 0 : undefined,
      }, () => {
        if (entry)
          noteApplied(copy.doc, participantId, entry, message.seq!)
      })
      if (refusal)
        refuse(connection, message.msg, refusal.code, refusal.error, refusal.params)
      else
        send(connection, { t: 'result', msg: message.msg, ok: true })
      tellPhones(copy, participantId)
      void progressChanged(copy, participantId)
    }
    catch (e) {
      // The store refused the write: the copy held in memory is dropped (the store's is the truth).
      own.drop(participantId, message.board)
      console.error('live: a participant\'s own board could not be saved:', (e as Error).message)
      return refuse(connection, (message as { msg: string }).msg, 'unsaved', 'Not saved, try again: the session cannot store contributions right now. It is sent again in {n} s.', { n: 3 }, 3)
    }
  }

  const extension: Extension = {
    extensionName: 'kit-live-own-boards',
    async onStateless({ connection, documentName, payload }) {
      if (documentName === CONTROL_DOC && isOwnMessage(payload))
        await onMessage(connection, payload).catch(e => console.error('live: an own-board message failed:', e))
    },
  }

  return {
    extension,
    /** The facilitator opened a board: an individual one gets its progress document. */
    opened(boardId: string) {
      if (isIndividual(kindOf(boardId)))
        progressOf(boardId).catch(e => console.error(`live: the progress of ${boardId} failed to open:`, e))
    },
    async stop() {
      for (const p of progressDocs.values())
        await p.then(({ conn }) => conn.disconnect()).catch(() => {})
    },
  }
}
