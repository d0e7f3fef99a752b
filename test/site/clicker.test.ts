// A presentation clicker walked through every deck, as a facilitator presents: from the first
// slide, → (and PageDown now and then) to the last slide before the preparation pages, each press one step forward (a click of a
// v-click, or the next slide), with no page errors. On every board slide the facilitator has
// just used the board with the mouse: a board button was clicked, Space on it (or on the
// board's menus) must not turn the slide, and the clicker must still advance.
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { LoadedDeck } from '../../src/content/decks'
import { boardSlides, loadDecks, loadedBoard, openSlide } from '../support/kit-pages'
import { useSiteBrowser } from '../support/site-browser'

const env = useSiteBrowser()
let decks: LoadedDeck[]
beforeAll(async () => { decks = await loadDecks() })

interface Position { slide: number, clicks: number }

/** Where the deck is: Slidev's route, `#/<slide>?clicks=<n>`. */
async function position(page: Page): Promise<Position> {
  return page.evaluate(() => {
    const m = /^#\/(\d+)(?:\?(.*))?$/.exec(location.hash)
    return { slide: Number(m?.[1] ?? 0), clicks: Number(new URLSearchParams(m?.[2] ?? '').get('clicks') ?? 0) }
  })
}

/** Waits until the position is no longer `from`, and returns the new one. */
async function moved(page: Page, from: Position): Promise<Position> {
  await page.waitForFunction(([slide, clicks]) => {
    const m = /^#\/(\d+)(?:\?(.*))?$/.exec(location.hash)
    return Number(m?.[1]) !== slide || Number(new URLSearchParams(m?.[2] ?? '').get('clicks') ?? 0) !== clicks
  }, [from.slide, from.clicks] as const, { timeout: 5_000 })
  return position(page)
}

/** A board button that does something harmless (never one that removes or resets). */
async function harmlessButton(page: Page, boardId: string) {
  const board = await loadedBoard(page, boardId)
  const buttons = board.locator('button:enabled:visible')
  for (let i = 0; i < await buttons.count(); i++) {
    const button = buttons.nth(i)
    const name = `${await button.getAttribute('aria-label') ?? ''} ${await button.innerText()}`
    if (!/reset|remove|delete|clear|vaciar|quitar|eliminar|[+−-]1/i.test(name))
      return button
  }
  throw new Error(`${boardId} has no button to click`)
}

/** A button that opens a dialog (Add, a note): Escape closes it and gives the focus back to the button. */
async function closeDialog(page: Page) {
  if (await page.locator('dialog[open]').count() === 0)
    return
  await page.keyboard.press('Escape')
  await page.waitForFunction(() => !document.querySelector('dialog[open]'))
}

describe('a presentation clicker', () => {
  it('walks every deck from the first slide to the last, one step per press, boards included', async () => {
    const problems: string[] = []
    for (const deck of decks) {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', e => errors.push(e.message))
      // A button may open the file picker (Import): take it, choose nothing.
      page.on('filechooser', () => {})
      await openSlide(page, env.url, deck.ref.name, 1)
      let at = await position(page)
      expect(at).toEqual({ slide: 1, clicks: 0 })
      let presses = 0
      // The room's sequence ends before the preparation pages: the forward keys stop there.
      const firstPrep = deck.slides.findIndex(s => s.frontmatter.prep === true)
      const last = firstPrep >= 0 ? firstPrep : deck.slides.length
      walk: while (at.slide < last) {
        const slide = deck.slides[at.slide - 1]
        const boards = at.clicks === 0 ? boardSlides([{ ...deck, slides: [slide] }]) : []
        for (const { boardId } of boards) {
          const board = await loadedBoard(page, boardId)
          const button = await harmlessButton(page, boardId)
          await button.click()
          await closeDialog(page)
          const controls = [button, ...await board.locator('summary:visible').all()]
          for (const control of controls) {
            await control.focus()
            // Twice on a menu: open and close it again.
            for (let i = 0; i < (control === button ? 1 : 2); i++) {
              await page.keyboard.press('Space')
              // Give a wrong slide change the time to happen (Slidev turns slides on keydown).
              await page.evaluate(() => new Promise(requestAnimationFrame))
              await closeDialog(page)
              if ((await position(page)).slide !== at.slide) {
                problems.push(`${deck.ref.name}: Space on "${(await control.innerText()).trim()}" of ${boardId} turned slide ${at.slide}`)
                break walk
              }
            }
          }
          await (await harmlessButton(page, boardId)).click()
          await closeDialog(page)
          const tag = await page.evaluate(() => document.activeElement?.tagName)
          if (tag === 'INPUT' || tag === 'TEXTAREA')
            problems.push(`${deck.ref.name}: clicking a button on ${boardId} put the focus in a text field`)
        }
        const key = ++presses % 3 === 0 ? 'PageDown' : 'ArrowRight'
        await page.keyboard.press(key)
        const next = await moved(page, at).catch(() => at)
        const oneStep = (next.slide === at.slide && next.clicks === at.clicks + 1) || (next.slide === at.slide + 1 && next.clicks === 0)
        if (!oneStep) {
          problems.push(`${deck.ref.name}: ${key} on slide ${at.slide} (click ${at.clicks})${boards.length ? `, after a click on ${boards[0].boardId}` : ''} went to slide ${next.slide} (click ${next.clicks})`)
          break walk
        }
        at = next
        await page.locator(`.slidev-page-${at.slide}`).first().waitFor({ state: 'visible' })
      }
      problems.push(...errors.map(e => `${deck.ref.name}: page error ${e}`))
      await context.close()
    }
    expect(problems).toEqual([])
  }, 600_000)
})
