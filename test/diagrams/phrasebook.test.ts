// The diagrams ship complete in Spanish, and their labels wrap instead of spilling out.
import { describe, expect, it } from 'vitest'
import { diagramStrings } from '../../src/diagrams/frameworks'
import { DIAGRAM_PHRASEBOOK_ES } from '../../src/i18n/es/diagrams'
import { wrap } from '../../src/diagrams/wrap'
import { ES } from '../../src/i18n/es/phrases'
import { translate } from '../../src/i18n/labels'

describe('the framework diagrams in Spanish', () => {
  it('have Spanish for every title, part, meaning and credit', () => {
    const missing = diagramStrings().filter(s => !(s in ES) || !ES[s].trim())
    expect(missing).toEqual([])
  })

  it('reach the boards\' phrasebook, so useT() translates them', () => {
    for (const [english, spanish] of Object.entries(DIAGRAM_PHRASEBOOK_ES))
      expect(translate(english, 'es'), english).toBe(spanish)
    expect(translate('Why', 'es')).toBe('Por qué')
  })

  it('keep no phrase the diagrams no longer use', () => {
    const used = new Set(diagramStrings())
    expect(Object.keys(DIAGRAM_PHRASEBOOK_ES).filter(k => !used.has(k))).toEqual([])
  })

  it('do not redefine a board\'s word differently', () => {
    // The boards' own entries come later in ES and would silently win.
    const clashes = Object.entries(DIAGRAM_PHRASEBOOK_ES).filter(([k, v]) => ES[k] !== v)
    expect(clashes).toEqual([])
  })
})

describe('wrap', () => {
  it('breaks a label into lines that fit, keeping every word in order', () => {
    const text = 'sustained but light connection, often newcomers'
    const lines = wrap(text, 200, 20)
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.join(' ')).toBe(text)
    for (const line of lines)
      expect(line.length * 20 * 0.5).toBeLessThanOrEqual(200)
  })

  it('keeps a word longer than the line whole, on its own line', () => {
    expect(wrap('a Transformational b', 60, 20)).toEqual(['a', 'Transformational', 'b'])
  })
})
