// The live server as a sync provider of a board's document (the interface is the document
// core's, src/board-doc/sync.ts): in a live session (`npm run live` gives this laptop's deck the
// server's address) a board's document is kept in sync with the server's `board/<id>` over the
// facilitator's connection, and its local copy is kept per session. The deck's app set-up
// (setup/main.ts) hands it to the boards' scope (src/state/useBoardScope.ts); the tab's state
// never imports it. Small on purpose: the Hocuspocus client and its connection are loaded when a
// board first opens in a live session, not with the deck.
import { watch } from 'vue'
import type { SyncConnection, SyncProvider } from '../board-doc'
import { liveConfig } from './config'

export const liveSync: SyncProvider = {
  id: 'live',
  scope: () => liveConfig()?.session,
  open({ boardId, doc }) {
    const config = liveConfig()
    if (!config)
      return undefined
    let connection: SyncConnection = 'connecting'
    const listeners = new Set<(c: SyncConnection) => void>()
    let closed = false
    let close = () => {}
    const loaded = import('./client').then(({ attachBoardDoc }) => {
      if (closed)
        return false
      const attached = attachBoardDoc(boardId, doc, config)
      const stop = watch(attached.connection, (c) => {
        connection = c
        for (const listener of listeners) listener(c)
      }, { flush: 'sync' })
      close = () => {
        stop()
        attached.destroy()
      }
      return attached.firstSync
    })
    return {
      loaded,
      connection: {
        now: () => connection,
        watch: (listener) => {
          listeners.add(listener)
          return () => listeners.delete(listener)
        },
      },
      destroy: () => {
        closed = true
        close()
      },
    }
  },
}
