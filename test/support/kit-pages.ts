// What the browser tests of the built site walk through: every slide of every deck, the board
// slides (found by their component tags, as the handouts find them), and a way to fill any
// board with the worked example's export through the board's own import button, so the tests
// do not depend on how a board lays out its entries.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { AxeResults } from 'axe-core'
import type { Locator, Page } from 'playwright-core'
import { type DeckRef, listDecks, loadDeck, type LoadedDeck, type LoadedSlide } from '../../src/content/decks'
import { boardsInMarkdown } from '../../src/boards'
import { ROOT } from '../../src/paths'

/** The worked example whose exports fill the boards (examples/README.md). */
export const EXAMPLE_EXPORTS = join(ROOT, 'examples', 'data-clinic-network')

export interface BoardSlide { deck: LoadedDeck, slide: LoadedSlide, boardId: string }

export async function loadDecks(refs: DeckRef[] = listDecks()): Promise<LoadedDeck[]> {
  return Promise.all(refs.map(loadDeck))
}

export function boardSlides(decks: LoadedDeck[]): BoardSlide[] {
  return decks.flatMap(deck => deck.slides.flatMap(slide => boardsInMarkdown(slide.content).map(u => ({ deck, slide, boardId: u.boardId }))))
}

/** Opens a slide of a built deck (under `base`, e.g. the site's address) and waits until it shows. */
export async function openSlide(page: Page, base: string, deck: string, n: number): Promise<Locator> {
  await page.goto(`${base}/${deck}/#/${n}`, { waitUntil: 'networkidle' })
  const slide = page.locator(`.slidev-page-${n}`).first()
  await slide.waitFor({ state: 'visible' })
  return slide
}

/** A board on the current slide, once it has loaded its saved state. */
export async function loadedBoard(page: Page, boardId: string): Promise<Locator> {
  const board = page.locator(`[data-board="${boardId}"]:visible`)
  await board.waitFor({ state: 'visible' })
  // The board's controls sit in a disabled fieldset until its saved state has loaded.
  await page.waitForFunction(id => !document.querySelector(`[data-board="${id}"] fieldset:disabled`), boardId)
  return board
}

/** The worked example's export for a board, or undefined when the example has none. */
export function exampleExport(boardId: string): Buffer | undefined {
  const file = join(EXAMPLE_EXPORTS, `${boardId}.json`)
  return existsSync(file) ? readFileSync(file) : undefined
}

/**
 * Fills a board with the worked example's export through its import button, and waits until
 * the board says it imported it (its status line), failing with the board's own error if not.
 */
export async function fillBoard(page: Page, boardId: string): Promise<void> {
  const data = exampleExport(boardId)
  if (!data)
    throw new Error(`examples/data-clinic-network has no ${boardId}.json to fill the board with`)
  const board = await loadedBoard(page, boardId)
  await board.getByTestId('board-import').setInputFiles({ name: `${boardId}.json`, mimeType: 'application/json', buffer: data })
  const said = board.locator('[role="status"]:not(:empty), [role="alert"]').first()
  await said.waitFor()
  if (await said.getAttribute('role') === 'alert')
    throw new Error(`${boardId} refused the example's export: ${await said.innerText()}`)
}

// axe-core ----------------------------------------------------------------------------------

export interface Finding { page: string, rule: string, impact: string, target: string, help: string }

// axe-core runs inside the page, injected once per document: a slide change in Slidev is a
// route change in the same document, so a walk over a deck pays for the injection once.
// (@axe-core/playwright injects again and opens a page to assemble each result: about a
// second a slide, against about 0.15 s here.)
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core's serious and critical findings on what the page shows now. */
export async function seriousFindings(page: Page, name: string): Promise<Finding[]> {
  if (!await page.evaluate(() => 'axe' in window))
    await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] }) as AxeResults
    return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.flat().join(' ')) }))
  })
  return violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .flatMap(v => v.targets.map(target => ({ page: name, rule: v.id, impact: v.impact!, target, help: v.help })))
}

/** Slidev's own chrome, with why each finding is not the kit's to fix (docs/accessibility.md). */
export const SLIDEV_CHROME: { rule: string, page: RegExp, selector: RegExp, reason: string }[] = [
  { rule: 'nested-interactive', page: /./, selector: /^\.relative\.flex:nth-child\(\d+\) > button$/, reason: 'the nav bar\'s "More Options" menu is a <button> wrapping Slidev\'s icon button (MenuButton.vue)' },
  { rule: 'scrollable-region-focusable', page: /presenter view$/, selector: /^\.prose$/, reason: 'the presenter view\'s notes panel scrolls but is not focusable (keyboard users scroll it with the slide shortcuts locked out)' },
]

export const isSlidevChrome = (f: Finding) => SLIDEV_CHROME.some(c => c.rule === f.rule && c.page.test(f.page) && c.selector.test(f.target))

export const showFinding = (f: Finding) => `${f.page}: ${f.impact} ${f.rule} at ${f.target} (${f.help})`

// Board legibility and fit ------------------------------------------------------------------

export interface BoardMeasure {
  /** the smallest text on the board's picture, in the slide's own pixels (Slidev's 980×552 canvas) */
  picture: number
  /** the smallest text in the toolbar and the pager */
  toolbar: number
  /** picture text under 20 px, described */
  small: string[]
  /** elements reaching past the slide (Slidev clips them: the room never sees them) */
  outside: string[]
  /** inner areas that scroll (the room cannot scroll them) */
  scrolling: string[]
  /** text cut off by its box without an ellipsis saying so */
  clipped: string[]
}

/**
 * What a board shows on its slide, whatever the window's size: one measure for every board
 * test. Text shortened with an ellipsis (a note's long name; the whole text is in its dialog and
 * the exports) is not cut off; text cut without one is.
 */
export async function measureBoard(board: Locator): Promise<BoardMeasure> {
  const page = board.page()
  await page.evaluate(() => document.fonts.ready)
  // Slides slide in: measure once the transition has ended.
  await page.waitForFunction(() => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'))
  return board.evaluate((b: HTMLElement) => {
    const canvas = document.querySelector('#slide-content')!.getBoundingClientRect()
    const scale = canvas.width / 980
    // A computed font size is in the board's own pixels: the canvas's scale, and any further
    // scale between the board and the canvas, turn it into the slide's pixels.
    const own = b.getBoundingClientRect().width / b.offsetWidth / scale
    const shown = (el: Element) => el.getClientRects().length > 0 && !el.closest('dialog:not([open]), .sr-only')
    const what = (el: Element) => `${el.tagName.toLowerCase()}${[...el.classList].map(c => `.${c}`).join('')} "${(el.textContent ?? '').trim().slice(0, 40)}"`
    let picture = Infinity
    let toolbar = Infinity
    const small: string[] = []
    const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement!
      if (!walker.currentNode.textContent!.trim() || !shown(el) || el.closest('dialog'))
        continue
      const px = Number.parseFloat(getComputedStyle(el).fontSize) * own
      if (el.closest('[role="toolbar"], .kit-pager')) {
        toolbar = Math.min(toolbar, px)
      }
      else {
        picture = Math.min(picture, px)
        if (px < 19.9)
          small.push(`${what(el)} ${px.toFixed(1)}px`)
      }
    }
    const outside: string[] = []
    const scrolling: string[] = []
    const clipped: string[] = []
    for (const el of [b, ...b.querySelectorAll('*')]) {
      if (!shown(el) || el.closest('dialog'))
        continue
      const r = el.getBoundingClientRect()
      if (r.width && r.height && (r.left < canvas.left - 1 || r.right > canvas.right + 1 || r.top < canvas.top - 1 || r.bottom > canvas.bottom + 1))
        outside.push(what(el))
      const style = getComputedStyle(el)
      const overflows = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1
      const ellipsis = style.textOverflow === 'ellipsis' || ((style as any).webkitLineClamp ?? 'none') !== 'none'
      if (overflows && /auto|scroll/.test(style.overflowY + style.overflowX))
        scrolling.push(what(el))
      else if (overflows && /hidden|clip/.test(style.overflowY + style.overflowX) && el.textContent?.trim() && !ellipsis)
        clipped.push(what(el))
    }
    return { picture, toolbar, small, outside, scrolling, clipped }
  })
}
