// What the live server, the join page and the facilitator's client say to each other.
// Types and names only (no zod, no Yjs): the join page imports this and must stay small.
//
// Documents (Hocuspocus document names; one server and one store per session):
//   control         the session: title, language, the current board, the boards in use.
//                   The facilitator writes it; participants read it.
//   board/<id>      a board's full document, with every contribution, its author and status.
//                   Only the facilitator's connection may open it.
//   public/<id>     the board as participants may see it: visible entries only, no authors.
//                   Only the server writes it (a projection of board/<id>).
//   admission       who joined (participant ids, first seen), who is blocked, whether joining
//                   is open, removal requests. Only the facilitator's connections open it.
// Tokens: `f:<facilitator token>` (read-write), `h:<helper token>` (a helper moderating from a
// phone: read-only documents, moderation by message; cannot move the slides) or
// `p:<participant secret>` (read-only).
import type { EntryStatus, Moderation } from '../board-doc/status'

export const CONTROL_DOC = 'control'
export const boardDocName = (boardId: string) => `board/${boardId}`
export const publicDocName = (boardId: string) => `public/${boardId}`

export const BOARD_ID = /^[a-z0-9][a-z0-9-]{0,63}$/
/** A participant's secret: 128 random bits or more, base64url. The server stores only a hash of it. */
export const PARTICIPANT_SECRET = /^[\w-]{22,64}$/
export const MESSAGE_ID = /^[\w-]{8,64}$/

export type Role = 'facilitator' | 'helper' | 'participant'

/** A contribution's `_status`, and a board's moderation ('open' or 'queue'): the document core's. */
export type { EntryStatus, Moderation }

/** participant -> server, as a stateless message on the control document */
export type ClientMessage =
  | { t: 'contribute', msg: string, board: string, name?: string, body: unknown, seq?: number, lang?: string }
  | { t: 'mine', board: string }

/** What a helper may do to a board: moderation, never the slides. */
export type ModerationAction = 'approve' | 'hide' | 'show' | 'approve-all' | 'hide-all' | 'lock' | 'unlock' | 'merge'

/** helper -> server, as a stateless message on the control document */
export type HelperMessage =
  | { t: 'moderate', msg: string, board: string, action: ModerationAction, ids?: string[], into?: string }
  | { t: 'queue', board: string }

/** server -> helper: a board's entries to moderate (queued and shown), with the names given */
export interface ModerationView {
  locked: boolean
  entries: { id: string, list: string, text: string, name: string, status: EntryStatus }[]
}

export type RefusalCode = 'invalid' | 'locked' | 'rate' | 'limit' | 'not-yours' | 'no-board' | 'gone' | 'unsaved' | 'blocked'
  /** the operation it builds on (order.ts) has not arrived yet: sent again after `retryAfter` */
  | 'early'
  /** a resend of an operation refused before (order.ts) */
  | 'refused'

/** The admission document (src/live/admission.ts): facilitator-only. */
export const ADMISSION_DOC = 'admission'
/** Per server instance, in the admission document's `stats` map: joins refused, joins held back by the rate. */
export interface AdmissionStats { refused: number, waited: number }

/** server -> participant */
export type ServerMessage =
  /** `superseded`: the phone made a later operation on the same entry, already applied (order.ts) */
  | { t: 'result', msg: string, ok: true, superseded?: true }
  | { t: 'result', msg: string, ok: false, code: RefusalCode, error: string, retryAfter?: number }
  | { t: 'mine', board: string, mine: unknown }
  /** server -> helper: the current entries of a board */
  | { t: 'queue', board: string, view: ModerationView }
  /** server -> facilitator: how many participants are connected */
  | { t: 'joined', count: number }
  /** server -> participant: their own copy of an individual board */
  | OwnServerMessage

/**
 * The control document's `health` map: per server instance (its name), what it cannot do right
 * now, in plain words for the presenter view (empty: all is well). Written by the server.
 */
export const HEALTH_MAP = 'health'
export interface InstanceHealth { problems: string[], at: string }

/** What the control document's `current` map holds while the presenter is on a board. */
export interface CurrentBoard { boardId: string, kind: string, title: string }

/**
 * A field of a phone form, as the server describes it (serialisable: no zod, no board models on
 * the join page). Labels, hints and option labels are already in the session's language.
 */
export interface FieldView {
  key: string
  kind: 'text' | 'choice' | 'multi' | 'number' | 'list' | 'month' | 'date'
  label: string
  hint?: string
  options?: { value: string, label: string }[]
  /** text: most characters; list: most characters per item; number: largest value */
  max?: number
  min?: number
  maxItems?: number
  multiline?: boolean
  required?: boolean
}

/** One list a participant adds entries to (a board's rows, or the charter's proposals). */
export interface ListView {
  /** the list's key: the board's list (`events`) or `proposals` */
  key: string
  /** heading of the list on the phone */
  label: string
  /** the field that names an entry (shown first) */
  title: string
  fields: FieldView[]
}

/** What the join page draws for one board: written by the server into `public/<id>`'s meta.form. */
export interface BoardFormView {
  lists: ListView[]
  /** RACI: participants set the letters of their own activities, for the board's roles */
  cells?: { list: string, label: string, letters: { value: string, label: string }[] }
}

/** The join page's view of its own entries on a board (sent by the server, never the public doc). */
export interface BoardMine {
  /**
   * `merged`: the entry is a duplicate merged into another (hidden from the board, still its
   * sender's): the entry kept, with its fields while it is on the board.
   */
  lists: Record<string, { id: string, status: EntryStatus, row?: Record<string, unknown>, merged?: { id: string, row?: Record<string, unknown> } }[]>
  /** a list under a budget (src/boards/kit/phone.ts): how many entries the participant may still add (votes left) */
  left?: Record<string, number>
  /** RACI: the letters of the participant's own activities, `activity:role` -> letter */
  cells?: Record<string, string>
  /** RACI, on the participant's own copy: its roles (the room's, and the starters) */
  roles?: { id: string, name: string }[]
}

/** Ids that make retries idempotent. getRandomValues works over plain http on a LAN (randomUUID does not). */
export function randomId(bytes = 16): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes))
  let text = ''
  for (const b of raw)
    text += String.fromCharCode(b)
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * The presenter's current timed activity, in the control document's `activity` map under `now`
 * (absent on a slide without one): its steps (titles already in the session's language) and its
 * timer as the facilitator's laptop keeps it. `startedAt` is epoch ms on the laptop, which is the
 * live server's clock: phones read the server's time from `/healthz` and count down locally.
 */
export const ACTIVITY_MAP = 'activity'
export interface CurrentActivity {
  /** the slide's id, so a phone can tell one activity from the next */
  slide: string
  steps: { title: string, seconds: number }[]
  /** epoch ms (server clock) when the timer was last started; null while paused or not started */
  startedAt: number | null
  /** ms run before the last start */
  elapsedBefore: number
  running: boolean
}

/** Where an activity stands `now` (epoch ms, server clock): the step, its time left in seconds. */
export function activityNow(a: CurrentActivity, now: number): { index: number, count: number, title: string, left: number, started: boolean, running: boolean, over: boolean } {
  const elapsed = (a.elapsedBefore + (a.running && a.startedAt !== null ? Math.max(0, now - a.startedAt) : 0)) / 1000
  const started = a.startedAt !== null || a.elapsedBefore > 0
  let end = 0
  for (const [index, s] of a.steps.entries()) {
    end += s.seconds
    if (elapsed < end)
      return { index, count: a.steps.length, title: s.title, left: end - elapsed, started, running: a.running, over: false }
  }
  return { index: a.steps.length, count: a.steps.length, title: '', left: 0, started, running: false, over: started }
}

// Individual boards (a board kind marked `individual` in the registry, src/boards/index.ts):
// each participant has their own copy, `own/<participant id>/<board id>`, kept by the server in
// the cohort's own store (src/live/own-boards.ts), never a Hocuspocus document a phone opens.
//   progress/<id>  the room's progress on an individual board, facilitator-only: `people`
//                  (participant id -> OwnProgress), `show` (the facilitator's choice: key
//                  `participant`) and `shown` (what the server lets the projector show: key
//                  `board`, JSON of OwnShown, only for a participant who agreed on their phone).
export const progressDocName = (boardId: string) => `progress/${boardId}`
/** The control document's `session` map: the kinds of individual boards (JSON array), for the phones. */
export const INDIVIDUAL_KINDS = 'individualKinds'

/** participant -> server (stateless on `control`): their own copy of an individual board. */
export type OwnMessage =
  /** an operation on their own copy: the same bodies as `contribute` */
  | { t: 'own', msg: string, board: string, name?: string, body: unknown, seq?: number, lang?: string }
  | { t: 'own-mine', board: string }
  /** whether the facilitator may show this board of theirs on the projector */
  | { t: 'own-consent', msg: string, board: string, consent: boolean }
  /** their own copy as the board's JSON export (the file the laptop's Export writes) */
  | { t: 'own-export', board: string }
  /** charter builder: take their own earlier boards (modules 1-3) from the server into their charter */
  | { t: 'own-thread', msg: string, board: string }

/** server -> participant */
export type OwnServerMessage =
  | { t: 'own-mine', board: string, mine: BoardMine, consent: boolean, asked: boolean, sections?: Record<string, string> }
  | { t: 'own-export', board: string, file: string, text: string }
  | { t: 'own-thread', msg: string, board: string, added: string[], boards: string[] }

/** One participant's progress on an individual board (how far, never what they wrote). */
export interface OwnProgress {
  /** the name they gave ('' anonymous) */
  name: string
  /** their number in the room (first seen), for anonymous participants: "Person 7" */
  n: number
  /** entries on their board, in all */
  rows: number
  /** the last change, epoch ms */
  at: number
  /** they agreed on their phone that the facilitator may show this board */
  consent: boolean
}

/** What the projector shows of one consenting participant's board. */
export interface OwnShown {
  participant: string
  name: string
  n: number
  kind: string
  mine: BoardMine
  /** charter: the sections' text */
  sections?: Record<string, string>
}
