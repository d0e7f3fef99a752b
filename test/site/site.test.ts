// Builds the whole site once, then checks it on disk and in the system Chromium as a person
// would meet it: every deck opens, shows its title, the presenter view shows the notes, and
// nothing is requested from another host.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { type LoadedDeck, listDecks, loadDeck, slideTitle } from '../../src/content/decks'
import { serveSite } from '../../src/output/serve'

const out = inject('siteDir')
let decks: LoadedDeck[]
let site: { url: string, close: () => Promise<void> }
let browser: Browser

beforeAll(async () => {
  decks = await Promise.all(listDecks().map(loadDeck))
  site = await serveSite(out, 0)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await site?.close()
})

/** Opens a page and records what a facilitator would never want: errors and calls to other hosts. */
async function open(path: string): Promise<{ page: Page, problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  const problems: string[] = []
  const origin = new URL(site.url).origin
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`) })
  page.on('pageerror', e => problems.push(`page error: ${e.message}`))
  page.on('request', (r) => {
    const url = r.url()
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`request to another host: ${url}`)
  })
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`) })
  await page.goto(site.url + path, { waitUntil: 'networkidle' })
  return { page, problems }
}

function plainWords(markdown: string, count: number): string {
  return markdown.replace(/<[^>]+>|[*_`#>[\]()]/g, ' ').split(/\s+/).filter(Boolean).slice(0, count).join(' ')
}

describe('the built site on disk', () => {
  it('has a landing page that links every deck, and every deck\'s index.html', () => {
    const landing = readFileSync(join(out, 'index.html'), 'utf8')
    for (const deck of listDecks()) {
      expect(existsSync(join(out, deck.name, 'index.html')), deck.name).toBe(true)
      expect(landing).toContain(`href="./${deck.name}/"`)
    }
  })

  it('builds each deck under its own base path', () => {
    for (const deck of listDecks()) {
      const html = readFileSync(join(out, deck.name, 'index.html'), 'utf8')
      expect(html).toContain(`/${deck.name}/assets/`)
      expect(html).not.toMatch(/fonts\.googleapis|cdn\.jsdelivr|unpkg\.com/)
    }
  })
})

describe('the built site in Chromium', () => {
  it('shows the landing page with every module and its length, without errors or other hosts', async () => {
    const { page, problems } = await open('/')
    for (const deck of decks) {
      const link = page.getByRole('link', { name: new RegExp(deck.headmatter.title) })
      await expect(link.first().isVisible()).resolves.toBe(true)
    }
    // Module 1's length, as its headmatter states it (for example `90min`).
    await expect(page.locator('main').innerText()).resolves.toContain(`${String(decks[1].headmatter.duration).replace('min', '')} minutes`)
    expect(problems).toEqual([])
    await page.close()
  })

  it('opens every deck at slide 1 with its title, and its home link leads back to the landing page', async () => {
    for (const deck of decks) {
      const { page, problems } = await open(`/${deck.ref.name}/#/1`)
      const title = slideTitle(deck.slides[0])
      await page.getByRole('heading', { name: title }).first().waitFor({ state: 'visible', timeout: 10_000 })
      await page.locator('[data-testid="kit-home"]:visible').click()
      await page.waitForURL(`${site.url}/`)
      expect(await page.title(), deck.ref.name).toContain('Community Building')
      expect(problems, deck.ref.name).toEqual([])
      await page.close()
    }
  })

  it('shows each deck\'s facilitator notes in the presenter view', async () => {
    for (const deck of decks) {
      const { page, problems } = await open(`/${deck.ref.name}/#/presenter/2`)
      const words = plainWords(deck.slides[1].note, 4)
      await page.locator('.slidev-note').filter({ hasText: words }).first().waitFor({ state: 'visible', timeout: 10_000 })
      expect(problems, deck.ref.name).toEqual([])
      await page.close()
    }
  })

  it('shows an activity slide\'s duration to the room', async () => {
    const deck = decks.find(d => d.ref.number === 1)!
    const activity = deck.slides.find(s => s.frontmatter.layout === 'activity')!
    const { page, problems } = await open(`/${deck.ref.name}/#/${activity.number}`)
    const badge = page.locator('[data-testid="activity-duration"]:visible')
    await badge.waitFor({ state: 'visible' })
    expect((await badge.innerText()).trim()).toBe(`${activity.frontmatter.duration} min`)
    expect(problems).toEqual([])
    await page.close()
  })

  it('stays in light mode: `d` does nothing and no dark-mode toggle shows, even when the browser prefers dark', async () => {
    const deck = decks[0]
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: 'dark' })
    const toggle = page.locator('[title="Switch to dark mode theme"], [title="Switch to light mode theme"]')
    await page.goto(`${site.url}/${deck.ref.name}/#/1`, { waitUntil: 'networkidle' })
    await page.locator('.slidev-page-1').first().waitFor({ state: 'visible' })
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true)
    await page.mouse.move(100, 650) // the nav bar shows on hover
    await page.locator('[title="Show slide overview"]').first().waitFor({ state: 'attached' })
    await expect(toggle.count()).resolves.toBe(0)
    await page.keyboard.press('d')
    // Keys are handled in order: once → has moved to slide 2, `d` has been handled too.
    await page.keyboard.press('ArrowRight')
    await page.waitForURL(/#\/2$/)
    await expect(page.evaluate(() => document.documentElement.classList.contains('dark'))).resolves.toBe(false)
    await page.goto(`${site.url}/${deck.ref.name}/#/overview`, { waitUntil: 'networkidle' })
    await page.locator('.slidev-page-1').first().waitFor({ state: 'attached' })
    await expect(toggle.count()).resolves.toBe(0)
    await expect(page.evaluate(() => document.documentElement.classList.contains('dark'))).resolves.toBe(false)
    await page.close()
  })
})
