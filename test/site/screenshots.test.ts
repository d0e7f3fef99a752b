// Screenshots for people to look at (test-results/screenshots/, git-ignored): every board,
// empty and filled with the worked example, at a laptop's 1280×720 and a projector's
// 1920×1080, and every slide of module 1 at 1280×720. The boards must fit their slide: no
// element of a board lies outside the slide's box (Slidev clips it, so the room never sees it),
// scrolls or is cut off (measureBoard in test/support/kit-pages.ts, as every board test measures).
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { LoadedDeck } from '../../src/content/decks'
import { ROOT } from '../../src/paths'
import { type BoardSlide, boardSlides, fillBoard, loadDecks, loadedBoard, measureBoard, openSlide } from '../support/kit-pages'
import { useSiteBrowser } from '../support/site-browser'

const OUT = join(ROOT, 'test-results', 'screenshots')
const SIZES = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]

const env = useSiteBrowser()
let decks: LoadedDeck[]
let boards: BoardSlide[]
beforeAll(async () => {
  decks = await loadDecks()
  boards = boardSlides(decks)
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
})

describe('screenshots', () => {
  it.each(SIZES)('shows every board empty and filled at $width×$height, each fitting its slide', async (size) => {
    // A fresh browser profile: every board starts empty.
    const context = await env.browser.newContext({ viewport: size })
    const page = await context.newPage()
    const overflow: string[] = []
    for (const { deck, slide, boardId } of boards) {
      await openSlide(page, env.url, deck.ref.name, slide.number)
      for (const state of ['empty', 'filled'] as const) {
        if (state === 'filled')
          await fillBoard(page, boardId)
        const m = await measureBoard(await loadedBoard(page, boardId))
        await page.screenshot({ path: join(OUT, `${boardId}-${state}-${size.width}x${size.height}.png`) })
        const where = `${boardId} (${state}, ${size.width}×${size.height}, ${deck.ref.name} slide ${slide.number})`
        for (const [what, found] of [['outside the slide', m.outside], ['scrolling', m.scrolling], ['cut off', m.clipped]] as const) {
          if (found.length)
            overflow.push(`${where}: ${found.length} ${what}, first ${found.slice(0, 3).join(', ')}`)
        }
      }
    }
    await context.close()
    expect(overflow).toEqual([])
  }, 300_000)

  it('shows every slide of module 1 at 1280×720', async () => {
    const deck = decks.find(d => d.ref.number === 1)!
    const dir = join(OUT, deck.ref.name)
    mkdirSync(dir, { recursive: true })
    const context = await env.browser.newContext({ viewport: SIZES[0] })
    const page = await context.newPage()
    for (const slide of deck.slides) {
      await openSlide(page, env.url, deck.ref.name, slide.number)
      for (const { boardId } of boardSlides([{ ...deck, slides: [slide] }]))
        await loadedBoard(page, boardId)
      await page.screenshot({ path: join(dir, `slide-${String(slide.number).padStart(2, '0')}.png`) })
    }
    await context.close()
    expect(deck.slides.length).toBeGreaterThan(0)
  }, 300_000)
})
