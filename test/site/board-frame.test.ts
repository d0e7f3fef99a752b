// The projected list boards in the built decks, in Chromium, as a room sees them and as a
// facilitator drives them: legible from the back (notes at least 20 px on Slidev's 980×552
// canvas, toolbar at least 16 px), fitting the slide with nothing scrolled or cut off, how to
// start on an empty board, entry in a dialog by keyboard alone, and a clicker that keeps working.
// Screenshots go to test-results/ (git-ignored) for a person to look at.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { BOARDS } from '../../src/boards'
import { listDecks, loadDeck } from '../../src/content/decks'
import { ROOT } from '../../src/paths'
import { measureBoard } from '../support/kit-pages'
import { useSiteBrowser } from '../support/site-browser'

const env = useSiteBrowser()
/** The list boards: every board of the registry whose Add form its entry describes (`samples.form`). */
const LIST_BOARDS = BOARDS.filter(b => b.samples.form).map(b => b.defaultId)
const SHOTS = join(ROOT, 'test-results')
const paths = new Map<string, string>()

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  for (const ref of listDecks()) {
    for (const slide of (await loadDeck(ref)).slides) {
      if (typeof slide.frontmatter.id === 'string')
        paths.set(slide.frontmatter.id, `/${ref.name}/#/${slide.number}`)
    }
  }
})

async function open(page: Page, boardId: string): Promise<Locator> {
  await page.goto(env.url + paths.get(boardId)!, { waitUntil: 'networkidle' })
  const board = page.locator(`[data-board="${boardId}"]`)
  await board.waitFor({ state: 'visible' })
  await board.locator('fieldset.kit-board-controls:not([disabled])').first().waitFor()
  await page.evaluate(() => document.fonts.ready)
  // Slides slide in: measure once the transition has ended.
  await page.waitForFunction(() => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'))
  return board
}

async function fillFromExample(page: Page, board: Locator, boardId: string) {
  await board.getByTestId('board-import').setInputFiles(join(ROOT, 'examples', 'data-clinic-network', `${boardId}.json`))
  await board.locator('.kit-note').first().waitFor()
}

describe('the list boards on the projector', () => {
  it.each(LIST_BOARDS)('%s: empty it says how to start; filled its notes are legible and fit the slide, at 1280×720 and 1920×1080', async (boardId) => {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      const context = await env.browser.newContext({ viewport })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', e => errors.push(e.message))
      const board = await open(page, boardId)
      const start = board.getByTestId('board-start')
      expect((await start.innerText()).length, boardId).toBeGreaterThan(15)
      expect(Number.parseFloat(await start.evaluate(e => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(20)
      await expect(board.getByTestId('board-add').isVisible()).resolves.toBe(true)
      await expect(board.locator('[data-testid="row-issue"], [data-testid="board-issues"], .kit-note').count()).resolves.toBe(0)
      expect((await measureBoard(board)).outside, boardId).toEqual([])
      await page.screenshot({ path: join(SHOTS, `${boardId}-empty-${viewport.width}.png`) })

      await fillFromExample(page, board, boardId)
      await page.waitForFunction(id => document.querySelector(`[data-board="${id}"] .kit-notes-area`)!.clientHeight > 0, boardId)
      const m = await measureBoard(board)
      const where = `${boardId} at ${viewport.width}`
      const notes = await board.locator('.kit-note').count()
      expect(notes, where).toBeGreaterThanOrEqual(3)
      expect(m.picture, where).toBeGreaterThanOrEqual(19.9)
      expect(m.small, where).toEqual([])
      expect(m.toolbar, where).toBeGreaterThanOrEqual(15.9)
      expect(m.outside, where).toEqual([])
      expect(m.scrolling, where).toEqual([])
      // Notes that do not fit are paged, never cut off at the bottom of the slide.
      expect(m.clipped, where).toEqual([])
      const total = JSON.parse(readFileSync(join(ROOT, 'examples', 'data-clinic-network', `${boardId}.json`), 'utf8')).data
      const rows = (Object.values(total)[0] as unknown[]).length
      if (notes < rows) // the rest is a page away, said in words
        await expect(board.getByTestId('board-pager').innerText()).resolves.toMatch(new RegExp(`1-${notes} of ${rows}`))
      await page.screenshot({ path: join(SHOTS, `${boardId}-filled-${viewport.width}.png`) })
      expect(errors).toEqual([])
      await context.close()
    }
  })

  it('pages notes that do not fit, from the keyboard, and the next page shows the rest', async () => {
    const boardId = 'm3-board-value-exchange-ledger'
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    const board = await open(page, boardId)
    await fillFromExample(page, board, boardId)
    const pager = board.getByTestId('board-pager')
    const first = await board.locator('.kit-note-name').allInnerTexts()
    await pager.getByRole('button', { name: 'Next page' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => board.locator('.kit-note-name').allInnerTexts()).not.toEqual(first)
    const second = await board.locator('.kit-note-name').allInnerTexts()
    expect(second.some(name => first.includes(name))).toBe(false)
    await expect(pager.innerText()).resolves.toMatch(new RegExp(`${first.length + 1}-\\d+ of \\d+`))
    await context.close()
  })
})

describe('keyboard and clicker on a board', () => {
  const boardId = 'm2-board-channel-audit'

  it('adds an entry with the keyboard alone: Add opens the dialog, Save adds the note, Escape closes, focus returns', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    const board = await open(page, boardId)
    const url = page.url()
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? '')
    await board.getByTestId('board-add').focus()
    await page.keyboard.press('Space') // operates Add, does not turn the slide
    const dialog = board.locator('dialog[open]')
    await dialog.waitFor()
    await expect.poll(focused).toBe(`${boardId}-new-channel`)
    await page.keyboard.type('Weekly call')
    await page.keyboard.press('Tab') // sync or async
    await page.keyboard.press('ArrowDown') // the first choice after "Choose…"
    await page.keyboard.press('Tab') // purpose
    await page.keyboard.type('Decide the next clinics')
    const save = dialog.getByRole('button', { name: 'Save', exact: true })
    for (let i = 0; i < 12 && !(await save.evaluate(b => b === document.activeElement)); i++)
      await page.keyboard.press('Tab') // on through the other fields to Save
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await board.locator('.kit-note', { hasText: 'Weekly call' }).waitFor()
    await expect(board.locator('.kit-note').innerText()).resolves.toContain('synchronous')
    await expect.poll(focused).toBe('board-add')
    expect(page.url()).toBe(url)

    // Escape closes the dialog (what was typed stays as a draft) and gives the focus back.
    await page.keyboard.press('Enter')
    await dialog.waitFor()
    await page.keyboard.type('Half typed')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(focused).toBe('board-add')
    expect(page.url()).toBe(url)

    // A note opens its entry with Enter; Escape closes it and the focus is on the note again.
    const note = board.locator('button.kit-note').first()
    await note.focus()
    await page.keyboard.press('Enter')
    await dialog.waitFor()
    await expect(board.locator(`#${boardId}-edit-channel`).inputValue()).resolves.toBe('Weekly call')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => note.evaluate(n => n === document.activeElement)).toBe(true)
    expect(page.url()).toBe(url)
    await context.close()
  })

  it('keeps Space on Export for the menu; Escape closes the menu and the reset dialog, focus returns', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    const board = await open(page, boardId)
    await fillFromExample(page, board, boardId)
    const url = page.url()
    const exportButton = board.getByRole('button', { name: 'Export', exact: true })
    await exportButton.focus()
    await page.keyboard.press('Space')
    const json = board.getByRole('button', { name: 'JSON (to re-import)' })
    await json.waitFor()
    expect(page.url()).toBe(url)
    await expect(exportButton.getAttribute('aria-expanded')).resolves.toBe('true')
    await page.keyboard.press('Escape')
    await json.waitFor({ state: 'hidden' })
    await expect.poll(() => exportButton.evaluate(b => b === document.activeElement)).toBe(true)
    await expect(exportButton.getAttribute('aria-expanded')).resolves.toBe('false')
    // A click elsewhere closes it too.
    await exportButton.click()
    await json.waitFor()
    await page.mouse.click(5, 5)
    await json.waitFor({ state: 'hidden' })

    const reset = board.getByRole('button', { name: 'Reset', exact: true })
    await reset.click()
    const confirm = page.getByRole('alertdialog', { name: 'Reset' })
    await confirm.waitFor()
    await page.keyboard.press('Escape')
    await confirm.waitFor({ state: 'hidden' })
    await expect.poll(() => reset.evaluate(b => b === document.activeElement)).toBe(true)
    expect(await board.locator('.kit-note').count()).toBeGreaterThan(0) // nothing was reset
    expect(page.url()).toBe(url)
    await context.close()
  })

  it('after a click on a board button, → and PageDown still advance the slide; ← goes back', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    const board = await open(page, boardId)
    const slide = () => Number(new URL(page.url()).hash.replace('#/', '').split('?')[0])
    const here = slide()
    await board.getByRole('button', { name: 'Export', exact: true }).click()
    await board.getByRole('button', { name: 'Export', exact: true }).click() // open and closed again: focus stays on it
    await page.keyboard.press('ArrowRight')
    await expect.poll(slide).toBe(here + 1)
    await page.keyboard.press('ArrowLeft')
    await expect.poll(slide).toBe(here)
    await page.waitForFunction(() => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'))
    await board.getByTestId('board-add').click()
    await board.locator('dialog[open]').waitFor()
    await page.keyboard.press('Escape') // the focus goes back to Add
    await board.locator('dialog[open]').waitFor({ state: 'detached' })
    await page.keyboard.press('PageDown')
    await expect.poll(slide).toBe(here + 1)
    await context.close()
  })
})

describe('the month field', () => {
  const boardId = 'm1-board-origin-timeline'

  it('takes a typed 2024-03 and names the field in its error', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    const board = await open(page, boardId)
    await board.getByTestId('board-add').click()
    const when = board.locator(`#${boardId}-new-date`)
    await when.fill('2024-13')
    await board.locator(`#${boardId}-new-title`).fill('First clinic')
    await board.locator(`#${boardId}-new-type`).selectOption('founding')
    await board.locator('dialog[open]').getByRole('button', { name: 'Save', exact: true }).click()
    await expect(board.getByTestId('field-problem').innerText()).resolves.toBe('When: use year and month, like 2024-03')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`${boardId}-new-date`)
    await when.fill('')
    await when.pressSequentially('2024-03')
    await expect(when.inputValue()).resolves.toBe('2024-03')
    await board.locator('dialog[open]').getByRole('button', { name: 'Save', exact: true }).click()
    await board.locator('.kit-note', { hasText: 'First clinic' }).getByText('2024-03').waitFor()
    await context.close()
  })
})

describe('on a phone', () => {
  it('shows the entry dialog full screen', async () => {
    const boardId = 'm2-board-channel-audit'
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    const board = await open(page, boardId)
    await page.screenshot({ path: join(SHOTS, `${boardId}-phone.png`) })
    await board.getByTestId('board-add').tap()
    const dialog = board.locator('dialog[open]')
    await dialog.waitFor()
    const box = (await dialog.boundingBox())!
    expect(box.width).toBeGreaterThanOrEqual(389)
    expect(box.height).toBeGreaterThanOrEqual(843)
    await page.screenshot({ path: join(SHOTS, `${boardId}-phone-dialog.png`) })
    await context.close()
  })
})
