// The join page's words, in the session's language: src/i18n/<lang>/join.ts of every language
// folder that has one (English for the others). The phone page carries only these words, not
// the boards' catalogues.
import { computed, ref, type WritableComputedRef, watch } from 'vue'
import { join as en, type JoinWords } from '../../i18n/en/join'

const found = import.meta.glob<JoinWords>('../../i18n/*/join.ts', { eager: true, import: 'join' })

export const WORDS: Readonly<Record<string, JoinWords>> = Object.fromEntries(
  Object.entries(found).map(([path, words]) => [path.split('/').at(-2)!, words]),
)

export type Words = JoinWords

export const wordsFor = (language: unknown): Words => (Object.hasOwn(WORDS, String(language)) ? WORDS[String(language)] : en)

/** The page's `lang`: the session's language when the page has its words, English otherwise. */
export const pageLanguage = (language: unknown): string => (Object.hasOwn(WORDS, String(language)) ? String(language) : 'en')

export interface PhoneLanguage { code: string, name: string }

/**
 * The languages a participant may choose on their phone: the kit's languages
 * (src/i18n/languages.ts, each with its own name), which the live server names in the page's
 * head (`<meta name="kit-languages">`, src/live/join-brand.ts), those the page has words for.
 * A page served without them offers every language it has words for, named by the browser.
 */
export function phoneLanguages(head: ParentNode | undefined = globalThis.document): PhoneLanguage[] {
  const listed = head?.querySelector?.('meta[name="kit-languages"]')?.getAttribute('content') ?? ''
  const named = listed.split(',').map((item) => {
    const at = item.indexOf(':')
    return { code: item.slice(0, at).trim(), name: item.slice(at + 1).trim() }
  }).filter(l => l.code && l.name && Object.hasOwn(WORDS, l.code))
  if (named.length)
    return named
  return Object.keys(WORDS).sort().map((code) => {
    let name = code
    try {
      name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code
    }
    catch {}
    return { code, name }
  })
}

/** Where a phone keeps the language chosen on it ('' or none: the session's). */
const LANGUAGE_KEY = 'kit-live:language'

/**
 * The phone's language, shared by the join page and a helper's page: the one chosen on this
 * phone (kept in localStorage across reloads and sessions), else the session's; always one the
 * page has words for. Setting it is choosing it.
 */
export function usePhoneLanguage(sessionLanguage: () => string): WritableComputedRef<string> {
  let stored: unknown = ''
  try {
    stored = JSON.parse(localStorage.getItem(LANGUAGE_KEY) ?? '""')
  }
  catch {}
  const chosen = ref(typeof stored === 'string' ? stored : '')
  watch(chosen, (code) => {
    try {
      localStorage.setItem(LANGUAGE_KEY, JSON.stringify(code))
    }
    catch {}
  })
  return computed({
    get: () => pageLanguage(chosen.value || sessionLanguage()),
    set: (code: string) => { chosen.value = code },
  })
}
