// The boards' words in the cohort's language (English unless the deck is built for a cohort
// that chose another): the shared buttons and messages, and \`t\` for each board's own words.
import { inject } from 'vue'
import { type Labels, labelsFor, translate } from '../exercises/labels'

export const LANGUAGE_KEY = 'kit:language'

export function useLanguage(): string {
  const slidev = inject<{ configs?: { cohort?: { language?: string } } } | undefined>('$$slidev-context', undefined)
  return inject<string | undefined>(LANGUAGE_KEY, undefined) ?? slidev?.configs?.cohort?.language ?? 'en'
}

export function useLabels(): Labels {
  return labelsFor(useLanguage())
}

export function useT(): (text: string) => string {
  const language = useLanguage()
  return text => translate(text, language)
}
