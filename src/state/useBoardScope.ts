// Where a board's state belongs: the cohort whose kit is being presented, and the sync providers
// beyond this browser's own. A deck built for a cohort carries `cohort: { id }` in its headmatter
// (Slidev's configs); the upstream decks use "default". Component tests provide COHORT_KEY
// instead. The providers are the app's choice (setup/main.ts provides the live server's under
// SYNC_KEY, as Slidev's app set-up adds its sync methods); the state never picks one itself.
import { inject } from 'vue'
// A board placed inside READONLY_KEY's provider (OwnProgress: a participant's own board on the
// projector) views that read-only board instead of its own, and its frame draws the picture only.
import type { SyncProvider } from '../board-doc'
import { useDeckConfigs } from '../slidev/context'
import type { ReadOnlyBoard } from './useExerciseState'

export const COHORT_KEY = 'kit:cohort'
export const SYNC_KEY = 'kit:sync'
export const READONLY_KEY = 'kit:read-only-board'

export function useBoardScope(): { cohort: string, sync: readonly SyncProvider[], readOnly?: ReadOnlyBoard } {
  const cohort = inject<string | undefined>(COHORT_KEY, undefined) ?? useDeckConfigs<{ cohort?: { id?: string } }>().cohort?.id
  const readOnly = inject<ReadOnlyBoard | undefined>(READONLY_KEY, undefined)
  return { cohort: typeof cohort === 'string' && cohort ? cohort : 'default', sync: inject<readonly SyncProvider[]>(SYNC_KEY, []), ...(readOnly ? { readOnly } : {}) }
}
