// The stakeholder map exercise done with the keyboard alone in the built deck: add, move, edit,
// delete and export with Tab, Enter, Space, Escape and the arrow keys (and typing a name). The
// focus is visible at every step, the slide never changes under the board, and Tab always
// leads out of the board again.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { listDecks, loadDeck } from '../../src/content/decks'
import { useSiteBrowser } from '../support/site-browser'

const env = useSiteBrowser()
const boardId = 'm2-board-stakeholder-map'

async function slideOf(id: string): Promise<string> {
  for (const ref of listDecks()) {
    const slide = (await loadDeck(ref)).slides.find(s => s.frontmatter.id === id)
    if (slide)
      return `/${ref.name}/#/${slide.number}`
  }
  throw new Error(`No slide with id ${id}`)
}

/** The focused element: where it is, what it is called, and whether its focus ring shows. */
function focused(page: Page) {
  return page.evaluate((id) => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body)
      return { inBoard: false, inDialog: false, name: '', tag: 'BODY', id: '', visible: false, stakeholder: null as string | null }
    const style = getComputedStyle(el)
    const r = el.getBoundingClientRect()
    return {
      inBoard: !!el.closest(`[data-board="${id}"]`),
      inDialog: !!el.closest('dialog[open]'),
      name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '',
      tag: el.tagName,
      id: el.id,
      // A ring of at least 2 px, on an element that is on screen.
      visible: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2 && r.width > 0 && r.height > 0,
      stakeholder: el.getAttribute('data-stakeholder'),
    }
  }, boardId)
}

describe('the stakeholder map with the keyboard alone', () => {
  it('adds, moves, edits, deletes and exports with Tab, Enter, Space, Escape and arrows; focus always visible, never trapped', async () => {
    const path = await slideOf(boardId)
    const slide = path.split('#')[1]
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', e => errors.push(e.message))
    await page.goto(env.url + path, { waitUntil: 'networkidle' })
    const board = page.locator(`[data-board="${boardId}"]`)
    await board.waitFor()
    await expect(board.getByText(/Loading saved work/).count()).resolves.toBe(0)

    /** Presses a key and checks the slide stayed and, inside the board or its dialog, the focus shows. */
    /** After a dialog closes, the board gives the focus to a marker (on the dialog's `close` event, a moment after the key). */
    async function onMarker() {
      await page.waitForFunction(() => !!document.activeElement?.closest('[data-stakeholder]'))
      return focused(page)
    }
    async function press(key: string) {
      await page.keyboard.press(key)
      expect(page.url(), `${key} changed the slide`).toContain(slide)
      const f = await focused(page)
      if (f.inBoard || f.inDialog)
        expect(f.visible, `focus ring on ${f.tag} "${f.name}" after ${key}`).toBe(true)
      return f
    }
    /** Tabs (forwards or backwards) until the focused element matches; fails after 40 steps. */
    async function tabTo(match: (f: Awaited<ReturnType<typeof focused>>) => boolean, key = 'Tab') {
      for (let i = 0; i < 40; i++) {
        const f = await press(key)
        if (match(f))
          return f
      }
      throw new Error(`${key} never reached the control`)
    }

    // Add: Tab to the board's Add button, Enter opens the dialog on its first field.
    await tabTo(f => f.inBoard && f.name.trim() === 'Add')
    let f = await press('Enter')
    expect(f.inDialog).toBe(true)
    expect(f.id).toBe(`${boardId}-new-name`)
    await page.keyboard.type('Regional funder')
    await press('Tab') // category: stays "—"
    await press('Tab') // power, 1 to begin with
    for (let i = 0; i < 4; i++)
      await press('ArrowUp') // 5
    await press('Tab') // interest
    for (let i = 0; i < 3; i++)
      await press('ArrowUp') // 4
    await press('Enter')
    // Saved: the dialog closes and the new stakeholder's marker has the focus.
    f = await onMarker()
    expect(f.inDialog).toBe(false)
    expect(f.name).toBe('1. Regional funder: power 5, interest 4, Manage closely')
    const id = f.stakeholder!
    expect(id).toBeTruthy()

    // Move: each arrow moves it one step; the focus stays on it, so the next arrow moves it again.
    f = await press('ArrowLeft')
    expect(f.stakeholder).toBe(id)
    expect(f.name).toBe('1. Regional funder: power 5, interest 3, Manage closely, borderline')
    f = await press('ArrowLeft')
    expect(f.stakeholder).toBe(id)
    expect(f.name).toBe('1. Regional funder: power 5, interest 2, Keep satisfied')
    f = await press('ArrowDown')
    expect(f.name).toBe('1. Regional funder: power 4, interest 2, Keep satisfied')

    // Escape closes the dialog without a change; the focus comes back to the marker.
    f = await press('Space')
    expect(f.inDialog).toBe(true)
    await press('Escape')
    f = await onMarker()
    expect(f.inDialog).toBe(false)
    expect(f.stakeholder).toBe(id)

    // Edit: Enter opens it (its approach in words); the name is typed on; Enter saves.
    f = await press('Enter')
    expect(f.id).toBe(`${boardId}-edit-name`)
    await expect(page.locator('dialog[open] [data-testid="approach"]').innerText()).resolves.toMatch(/^Keep satisfied: High power, lower interest/)
    await page.keyboard.type(' (regional)')
    await press('Enter')
    f = await onMarker()
    expect(f.inDialog).toBe(false)
    expect(f.stakeholder).toBe(id)
    expect(f.name).toBe('1. Regional funder (regional): power 4, interest 2, Keep satisfied')
    await expect(board.locator('ol.kit-sm-names').innerText()).resolves.toContain('Regional funder (regional)')

    // Export: back to the toolbar's Export menu, Enter opens it on its first item, Enter downloads.
    await tabTo(g => g.inBoard && g.name.trim() === 'Export', 'Shift+Tab')
    f = await press('Enter')
    expect(f.name).toBe('JSON (to re-import)')
    const [download] = await Promise.all([page.waitForEvent('download'), press('Enter')])
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'))
    expect(exported.data.stakeholders).toMatchObject([{ name: 'Regional funder (regional)', power: 4, interest: 2 }])

    // Delete: Tab to the marker, Enter opens it, Tab to Remove, Enter removes it; focus goes to Add.
    await tabTo(g => g.stakeholder === id)
    await press('Enter')
    await tabTo(g => g.inDialog && g.name === 'Remove')
    await press('Enter')
    await expect(board.locator('.kit-sm-marker').count()).resolves.toBe(0)
    // The dialog closes (its close event comes a moment later) and hands the focus to Add.
    await expect.poll(() => focused(page)).toMatchObject({ inDialog: false, inBoard: true, name: 'Add', visible: true })

    // Never trapped: Tab leads out of the board.
    await tabTo(g => !g.inBoard && !g.inDialog)
    expect(page.url()).toContain(slide)
    expect(errors).toEqual([])
    await context.close()
  })
})
