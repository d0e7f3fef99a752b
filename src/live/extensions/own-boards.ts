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
import { personName } from '../../boards/kit/fields'
import { LANGUAGES } from '../../i18n/labels'
import type { Admission } from '../admission'
import { isLocked, setFields } from '../boards'
import type { LiveLimits } from '../limits'
import { entryOf, lastApplied, noteProcessed, type Place, placeOf } from '../order'
import { oneAtATime } from '../queue'
import { isIndividual, type OwnBoards, type OwnCopy, OwnNotSaved } from '../own-boards'
import { BOARD_ID, CONTROL_DOC, MESSAGE_ID, type OwnProgress, type OwnShown, progressDocName } from '../protocol'
import { answers, refusalBefore } from './answers'
import type { ConnContext } from './auth'
import { send } from './presence'

const LOCAL = { source: 'local' } as const
const docOf = (c: DirectConnection) => (c as unknown as { document: Document }).document

const ownMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('own'), msg: z.string().regex(MESSAGE_ID), board: z.string().regex(BOARD_ID), name: z.string().optional(), body: z.unknown(), seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(), prev: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(), lang: z.string().max(35).optional() }),
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
  /**
   * One token of the participant's budget for their own copies: shared by every instance when
   * they share a Redis (as the room's); seconds to wait when none is left. Default: this instance's.
   */
  rate?: (key: string, now: number) => Promise<number>
}

export function ownBoardsExtension(deps: OwnBoardsOptions) {
  const { own, limits } = deps
  const buckets = new Map<string, { tokens: number, at: number }>()
  const progressDocs = new Map<string, Promise<{ doc: Y.Doc, conn: DirectConnection }>>()

  function takeLocalToken(participantId: string, now: number): number {
    const b = buckets.get(participantId) ?? { tokens: limits.burst, at: now }
    b.tokens = Math.min(limits.burst, b.tokens + (now - b.at) / 1000 * limits.perSecond)
    b.at = now
    buckets.set(participantId, b)
    if (b.tokens < 1)
      return Math.ceil((1 - b.tokens) / limits.perSecond)
    b.tokens -= 1
    return 0
  }
  /** A budget of its own beside the room's (`own:<id>`), shared across instances like the room's. */
  const takeToken = (participantId: string, now: number) => deps.rate ? deps.rate(`own:${participantId}`, now) : Promise.resolve(takeLocalToken(participantId, now))

  function kindOf(boardId: string): string | undefined {
    const registered = deps.controlDoc()?.getMap<any>('boards').get(boardId)
    const kind = registered?.get?.('kind') ?? registered?.kind
    return typeof kind === 'string' ? kind : undefined
  }

  const { refuse, answerOutOfOrder } = answers(deps.language)


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
    const missing = [...roles.entries()].some(([id, role]) => role instanceof Y.Map && role.get('_status') !== 'hidden' && role.get('_status') !== 'pending' && !mineRoles.has(id))
    if (!missing)
      return
    await own.change(copy, () => {
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

  /**
   * The participant the facilitator asked to show on a board: read from the progress document's
   * `show` map, which the store keeps and Redis shares (never a copy in this instance's memory,
   * which a restart would lose and another instance would not have).
   */
  async function askedOn(boardId: string): Promise<string> {
    if (!deps.controlDoc()?.getMap('boards').has(boardId))
      return ''
    const { doc } = await progressOf(boardId)
    const chosen = doc.getMap<unknown>('show').get('participant')
    return typeof chosen === 'string' ? chosen : ''
  }

  /** Sends the phone its copy; per connection in the order asked (each waits for the one before). */
  const sending = oneAtATime<Connection>()
  function sendMine(connection: Connection, copy: OwnCopy, participantId: string): Promise<void> {
    return sending.run(connection, async () => {
      const asked = (await askedOn(copy.boardId).catch(() => '')) === participantId
      const { mine, consent, sections } = own.mine(copy, participantId)
      send(connection, { t: 'own-mine', board: copy.boardId, mine: copy.kind === 'raci-matrix' ? { ...mine, roles: rolesOf(copy) } : mine, consent, asked, ...(sections ? { sections } : {}) })
    }).catch(e => console.error('live: a participant\'s own board could not be sent:', (e as Error).message))
  }
  /** Every phone of the participant gets their copy again (a second device, the consent asked). */
  function tellPhones(copy: OwnCopy, participantId: string) {
    for (const c of deps.phonesOf(participantId))
      void sendMine(c, copy, participantId)
  }

  // --- the projector's side: progress/<id> ---------------------------------------------------
  // The facilitator's settings of an individual board are in its progress document, stored and
  // shared through Redis like every document: `show.participant` (the person asked to show) and
  // `show.room` (the room's board projected instead of the progress). The server keeps no copy.
  /** Per board: the participant whose phones were last told they are asked (to tell them when that changes). */
  const lastAsked = new Map<string, string>()
  /** Per board: the shown board's update in progress; the next waits for it, so a late one never overwrites a later choice. */
  const showing = oneAtATime<string>()

  function progressOf(boardId: string) {
    let pending = progressDocs.get(boardId)
    if (!pending) {
      pending = (async () => {
        const conn = await deps.hocuspocus().openDirectConnection(progressDocName(boardId), { role: 'facilitator' })
        const doc = docOf(conn)
        const people = doc.getMap<string>('people')
        const show = doc.getMap<unknown>('show')
        // Everyone in this session who has a copy (the cohort's earlier sessions' people are not this room).
        const here = (id: string) => deps.admission()?.firstSeen(id) !== undefined && !deps.admission()?.isBlocked(id)
        const copies: OwnCopy[] = []
        for (const id of await own.participantsOf(boardId)) {
          const copy = here(id) ? await own.open(id, boardId) : undefined
          if (copy)
            copies.push(copy)
        }
        doc.transact(() => {
          for (const id of [...people.keys()]) {
            if (!here(id))
              people.delete(id)
          }
          for (const copy of copies)
            setProgress(people, copy.participantId, own.progress(copy, copy.participantId, numberOf(copy.participantId)))
        }, LOCAL)
        const shown = () => void updateShown(boardId, doc).catch(e => console.error(`live: the board shown on ${boardId} failed:`, e))
        show.observe(shown)
        shown()
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

  /** The shown board: the chosen participant's, only while they agree; else nothing. One at a time per board. */
  function updateShown(boardId: string, doc: Y.Doc): Promise<void> {
    return showing.run(boardId, () => writeShown(boardId, doc))
  }
  async function writeShown(boardId: string, doc: Y.Doc) {
    const chosen = doc.getMap<unknown>('show').get('participant')
    const participant = typeof chosen === 'string' && chosen ? chosen : undefined
    const before = lastAsked.get(boardId)
    if (participant)
      lastAsked.set(boardId, participant)
    else
      lastAsked.delete(boardId)
    const copy = participant && !deps.admission()?.isBlocked(participant) ? await own.open(participant, boardId) : undefined
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
      const c = id ? await own.open(id, boardId) : undefined
      if (c && id)
        tellPhones(c, id)
    }
  }

  async function progressChanged(copy: OwnCopy, participantId: string) {
    if (!deps.controlDoc()?.getMap('boards').has(copy.boardId))
      return
    const { doc } = await progressOf(copy.boardId)
    doc.transact(() => setProgress(doc.getMap<string>('people'), participantId, own.progress(copy, participantId, numberOf(participantId))), LOCAL)
    if (doc.getMap<unknown>('show').get('participant') === participantId)
      await updateShown(copy.boardId, doc)
  }
  const progressLater = (copy: OwnCopy, participantId: string) => void progressChanged(copy, participantId).catch(e => console.error(`live: the progress of ${copy.boardId} failed:`, e))

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
      let copy: OwnCopy | undefined
      try {
        copy = await own.open(participantId, message.board, kind)
        if (copy)
          await withRoomRoles(copy, participantId)
      }
      catch (e) {
        // A copy the store cannot load or save now: nothing to show; the phone asks again.
        if (!(e instanceof OwnNotSaved))
          console.error('live: a participant\'s own board could not be opened:', (e as Error).message)
        return
      }
      if (!copy)
        return
      if (message.t === 'own-mine') {
        sendMine(connection, copy, participantId)
        // Opened on their phone: on the projector's progress, not started yet.
        return progressLater(copy, participantId)
      }
      const { file, text } = own.exportOf(copy)
      return send(connection, { t: 'own-export', board: message.board, file, text })
    }
    if (!opened)
      return refuse(connection, message.msg, 'no-board', 'This board does not take contributions from phones.')
    if (deps.admission()?.isBlocked(participantId))
      return refuse(connection, message.msg, 'blocked', 'The facilitator has removed you from this session.')
    try {
      const copy = await own.open(participantId, message.board, kind)
      if (!copy)
        return refuse(connection, message.msg, 'no-board', 'This board does not take contributions from phones.')
      if (message.t === 'own-consent') {
        await own.setConsent(copy, message.consent)
        send(connection, { t: 'result', msg: message.msg, ok: true })
        tellPhones(copy, participantId)
        return progressLater(copy, participantId)
      }
      if (message.t === 'own-thread') {
        if (copy.kind !== 'charter-builder')
          return refuse(connection, message.msg, 'invalid', 'Only the charter builder takes your earlier boards.')
        const { added, boards } = await own.thread(copy, participantId)
        send(connection, { t: 'own-thread', msg: message.msg, board: message.board, added, boards })
        send(connection, { t: 'result', msg: message.msg, ok: true })
        tellPhones(copy, participantId)
        return progressLater(copy, participantId)
      }
      // An operation already processed is answered as it was then; one that overtook the
      // operation it builds on waits for it (order.ts).
      const entry = message.seq ? entryOf(message.body) : undefined
      const placeNow = (): Place => entry ? placeOf(copy.doc, participantId, entry, message.seq!, message.prev) : 'next'
      const early = placeNow()
      if (early !== 'next') {
        answerOutOfOrder(connection, message.msg, early)
        return sendMine(connection, copy, participantId)
      }
      const now = Date.now()
      const wait = await takeToken(participantId, now)
      if (wait)
        return refuse(connection, message.msg, 'rate', 'Too many changes at once: wait {n} s and it is sent again.', { n: wait }, wait)
      // Refusals of the operation itself are recorded in its entry's order like an applied one.
      const room = await deps.roomBoard(message.board)
      const body = copy.adapter.op.safeParse(message.body)
      const name = personName.safeParse(deps.names === false ? '' : message.name ?? '')
      const pre = refusalBefore(!!room && isLocked(room), body, name)
      if (!pre)
        await withRoomRoles(copy, participantId)
      const firstOp = entry ? lastApplied(copy.doc, participantId, entry) === 0 : undefined
      const result = await own.apply(copy, body.data, {
        participantId,
        name: name.data ?? '',
        moderation: 'open',
        // Your own board holds as many entries as the board itself allows (its lists' own maximum).
        maxEntries: limits.rowsPerBoard,
        maxRows: limits.rowsPerBoard,
        now,
        language: deps.language,
        writtenIn: message.lang && LANGUAGES.includes(message.lang) ? message.lang : undefined,
        firstOp,
      }, {
        // Checked again inside the change: another of this entry's operations (from this
        // participant's phone on another instance) may have been processed meanwhile.
        place: placeNow,
        refusal: pre,
        note: (refused) => {
          if (entry)
            noteProcessed(copy.doc, participantId, entry, { seq: message.seq!, prev: message.prev }, refused)
        },
      })
      if (typeof result === 'string')
        answerOutOfOrder(connection, message.msg, result)
      else if (result)
        refuse(connection, message.msg, result.code, result.error, result.params)
      else
        send(connection, { t: 'result', msg: message.msg, ok: true })
      tellPhones(copy, participantId)
      progressLater(copy, participantId)
    }
    catch (e) {
      // The store could not take the change (it was undone) or load the copy: nothing is acknowledged.
      if (!(e instanceof OwnNotSaved))
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
    /** A change made on another instance: this instance's phones of that participant see it. */
    remote(copy: OwnCopy) {
      tellPhones(copy, copy.participantId)
    },
    /**
     * The facilitator's "remove everything from this person": their copies emptied, their tile
     * off the projector's progress, their board no longer shown.
     */
    async purge(participantId: string) {
      const boards = await own.empty(participantId)
      for (const boardId of boards) {
        if (!deps.controlDoc()?.getMap('boards').has(boardId))
          continue
        const { doc } = await progressOf(boardId)
        doc.transact(() => {
          doc.getMap('people').delete(participantId)
          if (doc.getMap('show').get('participant') === participantId)
            doc.getMap('show').set('participant', '')
        }, LOCAL)
        // Their board leaves the projector's document before the removal is compacted (server.ts).
        await updateShown(boardId, doc)
      }
    },
    async stop() {
      for (const p of progressDocs.values())
        await p.then(({ conn }) => conn.disconnect()).catch(() => {})
    },
  }
}
