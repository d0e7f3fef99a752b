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
  /** the list's own words for the server's refusals (English templates; translated with the live server's words) */
  says?: ListWords
}

/**
 * A list's own words for what the server refuses (the idea board's "ideas"); each left out is
 * the kit's general one ("entry", "entries"). `{n}` is the number in question.
 */
export interface ListWords {
  /** changing or withdrawing another participant's entry */
  notYours?: string
  /** an edit of an entry no longer on the board (the facilitator removed it) */
  gone?: string
  /** a change to an entry the facilitator hid */
  hidden?: string
  /** the most entries one participant may add ({n}) */
  mostEach?: string
  /** the board is full ({n} entries) */
  full?: string
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
  /**
   * Entries whose `field` names a row of list `to` (an upvote's question, a vote's idea): counted
   * entries. One is refused unless that row is on the board, visible (`gone`: the words, else "This
   * entry is no longer on the board."); it is never moderated (written without `_status`, never
   * queued, listed or hidden) and never projected as a row: phones see counts (`view.counts`, or a
   * `ranked` list's). Withdrawing a row of `to` (or the facilitator removing it) takes the entries
   * that name it with it: an idea's votes, a question's upvotes.
   */
  refers?: readonly { list: string, field: string, to: string, gone?: string }[]
  /**
   * At most N entries a participant in `list` (votes), N the board's value `field` (its schema
   * gives its range and its default: `votesPerPerson`, 1-10, default 3). Entries naming a row no
   * longer on the board do not count (a vote for a hidden idea is given back). `says`: the refusal
   * ({n}: N). A list under a budget is bounded by it, not by the entries one person may add.
   * A phone's `mine` says how many are left (`left`).
   */
  budget?: readonly { list: string, field: string, says: string }[]
  /**
   * Phones get the top PHONE_PAGE visible rows of `list`, ranked by how many entries of list
   * `by` (one that `refers` to it) name each (most first, then the earliest given, then by id),
   * each with its count, instead of the first page in the board's order; `totals` says how many
   * there are. Projected incrementally: a phone's and the server's cost do not grow with the
   * board. A ranked list is bounded by the session's rows per board, not by the board's own list size.
   */
  ranked?: readonly { list: string, by: string }[]
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
