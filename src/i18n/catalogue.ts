// What a language is to the kit: one catalogue per language, in its own folder
// (src/i18n/<code>/index.ts), listed once in src/i18n/languages.ts. See src/i18n/README.md.
import type { labels as englishLabels } from './en/labels'

/** The boards' buttons, messages and headings: every key of the English (./en/labels.ts). */
export type Labels = { readonly [K in keyof typeof englishLabels]: string }

export interface Catalogue {
  /** a BCP 47 code: a cohort's `language`, the pages' `lang`, the locale of Intl.PluralRules */
  code: string
  /** the language's own name for itself */
  name: string
  labels: Labels
  /**
   * The kit's own words keyed by their English text: boards' fields, choices and instructions,
   * slide chrome, diagrams, worksheets, the live server's messages. `{n}` and other
   * `{placeholders}` stay as they are. Text missing here is shown in English.
   */
  phrases: Readonly<Record<string, string>>
}
