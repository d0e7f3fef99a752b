// The page a board shows, as a facilitator presents: the presenter view on the laptop and the
// projector's window in the same browser (Slidev's dev server, as `npm start` and `npm run live`
// run it; Slidev's sync one way, presenter to projector). Every board that pages (its view uses
// useBoardPages, or RowBoard's notes: read from the registry's views, not listed here) gets more
// items than a page, from the toolbar's Import in the presenter view; the facilitator turns to
// page 2 there, and the projector shows its own page 2: the items right after the ones it showed.
// In a live session: a participant's RACI matrix with 8 activities, shown with their agreement, is
// turned from the presenter view's panel while the projector says "Page 2 of 2" and has no
// control; and the room's quick answers page the same way on the projector, with no button on it.
// Fails on a page kept by each view (the projector stays on page 1).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import { BOARDS } from '../../src/boards'
import { exportJson, importJson } from '../../src/board-doc/envelope'
import { launchChromium } from '../../src/chromium'
import { buildJoinPage } from '../../src/live/join-build'
import { randomId } from '../../src/live/protocol'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { ROOT } from '../../src/paths'
import { OwnPhone } from '../support/own-clients'
import { type LiveDeck, startLiveDeck } from './live-deck'
import { projected } from './own-screen'

/** A board's view pages when it uses useBoardPages itself or draws its rows with RowBoard (BoardNotes). */
const pages = (component: string, kind: string) => /\buseBoardPages\b|\bRowBoard\b/.test(readFileSync(join(ROOT, 'src', 'boards', kind, `${component}.vue`), 'utf8'))
const name = (n: number) => `Qz item ${String(n).padStart(2, '0')}`

/** Every board that pages, from the registry: its slide (from 2), its id, and a board of `count` items named "Qz item 01"… in its phone's list. */
const PAGED = BOARDS.filter(b => pages(b.component, b.def.kind)).map((b, i) => {
  const sample = b.samples.phone
  if (!sample)
    throw new Error(`${b.def.kind}: a board that pages needs a phone sample (samples.phone in src/boards/${b.def.kind}/entry.ts) for this test`)
  const rows = (b.samples.rows ?? {}) as Record<string, unknown>
  const template = (rows[sample.list] as Record<string, unknown>[] | undefined)?.[0] ?? sample.row
  const id = `pages-${b.def.kind}`
  const fileOf = (count: number) => exportJson(b.def, id, { ...b.def.empty(), ...rows, [sample.list]: Array.from({ length: count }, (_, n) => ({ ...template, id: `qz${n + 1}`, [sample.title]: name(n + 1) })) })
  // As many as the board takes, up to 30 (the charter keeps 12 milestones).
  let count = 30
  while (count > 1 && !importJson(b.def, fileOf(count)).ok)
    count--
  return { kind: b.def.kind, component: b.component, slide: i + 2, id, names: Array.from({ length: count }, (_, n) => name(n + 1)), file: fileOf(count) }
})

const deckOf = (title: string, slides: string[]) => `---
theme: default
addons: ['../../']
colorSchema: light
title: ${title}
fonts:
  provider: none
---

# ${title}
${slides.map(s => `
---

${s}
`).join('')}`

/**
 * Slidev's own window sync off: each test puts both windows on the slide itself (goTo). What
 * these tests check is the board's page shared by the windows; Slidev's slide sync, under load,
 * once left the projector a slide behind (a late message from the presenter's previous slide).
 */
const noSlideSync = (page: Page) => page.addInitScript(() => localStorage.setItem('slidev-sync-directions', JSON.stringify({ viewerSend: false, viewerReceive: false, presenterSend: false, presenterReceive: false })))
const slidevReady = (page: Page, presenting: boolean) => page.waitForFunction(presenting => (window as any).__slidev__?.nav?.isPresenter === presenting && (window as any).__slidev__.nav.currentSlideNo === 1, presenting, { timeout: 180_000 })

/** The presenter view and the projector of one deck, two windows of one browser (one profile: its storage, its tabs). */
async function openBoth(browser: Browser, url: string, errors: string[]) {
  const context = await browser.newContext({ viewport: { width: 980, height: 552 } })
  const projector = await context.newPage()
  const presenter = await context.newPage()
  await presenter.setViewportSize({ width: 1280, height: 720 })
  for (const [label, page] of [['projector', projector], ['presenter', presenter]] as const) {
    await noSlideSync(page)
    page.on('pageerror', e => errors.push(`${label}: ${e.message}`))
  }
  await projector.goto(`${url}/1`, { timeout: 180_000 })
  await presenter.goto(`${url}/presenter/1`, { timeout: 180_000 })
  await slidevReady(projector, false)
  await slidevReady(presenter, true)
  // Both windows are put on the slide (Slidev's window sync is off, see noSlideSync).
  const goTo = async (n: number) => {
    await presenter.evaluate(n => (window as any).__slidev__.nav.go(n), n)
    await presenter.waitForURL(u => u.pathname === `/presenter/${n}`)
    await projector.evaluate(n => (window as any).__slidev__.nav.go(n), n)
    await projector.waitForURL(u => u.pathname === `/${n}`)
  }
  return { projector, presenter, goTo }
}

/** Which of `names` the window shows inside the board `id` (laid out, not hidden, not a picture for the eye only such as the quick answers' cloud), in order. */
const shownNames = (page: Page, id: string, names: string[]) => page.evaluate(({ id, names }) => {
  const root = [...document.querySelectorAll(`[data-board="${id}"]`)].find(el => el.getClientRects().length > 0)
  if (!root)
    return []
  const seen = (el: Element) => {
    const r = el.getBoundingClientRect()
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[aria-hidden="true"], .sr-only')
  }
  const holders = [...root.querySelectorAll<HTMLElement>('*')].filter(el => seen(el))
  const text = (el: HTMLElement) => [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('')
  return names.filter(n => holders.some(el => text(el).includes(n)))
}, { id, names })

/** What the window shows of the board once its layout has settled (the same twice running: a grid of notes measures its room first), less than the whole. */
async function settled(page: Page, id: string, names: string[]) {
  let last = ''
  let shown: string[] = []
  await expect.poll(async () => {
    shown = await shownNames(page, id, names)
    const same = shown.join('|') === last
    last = shown.join('|')
    return same && shown.length < names.length
  }, { timeout: 15_000 }).toBe(true)
  return shown
}

/**
 * The projector shows its page 2: the items right after the ones its page 1 showed. Its page size
 * can change while a board measures its room (a status line appearing above it); then page 2 of
 * p items is the items p+1 to 2p (page 1 would be the items 1 to p).
 */
async function expectNextPage(projector: Page, id: string, names: string[], before: string[]) {
  await expect.poll(async () => {
    const after = await shownNames(projector, id, names)
    const from = (start: number) => after.every((n, i) => n === names[start + i])
    return after.length > 0 && (from(before.length) || from(after.length))
  }, { timeout: 15_000 }).toBe(true)
}

describe('a board\'s page, turned in the presenter view, followed by the projector', () => {
  let deck: LiveDeck
  let browser: Browser
  let screens: Awaited<ReturnType<typeof openBoth>>
  const errors: string[] = []

  beforeAll(async () => {
    deck = await startLiveDeck('board-pages', deckOf('Board pages', PAGED.map(b => `# ${b.component}\n\n<${b.component} id="${b.id}" />`)), {})
    browser = await launchChromium()
    screens = await openBoth(browser, deck.url, errors)
  }, 400_000)
  afterAll(async () => {
    await browser?.close()
    deck?.stop()
  })

  it('derives the boards that page from their views', () => {
    expect(PAGED.map(b => b.kind)).toEqual(expect.arrayContaining(['raci-matrix', 'stakeholder-map', 'mountain-of-engagement', 'channel-audit', 'charter-builder']))
  })

  it.each(PAGED)('$kind: page 2 in the presenter view is page 2 on the projector', async ({ slide, id, names, file }) => {
    const { projector, presenter, goTo } = screens
    onTestFailed(async () => {
      for (const [label, page] of Object.entries({ projector, presenter }))
        await page.screenshot({ path: join(ROOT, 'test-results', 'screenshots', `board-pages-${id}-failed-${label}.png`) })
    })
    await goTo(slide)
    const board = presenter.locator(`[data-board="${id}"]`)
    await board.getByTestId('board-import').setInputFiles({ name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(file) })
    // The projector has the board (this browser's other tab) and shows its first page.
    await expect.poll(async () => (await shownNames(projector, id, names)).length > 0 || await projector.locator(`[data-board="${id}"] [data-testid="charter-preview"]`).count() > 0, { timeout: 30_000 }).toBe(true)
    const before = await settled(projector, id, names)
    expect(before).toEqual(names.slice(0, before.length))

    // Turned in the presenter view: the board's first pager, or the charter's second page.
    const next = board.getByRole('button', { name: 'Next page' }).first()
    await (await next.count() ? next : board.getByRole('button', { name: /^2: / })).click()
    await expectNextPage(projector, id, names, before)
    expect(errors).toEqual([])
  }, 120_000)
})

const TOKEN = 'board-pages-facilitator-token-0123456789'

describe('in a live session: the projector shows where it is, the presenter view turns the page', () => {
  let dir: string
  let server: LiveServer
  let deck: LiveDeck
  let browser: Browser
  let screens: Awaited<ReturnType<typeof openBoth>>
  let phone: OwnPhone
  const errors: string[] = []
  const qa = PAGED.find(b => b.kind === 'quick-answers')!

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kit-board-pages-'))
    await buildJoinPage(join(dir, 'join'))
    server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Board pages', host: '127.0.0.1', port: 0, joinDir: join(dir, 'join'), limits: { burst: 50, perSecond: 50 } })
    deck = await startLiveDeck('board-pages-live', deckOf('Board pages live', ['# RACI\n\n<RaciMatrix id="own-raci" />', `# Quick answers\n\n<QuickAnswers id="${qa.id}" />`]), { VITE_KIT_LIVE_URL: server.wsUrl, VITE_KIT_LIVE_TOKEN: TOKEN, VITE_KIT_LIVE_JOIN: `${server.url}/` })
    browser = await launchChromium()
    screens = await openBoth(browser, deck.url, errors)
    phone = new OwnPhone(server.wsUrl, randomId(18), 'Ana Agrees')
    await phone.ready()
  }, 400_000)
  afterAll(async () => {
    phone?.destroy()
    await browser?.close()
    deck?.stop()
    await server?.stop()
    if (dir)
      rmSync(dir, { recursive: true, force: true })
  })

  it('a participant\'s RACI matrix of 8 activities: turned from the presenter view\'s panel, page 2 on the projector', async () => {
    const { projector, presenter, goTo } = screens
    await goTo(2)
    const panel = presenter.locator('[data-board="own-raci"] [data-testid="own-progress"][data-where="presenter"]')
    const screen = projector.locator('[data-board="own-raci"] [data-testid="own-progress"][data-where="slide"]')
    await screen.getByTestId('own-scope').waitFor({ timeout: 60_000 })
    const activities = Array.from({ length: 8 }, (_, n) => name(n + 1))
    for (const [n, activity] of activities.entries())
      expect(await phone.own('own-raci', { op: 'add', list: 'activities', row: { id: `a${n + 1}`, name: activity } })).toMatchObject({ ok: true })
    const msg = randomId(12)
    phone.raw(JSON.stringify({ t: 'own-consent', msg, board: 'own-raci', consent: true }))
    expect(await phone.answer(msg)).toMatchObject({ ok: true })
    await panel.getByRole('button', { name: 'Show on the screen: Ana Agrees' }).click()
    const shown = screen.getByTestId('own-shown')
    await shown.waitFor()

    // The projector: the first six of hers, where it is, and nothing to press.
    await expect.poll(() => shownNames(projector, 'own-raci', activities), { timeout: 15_000 }).toEqual(activities.slice(0, 6))
    await expect(shown.getByTestId('board-pager-where').first().innerText()).resolves.toBe('Page 1 of 2')
    expect((await projected(projector, '[data-board="own-raci"]')).controls).toEqual([])

    // The presenter view's panel turns her activities; the projector follows.
    const pager = panel.locator('[data-testid="own-pager"][data-pager="own-raci:activities"]')
    await pager.getByRole('button', { name: 'Next page' }).click()
    await expect.poll(() => shownNames(projector, 'own-raci', activities), { timeout: 15_000 }).toEqual(activities.slice(6))
    await expect(shown.getByTestId('board-pager-where').first().innerText()).resolves.toBe('Page 2 of 2')
    expect((await projected(projector, '[data-board="own-raci"]')).controls).toEqual([])
    await pager.getByRole('button', { name: 'Previous page' }).click()
    await expect.poll(() => shownNames(projector, 'own-raci', activities), { timeout: 15_000 }).toEqual(activities.slice(0, 6))
    expect(errors).toEqual([])
  }, 180_000)

  it('the room\'s quick answers: no button on the projector, which follows the page turned in the presenter view', async () => {
    const { projector, presenter, goTo } = screens
    onTestFailed(async () => {
      for (const [label, page] of Object.entries({ projector, presenter }))
        await page.screenshot({ path: join(ROOT, 'test-results', 'screenshots', `board-pages-live-qa-failed-${label}.png`) })
    })
    await goTo(3)
    const board = presenter.locator(`[data-board="${qa.id}"]`)
    await board.getByTestId('board-import').setInputFiles({ name: `${qa.id}.json`, mimeType: 'application/json', buffer: Buffer.from(qa.file) })
    const where = projector.locator(`[data-board="${qa.id}"] [data-testid="board-pager-where"]`)
    await where.filter({ hasText: /^Page 1 of \d+$/ }).waitFor({ timeout: 30_000 })
    expect(await projector.locator(`[data-board="${qa.id}"] [data-testid="board-pager"]`).count()).toBe(0)
    const before = await settled(projector, qa.id, qa.names)
    expect(before).toEqual(qa.names.slice(0, before.length))
    expect(before.length).toBeGreaterThan(0)

    await board.getByTestId('board-pager').getByRole('button', { name: 'Next page' }).click()
    await expectNextPage(projector, qa.id, qa.names, before)
    await where.filter({ hasText: /^Page 2 of \d+$/ }).waitFor()
    expect(errors).toEqual([])
  }, 120_000)
})
