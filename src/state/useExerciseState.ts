// The one owner of exercise-board state. Every board calls this and gets the same life cycle:
// a Yjs document per cohort, module and board, kept in the browser's IndexedDB (a reload, a
// crash or a closed laptop loses nothing), shared live between the tabs of one browser (the
// presenter view and the projected slides), with validation, undo, reset and JSON import.
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { computed, onScopeDispose, ref, shallowRef, toRaw, type Ref } from 'vue'
import { type BoardDefinition, exportJson, importJson, type Result, validate } from '../exercises/board'
import { readMap, writeMap } from './yjson'

interface SharedDoc {
  doc: Y.Doc
  root: Y.Map<unknown>
  undo: Y.UndoManager
  synced: Promise<void>
  users: number
  dispose: () => void
}

const LOCAL = Symbol('local edit')
const docs = new Map<string, SharedDoc>()

export function documentName(cohort: string, boardId: string): string {
  return `community-training/${cohort}/${boardId}`
}

/** One Y.Doc per board per browser tab, however many times the slide is rendered (slide, presenter, overview). */
function acquire(name: string): SharedDoc {
  const existing = docs.get(name)
  if (existing) {
    existing.users++
    return existing
  }
  const doc = new Y.Doc()
  const root = doc.getMap<unknown>('board')
  const undo = new Y.UndoManager(root, { trackedOrigins: new Set([LOCAL]), captureTimeout: 0 })
  const persistence = typeof indexedDB === 'undefined' ? undefined : new IndexeddbPersistence(name, doc)
  // Other tabs of this browser (the presenter view and the audience window) see edits at once.
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(name)
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== channel)
      channel?.postMessage(update)
  }
  doc.on('update', onUpdate)
  if (channel)
    channel.onmessage = (e: MessageEvent<Uint8Array>) => Y.applyUpdate(doc, new Uint8Array(e.data), channel)
  const shared: SharedDoc = {
    doc,
    root,
    undo,
    users: 1,
    synced: persistence ? persistence.whenSynced.then(() => undefined) : Promise.resolve(),
    dispose: () => {
      channel?.close()
      persistence?.destroy()
      doc.destroy()
    },
  }
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
  data: Readonly<Ref<T>>
  /** false until the saved state has been read from the browser */
  ready: Readonly<Ref<boolean>>
  isEmpty: Readonly<Ref<boolean>>
  canUndo: Readonly<Ref<boolean>>
  /** change a copy of the data; refused (and nothing changes) when the result is not valid */
  update: (change: (draft: T) => void) => Result<T>
  replace: (next: T) => Result<T>
  undo: () => void
  reset: () => void
  exportJson: () => string
  importJson: (text: string) => Result<T>
}

export function useExerciseState<T>(boardId: string, def: BoardDefinition<T>, options: { cohort?: string } = {}): ExerciseState<T> {
  const name = documentName(options.cohort || 'default', boardId)
  const shared = acquire(name)
  const data = shallowRef<T>(def.empty()) as Ref<T>
  const ready = ref(false)
  const undoCount = ref(0)

  const refresh = () => {
    const raw = shared.root.size ? readMap(shared.root) : def.empty()
    const checked = validate(def, raw)
    // A document that fails validation (an older kit, a bad merge) is shown as empty rather than
    // crashing the slide; it is left untouched in storage until someone edits.
    data.value = checked.ok ? checked.data : def.empty()
    undoCount.value = shared.undo.undoStack.length
  }
  shared.root.observeDeep(refresh)
  const onStack = () => { undoCount.value = shared.undo.undoStack.length }
  shared.undo.on('stack-item-added', onStack)
  shared.undo.on('stack-item-popped', onStack)
  refresh()
  shared.synced.then(() => {
    refresh()
    ready.value = true
  })

  onScopeDispose(() => {
    shared.root.unobserveDeep(refresh)
    shared.undo.off('stack-item-added', onStack)
    shared.undo.off('stack-item-popped', onStack)
    release(name)
  })

  function replace(next: T): Result<T> {
    const checked = validate(def, next)
    if (checked.ok)
      shared.doc.transact(() => writeMap(shared.root, checked.data as any), LOCAL)
    return checked
  }

  return {
    data,
    ready,
    isEmpty: computed(() => JSON.stringify(data.value) === JSON.stringify(def.empty())),
    canUndo: computed(() => undoCount.value > 0),
    update: (change) => {
      const draft = structuredClone(toRaw(data.value))
      change(draft)
      return replace(draft)
    },
    replace,
    undo: () => { shared.undo.undo() },
    reset: () => { replace(def.empty()) },
    exportJson: () => exportJson(def, boardId, data.value),
    importJson: (text) => {
      const result = importJson(def, text)
      return result.ok ? replace(result.data) : result
    },
  }
}
