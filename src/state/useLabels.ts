// The boards' words in the cohort's language (English unless the deck is built for a cohort
// that chose another): the shared buttons and messages, and `t` for each board's own words.
import { inject } from 'vue'
import { count, type Labels, labelsFor, translate } from '../i18n/labels'
import { useDeckConfigs } from '../slidev/context'

export const LANGUAGE_KEY = 'kit:language'

export function useLanguage(): string {
  return inject<string | undefined>(LANGUAGE_KEY, undefined) ?? useDeckConfigs<{ cohort?: { language?: string } }>().cohort?.language ?? 'en'
}

export function useLabels(): Labels {
  return labelsFor(useLanguage())
}

export function useT(): (text: string) => string {
  const language = useLanguage()
  return text => translate(text, language)
}

/** Counted nouns in the cohort's language, by its plural rules: `c(n, '{n} idea', '{n} ideas')`. */
export function useCount(): (n: number, one: string, other: string) => string {
  const language = useLanguage()
  return (n, one, other) => count(n, one, other, language)
}
