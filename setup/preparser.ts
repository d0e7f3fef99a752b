// Fills `{% name %}` placeholders in every deck's slides and notes: the cohort's value when
// the deck is built for a cohort (its headmatter carries `cohort.values`), the kit's default
// otherwise.
import { definePreparserSetup } from '@slidev/types'
import { fillPlaceholders } from '../src/cohort/values'

export default definePreparserSetup(({ headmatter }) => {
  const values = (headmatter as { cohort?: { values?: Record<string, string> } })?.cohort?.values ?? {}
  return [{
    name: 'kit:placeholders',
    transformSlide: async content => fillPlaceholders(content, values),
    transformNote: async note => (note === undefined ? undefined : fillPlaceholders(note, values)),
  }]
})
