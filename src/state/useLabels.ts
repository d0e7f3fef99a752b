// The boards' words in the cohort's language (English unless the deck is built for a cohort
// that chose another).
import { inject } from 'vue'
import { type Labels, labelsFor } from '../exercises/labels'

export const LANGUAGE_KEY = 'kit:language'

export function useLabels(): Labels {
  const slidev = inject<{ configs?: { cohort?: { language?: string } } } | undefined>('$$slidev-context', undefined)
  return labelsFor(inject<string | undefined>(LANGUAGE_KEY, undefined) ?? slidev?.configs?.cohort?.language)
}
