// Screenshots for people to look at (test-results/screenshots/, git-ignored): every board,
// empty and filled with the worked example, at a laptop's 1280×720 and a projector's
// 1920×1080, and every slide of module 1 at 1280×720. The boards must fit their slide: no
// element of a board lies outside the slide's box (Slidev clips it, so the room never sees it),
// nor hidden in a scrolling area of the board.
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { LoadedDeck } from '../../src/content/decks'
import { ROOT } from '../../src/paths'
import { type BoardSlide, boardSlides, fillBoard, loadDecks, loadedBoard, openSlide } from '../support/kit-pages'
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

/** The board's elements that lie outside the slide's box, by more than a pixel of rounding. */
async function outsideSlide(page: Page, slideNumber: number, boardId: string): Promise<string[]> {
  return page.evaluate(([n, id]) => {
    const slide = document.querySelector(`.slidev-page-${n}`)!.getBoundingClientRect()
    const board = [...document.querySelectorAll<HTMLElement>(`[data-board="${id}"]`)].find(b => b.offsetParent)!
    const describe = (e: Element) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`
    return [board, ...board.querySelectorAll('*')]
      .filter((e) => {
        const r = e.getBoundingClientRect()
        const style = getComputedStyle(e)
        // Nothing to see: no box, or a screen-reader-only element clipped to nothing.
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(style.clip))
          return false
        const outside = (box: DOMRect) => r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1
        if (outside(slide))
          return true
        // Hidden in a scroll area of the board: the room cannot scroll it either.
        for (let a = e.parentElement; a && a !== board.parentElement; a = a.parentElement) {
          if (getComputedStyle(a).overflow !== 'visible' && outside(a.getBoundingClientRect()))
            return true
        }
        return false
      })
      .map(describe)
  }, [slideNumber, boardId] as const)
}

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
        await loadedBoard(page, boardId)
        await page.screenshot({ path: join(OUT, `${boardId}-${state}-${size.width}x${size.height}.png`) })
        const outside = await outsideSlide(page, slide.number, boardId)
        if (outside.length)
          overflow.push(`${boardId} (${state}, ${size.width}×${size.height}, ${deck.ref.name} slide ${slide.number}): ${outside.length} elements outside the slide, first ${outside.slice(0, 3).join(', ')}`)
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
