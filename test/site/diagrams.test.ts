// The framework diagrams in the built decks, in Chromium at 1280×720: every one legible from
// the back of the room (text at least 20 px on Slidev's 980×552 canvas), inside its slide,
// named for screen readers, and credited.
import { describe, expect, it } from 'vitest'
import { useSiteBrowser } from '../support/site-browser'
import { listDecks, loadDeck } from '../../src/content/decks'

const env = useSiteBrowser()

/** Every slide that draws a diagram, found by its component tag in the deck's source. */
async function diagramSlides(): Promise<{ path: string, id: string, tag: string }[]> {
  const found: { path: string, id: string, tag: string }[] = []
  for (const ref of listDecks()) {
    const deck = await loadDeck(ref)
    for (const slide of deck.slides) {
      for (const m of slide.content.matchAll(/<(\w+Diagram)\b/g))
        found.push({ path: `/${ref.name}/#/${slide.number}`, id: String(slide.frontmatter.id), tag: m[1] })
    }
  }
  return found
}

describe('framework diagrams on the slides', () => {
  it('are on the slides that teach each framework, legible, inside the slide, named and credited', async () => {
    const slides = await diagramSlides()
    expect(slides.map(s => s.tag).sort()).toEqual([
      'CopElementsDiagram', 'DecisionLevelsDiagram', 'LifecycleDiagram', 'MountainDiagram',
      'ParticipationLevelsDiagram', 'ParticipationModelDiagram', 'PowerInterestDiagram', 'PublicNarrativeDiagram', 'RoadmapHorizonsDiagram',
    ])
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 } })
    const errors: string[] = []
    page.on('pageerror', e => errors.push(e.message))
    for (const slide of slides) {
      await page.goto(env.url + slide.path, { waitUntil: 'networkidle' })
      // The current slide's figure: Slidev keeps its neighbours in the page too, hidden.
      const figure = page.locator('figure.kit-diagram:visible').first()
      await figure.waitFor({ state: 'visible' })
      await page.evaluate(() => document.fonts.ready)
      // Going from one slide to the next is animated: measure once the transition has ended,
      // not while the figure is still scaled or sliding in.
      await page.waitForFunction(() => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'))
      const measure = () => figure.evaluate((fig) => {
        const canvas = document.querySelector('#slide-content')!.getBoundingClientRect()
        const scale = canvas.width / 980
        const svg = fig.querySelector('svg')!
        const ctm = svg.getScreenCTM()!.a
        const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent!.trim())
        const box = svg.getBoundingClientRect()
        const out = (r: DOMRect, o: DOMRect) => Math.max(r.right - o.right, o.left - r.left, r.bottom - o.bottom, o.top - r.top)
        const below = (r: DOMRect, o: DOMRect) => Math.max(r.right - o.right, r.bottom - o.bottom)
        const layout = fig.closest('.slidev-layout')!
        return {
          texts: texts.length,
          minFont: Math.min(...texts.map(t => Number.parseFloat(getComputedStyle(t).fontSize) * ctm / scale)),
          textOutsideSvg: Math.max(...texts.map(t => out(t.getBoundingClientRect(), box))) / scale,
          outsideSlide: Math.max(...[...layout.querySelectorAll('*')].map(e => e.getBoundingClientRect()).filter(r => r.width && r.height).map(r => below(r, canvas))) / scale,
          caption: fig.querySelector('figcaption')?.textContent?.trim() ?? '',
        }
      })
      // The slide settles into its final scale after navigation: wait for that state, then measure.
      await expect.poll(async () => (await measure()).minFont, { timeout: 10_000 }).toBeGreaterThanOrEqual(19.9)
      const m = await measure()
      const where = `${slide.id} (${slide.tag})`
      expect(m.texts, where).toBeGreaterThan(3)
      expect(m.minFont, where).toBeGreaterThanOrEqual(19.9)
      expect(m.textOutsideSvg, where).toBeLessThanOrEqual(1)
      expect(m.outsideSlide, where).toBeLessThanOrEqual(1)
      expect(m.caption.length, where).toBeGreaterThan(20)
      // The accessible name a screen reader announces starts with the SVG's own title.
      const title = await figure.locator('svg > title').textContent()
      await expect(page.getByRole('img', { name: title! }).count(), where).resolves.toBeGreaterThan(0)
    }
    expect(errors).toEqual([])
    await page.close()
  })
})
