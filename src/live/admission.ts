// Who may join a session, and how fast: limits that hold against one device minting fresh
// participant secrets, without ever banning a room that shares one address.
//
// - A session admits new participants (secrets it has not seen) at a bounded rate, a token bucket
//   per session (`joinBurst`, then `joinsPerSecond`), and up to `participants` in all. A phone
//   over the rate waits (its connection is admitted a few seconds later); one that would wait
//   longer than MAX_JOIN_WAIT is told the room is filling and tries again later.
// - A participant already admitted is never held back (a reconnect storm after a restart).
// - The facilitator may close joining (phones already in keep working), block a participant
//   (their connections are closed, and refused with a message) and remove everything one
//   participant sent. All of this lives in the `admission` document, which only the
//   facilitator's connections may open: participant ids are in no document a phone can read.
import * as Y from 'yjs'
import { ADMISSION_DOC, type AdmissionStats } from './protocol'

export { ADMISSION_DOC }

export interface AdmissionLimits {
  /** new participants a session admits in all */
  participants: number
  /** new participants admitted at once, then `joinsPerSecond` */
  joinBurst: number
  joinsPerSecond: number
}

/** A new participant waits at most this long for the join rate; longer, they are told to try again. */
export const MAX_JOIN_WAIT = 20_000

/** Why a participant's connection is refused, as an English template (words.ts) and its values. */
export interface AdmissionRefusal { error: string, params?: Record<string, string | number> }

export const REFUSED_BLOCKED = 'The facilitator has removed you from this session.'
export const REFUSED_CLOSED = 'Joining is closed: the facilitator has closed this session to new participants.'
export const REFUSED_FULL = 'This session has all the participants it admits ({n}): ask the facilitator.'
export const REFUSED_BUSY = 'Many phones are joining at once: try again in a minute.'

/** The `admission` document's maps. */
export const admissionMaps = (doc: Y.Doc) => ({
  /** participant id -> when first admitted (epoch ms) */
  participants: doc.getMap<number>('participants'),
  /** participant id -> when blocked (epoch ms) */
  blocked: doc.getMap<number>('blocked'),
  /** participant id -> when the facilitator asked for everything they sent to be removed */
  purge: doc.getMap<number>('purge'),
  /** `joining`: 'open' | 'closed' */
  settings: doc.getMap<unknown>('settings'),
  /** per server instance: what its admission refused or held back */
  stats: doc.getMap<AdmissionStats>('stats'),
})

const LOCAL = { source: 'local' } as const

export class Admission {
  private tokens: number
  private at = Date.now()
  /** participants admitted by this instance but not yet in the document */
  private waiting = new Map<string, Promise<AdmissionRefusal | undefined>>()
  private stats: AdmissionStats = { refused: 0, waited: 0 }
  private statsTimer: ReturnType<typeof setTimeout> | undefined

  constructor(private doc: Y.Doc, private limits: AdmissionLimits, private instance: string, private now = () => Date.now()) {
    this.tokens = limits.joinBurst
  }

  private get maps() { return admissionMaps(this.doc) }

  isBlocked(participantId: string): boolean { return this.maps.blocked.has(participantId) }
  isAdmitted(participantId: string): boolean { return this.maps.participants.has(participantId) }
  joiningClosed(): boolean { return this.maps.settings.get('joining') === 'closed' }
  /** When the participant was first admitted (epoch ms), if they were. */
  firstSeen(participantId: string): number | undefined {
    const at = this.maps.participants.get(participantId)
    return typeof at === 'number' ? at : undefined
  }

  /** The participant's place among those admitted, by first seen (1: the first), 0 if not admitted. */
  placeOf(participantId: string): number {
    const first = this.firstSeen(participantId)
    if (first === undefined)
      return 0
    let n = 1
    for (const [id, at] of this.maps.participants.entries()) {
      if (typeof at === 'number' && (at < first || (at === first && id < participantId)))
        n++
    }
    return n
  }

  /** Admits a participant (waiting for the join rate if need be), or says why not. */
  admit(participantId: string): Promise<AdmissionRefusal | undefined> {
    if (this.isBlocked(participantId))
      return Promise.resolve({ error: REFUSED_BLOCKED })
    if (this.isAdmitted(participantId))
      return Promise.resolve(undefined)
    let pending = this.waiting.get(participantId)
    if (!pending) {
      pending = this.join(participantId).finally(() => this.waiting.delete(participantId))
      this.waiting.set(participantId, pending)
    }
    return pending
  }

  private async join(participantId: string): Promise<AdmissionRefusal | undefined> {
    const refused = (r: AdmissionRefusal) => {
      this.count('refused')
      return r
    }
    if (this.joiningClosed())
      return refused({ error: REFUSED_CLOSED })
    // Those waiting count: a device cannot queue past the cap.
    if (this.maps.participants.size + this.waiting.size >= this.limits.participants)
      return refused({ error: REFUSED_FULL, params: { n: this.limits.participants } })
    // The session's bucket; a token taken ahead is a place in the queue.
    const now = this.now()
    this.tokens = Math.min(this.limits.joinBurst, this.tokens + (now - this.at) / 1000 * this.limits.joinsPerSecond)
    this.at = now
    const wait = this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.limits.joinsPerSecond * 1000)
    if (wait > MAX_JOIN_WAIT)
      return refused({ error: REFUSED_BUSY })
    this.tokens -= 1
    if (wait) {
      this.count('waited')
      await new Promise(resolve => setTimeout(resolve, wait))
      // The facilitator may have closed joining or blocked them meanwhile.
      if (this.isBlocked(participantId))
        return { error: REFUSED_BLOCKED }
      if (this.joiningClosed())
        return refused({ error: REFUSED_CLOSED })
    }
    if (!this.isAdmitted(participantId))
      this.doc.transact(() => this.maps.participants.set(participantId, this.now()), LOCAL)
    return undefined
  }

  /** Counts refused and held-back joins for the presenter view (written at most once a second). */
  private count(what: keyof AdmissionStats) {
    this.stats[what]++
    if (this.statsTimer)
      return
    this.statsTimer = setTimeout(() => {
      this.statsTimer = undefined
      this.doc.transact(() => this.maps.stats.set(this.instance, { ...this.stats }), LOCAL)
    }, 1000)
    this.statsTimer.unref?.()
  }

  stop() {
    clearTimeout(this.statsTimer)
  }
}

/** Maps of a board document that hold participants' rows (ideas, votes, list rows, proposals). */
const ROW_MAPS = /^(ideas|votes|proposals|rows:.+)$/

/**
 * Removes every row one participant wrote from a board document (their ideas, votes, entries,
 * proposals, whatever their status). Returns how many rows went.
 */
export function removeAuthor(doc: Y.Doc, participantId: string): number {
  let removed = 0
  for (const name of [...doc.share.keys()]) {
    if (!ROW_MAPS.test(name))
      continue
    const map = doc.getMap<unknown>(name)
    for (const [key, row] of [...map.entries()]) {
      if (row instanceof Y.Map && row.get('_author') === participantId) {
        map.delete(key)
        removed++
      }
    }
  }
  return removed
}
