// Named values that slides and notes use through placeholders like `{% communityName %}`.
// Upstream decks show the defaults; a cohort file gives its own. Used by Slidev's preparser
// (setup/preparser.ts), the content check and the cohort check.

export const DEFAULT_VALUES = {
  communityName: 'your community',
  organisation: 'your organisation',
  localExample: 'a community you know well',
  codeOfConductUrl: 'https://www.contributor-covenant.org/version/2/1/code_of_conduct/',
  contactPerson: 'the facilitators',
} as const

export type ValueName = keyof typeof DEFAULT_VALUES
export const VALUE_NAMES = Object.keys(DEFAULT_VALUES) as ValueName[]

const PLACEHOLDER = /\{%\s*([A-Za-z]\w*)\s*%\}/g

/** Text for Markdown: the value stays text, never markup. */
function asText(value: string): string {
  return value.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
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
