// Everyone's own board on the projector (the deck in Slidev at 980 × 552, the presenter view, 30
// participants as real WebSocket clients): an individual board's slide says it is individual and
// shows the room's progress, a tile per person with how far they are, all 30 within the slide
// and never what anyone wrote; the facilitator picks one person in the presenter view, and that
// person's board appears only once they agree on their phone, and goes when they take it back.
// The screenshots are written to test-results/screenshots/ to be looked at.
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

const stakeholder = (id: string, name: string) => ({ id, name, category: 'host', power: 3, interest: 3, currentEngagement: '', preferredChannel: '', relationshipOwner: '' })

describe('an individual board, projected, with 30 participants', () => {
  it('shows how far each person is, all 30 on the slide, and one person\'s board only with their agreement', async () => {
    const projector = await browser.newPage({ viewport: { width: 980, height: 552 } })
    const errors: string[] = []
    projector.on('pageerror', e => errors.push(e.message))
    await projector.goto(`${deck.url}/2`, { timeout: 180_000 })
    const progress = projector.getByTestId('own-progress')
    await progress.waitFor({ timeout: 180_000 })
    expect(await projector.getByTestId('own-scope').getAttribute('data-scope')).toBe('individual')

    // The room: 30 phones (some anonymous), each with 0 to 6 stakeholders of their own.
    for (let p = 0; p < 30; p++)
      people.push(new OwnPhone(server.wsUrl, randomId(18), p % 5 === 4 ? '' : `Participant ${String(p + 1).padStart(2, '0')}`))
    await Promise.all(people.map(p => p.ready()))
    const sent = await Promise.all(people.flatMap((p, i) => Array.from({ length: i % 7 }, (_, n) => p.own(BOARD, { op: 'add', list: 'stakeholders', row: stakeholder(`s${n}`, `Qz secret ${i}-${n}`) }))))
    expect(sent.every(r => r.ok)).toBe(true)
    // A tile for each person who opened the board; those with no entry yet have not started.
    await Promise.all(people.map(p => p.mine(BOARD)))
    await projector.getByTestId('own-started').filter({ hasText: /^25 people have started$/ }).waitFor({ timeout: 30_000 })
    await expect.poll(() => projector.getByTestId('own-person').count()).toBe(30)
    // Nobody's text on the projector; every tile within the slide.
    expect(await projector.getByText(/Qz secret/).count()).toBe(0)
    expect(await misplaced(projector)).toEqual([])
    await projector.screenshot({ path: join(OUT, 'own-board-progress-30-participants-980x552.png') })

    // The presenter view: the facilitator picks Participant 07 (six entries).
    const presenter = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    await presenter.goto(`${deck.url}/presenter/2`, { timeout: 120_000 })
    const panel = presenter.locator('[data-testid="own-progress"]').filter({ has: presenter.getByTestId('own-show') })
    await panel.getByRole('button', { name: 'Show on the screen: Participant 07' }).click()
    const chosen = people[6]
    await chosen.mine(BOARD, m => m.asked)
    await projector.getByTestId('own-waiting').filter({ hasText: 'Participant 07' }).waitFor()
    expect(await projector.getByTestId('own-shown').count()).toBe(0)
    expect(await projector.getByText(/Qz secret/).count()).toBe(0)

    // Once they agree on their phone: their board, on the slide.
    const yes = randomId(12)
    chosen.raw(JSON.stringify({ t: 'own-consent', msg: yes, board: BOARD, consent: true }))
    await projector.getByTestId('own-shown').getByText('Qz secret 6-5', { exact: false }).waitFor()
    expect(await projector.getByText(/Qz secret (?!6-)/).count()).toBe(0)
    await projector.screenshot({ path: join(OUT, 'own-board-shown-with-consent-980x552.png') })
    // Taken back on the phone: gone from the projector at once.
    const no = randomId(12)
    chosen.raw(JSON.stringify({ t: 'own-consent', msg: no, board: BOARD, consent: false }))
    await projector.getByTestId('own-shown').waitFor({ state: 'detached' })
    expect(await projector.getByText(/Qz secret/).count()).toBe(0)
    expect(errors).toEqual([])
  })
})
