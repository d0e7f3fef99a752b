// The one owner of exercise-board state. Every board calls this and gets the same life cycle:
// a Yjs document per cohort, module and board (shaped and changed by ./board-doc), kept in the
// browser's IndexedDB (./local-store: a reload, a crash or a closed laptop loses nothing, and a
// failed save is said on screen), and shared live between the tabs of one browser (the
// presenter view and the projected slides). Views read `data` and `issues` and write small
// operations; edits are possible only once the saved board has loaded.
import * as Y from 'yjs'
import { computed, onScopeDispose, type Ref, shallowRef } from 'vue'
import { type BoardDefinition, exportJson, importJson, type Result } from '../exercises/board'
import {
  addRow, boardTypes, type BoardRead, initBoardDoc, type Issue, issuesAt, type ListPath, rawJson,
  readBoard, removeRow, resetBoard, setField, updateRow, importBoard,
} from './board-doc'
import { LocalStore, type StoreStatus } from './local-store'

export type { Issue, ListPath } from './board-doc'
export type { StoreStatus } from './local-store'

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
  users: number
  dispose: () => void
}

const docs = new Map<string, SharedDoc>()

export function documentName(cohort: string, boardId: string): string {
  return `community-training/${cohort}/${boardId}`
}

type Message = { t: 'update', u: Uint8Array } | { t: 'sync', sv: Uint8Array, reply: boolean }

/** One Y.Doc per board per browser tab, however many times the slide is rendered (slide, presenter, overview). */
function acquire(name: string, def: BoardDefinition): SharedDoc {
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
  const onUpdate = (update: Uint8Array, from: unknown) => {
    if (from !== channel)
      post({ t: 'update', u: update })
    read.value = readBoard(doc, def)
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
    users: 1,
    dispose: () => {
      offStatus()
      channel?.close()
      store.destroy()
      undo.destroy()
      doc.destroy()
    },
  }
  store.loaded.then(() => {
    if (!docs.has(name))
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
}

export function useExerciseState<T>(boardId: string, def: BoardDefinition<T>, options: { cohort?: string } = {}): ExerciseState<T> {
  const name = documentName(options.cohort || 'default', boardId)
  const shared = acquire(name, def)
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
  }
}
