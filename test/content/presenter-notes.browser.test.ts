// The presenter view shows the notes for the session's settings: a deck in Slidev's dev server
// (as `npm start` and `npm run live` run it), the presenter view at 1280x720 in Chromium.
// Filtering is CSS on <html> attributes (setup/notes-settings.ts, styles/notes.css).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { countWords } from '../../src/content/notes'
import { SHARED_NOTES_DIR } from '../../src/content/shared-notes'
import { ROOT } from '../../src/paths'
import { type LiveDeck, startLiveDeck } from '../live/live-deck'

const SHARED = `test-shared-${process.pid}`
// The longest glance the content check allows: 60 words after its label.
const GLANCE = '**At a glance** · Say: "Which score did your consultants challenge, and which did you keep anyway?" · Do: one answer per trio, owners first, then each consultant in turn, one sentence each, no debate · Time: 3 min, then we move on even if a trio is mid-sentence · Land: a map is a conversation with your stakeholders, not a verdict on them, and it changes.'
const deck = (headmatter: string) => `---
theme: default
addons: ['../../']
colorSchema: light
title: Notes settings test ${process.pid}
fonts:
  provider: none
${headmatter}
---

# Trio rounds

<!--
${GLANCE}

**Purpose** Practise consulting on **one** real case.

**Say** "Alone first, then your trio."

::: in-person
Move the chairs into trios.
:::

::: online
Open the breakout rooms.
:::

::: hybrid
Keep the room's trios and the call's trios apart.
:::

::: live
Phones on the board by the QR code.
:::

::: no-live
One device per trio, with a scribe.
:::

::: short
Two owners only.
:::

{% include ${SHARED} %}

**Timing cues** 0:00 alone · 6:00 "one minute left" · 7:00 trio rounds.
-->

---

# Next

<!--
**At a glance** · Say: "Next." · Land: next.
-->
`

let browser: Browser
const started: LiveDeck[] = []
const SCREENS = join(ROOT, 'test-results', 'presenter-notes')

beforeAll(async () => {
  mkdirSync(SHARED_NOTES_DIR, { recursive: true })
  writeFileSync(join(SHARED_NOTES_DIR, `${SHARED}.md`), 'Shared text from *one* file.\n')
  mkdirSync(SCREENS, { recursive: true })
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  for (const d of started)
    d.stop()
  rmSync(join(SHARED_NOTES_DIR, `${SHARED}.md`), { force: true })
})

async function presenter(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  await page.goto(`${url}/presenter/1`)
  await page.locator('.slidev-note .kit-glance').waitFor()
  await page.getByTestId('notes-switch').waitFor()
  await page.locator('.slidev-page').first().waitFor()
  await page.locator('.slidev-slide-loading').first().waitFor({ state: 'detached' })
  return page
}

/** The variant blocks a reader can see, by name. */
const visibleVariants = (page: Page) => page.evaluate(() =>
  [...document.querySelectorAll<HTMLElement>('.slidev-note .kit-variant')]
    .filter(el => el.offsetParent !== null)
    .map(el => el.dataset.variant))

describe('the presenter view\'s notes', () => {
  let url: string
  beforeAll(async () => {
    const d = await startLiveDeck('notes-settings', deck(''), {})
    started.push(d)
    url = d.url
  }, 180_000)

  it('show the glance large and on top, and only the in-person, no-live, full variants by default', async () => {
    expect(countWords(GLANCE.replace('**At a glance**', ''))).toBe(60)
    const page = await presenter(url)
    expect(await page.evaluate(() => [...document.documentElement.attributes].filter(a => a.name.startsWith('data-kit-')).map(a => `${a.name}=${a.value}`).sort()))
      .toEqual(['data-kit-format=in-person', 'data-kit-live=no-live', 'data-kit-variants=setting', 'data-kit-version=full'])
    expect(await visibleVariants(page)).toEqual(['in-person', 'no-live'])
    // Markdown inside the note still renders, and the shared note is there.
    await expect(page.locator('.slidev-note strong', { hasText: 'one' }).count()).resolves.toBe(1)
    await expect(page.locator('.slidev-note em', { hasText: 'one' }).count()).resolves.toBe(1)

    const glance = page.locator('.slidev-note .kit-glance')
    const size = await glance.evaluate(el => Number.parseFloat(getComputedStyle(el).fontSize))
    expect(size).toBeGreaterThanOrEqual(22)
    // The whole glance inside the notes pane, without scrolling.
    const fits = await glance.evaluate((el) => {
      const pane = el.closest('.grid-section')!.getBoundingClientRect()
      const box = el.getBoundingClientRect()
      return { top: box.top >= pane.top - 1, bottom: box.bottom <= pane.bottom + 1, scroll: el.closest('.slidev-note')!.parentElement!.scrollTop }
    })
    await page.screenshot({ path: join(SCREENS, 'presenter-in-person-no-live-full.png') })
    expect(fits).toEqual({ top: true, bottom: true, scroll: 0 })
    await page.close()
  })

  it('switch format from the keyboard, and show every variant under its heading', async () => {
    const page = await presenter(url)
    const online = page.getByRole('button', { name: 'Online', exact: true })
    await online.focus()
    await page.keyboard.press('Enter')
    expect(await online.getAttribute('aria-pressed')).toBe('true')
    expect(await visibleVariants(page)).toEqual(['online', 'no-live'])
    await page.screenshot({ path: join(SCREENS, 'presenter-online-no-live-full.png') })

    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('All variants')
    await page.keyboard.press('Enter')
    expect(await visibleVariants(page)).toEqual(['in-person', 'online', 'hybrid', 'live', 'no-live', 'short'])
    expect(await page.locator('.slidev-note .kit-variant-label').allInnerTexts())
      .toEqual(['In person', 'Online', 'Hybrid', 'Live mode', 'Without live mode', 'Short version'].map(s => s.toUpperCase()))

    // The choice outlives a reload (the presenter window and a notes window agree).
    await page.reload()
    await page.locator('.slidev-note .kit-glance').waitFor()
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-kit-variants'))).toBe('all')
    await page.getByRole('button', { name: 'In person', exact: true }).click()
    expect(await visibleVariants(page)).toEqual(['in-person', 'no-live'])
    // A mouse click leaves no focus behind, so the clicker's keys still turn slides.
    await page.keyboard.press('ArrowRight')
    await page.waitForURL(/\/presenter\/2/)
    await page.close()
  })
})

describe('a live session of a cohort that runs hybrid, short', () => {
  let url: string
  beforeAll(async () => {
    const d = await startLiveDeck('notes-settings-live', deck('cohort: { id: notes-test, format: hybrid, version: short }'), {
      VITE_KIT_LIVE_URL: 'ws://127.0.0.1:9', VITE_KIT_LIVE_TOKEN: 'test-token', VITE_KIT_LIVE_JOIN: 'http://127.0.0.1:9/', VITE_KIT_LIVE_SESSION: 'notes-test',
    })
    started.push(d)
    url = d.url
  }, 180_000)

  it('shows the hybrid, live and short variants', async () => {
    const page = await presenter(url)
    expect(await visibleVariants(page)).toEqual(['hybrid', 'live', 'short'])
    expect(await page.getByTestId('notes-state').innerText()).toBe('Live mode · Short version')
    await page.screenshot({ path: join(SCREENS, 'presenter-hybrid-live-short.png') })
    await page.close()
  })
})

describe('a Spanish cohort\'s presenter view (issue 17)', () => {
  let url: string
  beforeAll(async () => {
    const d = await startLiveDeck('notes-settings-es', deck('cohort: { id: notes-es, format: online, version: full, language: es }'), {})
    started.push(d)
    url = d.url
  }, 180_000)

  it('heads the variant blocks in the cohort\'s language', async () => {
    const page = await presenter(url)
    expect(await visibleVariants(page)).toEqual(['online', 'no-live'])
    expect(await page.locator('.slidev-note .kit-variant-label:visible').allInnerTexts()).toEqual(['En línea', 'Sin modo en vivo'].map(s => s.toUpperCase()))
    await page.close()
  })
})
