// The one owner of exercise-board state. Every board calls this and gets the same life cycle:
// a Yjs document per cohort, module and board (shaped and changed by ./board-doc), kept in the
// browser's IndexedDB (./local-store: a reload, a crash or a closed laptop loses nothing, and a
// failed save is said on screen), and shared live between the tabs of one browser (the
// presenter view and the projected slides). Views read `data` and `issues` and write small
// operations; edits are possible only once the saved board has loaded.
//
// In a live session (src/live/client.ts: `npm run live` gives this laptop's deck the server's
// address) the document is also kept in sync with the live server's `board/<id>`, where the
// participants' contributions arrive; the local copy is kept per session (a rehearsal's rows
// never merge into a session), and it stays: nothing is lost if the server dies, and what is
// typed meanwhile is sent when it is back. The board opens once the local copy and the
// server's have loaded, or, when the server does not answer within a few seconds, from the
// local copy alone, saying it is offline.
import * as Y from 'yjs'
import { computed, onScopeDispose, type Ref, shallowRef } from 'vue'
import { type BoardDefinition, exportJson, importJson, type Result } from '../boards/kit/board'
import { ideaVote } from '../boards/idea-vote/model'
import { attachBoardDoc, type LiveConfig, liveConfig, type LiveConnection } from '../live/client'
import type { EntryStatus, Moderation } from '../live/protocol'
import {
  addRow, boardTypes, type BoardRead, importBoard, initBoardDoc, type Issue, issuesAt, type ListPath,
  type LiveEntry, liveEntries, type LiveMeta, liveMeta, type Proposal, proposals, rawJson, readBoard,
  removeRow, resetBoard, setField, setLocked, setModeration, setProposalStatus, setRowStatus, updateRow,
  useProposal,
} from './board-doc'
import { LocalStore, type StoreStatus } from './local-store'
import { mergedEntries, mergeEntries, type Undo } from './board-merge'

export type { Issue, ListPath, LiveEntry, LiveMeta, Proposal } from './board-doc'
export type { StoreStatus } from './local-store'
export type { LiveConnection } from '../live/client'

/**
 * Whether a board's state is synced with the live server's document. The idea board's live
 * document has a layout of its own (src/live/idea-vote.ts): IdeaVote reads it directly and
 * copies the results into its saved board.
 */
export function syncsLive(def: BoardDefinition): boolean {
  return def.kind !== ideaVote.kind
}

interface LiveState {
  connection: Ref<LiveConnection>
  entries: Ref<LiveEntry[]>
  proposals: Ref<Proposal[]>
  meta: Ref<LiveMeta>
}

interface SharedDoc {
  def: BoardDefinition
  doc: Y.Doc
  undo: Y.UndoManager
  store: LocalStore
  /** this tab's own edits: what its undo undoes */
  origin: symbol
  read: Ref<BoardRead<any>>
  ready: Ref<boolean>
  unreadable: Ref<string | null>
  storage: Ref<StoreStatus>
  undoCount: Ref<number>
  /** in a live session: the server connection and the raw contributions */
  live?: LiveState
  users: number
  dispose: () => void
}

const docs = new Map<string, SharedDoc>()

/** The board's local document: per cohort, and in a live session per session as well. */
export function documentName(cohort: string, boardId: string, session?: string): string {
  return session ? `community-training/${cohort}/live/${session}/${boardId}` : `community-training/${cohort}/${boardId}`
}

type Message = { t: 'update', u: Uint8Array } | { t: 'sync', sv: Uint8Array, reply: boolean }

/** One Y.Doc per board per browser tab, however many times the slide is rendered (slide, presenter, overview). */
function acquire(name: string, def: BoardDefinition, server?: { boardId: string, config: LiveConfig }): SharedDoc {
  const existing = docs.get(name)
  if (existing) {
    existing.users++
    return existing
  }
  const doc = new Y.Doc()
  const origin = Symbol('this tab')
  const undo = new Y.UndoManager(boardTypes(doc, def), { trackedOrigins: new Set([origin]), captureTimeout: 0 })
  const store = new LocalStore(name, doc)
  const read = shallowRef(readBoard(doc, def))
  const ready = shallowRef(false)
  const unreadable = shallowRef<string | null>(null)
  const storage = shallowRef<StoreStatus>(store.status)
  const undoCount = shallowRef(0)

  // Other tabs of this browser see edits at once. A tab that opens (or loads) asks the others
  // for what it is missing, so an update sent before it listened is not lost.
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(name)
  const post = (m: Message) => channel?.postMessage(m)
  const attached = server ? attachBoardDoc(server.boardId, doc, server.config) : undefined
  const live: LiveState | undefined = attached && {
    connection: attached.connection,
    entries: shallowRef(liveEntries(doc, def)),
    proposals: shallowRef(proposals(doc)),
    meta: shallowRef(liveMeta(doc)),
  }
  const onUpdate = (update: Uint8Array, from: unknown) => {
    if (from !== channel)
      post({ t: 'update', u: update })
    read.value = readBoard(doc, def)
    if (live) {
      live.entries.value = liveEntries(doc, def)
      live.proposals.value = proposals(doc)
      live.meta.value = liveMeta(doc)
    }
  }
  doc.on('update', onUpdate)
  if (channel) {
    channel.onmessage = (e: MessageEvent<Message>) => {
      const m = e.data
      if (m.t === 'update') {
        Y.applyUpdate(doc, new Uint8Array(m.u), channel)
      }
      else if (m.t === 'sync') {
        post({ t: 'update', u: Y.encodeStateAsUpdate(doc, new Uint8Array(m.sv)) })
        if (!m.reply)
          post({ t: 'sync', sv: Y.encodeStateVector(doc), reply: true })
      }
    }
    post({ t: 'sync', sv: Y.encodeStateVector(doc), reply: false })
  }
  const onStack = () => { undoCount.value = undo.undoStack.length }
  undo.on('stack-item-added', onStack)
  undo.on('stack-item-popped', onStack)
  undo.on('stack-cleared', onStack)
  const offStatus = store.onStatus((s) => { storage.value = s })

  const shared: SharedDoc = {
    def,
    doc,
    undo,
    store,
    origin,
    read,
    ready,
    unreadable,
    storage,
    undoCount,
    live,
    users: 1,
    dispose: () => {
      offStatus()
      attached?.destroy()
      channel?.close()
      store.destroy()
      undo.destroy()
      doc.destroy()
    },
  }
  // Live: the server's copy too (or, if it does not answer soon, the local copy alone), so that
  // a new board is not started beside the session's.
  Promise.all([store.loaded, attached?.firstSync]).then(() => {
    if (docs.get(name) !== shared)
      return
    const status = initBoardDoc(doc, def)
    unreadable.value = status.state === 'unreadable' ? status.reason : null
    read.value = readBoard(doc, def)
    ready.value = true
    post({ t: 'sync', sv: Y.encodeStateVector(doc), reply: false })
  })
  docs.set(name, shared)
  return shared
}

function release(name: string): void {
  const shared = docs.get(name)
  if (shared && --shared.users === 0) {
    docs.delete(name)
    shared.dispose()
  }
}

export interface ExerciseState<T> {
  /** the board as stored: every row, values as typed (see `issues` for what is wrong) */
  data: Readonly<Ref<T>>
  /** what is wrong with which field; shown beside it, never blocking */
  issues: Readonly<Ref<Issue[]>>
  issuesAt: (path: readonly string[]) => Issue[]
  /** false until the saved state has been read from the browser */
  ready: Readonly<Ref<boolean>>
  /** true once loaded and readable by this kit: the controls that change the board are enabled */
  editable: Readonly<Ref<boolean>>
  /** why the saved board cannot be read (it is then shown read-only and never overwritten) */
  unreadable: Readonly<Ref<string | null>>
  /** whether the browser is keeping the board */
  storage: Readonly<Ref<StoreStatus>>
  canUndo: Readonly<Ref<boolean>>
  addRow: (list: ListPath, row: Record<string, unknown>) => string | undefined
  updateRow: (list: ListPath, rowId: string, patch: Record<string, unknown>) => boolean
  removeRow: (list: ListPath, rowId: string) => boolean
  /** one value: `['threshold']`, `['vision', 'with']`, `['cells', key]` (undefined removes it) */
  set: (path: readonly string[], value: unknown) => boolean
  /** several operations as one change (one undo step) */
  batch: (change: () => void) => void
  undo: () => void
  reset: () => void
  exportJson: () => string
  /** the document as stored, for a board this kit cannot read */
  rawJson: () => string
  importJson: (text: string) => Result<T>
  /** resolves once every change so far is saved in the browser (or failed to be) */
  whenSaved: () => Promise<StoreStatus>
  /** the live session's side of the board: enabled only while one runs, for boards it syncs */
  live: LiveBoard
}

export interface LiveBoard {
  enabled: boolean
  /** 'connecting' until the server's copy is in; 'offline' while it cannot be reached */
  connection: Readonly<Ref<LiveConnection | 'off'>>
  /** every row of the board's lists, any status (the moderation panel's view) */
  entries: Readonly<Ref<LiveEntry[]>>
  proposals: Readonly<Ref<Proposal[]>>
  locked: Readonly<Ref<boolean>>
  moderation: Readonly<Ref<Moderation>>
  /** show, hide or approve a contribution (not undone by the board's undo) */
  setStatus: (list: ListPath, rowId: string, status: EntryStatus) => boolean
  setLocked: (locked: boolean) => void
  setModeration: (moderation: Moderation) => void
  /** copies a charter proposal into its field (one undo step) and marks it used */
  useProposal: (proposalId: string) => boolean
  setProposalStatus: (proposalId: string, status: EntryStatus) => boolean
  /** merges duplicates into the entry kept (src/state/board-merge.ts); returns the step's undo */
  merge: (list: string, target: string, sources: readonly string[]) => Undo | undefined
  /** merged entries (`<list>/<id>`) and the entry each went into */
  merged: Readonly<Ref<Map<string, string>>>
}

export function useExerciseState<T>(boardId: string, def: BoardDefinition<T>, options: { cohort?: string } = {}): ExerciseState<T> {
  const config = syncsLive(def) ? liveConfig() : undefined
  const name = documentName(options.cohort || 'default', boardId, config?.session)
  const shared = acquire(name, def, config && { boardId, config })
  const { doc, origin } = shared
  // Released a moment later: the fields of an unmounting board still save what was typed.
  onScopeDispose(() => queueMicrotask(() => release(name)))

  const editable = computed(() => shared.ready.value && !shared.unreadable.value)
  const data = computed(() => shared.read.value.data as T)
  // Writes before loading would start a second board beside the saved one: refused (the
  // controls are disabled until then anyway).
  const guard = <R>(fallback: R, write: () => R): R => (editable.value ? write() : fallback)

  return {
    data,
    issues: computed(() => shared.read.value.issues),
    issuesAt: path => issuesAt(shared.read.value.issues, path),
    ready: shared.ready,
    editable,
    unreadable: shared.unreadable,
    storage: shared.storage,
    canUndo: computed(() => editable.value && shared.undoCount.value > 0),
    addRow: (list, row) => guard(undefined, () => addRow(doc, def, list, row, origin)),
    updateRow: (list, id, patch) => guard(false, () => updateRow(doc, def, list, id, patch, origin)),
    removeRow: (list, id) => guard(false, () => removeRow(doc, def, list, id, origin)),
    set: (path, value) => guard(false, () => setField(doc, def, path, value, origin)),
    batch: change => guard(undefined, () => doc.transact(change, origin)),
    undo: () => guard(undefined, () => { shared.undo.undo() }),
    reset: () => guard(undefined, () => resetBoard(doc, def, origin)),
    exportJson: () => exportJson(def, boardId, data.value),
    rawJson: () => rawJson(doc),
    importJson: (text) => {
      if (!editable.value)
        return { ok: false, error: 'The board is not ready for changes.' }
      const result = importJson(def, text)
      return result.ok ? importBoard(doc, def, result.data, origin) : result
    },
    whenSaved: () => shared.store.whenSaved(),
    live: liveBoard(shared, editable),
  }
}

const NO_ENTRIES = shallowRef<LiveEntry[]>([])
const NO_PROPOSALS = shallowRef<Proposal[]>([])

function liveBoard(shared: SharedDoc, editable: Readonly<Ref<boolean>>): LiveBoard {
  const { doc, def, origin, live } = shared
  const when = <R>(fallback: R, write: () => R): R => (live && editable.value ? write() : fallback)
  return {
    enabled: !!live,
    connection: computed(() => live?.connection.value ?? 'off'),
    entries: live?.entries ?? NO_ENTRIES,
    proposals: live?.proposals ?? NO_PROPOSALS,
    locked: computed(() => live?.meta.value.locked ?? false),
    moderation: computed(() => live?.meta.value.moderation ?? 'open'),
    setStatus: (list, id, status) => when(false, () => setRowStatus(doc, def, list, id, status)),
    setLocked: value => when(undefined, () => setLocked(doc, def, value)),
    setModeration: value => when(undefined, () => setModeration(doc, def, value)),
    useProposal: id => when(false, () => useProposal(doc, def, id, origin)),
    setProposalStatus: (id, status) => when(false, () => setProposalStatus(doc, id, status)),
    merge: (list, target, sources) => when(undefined, () => mergeEntries(doc, list, target, sources)),
    // Read again whenever the entries are (every change of the document).
    merged: computed(() => (live?.entries.value, mergedEntries(doc, [...new Set((live?.entries.value ?? []).map(e => e.list))]))),
  }
}
