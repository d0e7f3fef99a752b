import { describe, expect, it } from 'vitest'
import { SLIDE_CHROME_ES } from '../../src/i18n/es/slide-chrome'
import { DIAGRAM_PHRASEBOOK_ES } from '../../src/i18n/es/diagrams'
import { LS_PHRASEBOOK_ES } from '../../src/activities/liberating-structures'
import { translate } from '../../src/i18n/labels'
import { WORKSHEET_PHRASEBOOK_ES } from '../../src/i18n/es/worksheets'
import { listDecks, loadDeck } from '../../src/content/decks'

describe('the slide chrome phrasebook', () => {
  it('has Spanish for every grouping and structure an activity slide shows', async () => {
    const missing: string[] = []
    for (const ref of listDecks()) {
      for (const slide of (await loadDeck(ref)).slides) {
        for (const key of ['grouping', 'structure']) {
          const text = slide.frontmatter[key]
          if (typeof text === 'string' && !(text in SLIDE_CHROME_ES))
            missing.push(`${ref.name} slide ${slide.number} ${key}: ${text}`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('fills in numbers, translates the boards\' words too and leaves English alone', () => {
    expect(translate('{n} min kept free for questions and running late', 'es', 5)).toBe('5 min libres para preguntas y retrasos')
    expect(translate('{n} min kept free for questions and running late', 'en', 5)).toBe('5 min kept free for questions and running late')
    expect(translate('Time is up', 'es')).not.toBe('Time is up')
    expect(translate('an unknown phrase', 'es')).toBe('an unknown phrase')
  })

  // One Spanish phrasebook, kept in a file per part of the kit: a phrase has one translation.
  it('has each English phrase in one part of the phrasebook only', () => {
    const parts = { SLIDE_CHROME_ES, DIAGRAM_PHRASEBOOK_ES, WORKSHEET_PHRASEBOOK_ES, LS_PHRASEBOOK_ES }
    const seen = new Map<string, string>()
    const repeated: string[] = []
    for (const [name, part] of Object.entries(parts)) {
      for (const key of Object.keys(part)) {
        if (seen.has(key))
          repeated.push(`"${key}" in ${seen.get(key)} and ${name}`)
        seen.set(key, name)
      }
    }
    expect(repeated).toEqual([])
  })
})
