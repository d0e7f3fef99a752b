// The kit's words in a cohort's language, through the language's catalogue (src/i18n/<code>/,
// listed in src/i18n/languages.ts); English when a catalogue lacks a text. No code names a
// language: adding one is a folder and its line in the list.
import type { Catalogue, Labels } from './catalogue'
import { labels as en } from './en/labels'
import { CATALOGUES } from './languages'

export type { Catalogue, Labels } from './catalogue'
export { en }

const registered = new Map<string, Catalogue>(CATALOGUES.map(c => [c.code, c]))

/** The codes a cohort may choose (`language:` in cohort.yaml). */
export const LANGUAGES: readonly string[] = CATALOGUES.map(c => c.code)

/**
 * Adds a catalogue beside the shipped ones, for this process only: the tests' pseudo-locale
 * (test/support/pseudo-locale.ts) goes through the same lookup as every real language.
 */
export function addLanguage(catalogue: Catalogue): void {
  registered.set(catalogue.code, catalogue)
  merged.delete(catalogue.code)
}

/** Words added to a language beyond its catalogue's own files: each board's (addPhrases). */
const added = new Map<string, Record<string, string>>()
/** Each language's catalogue with the added words, made when first asked for. */
const merged = new Map<string, Catalogue>()

/**
 * Adds words to a language's catalogue: each board's own words (its folder's i18n.ts), merged by
 * the registry of boards (src/boards/index.ts) and, in the built site, by setup/main.ts with the
 * cohort's language. They go through the same lookup as every other text, whenever they are
 * added (before or after the language itself). The words a catalogue's own files have win.
 */
export function addPhrases(code: string, phrases: Readonly<Record<string, string>>): void {
  added.set(code, { ...added.get(code), ...phrases })
  merged.delete(code)
}

/** The catalogue of a language, or undefined when the kit has none (English is then shown). */
export function catalogueFor(language: string | undefined): Catalogue | undefined {
  const code = language ?? 'en'
  const catalogue = registered.get(code)
  const extra = added.get(code)
  if (!catalogue || !extra)
    return catalogue
  if (!merged.has(code))
    merged.set(code, { ...catalogue, phrases: { ...extra, ...catalogue.phrases } })
  return merged.get(code)
}

/**
 * The kit's own words (board fields, choices, instructions, slide chrome, worksheets) in the
 * cohort's language, English when the catalogue lacks them; `{n}` in the text becomes `n`.
 */
export function translate(text: string, language: string | undefined, n?: number): string {
  const phrases = catalogueFor(language)?.phrases
  const found = phrases && Object.hasOwn(phrases, text) ? phrases[text] : text
  return n === undefined ? found : found.replace('{n}', String(n))
}

/**
 * A counted noun in the cohort's language, chosen by the language's plural rules
 * (Intl.PluralRules): `count(1, '{n} vote', '{n} votes', 'en')` is "1 vote", never "1 votes".
 * Both forms are catalogue keys, translated like any other text.
 */
export function count(n: number, one: string, other: string, language: string | undefined): string {
  const rule = new Intl.PluralRules(catalogueFor(language)?.code ?? 'en').select(n)
  return translate(rule === 'one' ? one : other, language, n)
}

export function labelsFor(language: string | undefined): Labels {
  return catalogueFor(language)?.labels ?? en
}
