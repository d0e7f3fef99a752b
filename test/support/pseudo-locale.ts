// A pseudo-locale for the tests: `xx`, made from the English catalogue, every text wrapped in
// ⟦ ⟧, its vowels accented and lengthened by a third ("Add a role" → "⟦Ädd ä rölé~~~~⟧"), its
// {placeholders} kept. Rendered in `xx`, any English left on screen did not come through the
// catalogue: `untranslated` finds it.
import '../../src/boards' // the registry merges each board's own words into the catalogues
import { addLanguage, type Catalogue, catalogueFor, en, LANGUAGES } from '../../src/i18n/labels'
import { join as englishJoin, type JoinWords } from '../../src/i18n/en/join'

export const PSEUDO = 'xx'

const ACCENTS: Record<string, string> = { a: 'ä', e: 'é', i: 'ï', o: 'ö', u: 'ü', A: 'Ä', E: 'É', I: 'Ï', O: 'Ö', U: 'Ü' }

export function pseudo(text: string): string {
  if (!text)
    return text
  const body = text.replace(/\{\w+\}|[aeiouAEIOU]/g, m => ACCENTS[m] ?? m)
  return `⟦${body}${'~'.repeat(Math.max(1, Math.ceil(text.length / 3)))}⟧`
}

/** Every English text the kit translates (the keys of every shipped catalogue, boards' words included), in `xx`. */
export function pseudoCatalogue(): Catalogue {
  const keys = new Set(LANGUAGES.flatMap(code => Object.keys(catalogueFor(code)!.phrases)))
  return {
    code: PSEUDO,
    name: pseudo('Pseudo'),
    labels: Object.fromEntries(Object.entries(en).map(([k, v]) => [k, pseudo(v)])) as Catalogue['labels'],
    phrases: Object.fromEntries([...keys].map(k => [k, pseudo(k)])),
  }
}

export function installPseudoLocale(): void {
  addLanguage(pseudoCatalogue())
}

/** The join page's words in `xx`: strings wrapped, and what the word functions return. */
export function pseudoJoinWords(): JoinWords {
  return Object.fromEntries(Object.entries(englishJoin).map(([k, v]) => [k,
    typeof v === 'function' ? (...args: never[]) => pseudo((v as (...a: never[]) => string)(...args)) : pseudo(v)])) as JoinWords
}

const TECHNICAL = /\b(?:JSON|CSV|Markdown|CHARTER\.md|RACI|CSCCE|QR|YYYY-MM(?:-DD)?|AAAA-MM(?:-DD)?|CC BY(?:-SA)? \d\.\d|min)\b/g

/**
 * The English on screen that did not come through the catalogue: elements' text and the labels a
 * screen reader says (aria-label, title, placeholder, alt), minus what is wrapped in ⟦ ⟧, the
 * participants' own words (`data`), numbers, single letters (RACI's R, A, C, I) and punctuation.
 */
export function untranslated(root: Element, data: readonly string[] = []): string[] {
  // The text of each element that holds text itself, inline children included: a sentence cut
  // by a link or <kbd> is read whole.
  const texts: string[] = []
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (['STYLE', 'SCRIPT'].includes(el.tagName))
      continue
    if ([...el.childNodes].some(c => c.nodeType === 3 && c.textContent!.trim())) {
      // An SVG label wrapped over lines is one <text> of several <tspan>s: read it whole.
      const svgText = el.tagName.toLowerCase() === 'tspan' ? el.closest('text') : null
      texts.push((svgText ?? el).textContent ?? '')
    }
  }
  for (const el of root.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt'])
      texts.push(el.getAttribute(name) ?? '')
  }
  const known = [...data].filter(d => d.trim().length > 1).sort((a, b) => b.length - a.length)
  const left = new Set<string>()
  for (const text of texts) {
    let rest = text
    for (let before = ''; before !== rest;) {
      before = rest
      rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ')
    }
    for (const d of known)
      rest = rest.split(d).join(' ')
    rest = rest.replace(TECHNICAL, ' ')
    if (/\p{L}{2,}/u.test(rest))
      left.add(text.trim().replace(/\s+/g, ' '))
  }
  return [...left]
}

/** Every string in a value (a board's sample data): the participants' words to ignore. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string')
    return [value]
  if (Array.isArray(value))
    return value.flatMap(stringsIn)
  if (value && typeof value === 'object')
    return Object.values(value).flatMap(stringsIn)
  return []
}
