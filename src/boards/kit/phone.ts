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
