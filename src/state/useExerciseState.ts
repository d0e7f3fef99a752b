// The one owner of exercise-board state. Every board calls this and gets the same life cycle:
// a Yjs document per cohort, module and board (shaped and changed by the document core,
// src/board-doc/), kept by sync providers through one interface (src/board-doc/sync.ts): the
// browser's IndexedDB (./sync.ts: a reload, a crash or a closed laptop loses nothing, and a
// failed save is said on screen), the other tabs of one browser (the presenter view and the
// projected slides), and whatever the caller adds. Views read `data` and `issues` and write
// small operations; edits are possible only once the saved board has loaded.
//
// In a live session the caller adds the live server's provider (src/live/provider.ts, which the
// deck's app set-up gives every board's scope, ./useBoardScope.ts): the document is then also
// kept in sync with the server's `board/<id>`, where the participants' contributions arrive; the
// local copy is kept per session (a rehearsal's rows never merge into a session), and it stays:
// nothing is lost if the server dies, and what is typed meanwhile is sent when it is back. The
// board opens once every provider's copy has loaded (the live one gives up after a few seconds,
// saying it is offline).
import * as Y from 'yjs'
import { computed, onScopeDispose, type Ref, shallowRef } from 'vue'
import {
  addRow, boardTypes, type BoardRead, type DocDefinition, type EntryStatus, exportJson, importBoard, importJson,
  initBoardDoc, type Issue, issuesAt, type ListPath, type LiveEntry, liveEntries, type LiveMeta, liveMeta,
  type Moderation, type Proposal, proposals, rawJson, readBoard, removeRow, resetBoard, type Result, setField,
  setLocked, setModeration, setProposalStatus, setRowStatus, type SyncConnection, type SyncLink, type SyncProvider,
  updateRow, useProposal, mergedEntries, mergeEntries, rowsMap, setRowsStatus, type Undo,
} from '../board-doc'
import type { LocalStore, StoreStatus } from './local-store'
import { localStorageLink, tabsSync } from './sync'

export type { Issue, ListPath, LiveEntry, LiveMeta, Proposal, SyncProvider } from '../board-doc'
export type { StoreStatus } from './local-store'
/** A live server's connection, as the board shows it. */
export type LiveConnection = SyncConnection

/** What a board's caller chooses: the cohort its copy belongs to, and the sync providers beyond this browser's own. */
export interface BoardScope {
  cohort?: string
  sync?: readonly SyncProvider[]
  /** a read-only board to view instead (see `ReadOnlyBoard`): no storage, no sync, no writes */
  readOnly?: ReadOnlyBoard
}

/**
 * Someone else's board, viewed (a participant's own board on the projector, with their
 * consent): a document of its own, filled once by `fill` and then never written, saved in this
 * browser, sent to its other tabs or to the live server. The board's view draws it as it draws
 * its own; every write is refused (`editable` stays false).
 */
export interface ReadOnlyBoard {
  fill: (doc: Y.Doc, def: DocDefinition, boardId: string) => void
  /** whose board it is (the participant), so that its pages are its own (useBoardPages) */
  key?: string
}

interface LiveState {
  connection: Ref<LiveConnection>
  entries: Ref<LiveEntry[]>
  proposals: Ref<Proposal[]>
  meta: Ref<LiveMeta>
}

interface SharedDoc {
  def: DocDefinition
  doc: Y.Doc
  undo: Y.UndoManager
  store: Pick<LocalStore, 'status' | 'whenSaved' | 'onStatus'>
  /** a board viewed, never written (BoardScope.readOnly) */
  readOnly?: boolean
  /** this tab's own edits: what its undo undoes */
  origin: symbol
  read: Ref<BoardRead<any>>
  ready: Ref<boolean>
  unreadable: Ref<string | null>
  storage: Ref<StoreStatus>
  undoCount: Ref<number>
  /** with a server's provider (a live session): its connection and the raw contributions */
  live?: LiveState
  users: number
  dispose: () => void
}

const docs = new Map<string, SharedDoc>()

/** The board's local document: per cohort, and in a live session per session as well. */
export function documentName(cohort: string, boardId: string, session?: string): string {
  return session ? `community-training/${cohort}/live/${session}/${boardId}` : `community-training/${cohort}/${boardId}`
}

/** One Y.Doc per board per browser tab, however many times the slide is rendered (slide, presenter, overview). */
function acquire(name: string, boardId: string, def: DocDefinition, providers: readonly SyncProvider[]): SharedDoc {
  const existing = docs.get(name)
  if (existing) {
    existing.users++
    return existing
  }
  const doc = new Y.Doc()
  const origin = Symbol('this tab')
  const undo = new Y.UndoManager(boardTypes(doc, def), { trackedOrigins: new Set([origin]), captureTimeout: 0 })
  const target = { boardId, def, doc, name }
  const local = localStorageLink(target)
  const { store } = local
  const links: SyncLink[] = [local, ...[tabsSync, ...providers].map(p => p.open(target)).filter(l => l !== undefined)]
  const read = shallowRef(readBoard(doc, def))
  const ready = shallowRef(false)
  const unreadable = shallowRef<string | null>(null)
  const storage = shallowRef<StoreStatus>(store.status)
  const undoCount = shallowRef(0)

  const server = links.find(l => l.connection)?.connection
  const live: LiveState | undefined = server && {
    connection: shallowRef(server.now()),
    entries: shallowRef(liveEntries(doc, def)),
    proposals: shallowRef(proposals(doc)),
    meta: shallowRef(liveMeta(doc)),
  }
  const offConnection = live && server?.watch((c) => { live.connection.value = c })
  const onUpdate = () => {
    read.value = readBoard(doc, def)
    if (live) {
      live.entries.value = liveEntries(doc, def)
      live.proposals.value = proposals(doc)
      live.meta.value = liveMeta(doc)
    }
  }
  doc.on('update', onUpdate)
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
      offConnection?.()
      for (const link of [...links].reverse())
        link.destroy()
      undo.destroy()
      doc.destroy()
    },
  }
  // Every provider's copy first (a live server's too, or, if it does not answer soon, the local
  // copy alone), so that a new board is not started beside the saved one or the session's.
  Promise.all(links.map(l => l.loaded)).then(() => {
    if (docs.get(name) !== shared)
      return
    const status = initBoardDoc(doc, def)
    unreadable.value = status.state === 'unreadable' ? status.reason : null
    read.value = readBoard(doc, def)
    ready.value = true
    for (const link of links)
      link.ready?.()
  })
  docs.set(name, shared)
  return shared
}

const VIEWED: StoreStatus = { state: 'saved' }

/** A read-only board (BoardScope.readOnly): its own document, outside the shared ones, linked to nothing. */
function viewOnly(boardId: string, def: DocDefinition, board: ReadOnlyBoard): SharedDoc {
  const doc = new Y.Doc()
  const unreadable = shallowRef<string | null>(null)
  const status = initBoardDoc(doc, def)
  if (status.state === 'unreadable')
    unreadable.value = status.reason
  else
    board.fill(doc, def, boardId)
  const undo = new Y.UndoManager(boardTypes(doc, def), { trackedOrigins: new Set() })
  return {
    def,
    doc,
    undo,
    store: { status: VIEWED, whenSaved: () => Promise.resolve(VIEWED), onStatus: () => () => {} },
    readOnly: true,
    origin: Symbol('viewed'),
    read: shallowRef(readBoard(doc, def)),
    ready: shallowRef(true),
    unreadable,
    storage: shallowRef(VIEWED),
    undoCount: shallowRef(0),
    users: 1,
    dispose: () => {
      undo.destroy()
      doc.destroy()
    },
  }
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
  /** shows, hides or approves many contributions in one step (approve all, hide all); returns its undo */
  setStatuses: (list: string, rowIds: readonly string[], status: EntryStatus) => Undo | undefined
  /** merges duplicates into the entry kept (src/board-doc/merge.ts, or the board's own `mergeRows`); returns the step's undo */
  merge: (list: string, target: string, sources: readonly string[]) => Undo | undefined
  /** merged entries (`<list>/<id>`) and the entry each went into */
  merged: Readonly<Ref<Map<string, string>>>
}

/**
 * The state of board `boardId`. `scope.sync` adds providers (a live session's server) to this
 * browser's own storage and tabs; a provider's `scope` keeps its copy apart.
 */
export function useExerciseState<T>(boardId: string, def: DocDefinition<T>, scope: BoardScope = {}): ExerciseState<T> {
  const providers = scope.sync ?? []
  const session = providers.map(p => p.scope?.(boardId, def)).find(s => s !== undefined)
  const name = documentName(scope.cohort || 'default', boardId, session)
  const shared = scope.readOnly ? viewOnly(boardId, def, scope.readOnly) : acquire(name, boardId, def, providers)
  const { doc, origin } = shared
  // Released a moment later: the fields of an unmounting board still save what was typed.
  onScopeDispose(() => queueMicrotask(() => (shared.readOnly ? shared.dispose() : release(name))))

  const editable = computed(() => shared.ready.value && !shared.unreadable.value && !shared.readOnly)
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
    setStatuses: (list, ids, status) => when(undefined, () => setRowsStatus(doc, rowsMap(doc, list.split('.')), ids, status)),
    merge: (list, target, sources) => when(undefined, () => (def.mergeRows ? def.mergeRows(doc, list, target, sources) : mergeEntries(doc, list, target, sources))),
    // Read again whenever the entries are (every change of the document).
    merged: computed(() => (live?.entries.value, mergedEntries(doc, [...new Set((live?.entries.value ?? []).map(e => e.list))]))),
  }
}
