// The live server as a sync provider of a board's document (the interface is the document
// core's, src/board-doc/sync.ts): in a live session (`npm run live` gives this laptop's deck the
// server's address) a board's document is kept in sync with the server's `board/<id>` over the
// facilitator's connection, and its local copy is kept per session. The boards' scope
// (src/boards/ui/scope.ts) hands it to the tab's state; the state never imports this.
import { watch } from 'vue'
import type { DocDefinition, SyncProvider } from '../board-doc'
import { ideaVote } from '../boards/idea-vote/model'
import { attachBoardDoc } from './client'
import { liveConfig } from './config'

/**
 * Whether a board's state is synced with the live server's document. The idea board's live
 * document has a layout of its own (src/live/idea-vote.ts): IdeaVote reads it directly and
 * copies the results into its saved board.
 */
export function syncsLive(def: Pick<DocDefinition, 'kind'>): boolean {
  return def.kind !== ideaVote.kind
}

export const liveSync: SyncProvider = {
  id: 'live',
  scope: (_boardId, def) => (syncsLive(def) ? liveConfig()?.session : undefined),
  open({ boardId, def, doc }) {
    const config = liveConfig()
    if (!config || !syncsLive(def))
      return undefined
    const attached = attachBoardDoc(boardId, doc, config)
    return {
      loaded: attached.firstSync,
      connection: {
        now: () => attached.connection.value,
        watch: listener => watch(attached.connection, listener),
      },
      destroy: attached.destroy,
    }
  },
}
