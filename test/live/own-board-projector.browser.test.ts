// Everyone's own board on the projector (the deck in Slidev, projected at 980 × 552 and
// 1280 × 720, the presenter view, 30 participants as real WebSocket clients): an individual
// board's slide says it is individual and shows the room's progress in place of the board's body
// (no stakeholder grid pushed off the slide), a tile per person with how far they are, all 30
// within the slide, 16 px or more, and never what anyone wrote; the facilitator picks one person
// in the presenter view, and that person's board appears only once they agree on their phone,
// drawn by the board's own view (the grid with their dots), read-only, under their name, and
// goes when they take it back; nothing of it is saved in the facilitator's browser. The
// projected slide has no control of its own (Show, Stop showing, the room's board toggle are in
// the presenter view); the presenter view counts what was sent to the room's board and can
// project it. The screenshots are written to test-results/screenshots/ to be looked at.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { ROOT } from '../../src/paths'
import { randomId } from '../../src/live/protocol'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { OwnPhone } from '../support/own-clients'
import { type LiveDeck, startLiveDeck } from './live-deck'
import { projected } from './own-screen'

const TOKEN = 'own-projector-facilitator-token-0123456789'
const OUT = join(ROOT, 'test-results', 'screenshots')
const BOARD = 'room-map'
const SLIDES = `---
theme: default
addons: ['../../']
colorSchema: light
title: Own boards test
fonts:
  provider: none
---

# Own boards

---

# Your stakeholders

<StakeholderMap id="${BOARD}" />
`

let dir: string
let server: LiveServer
let deck: LiveDeck
let browser: Browser
const people: OwnPhone[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-own-projector-'))
  mkdirSync(OUT, { recursive: true })
  server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Own boards', host: '127.0.0.1', port: 0, limits: { burst: 50, perSecond: 50 } })
  deck = await startLiveDeck('own-projector', SLIDES, { VITE_KIT_LIVE_URL: server.wsUrl, VITE_KIT_LIVE_TOKEN: TOKEN, VITE_KIT_LIVE_JOIN: `${server.url}/` })
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  for (const p of people)
    p.destroy()
  await browser?.close()
  deck?.stop()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** Tiles outside the slide, or over each other. */
const misplaced = (page: Page) => page.evaluate(() => {
  const slide = document.querySelector('#slide-content, .slidev-page')!.getBoundingClientRect()
  const tiles = [...document.querySelectorAll('[data-testid="own-person"]')].map(t => t.getBoundingClientRect())
  const out: string[] = []
  tiles.forEach((r, i) => {
    if (r.bottom > slide.bottom + 0.5 || r.right > slide.right + 0.5 || r.top < slide.top - 0.5)
      out.push(`tile ${i} outside the slide (${Math.round(r.top)}-${Math.round(r.bottom)} in ${Math.round(slide.top)}-${Math.round(slide.bottom)})`)
    for (let j = 0; j < i; j++) {
      const o = tiles[j]
      if (r.left < o.right - 0.5 && o.left < r.right - 0.5 && r.top < o.bottom - 0.5 && o.top < r.bottom - 0.5)
        out.push(`tile ${i} over tile ${j}`)
    }
  })
  return out
})

/** Every Yjs update saved in this browser's IndexedDB, as text: what the facilitator's laptop keeps. */
const saved = (page: Page) => page.evaluate(async () => {
  const ask = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
  const out: string[] = []
  for (const { name } of await indexedDB.databases()) {
    if (!name)
      continue
    const db = await ask(indexedDB.open(name))
    if (db.objectStoreNames.contains('updates')) {
      for (const u of await ask(db.transaction('updates').objectStore('updates').getAll()))
        out.push(new TextDecoder().decode(u instanceof Uint8Array ? u : new Uint8Array(u as ArrayBuffer)))
    }
    db.close()
  }
  return out.join('\n')
})

const stakeholder = (id: string, name: string) => ({ id, name, category: 'host', power: 3, interest: 3, currentEngagement: '', preferredChannel: '', relationshipOwner: '' })

describe('an individual board, projected, with 30 participants', () => {
  it('shows how far each person is in place of the board, all 30 on the slide, and one person\'s own board only with their agreement', async () => {
    // Two projectors (980 × 552 and 1280 × 720): the same slide, read from the back of the room.
    const sizes = [{ width: 980, height: 552 }, { width: 1280, height: 720 }] as const
    const errors: string[] = []
    const projectors: Page[] = []
    for (const viewport of sizes) {
      const page = await browser.newPage({ viewport })
      page.on('pageerror', e => errors.push(e.message))
      await page.goto(`${deck.url}/2`, { timeout: 180_000 })
      await page.getByTestId('own-progress').waitFor({ timeout: 180_000 })
      expect(await page.getByTestId('own-scope').getAttribute('data-scope')).toBe('individual')
      projectors.push(page)
    }
    const shot = (page: Page, name: string) => page.screenshot({ path: join(OUT, `own-board-${name}-${page.viewportSize()!.width}x${page.viewportSize()!.height}.png`) })

    // The room: 30 phones (some anonymous), each with 0 to 6 stakeholders of their own.
    for (let p = 0; p < 30; p++)
      people.push(new OwnPhone(server.wsUrl, randomId(18), p % 5 === 4 ? '' : `Participant ${String(p + 1).padStart(2, '0')}`))
    await Promise.all(people.map(p => p.ready()))
    const sent = await Promise.all(people.flatMap((p, i) => Array.from({ length: i % 7 }, (_, n) => p.own(BOARD, { op: 'add', list: 'stakeholders', row: stakeholder(`s${n}`, `Qz secret ${i}-${n}`) }))))
    expect(sent.every(r => r.ok)).toBe(true)
    // A tile for each person who opened the board; those with no entry yet have not started.
    await Promise.all(people.map(p => p.mine(BOARD)))
    for (const projector of projectors) {
      await projector.getByTestId('own-started').filter({ hasText: /^25 people have started$/ }).waitFor({ timeout: 30_000 })
      await expect.poll(() => projector.getByTestId('own-person').count()).toBe(30)
      // In place of the board's body: no grid under the tiles, pushed off the slide.
      expect(await projector.locator('.kit-sm').count()).toBe(0)
      // Nobody's text on the projector; every tile within the slide, legible, and no control.
      expect(await projector.getByText(/Qz secret/).count()).toBe(0)
      expect(await misplaced(projector)).toEqual([])
      await shot(projector, 'progress-30-participants')
      const seen = await projected(projector)
      expect(seen.outside).toEqual([])
      expect(seen.controls).toEqual([])
      expect(seen.smallest).toBeGreaterThanOrEqual(16)
      // Never colour alone: each tile says its count in figures.
      for (const tile of await projector.getByTestId('own-person').allTextContents())
        expect(tile.trim()).toMatch(/\s\d+$/)
    }
    const [projector] = projectors

    // The presenter view: the facilitator picks Participant 07 (six entries).
    const presenter = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    presenter.on('pageerror', e => errors.push(e.message))
    await presenter.goto(`${deck.url}/presenter/2`, { timeout: 120_000 })
    const panel = presenter.locator('[data-testid="own-progress"][data-where="presenter"]')
    await panel.getByTestId('own-show').first().waitFor({ timeout: 60_000 })
    // Nothing was sent to the room's board yet: no toggle to project it.
    expect(await panel.getByTestId('own-room').count()).toBe(0)
    await shot(presenter, 'presenter')
    await panel.getByRole('button', { name: 'Show on the screen: Participant 07' }).click()
    const chosen = people[6]
    await chosen.mine(BOARD, m => m.asked)
    for (const p of projectors) {
      await p.getByTestId('own-waiting').filter({ hasText: 'Participant 07' }).waitFor()
      expect(await p.getByTestId('own-shown').count()).toBe(0)
      expect(await p.getByText(/Qz secret/).count()).toBe(0)
      // Stop showing is the presenter view's, not the projector's.
      expect(await p.getByTestId('own-stop').count()).toBe(0)
      expect((await projected(p)).controls).toEqual([])
    }
    await panel.getByTestId('own-stop').waitFor()

    // Once they agree on their phone: their board, drawn by the board's own view (the grid, a
    // dot each, the key), read-only, under their name, on the slide.
    const yes = randomId(12)
    chosen.raw(JSON.stringify({ t: 'own-consent', msg: yes, board: BOARD, consent: true }))
    for (const p of projectors) {
      const shown = p.getByTestId('own-shown')
      await shown.getByText('Qz secret 6-5', { exact: true }).waitFor()
      await expect.poll(() => shown.locator('.kit-sm-grid .kit-sm-marker').count()).toBe(6)
      for (let n = 0; n < 6; n++)
        expect(await shown.locator('.kit-sm-names').getByText(`Qz secret 6-${n}`, { exact: true }).count()).toBe(1)
      expect(await p.getByTestId('own-shown-name').textContent()).toContain('Participant 07')
      expect(await p.getByText(/Qz secret (?!6-)/).count()).toBe(0)
      // The picture only: no toolbar, no live panel of its own, nothing enabled.
      expect(await shown.getByTestId('board-viewed').count()).toBe(1)
      expect(await shown.getByRole('toolbar').count()).toBe(0)
      expect(await shown.getByTestId('live-moderation').count()).toBe(0)
      await shot(p, 'shown-with-consent')
      const seen = await projected(p)
      expect(seen.controls).toEqual([])
      expect(seen.outside).toEqual([])
      // Whole (made smaller only as far as legible), nothing cut off.
      expect(await shown.evaluate(el => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1)
      expect(seen.smallest).toBeGreaterThanOrEqual(16)
      expect(await p.getByTestId('own-person').count()).toBe(0)
    }
    // Nothing of their board is kept by the facilitator's laptop (the slides' nor the presenter's).
    for (const p of [projector, presenter])
      expect(await saved(p)).not.toMatch(/Qz secret/)

    // Taken back on the phone: gone from the projector at once.
    const no = randomId(12)
    chosen.raw(JSON.stringify({ t: 'own-consent', msg: no, board: BOARD, consent: false }))
    for (const p of projectors) {
      await p.getByTestId('own-shown').waitFor({ state: 'detached' })
      expect(await p.getByText(/Qz secret/).count()).toBe(0)
      await expect.poll(() => p.getByTestId('own-person').count()).toBe(30)
    }
    await panel.getByTestId('own-stop').click()
    await projector.getByTestId('own-waiting').waitFor({ state: 'detached' })

    // One founding entry sent to the room's board: the presenter view counts it and can project it.
    const room = await people[0].contribute(BOARD, { op: 'add', list: 'stakeholders', row: stakeholder('room1', 'Room founder') })
    expect(room.ok).toBe(true)
    const toggle = panel.getByTestId('own-room')
    await toggle.filter({ hasText: '1 entry sent to the room\'s board' }).waitFor()
    for (const p of projectors)
      expect(await p.getByTestId('own-room').count()).toBe(0)
    await toggle.click()
    for (const p of projectors) {
      const board = p.getByTestId('own-room-board')
      await board.getByText('Room founder', { exact: true }).waitFor()
      expect(await board.locator('.kit-sm-grid .kit-sm-marker').count()).toBe(1)
      expect(await p.getByText(/Qz secret/).count()).toBe(0)
      expect(await p.getByTestId('own-person').count()).toBe(0)
      await shot(p, 'room-board')
      // On the slide, whole and legible; the toggle stays in the presenter view.
      expect(await p.getByTestId('own-room').count()).toBe(0)
      const seen = await projected(p)
      expect(seen.outside).toEqual([])
      expect(await board.evaluate(el => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1)
      expect(seen.smallest).toBeGreaterThanOrEqual(16)
    }
    // The room's board is kept as before (which shows the check above reads the saved boards).
    await expect.poll(() => saved(projector)).toMatch(/Room founder/)
    expect(await saved(projector)).not.toMatch(/Qz secret/)
    await toggle.click()
    for (const p of projectors)
      await expect.poll(() => p.getByTestId('own-person').count()).toBe(30)
    expect(errors).toEqual([])
  }, 240_000)
})
