// Board work is never lost: the built decks in Chromium, with two tabs on one board (the
// presenter view and the projected slide), as a facilitator runs them. One test per situation
// where work used to be lost, and a typing test for every multi-line and list field.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { BOARDS } from '../../src/boards'
import { listDecks, loadDeck } from '../../src/content/decks'
import type { FieldDef } from '../../src/boards/kit/fields'
import { serveSite } from '../../src/output/serve'

let site: { url: string, close: () => Promise<void> }
let browser: Browser
const paths = new Map<string, string>()

beforeAll(async () => {
  site = await serveSite(inject('siteDir'), 0)
  browser = await launchChromium()
  for (const ref of listDecks()) {
    const deck = await loadDeck(ref)
    for (const slide of deck.slides) {
      if (typeof slide.frontmatter.id === 'string')
        paths.set(slide.frontmatter.id, `/${ref.name}/#/${slide.number}`)
    }
  }
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

const SCREEN = { viewport: { width: 1280, height: 720 } }

async function open(page: Page, boardId: string, waitReady = true): Promise<Locator> {
  await page.goto(site.url + paths.get(boardId)!, { waitUntil: 'networkidle' })
  const board = page.locator(`[data-board="${boardId}"]`)
  await board.waitFor({ state: 'visible' })
  if (waitReady)
    await ready(board)
  return board
}

async function ready(board: Locator) {
  await board.locator('fieldset.kit-board-controls:not([disabled])').first().waitFor()
}

/** Waits until what was typed has reached the board and the browser has confirmed saving it. */
async function saved(board: Locator) {
  await board.locator('[data-unsaved]').first().waitFor({ state: 'detached' })
  // The status line says it in its attribute; the line itself is empty (hidden) without a message.
  await board.locator('[data-storage="saved"]').waitFor({ state: 'attached' })
}

/** Opens the board's Add dialog (the toolbar's Add) and waits for its form. */
async function openAdd(board: Locator) {
  await board.getByTestId('board-add').click()
  await board.locator('dialog[open] form').waitFor()
}

const save = (board: Locator) => board.locator('dialog[open]').getByRole('button', { name: 'Save', exact: true }).click()

async function addStakeholder(board: Locator, name: string) {
  await openAdd(board)
  await board.locator('[id$="-new-name"]').fill(name)
  await save(board)
}

// A list board's notes, or the stakeholder map's key of names.
const rowNames = (board: Locator) => board.locator('.kit-notes [data-row] .kit-note-name, [data-row] .kit-sm-name').allInnerTexts()

/** Waits until `read` gives `expected` (vitest's own polling assertion). */
function eventually<T>(read: () => Promise<T>, expected: T, timeout = 10_000) {
  return expect.poll(read, { timeout, interval: 50 }).toEqual(expected)
}

async function twoTabs(): Promise<[BrowserContext, Page, Page]> {
  const context = await browser.newContext(SCREEN)
  return [context, await context.newPage(), await context.newPage()]
}

describe('two tabs on one board', () => {
  const boardId = 'm2-board-stakeholder-map'

  it('takes no edit before the saved board has loaded, then keeps saved and new rows', async () => {
    const [context, a, b] = await twoTabs()
    const boardA = await open(a, boardId)
    await addStakeholder(boardA, 'Saved one')
    await addStakeholder(boardA, 'Saved two')
    await saved(boardA)
    // Tab B's IndexedDB answers only when the test says so: a slow laptop, frozen in time.
    await b.addInitScript(() => {
      const w = window as any
      w.__idbHeld = new Promise<void>((resolve) => { w.__releaseIdb = resolve })
      const openDb = IDBFactory.prototype.open
      IDBFactory.prototype.open = function (this: IDBFactory, ...args: [string, number?]) {
        const request = openDb.apply(this, args)
        let handler: ((e: Event) => void) | null = null
        Object.defineProperty(request, 'onsuccess', {
          set: (fn) => { handler = fn },
          get: () => handler,
        })
        request.addEventListener('success', e => w.__idbHeld.then(() => handler?.call(request, e)))
        return request
      }
    })
    const boardB = await open(b, boardId, false)
    await boardB.getByText('Loading saved work…').waitFor()
    expect(await boardB.getByTestId('board-add').isDisabled()).toBe(true)
    expect(await boardB.getByRole('button', { name: 'Reset' }).isDisabled()).toBe(true)
    await b.evaluate(() => (window as any).__releaseIdb())
    await ready(boardB)
    await addStakeholder(boardB, 'Added after loading')
    const all = ['Saved one', 'Saved two', 'Added after loading']
    await eventually(() => rowNames(boardA), all)
    await eventually(() => rowNames(boardB), all)
    await saved(boardB)
    await b.reload({ waitUntil: 'networkidle' })
    await eventually(() => rowNames(b.locator(`[data-board="${boardId}"]`)), all)
    await context.close()
  })

  it('keeps both first rows when two tabs add one at the same moment to a fresh board', async () => {
    const [context, a, b] = await twoTabs()
    const [boardA, boardB] = [await open(a, boardId), await open(b, boardId)]
    await openAdd(boardA)
    await openAdd(boardB)
    await boardA.locator('[id$="-new-name"]').fill('From the laptop')
    await boardB.locator('[id$="-new-name"]').fill('From the projector')
    await Promise.all([save(boardA), save(boardB)])
    const both = async (board: Locator) => (await rowNames(board)).sort()
    await eventually(() => both(boardA), ['From the laptop', 'From the projector'])
    await eventually(() => both(boardB), ['From the laptop', 'From the projector'])
    await Promise.all([saved(boardA), saved(boardB)])
    await a.reload({ waitUntil: 'networkidle' })
    await eventually(() => both(a.locator(`[data-board="${boardId}"]`)), ['From the laptop', 'From the projector'])
    await context.close()
  })

  it('imports nothing from a file whose rows repeat an id, and says why', async () => {
    const [context, a, b] = await twoTabs()
    const [boardA, boardB] = [await open(a, boardId), await open(b, boardId)]
    await addStakeholder(boardA, 'Kept')
    await eventually(() => rowNames(boardB), ['Kept'])
    const row = { name: 'Twin', category: '', power: 3, interest: 3, currentEngagement: '', preferredChannel: '', relationshipOwner: '' }
    const file = JSON.stringify({ format: 'community-training-board', board: 'stakeholder-map', version: 1, id: boardId, exportedAt: '2026-11-24T00:00:00Z', data: { threshold: 3, stakeholders: [{ id: 'x', ...row }, { id: 'x', ...row }] } })
    await boardA.getByTestId('board-import').setInputFiles({ name: 'twins.json', mimeType: 'application/json', buffer: Buffer.from(file) })
    await expect(boardA.getByRole('alert').first().innerText()).resolves.toMatch(/Import refused; the board is unchanged.*the id "x" is used by more than one row/s)
    expect(await rowNames(boardA)).toEqual(['Kept'])
    expect(await rowNames(boardB)).toEqual(['Kept'])
    // A good file replaces the board in both tabs; undo brings the board back as it was.
    const good = JSON.stringify({ ...JSON.parse(file), data: { threshold: 3, stakeholders: [{ id: 'y', ...row }] } })
    await boardA.getByTestId('board-import').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(good) })
    await eventually(() => rowNames(boardB), ['Twin'])
    await boardA.getByRole('button', { name: 'Undo' }).click()
    await eventually(() => rowNames(boardA), ['Kept'])
    await eventually(() => rowNames(boardB), ['Kept'])
    await context.close()
  })
})

describe('RACI matrix in two tabs', () => {
  const boardId = 'm2-board-raci-matrix'

  it('shows a cell whose role the other tab undid as an orphan; nothing goes blank and the next edit erases nothing', async () => {
    const [context, a, b] = await twoTabs()
    const [boardA, boardB] = [await open(a, boardId), await open(b, boardId)]
    await openAdd(boardA) // "+ Role"
    await boardA.locator('[id$="-roles-new-name"]').fill('Chair')
    await boardA.locator('[id$="-roles-new-name"]').press('Enter')
    await boardB.getByRole('combobox', { name: 'Onboarding, Chair' }).selectOption('A')
    await eventually(() => boardA.getByRole('combobox', { name: 'Onboarding, Chair' }).inputValue(), 'A')
    await boardA.getByRole('button', { name: 'Undo' }).click() // takes away the role, only A's own change
    for (const board of [boardA, boardB]) {
      await eventually(() => board.locator('tbody tr').count(), 6)
      await board.getByTestId('raci-orphans').waitFor()
    }
    await openAdd(boardB)
    await boardB.locator('[id$="-roles-new-name"]').fill('Lead')
    await boardB.locator('[id$="-roles-new-name"]').press('Enter')
    await boardB.getByRole('combobox', { name: 'Moderation, Lead' }).selectOption('R')
    // A select's arrow keys change its choice, not the slide (Slidev's shortcut lock).
    const url = b.url()
    await boardB.getByRole('combobox', { name: 'Documentation, Lead' }).focus()
    await b.keyboard.press('ArrowDown')
    await eventually(() => boardB.getByRole('combobox', { name: 'Documentation, Lead' }).inputValue(), 'R')
    expect(b.url()).toBe(url)
    for (const board of [boardA, boardB]) {
      await eventually(() => board.getByRole('combobox', { name: 'Moderation, Lead' }).inputValue(), 'R')
      expect(await board.locator('tbody tr').count()).toBe(6)
      expect(await board.getByTestId('raci-orphans').innerText()).toMatch(/1 cells refer to a role or activity.*= A/s)
    }
    await context.close()
  })
})

describe('CharterBuilder in two tabs', () => {
  const boardId = 'm4-board-charter-builder'

  // The charter shows its draft a page at a time; a section opens in a dialog to be written.
  async function section(board: Locator, page: string, name: string) {
    await board.getByRole('button', { name: new RegExp(`^\\d: ${page}$`) }).click()
    await board.locator(`[data-section="${name}"]`).click()
    await board.locator('dialog[open]').waitFor()
  }
  const preview = (board: Locator) => board.getByTestId('charter-preview').innerText()

  it('keeps text typed but never left across a reload, beside another tab\'s edit and an invalid link', async () => {
    const [context, a, b] = await twoTabs()
    const [boardA, boardB] = [await open(a, boardId), await open(b, boardId)]
    await section(boardA, 'Decisions and conduct', 'conduct')
    await boardA.locator(`#${boardId}-coc`).fill('not a link')
    await boardA.locator(`#${boardId}-report`).click()
    await boardA.getByTestId('coc-problem').waitFor() // flagged, not blocking
    await a.keyboard.press('Escape')
    await section(boardA, 'Ways of working', 'recognition')
    await a.keyboard.type('We run open data clinics')
    // The other tab edits another field while this one is still being typed in.
    await section(boardB, 'Ways of working', 'ways')
    await boardB.locator(`#${boardId}-cadence`).fill('Monthly call')
    await b.keyboard.press('Escape')
    await a.keyboard.type(' for researchers.')
    await boardB.getByRole('button', { name: '4: Ways of working', exact: true }).click()
    await eventually(async () => (await preview(boardB)).includes('Recognition: We run open data clinics for researchers.'), true)
    expect(await boardA.locator(`#${boardId}-recognition`).inputValue()).toBe('We run open data clinics for researchers.')
    await eventually(async () => (await preview(boardA)).includes('Meetings: Monthly call'), true)
    await saved(boardA)
    await a.reload({ waitUntil: 'networkidle' }) // the recognition field was never left
    const again = await open(a, boardId)
    await section(again, 'Ways of working', 'recognition')
    expect(await again.locator(`#${boardId}-recognition`).inputValue()).toBe('We run open data clinics for researchers.')
    await a.keyboard.press('Escape')
    await section(again, 'Ways of working', 'ways')
    expect(await again.locator(`#${boardId}-cadence`).inputValue()).toBe('Monthly call')
    await a.keyboard.press('Escape')
    await section(again, 'Decisions and conduct', 'conduct')
    expect(await again.locator(`#${boardId}-coc`).inputValue()).toBe('not a link')
    await context.close()
  })
})

describe('storage failures are on screen', () => {
  const boardId = 'm2-board-channel-audit'

  it('says so in both tabs when the browser clears its site data mid-session, saves again, and loses nothing', async () => {
    const [context, page, other] = await twoTabs()
    const board = await open(page, boardId)
    const otherBoard = await open(other, boardId)
    await openAdd(board)
    await board.locator('[id$="-new-channel"]').fill('Forum')
    await board.locator('[id$="-new-mode"]').selectOption('async')
    await board.locator('[id$="-new-channel"]').press('Enter') // the form's Save, from the keyboard
    await eventually(() => rowNames(otherBoard), ['Forum'])
    await saved(board)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Storage.clearDataForOrigin', { origin: site.url, storageTypes: 'indexeddb' })
    for (const b of [board, otherBoard]) {
      await b.getByTestId('board-storage').getByText(/cleared its saved copy/).waitFor()
      await expect(b.getByTestId('board-storage').getByRole('button', { name: 'Export JSON now' }).isVisible()).resolves.toBe(true)
    }
    await openAdd(otherBoard)
    await otherBoard.locator('[id$="-new-channel"]').fill('Monthly call')
    await otherBoard.locator('[id$="-new-mode"]').selectOption('sync')
    await otherBoard.locator('[id$="-new-channel"]').press('Enter')
    await eventually(() => rowNames(board), ['Forum', 'Monthly call'])
    await Promise.all([saved(board), saved(otherBoard)])
    await board.getByTestId('board-storage').getByText(/cleared its saved copy/).waitFor() // still said
    await other.close()
    await page.reload({ waitUntil: 'networkidle' })
    await eventually(() => rowNames(page.locator(`[data-board="${boardId}"]`)), ['Forum', 'Monthly call'])
    await context.close()
  })

  it('says so when the browser offers no storage, and the board still works', async () => {
    const context = await browser.newContext(SCREEN)
    // As in a browser whose storage is turned off: opening a database is refused.
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => { throw new DOMException('Storage is turned off.', 'SecurityError') }
    })
    const page = await context.newPage()
    const board = await open(page, boardId)
    await board.getByTestId('board-storage').getByText(/not saving the board/).waitFor()
    await openAdd(board)
    await board.locator('[id$="-new-channel"]').fill('Forum')
    await board.locator('[id$="-new-mode"]').selectOption('async')
    await board.locator('[id$="-new-channel"]').press('Enter')
    await eventually(() => rowNames(board), ['Forum'])
    await context.close()
  })
})

// Every multi-line and list field, typed as a person types (and pasted): spaces and line
// breaks stay while typing, and in what is saved.
// (From the registry: every board whose Add form, its worksheet's fields, has such a field.)
const typedField = (f: FieldDef) => f.kind === 'list' || (f.kind === 'text' && !!f.multiline)
const TYPED: [string, readonly FieldDef[]][] = BOARDS.flatMap(b => (b.worksheet.list?.fields.some(typedField) ? [[b.defaultId, b.worksheet.list.fields] as [string, readonly FieldDef[]]] : []))

describe('typing into multi-line and list fields', () => {
  it.each(TYPED)('%s keeps spaces and line breaks, typed and pasted', async (boardId, fields) => {
    const context = await browser.newContext(SCREEN)
    const page = await context.newPage()
    const board = await open(page, boardId)
    const typed = fields.filter(f => f.kind === 'list' || (f.kind === 'text' && f.multiline))
    expect(typed.length).toBeGreaterThan(0)
    await openAdd(board)
    for (const [n, f] of typed.entries()) {
      const box = board.locator(`#${boardId}-new-${f.key}`)
      await box.click()
      if (n % 2 === 0) {
        await page.keyboard.type('learn ')
        expect(await box.inputValue()).toBe('learn ')
        await page.keyboard.type('R')
        await page.keyboard.press('Enter')
        expect(await box.inputValue()).toBe('learn R\n')
        await page.keyboard.type('meet people')
      }
      else {
        await page.keyboard.insertText('learn R\nmeet people') // what a paste delivers
      }
      expect(await box.inputValue()).toBe('learn R\nmeet people')
    }
    // Fill what the row needs, add it, and open it again: the text is as typed.
    for (const f of fields) {
      if (!('required' in f && f.required))
        continue
      const input = board.locator(`#${boardId}-new-${f.key}`)
      if (f.kind === 'choice')
        await input.selectOption({ index: 1 }) // the first choice after "Choose…"
      else if (f.kind === 'text' && !typed.includes(f))
        await input.fill('Row')
    }
    await save(board)
    // A list board's note, or a persona on the mountain: it opens for editing.
    const item = board.locator('.kit-notes [data-row] button.kit-note, button[data-persona]').first()
    await item.waitFor()
    await item.click()
    for (const f of typed)
      expect(await board.locator(`#${boardId}-edit-${f.key}`).inputValue()).toBe('learn R\nmeet people')
    await context.close()
  })

  it('keeps spaces and line breaks in the charter\'s recognition, values and membership terms, across a reload', async () => {
    const boardId = 'm4-board-charter-builder'
    const context = await browser.newContext(SCREEN)
    const page = await context.newPage()
    const board = await open(page, boardId)
    // Each field is in its section's dialog, on its page of the draft.
    const FIELDS = [
      { key: 'recognition', page: 'Ways of working', section: 'recognition' },
      { key: 'values', page: 'Mission, vision, values', section: 'values' },
      { key: 'membership', page: 'Ways of working', section: 'ways' },
    ]
    const openField = async (on: Locator, f: typeof FIELDS[number]) => {
      await on.getByRole('button', { name: new RegExp(`^\\d: ${f.page}$`) }).click()
      await on.locator(`[data-section="${f.section}"]`).click()
      return on.locator(`#${boardId}-${f.key}`)
    }
    for (const f of FIELDS) {
      const box = await openField(board, f)
      await box.click()
      await page.keyboard.type('learn ')
      await page.keyboard.type('R')
      await page.keyboard.press('Enter')
      await page.waitForTimeout(400) // a pause longer than the save delay, mid-list
      expect(await box.inputValue()).toBe('learn R\n')
      await page.keyboard.type('meet people')
      expect(await box.inputValue()).toBe('learn R\nmeet people')
      await page.keyboard.press('Escape')
    }
    await board.getByRole('button', { name: '1: Mission, vision, values', exact: true }).click()
    await expect(board.locator('[data-section="values"] li').allInnerTexts()).resolves.toEqual(['learn R', 'meet people'])
    await saved(board)
    await page.reload({ waitUntil: 'networkidle' })
    const again = await open(page, boardId)
    for (const f of FIELDS) {
      expect(await (await openField(again, f)).inputValue()).toBe('learn R\nmeet people')
      await page.keyboard.press('Escape')
    }
    await context.close()
  })
})
