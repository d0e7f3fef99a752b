// The browser's own sync providers (the interface is the document core's, src/board-doc/sync.ts):
// the board's copy in this browser's IndexedDB, and the other tabs of this browser (the presenter
// view and the projected slides) over a BroadcastChannel. useExerciseState always opens these
// two; a live session's provider comes from the caller (src/live/provider.ts).
import * as Y from 'yjs'
import type { SyncLink, SyncProvider, SyncTarget } from '../board-doc'
import { LocalStore } from './local-store'

/** The board's copy in this browser: loaded before the board opens, every change saved. */
export function localStorageLink({ doc, name }: SyncTarget): SyncLink & { store: LocalStore } {
  const store = new LocalStore(name, doc)
  return { store, loaded: store.loaded, destroy: () => store.destroy() }
}

export const localStorageSync: SyncProvider = { id: 'local', open: localStorageLink }

type Message = { t: 'update', u: Uint8Array } | { t: 'sync', sv: Uint8Array, reply: boolean }

/**
 * Other tabs of this browser see edits at once. A tab that opens (or loads) asks the others for
 * what it is missing, so an update sent before it listened is not lost.
 */
export const tabsSync: SyncProvider = {
  id: 'tabs',
  open({ doc, name }) {
    if (typeof BroadcastChannel === 'undefined')
      return undefined
    const channel = new BroadcastChannel(name)
    const post = (m: Message) => channel.postMessage(m)
    const askOthers = () => post({ t: 'sync', sv: Y.encodeStateVector(doc), reply: false })
    const onUpdate = (update: Uint8Array, from: unknown) => {
      if (from !== channel)
        post({ t: 'update', u: update })
    }
    doc.on('update', onUpdate)
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
    askOthers()
    return {
      ready: askOthers,
      destroy: () => {
        doc.off('update', onUpdate)
        channel.close()
      },
    }
  },
}
