// Where a board's state belongs: the cohort whose kit is being presented. A deck built for a
// cohort carries `cohort: { id }` in its headmatter; the upstream decks use "default".
import { inject } from 'vue'

export const COHORT_KEY = 'kit:cohort'

export function useBoardScope(): { cohort: string } {
  // Slidev provides its context in decks; component tests and the upstream decks fall back.
  const slidev = inject<{ configs?: { cohort?: { id?: string } } } | undefined>('$$slidev-context', undefined)
  const cohort = inject<string | undefined>(COHORT_KEY, undefined) ?? (slidev as any)?.configs?.cohort?.id
  return { cohort: typeof cohort === 'string' && cohort ? cohort : 'default' }
}
