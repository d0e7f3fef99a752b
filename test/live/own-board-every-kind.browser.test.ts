// Every individual board's own copy on the projector, with its owner's agreement: for each board
// the registry marks `individual` (src/boards/<kind>/entry.ts), a phone (the join page in a browser
// context of its own, 390 px) fills one entry of its own copy from the board's sample row and
// agrees to be shown; another participant fills theirs and does not agree. The facilitator asks
// for each in the presenter view; the projected slide (Slidev, 980 × 552) shows nothing of the one
// who did not agree, and the entry of the one who did, drawn by the board's own view, whole and
// within the slide. One live server, one deck (a slide a board), the boards in turn. The
// screenshots go to test-results/screenshots/ to be looked at.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import { BOARDS } from '../../src/boards'
import type { PhoneForm } from '../../src/boards/kit/phone'
import { launchChromium } from '../../src/chromium'
import { buildJoinPage } from '../../src/live/join-build'
import { randomId } from '../../src/live/protocol'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { ROOT } from '../../src/paths'
import { OwnPhone } from '../support/own-clients'
import { type LiveDeck, startLiveDeck } from './live-deck'
import { projected } from './own-screen'

const TOKEN = 'own-every-kind-facilitator-token-0123456789'
const OUT = join(ROOT, 'test-results', 'screenshots')

/** Every individual board, from the registry: its slide (from 2, after the cover), its id, what its phone fills. */
const KINDS = BOARDS.filter(b => b.individual).map((b, i) => {
  const sample = b.samples.phone
  if (!sample)
    throw new Error(`${b.def.kind}: an individual board needs a phone sample (samples.phone in src/boards/${b.def.kind}/entry.ts) for this test`)
  const list = (b.phone as PhoneForm).lists.find(l => l.key === sample.list)!
  return { kind: b.def.kind, component: b.component, slide: i + 2, id: `own-${b.def.kind}`, list, sample }
})
const SLIDES = `---
theme: default
addons: ['../../']
colorSchema: light
title: Every own board test
fonts:
  provider: none
---

# Every own board
${KINDS.map(k => `
---

# ${k.component}

<${k.component} id="${k.id}" />
`).join('')}`

let dir: string
let server: LiveServer
let deck: LiveDeck
let browser: Browser
let projector: Page
let presenter: Page
let phone: { context: BrowserContext, page: Page }
let other: OwnPhone
const errors: string[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-own-every-kind-'))
  mkdirSync(OUT, { recursive: true })
  await buildJoinPage(join(dir, 'join'))
  server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Every own board', host: '127.0.0.1', port: 0, joinDir: join(dir, 'join'), limits: { burst: 50, perSecond: 50 } })
  deck = await startLiveDeck('own-every-kind', SLIDES, { VITE_KIT_LIVE_URL: server.wsUrl, VITE_KIT_LIVE_TOKEN: TOKEN, VITE_KIT_LIVE_JOIN: `${server.url}/` })
  browser = await launchChromium()
  projector = await browser.newPage({ viewport: { width: 980, height: 552 } })
  await oneWay(projector)
  projector.on('pageerror', e => errors.push(`projector: ${e.message}`))
  await projector.goto(`${deck.url}/1`, { timeout: 180_000 })
  presenter = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  await oneWay(presenter)
  presenter.on('pageerror', e => errors.push(`presenter: ${e.message}`))
  await presenter.goto(`${deck.url}/presenter/1`, { timeout: 180_000 })
  await slidevReady(projector, false)
  await slidevReady(presenter, true)
  // The phone: its own browser context (its own participant secret), at 390 px.
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true })
  phone = { context, page: await context.newPage() }
  phone.page.on('pageerror', e => errors.push(`phone: ${e.message}`))
  await phone.page.goto(`${server.url}/`)
  await phone.page.getByTestId('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 60_000 })
  await phone.page.getByTestId('name').fill('Ana Agrees')
  // The one who does not agree: a participant's client of its own.
  other = new OwnPhone(server.wsUrl, randomId(18), 'Bo Declines')
  await other.ready()
}, 400_000)

afterAll(async () => {
  other?.destroy()
  await browser?.close()
  deck?.stop()
  await server?.stop()
  if (dir)
    rmSync(dir, { recursive: true, force: true })
})

/**
 * Slidev's sync one way, as in the room: the presenter view leads, the projected slides follow
 * (Slidev's own sync settings). Both ways, a projected slide that has not yet followed sends its
 * slide back, and the two pages chase each other.
 */
const oneWay = (page: Page) => page.addInitScript(() => localStorage.setItem('slidev-sync-directions', JSON.stringify({ viewerSend: false, viewerReceive: true, presenterSend: true, presenterReceive: false })))

/** Moves the presenter view to slide `n` (Slidev's own navigation, no reload); the projected slides follow it, as in the room. */
async function goTo(n: number) {
  await presenter.evaluate(n => (window as any).__slidev__.nav.go(n), n)
  await presenter.waitForURL(url => url.pathname === `/presenter/${n}`)
  await projector.waitForURL(url => url.pathname === `/${n}`)
}

/** Waits for Slidev's app on `page` to have read its address (the presenter view knows it is one). */
const slidevReady = (page: Page, presenting: boolean) => page.waitForFunction(presenting => (window as any).__slidev__?.nav?.isPresenter === presenting && (window as any).__slidev__.nav.currentSlideNo === 1, presenting, { timeout: 180_000 })

/** Fills the phone's form for a new entry of `list` with `row` (a text field, a choice, a stepper, checkboxes, a list) and sends it. */
async function fill(page: Page, list: string, row: Record<string, unknown>) {
  const form = page.getByTestId(`own-list-${list}`).locator('details.add-entry form')
  for (const [key, value] of Object.entries(row)) {
    if (value === '' || (Array.isArray(value) && !value.length))
      continue
    const field = form.locator(`[data-field="${key}"]`)
    if (!await field.count()) {
      // A choice of several: its checkboxes.
      for (const v of value as string[])
        await form.locator(`input[type="checkbox"][value="${v}"]`).check()
      continue
    }
    const tag = await field.evaluate(el => el.tagName.toLowerCase())
    if (tag === 'output') {
      // A 1-5 scale: the stepper, from where it starts.
      while (Number(await field.textContent()) !== value) {
        const up = Number(await field.textContent()) < Number(value)
        await form.locator(`[data-step="${key}-${up ? 'more' : 'less'}"]`).click()
      }
    }
    else if (tag === 'select') {
      await field.selectOption(String(value))
    }
    else {
      await field.fill(Array.isArray(value) ? value.join('\n') : String(value))
    }
  }
  await form.getByTestId('submit-entry').click()
}

/** Where the elements showing `text` are on the projector: how many are seen, and any past the slide or cut off by the shown board. */
const placed = (page: Page, board: string, text: string) => page.evaluate(({ board, text }) => {
  const slide = document.querySelector('#slide-content, .slidev-page')!.getBoundingClientRect()
  const shown = document.querySelector(`[data-board="${board}"] [data-testid="own-shown"]`)
  const box = shown?.getBoundingClientRect()
  const holders = [...document.querySelectorAll<HTMLElement>(`[data-board="${board}"] *`)]
    .filter(el => [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(text)))
  const seen = holders.filter((el) => {
    const r = el.getBoundingClientRect()
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'
  })
  const wrong = seen.flatMap((el) => {
    const r = el.getBoundingClientRect()
    const out: string[] = []
    if (r.top < slide.top - 0.5 || r.bottom > slide.bottom + 0.5 || r.left < slide.left - 0.5 || r.right > slide.right + 0.5)
      out.push(`${el.tagName.toLowerCase()} past the slide`)
    if (box && (r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 || r.left < box.left - 0.5 || r.right > box.right + 0.5))
      out.push(`${el.tagName.toLowerCase()} cut off by the shown board`)
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      out.push(`${el.tagName.toLowerCase()} cut off (${el.scrollWidth} in ${el.clientWidth})`)
    return out
  })
  return { seen: seen.length, inShown: seen.filter(el => shown?.contains(el)).length, wrong }
}, { board, text })

describe('every individual board, projected with its owner\'s agreement', () => {
  it('derives the boards from the registry', () => {
    expect(KINDS.length).toBeGreaterThanOrEqual(2)
    expect(KINDS.map(k => k.kind)).toContain('stakeholder-map')
  })

  it.each(KINDS)('$kind: the agreeing phone\'s entry on the slide, nothing of the other', async ({ kind, slide, id, list, sample }) => {
    const mine = `Qz agreed ${kind}`.slice(0, 40)
    const theirs = `Qz declined ${kind}`.slice(0, 40)
    // What each screen showed, when it fails.
    onTestFailed(async () => {
      for (const [name, page] of Object.entries({ phone: phone.page, presenter, projector }))
        await page.screenshot({ path: join(OUT, `own-board-${kind}-failed-${name}.png`) })
    })
    await goTo(slide)
    const panel = presenter.locator(`[data-board="${id}"] [data-testid="own-progress"][data-where="presenter"]`)
    const screen = projector.locator(`[data-board="${id}"] [data-testid="own-progress"][data-where="slide"]`)
    await screen.getByTestId('own-scope').waitFor({ timeout: 60_000 })

    // The phone follows the slide to its own copy, fills one entry and agrees to be shown.
    const own = phone.page.getByTestId(`own-list-${list.key}`)
    await own.waitFor({ timeout: 30_000 })
    await fill(phone.page, list.key, { ...sample.row, [list.title]: mine })
    // Acknowledged by the server (an entry on its way has no Edit).
    await own.getByRole('button', { name: `Edit: ${mine}` }).waitFor()
    await phone.page.getByTestId('own-consent').locator('input').check()
    // The other participant fills theirs, and does not agree.
    const row = { ...sample.row, id: randomId(8), [list.title]: theirs }
    expect(await other.own(id, { op: 'add', list: list.key, row })).toMatchObject({ ok: true })
    await other.mine(id)

    // The presenter view: both have started; Ana's tile says she agreed.
    await panel.getByTestId('own-started').filter({ hasText: /^2 people have started$/ }).waitFor({ timeout: 30_000 })
    await panel.getByTestId('own-person').filter({ hasText: 'Ana Agrees' }).getByTestId('own-show').filter({ hasText: '✓' }).waitFor()

    // Asked to show Bo, who has not agreed: the projector waits, and shows nothing of his.
    await panel.getByRole('button', { name: 'Show on the screen: Bo Declines' }).click()
    await screen.getByTestId('own-waiting').filter({ hasText: 'Bo Declines' }).waitFor()
    expect(await screen.getByTestId('own-shown').count()).toBe(0)
    expect(await projector.getByText(theirs).count()).toBe(0)
    expect(await projector.getByText(mine).count()).toBe(0)

    // Ana, who agreed: her entry, drawn by the board's own view, under her name, on the slide.
    await panel.getByRole('button', { name: 'Show on the screen: Ana Agrees' }).click()
    const shown = screen.getByTestId('own-shown')
    await shown.waitFor()
    expect(await screen.getByTestId('own-shown-name').textContent()).toContain('Ana Agrees')
    const drawn = expect.poll(async () => (await placed(projector, id, mine)).inShown, { timeout: 15_000 }).toBeGreaterThan(0)
    await drawn.finally(() => projector.screenshot({ path: join(OUT, `own-board-${kind}-shown-980x552.png`) }))
    expect((await placed(projector, id, mine)).wrong).toEqual([])
    const seen = await projected(projector, `[data-board="${id}"]`)
    expect(seen.outside).toEqual([])
    expect(seen.controls).toEqual([])
    expect(await shown.evaluate(el => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1)
    expect(await projector.getByText(theirs).count()).toBe(0)
    expect(await shown.getByTestId('board-viewed').count()).toBe(1)

    // Stopped: back to the tiles, nothing of either.
    await panel.getByTestId('own-stop').click()
    await shown.waitFor({ state: 'detached' })
    expect(await projector.getByText(mine).count()).toBe(0)
    expect(errors).toEqual([])
  }, 120_000)
})
