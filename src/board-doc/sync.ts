// How a board's document is kept in step with other copies of it: one interface for every sync
// provider (the browser's storage, the other tabs of this browser, the live server), as Slidev's
// `syncState` takes its sync methods. The tab's state (src/state/useExerciseState.ts) opens the
// providers its caller chooses; a provider lives with what it talks to (src/state/sync.ts for
// the browser's own, src/live/provider.ts for the live server). No Vue, no DOM.
import type * as Y from 'yjs'
import type { DocDefinition } from './definition'

export type SyncConnection = 'connecting' | 'online' | 'offline'

/** The document a provider links, and what it is. */
export interface SyncTarget {
  boardId: string
  def: DocDefinition
  doc: Y.Doc
  /** the local copy's name (per cohort, and per live session: see `SyncProvider.scope`) */
  name: string
}

export interface SyncLink {
  /** resolves once this provider's copy is in the document: the board opens when every link's has */
  loaded?: Promise<unknown>
  /** called once the loaded board is initialised (the tabs then ask each other for what they lack) */
  ready?: () => void
  /** a server's connection, now and on each change (the board's live side is enabled while one is linked) */
  connection?: { now: () => SyncConnection, watch: (listener: (c: SyncConnection) => void) => () => void }
  destroy: () => void
}

export interface SyncProvider {
  /** 'local', 'tabs', 'live': for messages and tests */
  id: string
  /**
   * A copy this provider keeps apart, as part of the local copy's name (a live session's name:
   * a rehearsal's rows never merge into a session), or undefined.
   */
  scope?: (boardId: string, def: DocDefinition) => string | undefined
  /** links the document, or undefined when this provider has nothing to do for this board */
  open: (target: SyncTarget) => SyncLink | undefined
}

