// The facilitator guide's order: preparation pages first, then the agenda, then the slides.
import { describe, expect, it } from 'vitest'
import { listDecks, loadDeck, slideTitle, summariseDeck } from '../../src/content/decks'
import { renderGuideSections } from '../../src/handouts/guide'

describe('facilitator guide sections', () => {
  it('put every deck\'s preparation slides first, before the agenda, and nowhere else', async () => {
    for (const ref of listDecks()) {
      const deck = await loadDeck(ref)
      const prep = deck.slides.filter(s => s.frontmatter.prep === true)
      expect(prep.length, ref.name).toBeGreaterThan(0)
      const sections = renderGuideSections(deck, summariseDeck(deck), deck.slides.map(() => 'data:,'), `Module ${ref.number}`)
      expect(sections.map(s => s.title).slice(0, 2)).toEqual(['Preparation', 'Agenda and objectives'])
      for (const slide of prep) {
        const marker = `data-slide="${slide.number}"`
        expect(sections[0].html, `${ref.name}: ${slideTitle(slide)}`).toContain(marker)
        expect(sections.slice(1).some(s => s.html.includes(marker)), `${ref.name}: ${slideTitle(slide)} printed twice`).toBe(false)
      }
      // Every other slide is still in the guide, once.
      for (const slide of deck.slides.filter(s => s.frontmatter.prep !== true))
        expect(sections.filter(s => s.html.includes(`data-slide="${slide.number}"`)), `${ref.name}: slide ${slide.number}`).toHaveLength(1)
    }
  })
})
