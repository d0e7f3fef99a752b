// Where a board's state belongs: the cohort whose kit is being presented. A deck built for a
// cohort carries `cohort: { id }` in its headmatter (Slidev's configs); the upstream decks use
// "default". Component tests provide COHORT_KEY instead.
import { inject } from 'vue'
import { useDeckConfigs } from '../slidev/context'

export const COHORT_KEY = 'kit:cohort'

export function useBoardScope(): { cohort: string } {
  const cohort = inject<string | undefined>(COHORT_KEY, undefined) ?? useDeckConfigs<{ cohort?: { id?: string } }>().cohort?.id
  return { cohort: typeof cohort === 'string' && cohort ? cohort : 'default' }
}
