// Where a board view keeps its state: its cohort's copy (src/state/useBoardScope.ts) and, in a
// live session, the live server's copy too. The boards choose the sync providers; the tab's
// state takes whatever it is given (src/board-doc/sync.ts).
import { liveSync } from '../../live/provider'
import { useBoardScope as useCohortScope } from '../../state/useBoardScope'
import type { BoardScope } from '../../state/useExerciseState'

export function useBoardScope(): BoardScope & { cohort: string } {
  return { ...useCohortScope(), sync: [liveSync] }
}
