import { describe, expect, it } from 'vitest'
import { chromeText, SLIDE_CHROME_ES } from '../../src/content/phrasebook-es'
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

  it('fills in numbers, falls back to the boards\' phrasebook and leaves English alone', () => {
    expect(chromeText('{n} min kept free for questions and running late', 'es', 5)).toBe('5 min libres para preguntas y retrasos')
    expect(chromeText('{n} min kept free for questions and running late', 'en', 5)).toBe('5 min kept free for questions and running late')
    expect(chromeText('Time is up', 'es')).not.toBe('Time is up')
    expect(chromeText('an unknown phrase', 'es')).toBe('an unknown phrase')
  })
})
