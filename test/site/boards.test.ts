// The exercise boards in the built decks, in Chromium, used as a facilitator would: entries
// typed with the keyboard alone, a reload, export and re-import, and the printed worksheet.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { measureBoard } from '../support/kit-pages'
import { useSiteBrowser } from '../support/site-browser'
import { listDecks, loadDeck } from '../../src/content/decks'
import { ROOT } from '../../src/paths'

const env = useSiteBrowser()

/** The address of the slide holding a board, looked up by the board slide's id. */
async function slideOf(boardSlideId: string): Promise<string> {
  for (const ref of listDecks()) {
    const deck = await loadDeck(ref)
    const slide = deck.slides.find(s => s.frontmatter.id === boardSlideId)
    if (slide)
      return `/${ref.name}/#/${slide.number}`
  }
  throw new Error(`No slide with id ${boardSlideId}`)
}

async function openBoard(page: Page, path: string, boardId: string) {
  await page.goto(env.url + path, { waitUntil: 'networkidle' })
  const board = page.locator(`[data-board="${boardId}"]`)
  await board.waitFor({ state: 'visible' })
  await expect(board.getByText(/Loading saved work/).count()).resolves.toBe(0)
  return board
}

describe('StakeholderMap in module 2', () => {
  const boardId = 'm2-board-stakeholder-map'
  let path: string
  beforeAll(async () => { path = await slideOf(boardId) })

  it('takes entries from the keyboard alone, keeps them across a reload, exports and re-imports them', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', e => errors.push(e.message))
    let board = await openBoard(page, path, boardId)

    // Keyboard only: Add opens the dialog, type into the form, Tab between fields, Enter to add.
    await board.getByTestId('board-add').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`${boardId}-new-name`)
    await page.keyboard.type('Regional funder <b>')
    await page.keyboard.press('Tab') // category
    await page.keyboard.press('Tab') // power
    await page.keyboard.press('Control+A')
    await page.keyboard.type('5')
    await page.keyboard.press('Tab') // interest
    await page.keyboard.press('Control+A')
    await page.keyboard.type('4')
    await page.keyboard.press('Enter')
    const dot = board.getByRole('button', { name: /Regional funder <b>: power 5, interest 4, Manage closely/ })
    await dot.waitFor()
    await expect(board.locator('ol.kit-sm-names').innerText()).resolves.toContain('Regional funder <b>')
    // Arrow keys move a focused marker, and do not change the slide.
    await dot.focus()
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    await board.getByRole('button', { name: /power 5, interest 2, Keep satisfied/ }).waitFor()
    expect(page.url()).toContain(path.split('#')[1])

    // The board says when the browser has saved everything; reload then.
    await board.locator('[data-storage="saved"]').waitFor()
    await page.reload({ waitUntil: 'networkidle' })
    board = await openBoard(page, path, boardId)
    await board.getByRole('button', { name: /Regional funder <b>: power 5, interest 2/ }).waitFor()

    await board.getByRole('button', { name: 'Export' }).click()
    const [download] = await Promise.all([page.waitForEvent('download'), board.getByRole('button', { name: 'JSON (to re-import)' }).click()])
    const exported = readFileSync(await download.path(), 'utf8')
    expect(JSON.parse(exported)).toMatchObject({ board: 'stakeholder-map', data: { stakeholders: [{ name: 'Regional funder <b>', power: 5, interest: 2 }] } })

    // Empty the board (it asks first), then bring the export back.
    await board.getByRole('button', { name: 'Reset' }).click()
    await board.getByRole('button', { name: 'Yes, reset the board' }).click()
    await expect(board.locator('.kit-sm-marker').count()).resolves.toBe(0)
    await board.getByTestId('board-import').setInputFiles({ name: 'board.json', mimeType: 'application/json', buffer: Buffer.from(exported) })
    await board.getByRole('button', { name: /Regional funder <b>: power 5, interest 2/ }).waitFor()

    // A bad file is refused with a reason, and the board stays as it was.
    await board.getByTestId('board-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"community-training-board","board":"raci-matrix","version":1,"data":{}}') })
    await expect(board.getByRole('alert').innerText()).resolves.toMatch(/Import refused.*raci-matrix board, not of a stakeholder-map board/s)
    await expect(board.locator('.kit-sm-marker').count()).resolves.toBe(1)
    expect(errors).toEqual([])
    await context.close()
  })

  it('prints as a worksheet: blank with its instructions, nothing interactive', async () => {
    const page = await env.browser.newPage()
    const deck = path.split('/')[1]
    await page.goto(`${env.url}/${deck}/?print=true#/print`, { waitUntil: 'networkidle' })
    const board = page.locator(`[data-board="${boardId}"]`)
    await board.waitFor()
    await expect(board.getByTestId('worksheet').isVisible()).resolves.toBe(true)
    await expect(board.innerText()).resolves.toContain('Each row needs only four things')
    await expect(board.locator('button, input, select, textarea').count()).resolves.toBe(0)
    await page.close()
  })
})

describe('MountainOfEngagement in module 3', () => {
  const boardId = 'm3-board-mountain-of-engagement'

  it('takes a persona from the keyboard alone, moves it up the mountain, and keeps it across a reload', async () => {
    const path = await slideOf(boardId)
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    let board = await openBoard(page, path, boardId)
    await board.getByTestId('board-add').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`${boardId}-new-name`)
    await page.keyboard.type('Priya')
    await page.keyboard.press('Tab') // role
    await page.keyboard.type('PhD student')
    await page.keyboard.press('Tab') // stage now: starts on "Choose…"
    await page.keyboard.press('ArrowDown') // Discovery
    await page.keyboard.press('Tab') // stage to reach
    for (let i = 0; i < 3; i++)
      await page.keyboard.press('ArrowDown') // Participation
    await page.keyboard.press('Tab') // hours
    await page.keyboard.press('Enter')
    const chip = board.getByRole('button', { name: /^Priya: now Discovery, target Participation, 2 steps to plan/ })
    await chip.waitFor()
    await expect(board.getByTestId('mountain-count-discovery').innerText()).resolves.toBe('1')
    // The new note has the focus: the arrows move it at once.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Priya: now Discovery/)
    await page.keyboard.press('ArrowUp')
    await board.getByRole('button', { name: /^Priya: now First contact/ }).waitFor()
    expect(page.url()).toContain(path.split('#')[1])
    await page.keyboard.press('ArrowUp') // focus follows the card: it climbs again
    await board.getByRole('button', { name: /^Priya: now Participation/ }).waitFor()
    await page.keyboard.press('ArrowDown')
    await board.getByRole('button', { name: /^Priya: now First contact/ }).waitFor()
    expect(page.url()).toContain(path.split('#')[1])
    await board.locator('[data-unsaved]').first().waitFor({ state: 'detached' })
    await board.locator('[data-storage="saved"]').waitFor()
    await page.reload({ waitUntil: 'networkidle' })
    board = await openBoard(page, path, boardId)
    await board.getByRole('button', { name: /^Priya: now First contact, target Participation/ }).waitFor()
    await expect(board.getByTestId('mountain-count-first-contact').innerText()).resolves.toBe('1')
    await context.close()
  })
})

describe('CharterBuilder in module 4', () => {
  const boardId = 'm4-board-charter-builder'

  it('builds the mission sentence from the keyboard, keeps it across a reload, and exports CHARTER.md', async () => {
    const path = await slideOf(boardId)
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true })
    const page = await context.newPage()
    let board = await openBoard(page, path, boardId)
    // The mission on the draft opens for writing (Enter), its first field focused.
    await board.getByTestId('mission-sentence').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`${boardId}-with`)
    await page.keyboard.type('librarians')
    await page.keyboard.press('Tab')
    await page.keyboard.type('run open data clinics')
    await page.keyboard.press('Tab')
    await page.keyboard.type('early-career researchers')
    await page.keyboard.press('Tab')
    await page.keyboard.type('their data is reused')
    await page.keyboard.press('Escape') // closes the dialog; what was typed is saved
    const sentence = 'With librarians, we run open data clinics for early-career researchers so that their data is reused.'
    await expect(board.getByTestId('mission-sentence').innerText()).resolves.toBe(`Mission: ${sentence}`)
    await board.locator('[data-unsaved]').first().waitFor({ state: 'detached' })
    await board.locator('[data-storage="saved"]').waitFor({ state: 'attached' })
    await page.reload({ waitUntil: 'networkidle' })
    board = await openBoard(page, path, boardId)
    await board.getByTestId('mission-sentence').getByText(sentence).waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), board.getByRole('button', { name: 'Download CHARTER.md' }).click()])
    expect(download.suggestedFilename()).toBe('CHARTER.md')
    const md = readFileSync(await download.path(), 'utf8')
    expect(md).toContain(`## Mission\n\n${sentence}`)

    await board.getByRole('button', { name: 'Export' }).click()
    const [json] = await Promise.all([page.waitForEvent('download'), board.getByRole('button', { name: 'JSON (to re-import)' }).click()])
    const exported = readFileSync(await json.path(), 'utf8')
    await board.getByRole('button', { name: 'Reset' }).click()
    await board.getByRole('button', { name: 'Yes, reset the board' }).click()
    await expect(board.getByTestId('mission-sentence').innerText()).resolves.toBe('Mission: —')
    await board.getByTestId('board-import').setInputFiles({ name: 'charter.json', mimeType: 'application/json', buffer: Buffer.from(exported) })
    await board.getByTestId('mission-sentence').getByText(sentence).waitFor()
    await context.close()
  })

  it('imports the example\'s exports of modules 1-3 by file, and names a wrong file', async () => {
    const path = await slideOf(boardId)
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    const board = await openBoard(page, path, boardId)
    const dir = join(ROOT, 'examples', 'lanternfish')
    const names = ['m1-board-lifecycle-compass.json', 'm2-board-raci-matrix.json', 'm2-board-channel-audit.json', 'm3-board-mountain-of-engagement.json']
    await board.getByTestId('charter-thread').setInputFiles([
      ...names.map(name => ({ name, mimeType: 'application/json', buffer: readFileSync(join(dir, name)) })),
      { name: 'holiday.json', mimeType: 'application/json', buffer: Buffer.from('{"photos": 3}') },
    ])
    // What each file added, or why it was refused, is said in a dialog.
    await board.getByTestId('charter-thread-results').getByText('holiday.json: not an export').waitFor()
    await page.keyboard.press('Escape')
    await board.getByRole('button', { name: '4: Ways of working', exact: true }).click()
    await board.getByTestId('charter-preview').getByText('Lead maintainer', { exact: false }).waitFor()
    await board.getByRole('button', { name: '2: Milestones', exact: true }).click()
    await board.getByTestId('charter-preview').getByText('Reach the stewardship / sustaining stage').first().waitFor()
    await context.close()
  })

  it('prints as a worksheet with its instructions', async () => {
    const page = await env.browser.newPage()
    const deck = (await slideOf(boardId)).split('/')[1]
    await page.goto(`${env.url}/${deck}/?print=true#/print`, { waitUntil: 'networkidle' })
    const board = page.locator(`[data-board="${boardId}"]`)
    await board.getByTestId('worksheet').waitFor()
    await expect(board.innerText()).resolves.toContain('Mission in one sentence')
    await expect(board.locator('button, input, select, textarea').count()).resolves.toBe(0)
    await page.close()
  })
})

describe('the structured boards on a projector', () => {
  const BOARDS = [
    { id: 'm2-board-stakeholder-map', items: '.kit-sm-marker' },
    { id: 'm2-board-raci-matrix', items: 'tbody select' },
    { id: 'm3-board-mountain-of-engagement', items: '.kit-mtn-note' },
    { id: 'm4-board-charter-builder', items: '[data-section]' },
  ]

  for (const { id, items } of BOARDS) {
    it(`${id}: empty says how to start, filled with the example reads at 20 px, all inside the slide, nothing scrolling or cut`, async () => {
      const path = await slideOf(id)
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', e => errors.push(e.message))
      const board = await openBoard(page, path, id)

      // Empty: one line says what to do first; no warning flags on a board nobody has touched.
      if (id !== 'm4-board-charter-builder')
        await expect(board.getByTestId('board-start').innerText()).resolves.toMatch(/^Add/)
      else
        await expect(board.getByTestId('board-start').innerText()).resolves.toMatch(/^Start with the mission/)
      await expect(board.locator('.kit-flag:visible, [data-testid="row-issue"]:visible, [data-testid="board-issues"]').count()).resolves.toBe(0)
      const empty = await measureBoard(board)
      expect(empty.small, 'text under 20 px').toEqual([])
      expect(empty.toolbar).toBeGreaterThanOrEqual(15.9)
      expect(empty.outside, 'outside the slide').toEqual([])
      expect(empty.scrolling, 'scrolling inside the slide').toEqual([])
      expect(empty.clipped, 'text cut off').toEqual([])
      await page.screenshot({ path: join(ROOT, 'test-results', `${id}-empty.png`) })

      // Filled with the worked example's export.
      await board.getByTestId('board-import').setInputFiles(join(ROOT, 'examples', 'data-clinic-network', `${id}.json`))
      await expect.poll(() => board.locator(items).count()).toBeGreaterThan(2)
      const filled = await measureBoard(board)
      expect(filled.picture).toBeGreaterThanOrEqual(19.9)
      expect(filled.small, 'text under 20 px').toEqual([])
      expect(filled.toolbar).toBeGreaterThanOrEqual(15.9)
      expect(filled.outside, 'outside the slide').toEqual([])
      expect(filled.scrolling, 'scrolling inside the slide').toEqual([])
      expect(filled.clipped, 'text cut off').toEqual([])
      if (id === 'm2-board-raci-matrix') // the example's matrix is complete: every activity checks out
        await expect(board.locator('.kit-flag:visible').count()).resolves.toBe(0)
      if (id === 'm4-board-charter-builder') { // every page of the draft, not only the first
        for (const name of ['2: Milestones', '3: Decisions and conduct', '4: Ways of working', '5: Take it back']) {
          await board.getByRole('button', { name, exact: true }).click()
          const more = await measureBoard(board)
          expect([...more.small, ...more.outside, ...more.scrolling, ...more.clipped], name).toEqual([])
        }
      }
      await page.screenshot({ path: join(ROOT, 'test-results', `${id}-filled.png`) })
      expect(errors).toEqual([])
      await context.close()
    })
  }
})
