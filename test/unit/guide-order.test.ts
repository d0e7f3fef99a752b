// The facilitator guide's order: the run sheet first, then the preparation pages, then the
// agenda, then the slides.
import { describe, expect, it } from 'vitest'
import { listDecks, loadDeck, slideTitle, summariseDeck } from '../../src/content/decks'
import { renderGuideSections } from '../../src/handouts/guide'
import { escapeHtml } from '../../src/output/html'

describe('facilitator guide sections', () => {
  it('put every deck\'s preparation slides first, before the agenda, and nowhere else', async () => {
    for (const ref of listDecks()) {
      const deck = await loadDeck(ref)
      const prep = deck.slides.filter(s => s.frontmatter.prep === true)
      expect(prep.length, ref.name).toBeGreaterThan(0)
      const sections = renderGuideSections(deck, summariseDeck(deck), deck.slides.map(() => 'data:,'), `Module ${ref.number}`)
      expect(sections.map(s => s.title).slice(0, 3)).toEqual(['Run sheet', 'Preparation', 'Agenda and objectives'])
      for (const slide of prep) {
        const marker = `data-slide="${slide.number}"`
        expect(sections[1].html, `${ref.name}: ${slideTitle(slide)}`).toContain(marker)
        expect(sections.slice(2).some(s => s.html.includes(marker)), `${ref.name}: ${slideTitle(slide)} printed twice`).toBe(false)
      }
      // Every other slide is still in the guide, once.
      for (const slide of deck.slides.filter(s => s.frontmatter.prep !== true))
        expect(sections.filter(s => s.html.includes(`data-slide="${slide.number}"`)), `${ref.name}: slide ${slide.number}`).toHaveLength(1)
    }
  })

  it('open with the run sheet: every block with its minutes, checkpoints and the cut list in order', async () => {
    for (const ref of listDecks()) {
      const deck = await loadDeck(ref)
      const summary = summariseDeck(deck)
      const sheet = renderGuideSections(deck, summary, deck.slides.map(() => 'data:,'), `Module ${ref.number}`)[0].html
      for (const block of summary.agenda)
        expect(sheet, `${ref.name}: ${block.title}`).toContain(`<td>${block.start}–${block.start + block.minutes}</td>`)
      const cuts = deck.slides.filter(s => typeof s.frontmatter.cut === 'number').sort((a, b) => a.frontmatter.cut - b.frontmatter.cut)
      const listed = [...sheet.matchAll(/<li>(.+?) \(\d+ min\)<\/li>/g)].map(m => m[1])
      expect(listed, ref.name).toEqual(cuts.map(s => escapeHtml(String(s.frontmatter.section))))
    }
  })

  it('gives clock times from a cohort\'s start', async () => {
    const deck = await loadDeck(listDecks()[1])
    deck.headmatter.cohort = { start: '2027-03-04T16:00' }
    const sheet = renderGuideSections(deck, summariseDeck(deck), deck.slides.map(() => 'data:,'), 'Module 1')[0].html
    expect(sheet).toContain('<td>16:00–')
    expect(sheet).toContain('start at 16:00')
  })
})
