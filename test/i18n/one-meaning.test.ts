// The catalogue is keyed by the English text, and its parts (the server's, the site's, the
// guide's, the slides' chrome, each board's own words) are merged into one: an English text
// given two translations by two parts keeps only one of them, and the other part shows a word
// that means something else (think-pair-share's step "Share" once read "Porcentaje", the poll's
// column). Every part's translation must be the one the merged catalogue gives.
import { describe, expect, it } from 'vitest'
import { BOARDS } from '../../src/boards'
import { LS_PHRASEBOOK_ES } from '../../src/activities/liberating-structures'
import { DIAGRAM_PHRASEBOOK_ES } from '../../src/i18n/es/diagrams'
import { GUIDE_ES } from '../../src/i18n/es/guide'
import { SERVER_ES } from '../../src/i18n/es/server'
import { SITE_ES } from '../../src/i18n/es/site'
import { SLIDE_CHROME_ES } from '../../src/i18n/es/slide-chrome'
import { WORKSHEET_PHRASEBOOK_ES } from '../../src/i18n/es/worksheets'
import { catalogueFor, LANGUAGES } from '../../src/i18n/labels'

const STATIC: Record<string, Record<string, Readonly<Record<string, string>>>> = {
  es: { 'src/i18n/es/server.ts': SERVER_ES, 'src/i18n/es/site.ts': SITE_ES, 'src/i18n/es/guide.ts': GUIDE_ES, 'src/activities/liberating-structures.ts': LS_PHRASEBOOK_ES, 'src/i18n/es/diagrams.ts': DIAGRAM_PHRASEBOOK_ES, 'src/i18n/es/slide-chrome.ts': SLIDE_CHROME_ES, 'src/i18n/es/worksheets.ts': WORKSHEET_PHRASEBOOK_ES },
}

describe('one English text, one meaning', () => {
  it('every part of a language\'s catalogue keeps its own translation in the merged catalogue', () => {
    const clashes: string[] = []
    for (const code of LANGUAGES.filter(c => c !== 'en')) {
      const merged = catalogueFor(code)!.phrases
      const parts: Record<string, Readonly<Record<string, string>>> = { ...STATIC[code] }
      for (const board of BOARDS)
        parts[`src/boards/${board.def.kind}/i18n.ts`] = board.phrases[code] ?? {}
      for (const [file, phrases] of Object.entries(parts)) {
        for (const [english, said] of Object.entries(phrases)) {
          if (merged[english] !== said)
            clashes.push(`${code} "${english}": ${file} says "${said}", the catalogue shows "${merged[english]}"`)
        }
      }
    }
    expect(clashes).toEqual([])
  })

  it('a step of think-pair-share is not the poll\'s column', () => {
    const es = catalogueFor('es')!.phrases
    expect(es.Share).toBe('En común')
    expect(es['% of votes']).toBe('% de votos')
  })
})
