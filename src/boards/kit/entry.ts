// What the registry (src/boards/index.ts) knows of a board: everything about it, from its own
// folder (src/boards/<kind>/entry.ts). Plain TypeScript: Node code reads it too.
import type { BoardDefinition } from './board'
import type { BoardSamples, PhoneForm } from './phone'
import type { WorksheetSpec } from './worksheet'

/** A board's own words in each language, keyed by their English text: merged into that language's catalogue (src/i18n). */
export type BoardPhrases = Readonly<Record<string, Readonly<Record<string, string>>>>

export interface BoardEntry<T = any> {
  /** the tag a deck writes, and the name of its view: src/boards/<kind>/<component>.vue */
  component: string
  def: BoardDefinition<T>
  /** the board id when the slide does not give one */
  defaultId: string
  /** its printed worksheet */
  worksheet: WorksheetSpec<T>
  /** its phone form in live mode; none: phones cannot add to it */
  phone?: PhoneForm
  /**
   * Its view moderates its own live entries beside its ranking (the idea board): the shared
   * moderation panel (src/boards/ui/LiveModeration.vue) is left out.
   */
  ownModeration?: boolean
  /** its words beyond the shared buttons, by language code */
  phrases: BoardPhrases
  /**
   * The whole room answers it in a minute or two (a vote, quick answers): not a board people
   * work on, so its slide is not held to a work board's solo time (src/content/check-notes.ts).
   */
  roomWide?: boolean
  /**
   * Each person works on their own case (the decks' notes: `grouping: solo`, "a map of each
   * person's own case", "every charter is personal"): in live mode every participant gets their
   * own copy, filled from their phone and kept by the server under their participant secret
   * (src/live/own-boards.ts); the projector shows the room's progress, not the content. Without
   * it, a board is the whole room's (the idea vote, quick answers).
   */
  individual?: boolean
  /** rows for the tests that go over every board */
  samples: BoardSamples
}

/** Checks an entry's shape where it is written (a board folder's entry.ts). */
export function defineBoard<T>(entry: BoardEntry<T>): BoardEntry<T> {
  return entry
}
