// The kit's Slidev preparser for every deck (public API: definePreparserSetup), registered by
// setup/preparser.ts (Slidev's convention) and imported directly by the build processes. On slides and notes it
// fills `{% name %}` placeholders: the cohort's value when the deck is built for a cohort (its
// headmatter carries `cohort.values`), the kit's default otherwise. In notes it also
// - replaces each `{% include <name> %}` line with decks/shared-notes/<name>.md (a missing one
//   shows as a warning in the note; `npm run check` names the deck and slide);
// - wraps the at-a-glance paragraph in `<div class="kit-glance">` and each `::: <variant>` …
//   `:::` block in `<div class="kit-variant" data-variant="<variant>">` with its label as a
//   heading (in the cohort's language, through the kit's catalogue), so the presenter view shows
//   the session's settings with CSS (styles/notes.css, setup/notes-settings.ts). Slidev renders notes with markdown-it and HTML on: the blank
//   lines around the Markdown inside each wrapper keep it Markdown (src/content/notes.ts).
// Slidev passes its mode (dev, build, export); the kit's own reader (src/content/decks.ts)
// passes none and gets the notes as written, which the content check validates and the guide
// resolves for a cohort's settings.
import { definePreparserSetup } from '@slidev/types'
import { fillPlaceholders } from './placeholders'
import { NOTE_CLASSES, noteToHtmlMarkdown } from './notes'
import { NOTES_PROBLEM } from '../i18n/en/note-problems'
import { translate } from '../i18n/labels'
import { withSharedNotes } from './shared-notes'

/** A note as Slidev shows it: shared notes included, placeholders filled, glance and variants wrapped (headings in `language`). */
export function renderNoteForSlidev(note: string, values: Record<string, string> = {}, language?: string): string {
  const { text: included, issues } = withSharedNotes(note)
  const text = fillPlaceholders(included, values)
  // In the cohort's language: the person at the laptop may read no English.
  const warnings = issues.map((i) => {
    const message = i.template ? translate(i.template.text, language).replaceAll('{name}', i.template.name) : i.message
    return `<p class="${NOTE_CLASSES.missing}">${translate(NOTES_PROBLEM, language).replace('{message}', () => message).replace(/[<>&]/g, c => `&#${c.charCodeAt(0)};`)}</p>`
  })
  return [...warnings, noteToHtmlMarkdown(text, words => translate(words, language))].join('\n\n')
}

export default definePreparserSetup(({ headmatter, mode }) => {
  const cohort = (headmatter as { cohort?: { values?: Record<string, string>, language?: string } })?.cohort
  const values = cohort?.values ?? {}
  return [{
    name: 'kit:notes',
    transformSlide: async content => fillPlaceholders(content, values),
    transformNote: async (note) => {
      if (note === undefined)
        return undefined
      return mode ? renderNoteForSlidev(note, values, cohort?.language) : fillPlaceholders(note, values)
    },
  }]
})
