// What the room sees, tried as a facilitator presents: the presenter view on the laptop and the
// projector's window in the same browser. B and . blank the projector from the presenter view;
// the preparation pages never come up in the room's sequence; a timed activity shows its step
// and time left on the projector, driven by T and N from the presenter view; the presenter view
// names the next slide in readable text; the join slide shows the room nothing technical.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext } from 'playwright-core'
import type { LoadedDeck } from '../../src/content/decks'
import { activityPlan } from '../../src/activities/activity-plan'
import { loadDecks } from '../support/kit-pages'
import { useSiteBrowser } from '../support/site-browser'

const env = useSiteBrowser()
let decks: LoadedDeck[]
let context: BrowserContext
let projector: Page
let presenter: Page
const errors: string[] = []

beforeAll(async () => {
  decks = await loadDecks()
  context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } })
  projector = await context.newPage()
  presenter = await context.newPage()
  for (const page of [projector, presenter])
    page.on('pageerror', e => errors.push(e.message))
})
afterAll(async () => { await context?.close() })

const deckNamed = (n: number) => decks.find(d => d.ref.number === n)!
const slideNo = (deck: LoadedDeck, test: (fm: Record<string, any>) => boolean) => deck.slides.findIndex(s => test(s.frontmatter)) + 1

async function show(page: Page, deck: LoadedDeck, n: number, presenterView = false) {
  await page.goto(`${env.url}/${deck.ref.name}/#/${presenterView ? 'presenter/' : ''}${n}`, { waitUntil: 'networkidle' })
  await page.locator(`.slidev-page-${n}`).first().waitFor({ state: 'visible' })
}

const slideInHash = (page: Page) => page.evaluate(() => Number(/#\/(?:presenter\/)?(\d+)/.exec(location.hash)?.[1]))

describe('the room\'s screen', () => {
  it('blanks on B and shows again on . from the presenter view, and the presenter view says so', async () => {
    const deck = deckNamed(2)
    await show(projector, deck, 2)
    await show(presenter, deck, 2, true)
    await presenter.locator('body').click({ position: { x: 5, y: 5 } })
    await presenter.keyboard.press('b')
    await projector.locator('[data-testid="room-blank"]').waitFor({ state: 'visible' })
    await expect(presenter.locator('[data-testid="room-blank-notice"]').first().isVisible()).resolves.toBe(true)
    // The presenter's own previews stay visible: only the room's window goes black.
    expect(await presenter.locator('[data-testid="room-blank"]').count()).toBe(0)
    await presenter.keyboard.press('.')
    await projector.locator('[data-testid="room-blank"]').waitFor({ state: 'detached' })
    await presenter.locator('[data-testid="room-blank-notice"]').waitFor({ state: 'detached' })
  })

  it('stops the forward keys before the preparation pages, and covers them on the projector', async () => {
    for (const deck of decks) {
      const firstPrep = slideNo(deck, fm => fm.prep === true)
      if (firstPrep < 2)
        continue
      const last = firstPrep - 1
      await show(presenter, deck, last, true)
      await presenter.locator('body').click({ position: { x: 5, y: 5 } })
      // → is refused at the last room slide; ← then goes one back from there (not from a prep page).
      await presenter.keyboard.press('ArrowRight')
      await presenter.keyboard.press('PageDown')
      await presenter.keyboard.press('ArrowLeft')
      await presenter.waitForFunction(n => Number(/#\/presenter\/(\d+)/.exec(location.hash)?.[1]) === n, last - 1)
      expect(await slideInHash(presenter), deck.ref.name).toBe(last - 1)
      // Reached on purpose (the overview, a number), a preparation page shows the room an end card only.
      await show(projector, deck, firstPrep)
      await projector.locator('[data-testid="room-end"]').waitFor({ state: 'visible' })
      const card = await projector.locator('[data-testid="room-end"]').boundingBox()
      const page = await projector.locator(`.slidev-page-${firstPrep}`).first().boundingBox()
      expect(card!.width).toBeGreaterThanOrEqual(page!.width - 1)
      expect(card!.height).toBeGreaterThanOrEqual(page!.height - 1)
    }
  })
})

describe('the room sees the time', () => {
  it('shows the running step and its time left on the projector, driven by T and N from the presenter view', async () => {
    const deck = decks.find(d => d.slides.some(s => s.frontmatter.layout === 'activity' && activityPlan(s.frontmatter).length > 1))!
    const n = slideNo(deck, fm => fm.layout === 'activity' && activityPlan(fm).length > 1)
    const steps = activityPlan(deck.slides[n - 1].frontmatter)
    await projector.evaluate(() => localStorage.clear())
    await show(projector, deck, n)
    await show(presenter, deck, n, true)
    const clock = projector.locator('[data-testid="activity-clock"]').first()
    await expect(clock.innerText()).resolves.toMatch(/\d+ min/)
    // The projector shows no control; the presenter view has the buttons.
    expect(await clock.locator('button').count()).toBe(0)
    expect(await presenter.locator('[data-testid="activity-clock"] button').count()).toBeGreaterThan(0)
    // The clock is read from the back of the room: at least 20 px on the 980-wide slide as projected.
    const size = await clock.evaluate(el => Number.parseFloat(getComputedStyle(el).fontSize))
    expect(size).toBeGreaterThanOrEqual(20)

    await presenter.locator('body').click({ position: { x: 5, y: 5 } })
    await presenter.keyboard.press('t')
    await projector.locator('[data-testid="activity-clock-step"]').first().waitFor({ state: 'visible' })
    await expect(projector.locator('[data-testid="activity-clock-step"]').first().innerText()).resolves.toMatch(new RegExp(`^1/${steps.length}`))
    await presenter.keyboard.press('n')
    await projector.waitForFunction(total => document.querySelector('[data-testid="activity-clock-step"]')?.textContent?.trim().startsWith(`2/${total}`), steps.length)
    // The time left is the second step's, counting down.
    const left = await projector.locator('[data-testid="activity-clock-time"]').first().innerText()
    const [m, s] = left.split(':').map(Number)
    expect(m * 60 + s).toBeLessThanOrEqual(steps[1].seconds)
    expect(m * 60 + s).toBeGreaterThan(steps[1].seconds - 30)
    await presenter.keyboard.press('t')
    await projector.getByText(/Paused|En pausa/).first().waitFor({ state: 'visible' })
  })
})

describe('the presenter view', () => {
  it('names the next slide in text at least 14 px on a 1280×720 laptop', async () => {
    const deck = deckNamed(2)
    await show(presenter, deck, 3, true)
    const next = presenter.locator('[data-testid="presenter-next"]')
    await next.waitFor({ state: 'visible' })
    const title = /^#\s+(.+)$/m.exec(deck.slides[3].content)?.[1].trim() ?? ''
    await expect(next.innerText()).resolves.toContain(title.replace(/[*_`]/g, ''))
    expect(await next.evaluate(el => Number.parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(14)
  })
})

describe('the join slide without live mode', () => {
  it('shows the room nothing technical, and the presenter view how to start live mode', async () => {
    for (const deck of decks) {
      const n = slideNo(deck, fm => typeof fm.id === 'string' && fm.id.endsWith('-join'))
      if (n < 1)
        continue
      await show(projector, deck, n)
      const join = projector.locator(`.slidev-page-${n} [data-testid="live-join"]`)
      await join.locator('[data-testid="live-join-offline"]').waitFor({ state: 'visible' })
      expect(await join.innerText(), deck.ref.name).not.toMatch(/npm|live --|localhost|token/i)
      await show(presenter, deck, n, true)
      await expect(presenter.locator('[data-testid="live-join"]').first().innerText()).resolves.toMatch(/npm run live/)
    }
    expect(errors).toEqual([])
  })
})
