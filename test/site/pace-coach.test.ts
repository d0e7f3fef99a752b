// The run sheet and the pace coach used through a whole module, as a facilitator runs it: the
// presenter view walks from the title to the last slide before the preparation pages while the
// browser's clock runs four times faster than the plan allows... and a little late: every slide
// takes a quarter longer than planned. The coach must say how far behind the room is on every
// slide, name the first block of the cut list once the buffer is used up, and the run sheet must
// list every block. The browser's clock is Playwright's, so no test waits in real time.
import { describe, expect, it } from 'vitest'
import { paceAdvice, runSheet } from '../../src/content/run-sheet'
import { loadDecks } from '../support/kit-pages'
import { useSiteBrowser } from '../support/site-browser'

const env = useSiteBrowser()
const LATE = 1.25

describe('the pace coach', () => {
  it('follows a whole module run late, and says which block to drop when the buffer is gone', async () => {
    const deck = (await loadDecks()).find(d => d.ref.number === 2)!
    const inputs = deck.slides.map(s => s.frontmatter)
    const sheet = runSheet(inputs, deck.headmatter)
    expect(sheet.cutList.length, 'module 2 has a cut list').toBeGreaterThan(0)
    const lastRoom = deck.slides.findIndex(s => s.frontmatter.prep === true || s.frontmatter.id?.endsWith('-references'))
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } })
    await context.clock.install({ time: new Date('2026-12-07T10:00:00') })
    const page = await context.newPage()
    try {
      await page.goto(`${env.url}/${deck.ref.name}/#/presenter/1`, { waitUntil: 'networkidle' })
      await page.locator('[data-testid="pace-coach"]').waitFor({ state: 'visible' })
      await page.locator('body').click({ position: { x: 5, y: 5 } })
      let elapsed = 0
      let dropSeen: string | undefined
      for (let n = 2; n <= lastRoom; n++) {
        await page.keyboard.press('ArrowDown')
        await page.waitForFunction(no => location.hash.startsWith(`#/presenter/${no}`), n)
        const advice = paceAdvice(sheet, inputs, n - 1, elapsed)
        const status = page.locator('[data-testid="pace-status"]')
        const expected = Math.abs(advice.behind) <= 1 ? 'on time' : advice.behind > 0 ? `${advice.behind} min behind` : `${-advice.behind} min ahead`
        await expect.poll(() => status.innerText(), { message: `slide ${n}`, timeout: 10_000 }).toContain(expected)
        if (advice.drop) {
          await expect.poll(() => page.locator('[data-testid="pace-drop"]').innerText(), { timeout: 10_000 }).toContain(advice.drop.title)
          dropSeen ??= advice.drop.title
        }
        else {
          expect(await page.locator('[data-testid="pace-drop"]').count(), `slide ${n}: nothing to drop yet`).toBe(0)
        }
        // The room spends a quarter longer than planned on this slide.
        const minutes = typeof inputs[n - 1].duration === 'number' ? inputs[n - 1].duration as number : 0
        elapsed += minutes * LATE
        await page.clock.fastForward(Math.round(minutes * LATE * 60_000))
      }
      // A quarter late over a whole module is far past any buffer: a block of the cut list was
      // named (the first one not yet run then: each slide's advice is checked against the model above).
      expect(sheet.cutList.map(b => b.title)).toContain(dropSeen)

      await page.locator('[data-testid="run-sheet-button"]').click()
      const rows = page.locator('[data-testid="run-sheet"] tbody tr')
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(sheet.blocks.length + (sheet.buffer ? 1 : 0))
      for (const block of sheet.blocks)
        await expect(page.locator('[data-testid="run-sheet"]').innerText()).resolves.toContain(block.title)
    }
    finally {
      await context.close()
    }
  }, 300_000)
})
