// Named values that slides and notes use through placeholders like `{% communityName %}`.
// Upstream decks show the defaults; a cohort file gives its own. Used by Slidev's preparser
// (setup/preparser.ts), the content check and the cohort check. They are content: the cohort only
// gives them values (src/cohort/schema.ts).

export const DEFAULT_VALUES = {
  communityName: 'your community',
  organisation: 'your organisation',
  localExample: 'a community you know well',
  codeOfConductUrl: 'https://www.contributor-covenant.org/version/2/1/code_of_conduct/',
  contactPerson: 'the facilitators',
  supportRoute: 'a wellbeing service',
} as const

export type ValueName = keyof typeof DEFAULT_VALUES
export const VALUE_NAMES = Object.keys(DEFAULT_VALUES) as ValueName[]

const PLACEHOLDER = /\{%\s*([A-Za-z]\w*)\s*%\}/g

// Characters that mean something to Markdown, to Vue's template compiler (`{{ }}`) or to HTML.
// As numeric character references they are plain text to all three: Markdown and Vue decode
// them as literal characters and never as syntax.
const SYNTAX = /[&<>"'`{}[\]()*_#!|\\~=$^+]/g

/**
 * A value as text for a slide or note: line breaks become spaces (a value never starts a
 * Markdown line of its own), syntax characters become character references, and a value that
 * begins like a list item or a rule (`- `, `1. `) keeps that first character as text.
 * Markdown turns character references back into characters before Vue compiles the slide, so
 * each `{` is followed by an invisible word joiner (U+2060): two braces from a value are never
 * Vue's `{{`, yet read and print as written.
 */
export function asText(value: string): string {
  const oneLine = value.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\u0000-\u001F\u007F]/g, '').replace(/\{/g, '{\u2060')
  const escaped = oneLine.replace(SYNTAX, c => `&#${c.charCodeAt(0)};`)
  return /^[-\d]/.test(escaped) ? `&#${escaped.charCodeAt(0)};${escaped.slice(1)}` : escaped
}

/** Turns character references back into text (for titles taken from slide content). */
export function decodeCharacterReferences(text: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' }
  return text.replace(/&(#\d+|lt|gt|quot|amp);/g, (_, ref: string) => (ref.startsWith('#') ? String.fromCharCode(Number(ref.slice(1))) : named[ref])).replace(/\u2060/g, '')
}

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map(m => m[1])
}

export function fillPlaceholders(text: string, values: Partial<Record<string, string>> = {}): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name] ?? (DEFAULT_VALUES as Record<string, string>)[name]
    return value === undefined ? whole : asText(value)
  })
}
