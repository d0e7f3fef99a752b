// The join page's words, in the session's language: src/i18n/<lang>/join.ts of every language
// folder that has one (English for the others). The phone page carries only these words, not
// the boards' catalogues.
import { join as en, type JoinWords } from '../../i18n/en/join'

const found = import.meta.glob<JoinWords>('../../i18n/*/join.ts', { eager: true, import: 'join' })

export const WORDS: Readonly<Record<string, JoinWords>> = Object.fromEntries(
  Object.entries(found).map(([path, words]) => [path.split('/').at(-2)!, words]),
)

export type Words = JoinWords

export const wordsFor = (language: unknown): Words => (Object.hasOwn(WORDS, String(language)) ? WORDS[String(language)] : en)

/** The page's `lang`: the session's language when the page has its words, English otherwise. */
export const pageLanguage = (language: unknown): string => (Object.hasOwn(WORDS, String(language)) ? String(language) : 'en')
