// The facilitator's connection to a live session, as the boards see it: the join count, who may
// join, the board on the phones, and the progress on an individual board. A board's own document
// reaches the live server through the live sync provider (src/live/provider.ts), as the tab's
// state. The app gives it (setup/main.ts provides the live server's under FACILITATOR_KEY in a
// live session, src/live/facilitator.ts); a board never reaches the live server itself, and without a session (a deck on the web, a component test) it gets the
// inert one here, on which every view says "not live".
import { computed, type ComputedRef, inject, type Ref, shallowRef } from 'vue'
import type { EntryStatus } from '../board-doc'

export const FACILITATOR_KEY = 'kit:facilitator'

/** The board the phones show while its slide is the presenter's current slide. */
export interface BoardOnPhones { boardId: string, kind: string, title: string }

export interface LiveSessionView {
  enabled: boolean
  joined: ComputedRef<number>
  connected: ComputedRef<boolean>
}

export interface AdmissionView {
  enabled: boolean
  removeAll: (author: string) => unknown
  block: (author: string) => unknown
  unblock: (author: string) => unknown
  isBlocked: (author: string) => boolean
}

/** One participant's progress on an individual board (how far, never what they wrote). */
export interface PersonProgress { id: string, name: string, n: number, rows: number, at: number, consent: boolean }

/** What the projector shows of one consenting participant's board. */
export interface ShownBoard {
  participant: string
  name: string
  n: number
  kind: string
  /** the participant's own entries (the live protocol's BoardMine) */
  mine: {
    lists: Record<string, { id: string, status: EntryStatus, row?: Record<string, unknown> }[]>
    /** RACI: `activity:role` -> letter */
    cells?: Record<string, string>
    /** RACI: the roles of their copy */
    roles?: { id: string, name: string }[]
  }
  sections?: Record<string, string>
}

export interface OwnProgressView {
  enabled: boolean
  people: Ref<PersonProgress[]>
  started: ComputedRef<number>
  most: ComputedRef<number>
  shown: Ref<ShownBoard | undefined>
  asked: Ref<string>
  show: (participant: string) => unknown
  /** the facilitator's choice: the room's board (true) or the progress (false), unset until chosen */
  room: Ref<boolean | undefined>
  /** projects the room's board (what was sent to it) in place of the progress, or the progress again */
  showRoom: (on: boolean) => unknown
}

export interface Facilitator {
  session: () => LiveSessionView
  admission: () => AdmissionView
  /** while the calling board's slide is the presenter's current slide, it is on the phones */
  announceBoard: (board: BoardOnPhones) => void
  ownProgress: (boardId: string, enabled?: boolean) => OwnProgressView
}

/** No live session: nothing is connected and every view renders its offline form. */
export const offlineFacilitator: Facilitator = {
  session: () => ({ enabled: false, joined: computed(() => 0), connected: computed(() => false) }),
  admission: () => ({ enabled: false, removeAll: () => {}, block: () => {}, unblock: () => {}, isBlocked: () => false }),
  announceBoard: () => {},
  ownProgress: () => ({ enabled: false, people: shallowRef([]), started: computed(() => 0), most: computed(() => 1), shown: shallowRef(), asked: shallowRef(''), show: () => {}, room: shallowRef(), showRoom: () => {} }),
}

/** The facilitator's connection the app gave, or the offline one. */
export function useFacilitator(): Facilitator {
  return inject<Facilitator>(FACILITATOR_KEY, offlineFacilitator)
}
