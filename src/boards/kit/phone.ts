// What a board says about its phone form (`phone` in its registry entry): which lists a
// participant adds to, with which of the board's own fields, and the RACI letters and charter
// proposals that are not rows. The live server builds its adapter from it
// (src/live/adapters.ts, src/live/list-board.ts). Plain TypeScript, no Yjs.
import type { FieldDef } from './fields'

export interface LiveList {
  /** the board's top-level list of rows (`events`), or `proposals` (charter) */
  key: string
  /** heading on the phone (English; translated with the boards' phrasebook) */
  label: string
  /** the field that names an entry */
  title: string
  fields: readonly FieldDef[]
}

export interface PhoneForm {
  lists: readonly LiveList[]
  /** RACI: participants set letters on their own activities (the list named here) for the board's roles */
  cells?: { list: string, record: string, roles: string, letters: readonly { value: string, label: string }[] }
  /** Charter: the single-value sections a participant may propose text for */
  proposals?: readonly { path: string, label: string }[]
  /**
   * One entry a participant in a list (a vote: changed by editing it), or, with `field`, one
   * per value of that field (an upvote per question). The server refuses a second one.
   */
  onePer?: readonly { list: string, field?: string }[]
  /** Entries whose `field` names a row of list `to` (an upvote's question): refused unless that row is on the board, visible. */
  refers?: readonly { list: string, field: string, to: string }[]
  /** What phones see beyond the rows, from the board's visible data: see PhoneView. */
  view?: (data: any) => PhoneView
}

/**
 * What phones are shown beyond a board's rows (src/live/adapters.ts projects it): the slide's
 * question, the labels of a choice field taken from the board's data (a poll's options, in the
 * order of the field's values), and a count and a mark per row (a question's upvotes, answered).
 */
export interface PhoneView {
  prompt?: string
  /** list -> field -> the labels of its options, in order ('1' is the first) */
  choices?: Record<string, Record<string, readonly string[]>>
  /** row id -> a count shown with it */
  counts?: Record<string, number>
  /** ids of rows marked (a question answered) */
  marked?: readonly string[]
  /** lists where a participant has one entry (onePer without a field): their phone offers to change it, not to add another */
  single?: readonly string[]
}

/** The idea board keeps its own live adapter (src/live/idea-vote.ts) until it is an ordinary board. */
export interface IdeaPhoneForm { ideas: true }

/** The list of a charter's proposals. */
export const PROPOSALS = 'proposals'

/**
 * A board's sample rows for the tests that go over every board: a phone's entry (a valid row,
 * an invalid one and the words its refusal holds), participants' rows on the board (their own
 * words start with "Qz"), and what the laptop's Add form is filled with and then shows.
 */
export interface BoardSamples {
  phone?: {
    list: string
    /** the field that names an entry */
    title: string
    row: Record<string, unknown>
    invalid: Record<string, unknown>
    says: RegExp
  }
  /** merged into the board's empty state; user text starts with "Qz" */
  rows?: Record<string, unknown>
  /** the laptop's Add form (field key -> value) and what the board then shows */
  form?: { fill: Record<string, string | number>, shows: RegExp }
}
