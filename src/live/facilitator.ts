// The live server as the boards' facilitator connection (the interface is the tab's,
// src/state/facilitator.ts): the deck's app set-up (setup/main.ts) provides it in a live session
// only, loading this file (and with it the Hocuspocus client) then; the boards never import it.
import type { Facilitator } from '../state/facilitator'
import { useAdmission, useAnnounceBoard, useLiveSession } from './client'
import { useOwnProgress } from './own-client'

export const liveFacilitator: Facilitator = {
  session: () => useLiveSession(),
  admission: () => useAdmission(),
  announceBoard: board => useAnnounceBoard(board),
  ownProgress: (boardId, enabled) => useOwnProgress(boardId, enabled),
}
