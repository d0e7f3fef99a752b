// A live session's deck under Slidev's dev server (`npm run live`, `npm start`), walked slide by
// slide in the presenter view and on the projected page, as a facilitator does on a fresh
// clone: the dev server's dependency optimizer runs once, when it starts, and never again
// mid-session. Each scratch deck is a new root for Vite, so its optimizer starts afresh here,
// as on a fresh clone.
//
// Why it matters: a package first met on a later slide (yjs and zod on the first board, the
// live client, the join page's QR code) made Vite bundle the dependencies again while the
// deck was open. Vue's runtime is served with the bundle's version in its address, so slides
// drawn after that loaded a second copy of Vue, and their layouts threw
// "Cannot read properties of null (reading 'ce')" in the presenter view (the slide stayed
// blank). vite.config.ts names those packages for the optimizer's first run.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BOARDS } from '../../src/boards'
import { launchChromium } from '../../src/chromium'
import { buildJoinPage } from '../../src/live/join-build'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { type LiveDeck, startLiveDeck } from './live-deck'

const TOKEN = 'dev-deps-facilitator-token-0123456789abcdef'

/** The cover, the join slide, a timer, then every board of the registry on a slide of its own. */
const SLIDES = `---
theme: default
addons: ['../../']
colorSchema: light
title: Dev server dependencies test
fonts:
  provider: none
---

# A live session

---
layout: default
---

# Join

<LiveJoin />

---

# Work alone

<ExerciseTimer />
${BOARDS.map(b => `
---

# ${b.component}

<${b.component} id="deps-${b.def.kind}" />
`).join('')}`
const TOTAL = 3 + BOARDS.length

let dir: string
let server: LiveServer
let deck: LiveDeck
let browser: Browser
let output = ''
const errors: string[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-dev-deps-'))
  await buildJoinPage(join(dir, 'join'))
  server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Dev deps', host: '127.0.0.1', port: 0, joinDir: join(dir, 'join') })
  deck = await startLiveDeck('dev-deps', SLIDES, { VITE_KIT_LIVE_URL: server.wsUrl, VITE_KIT_LIVE_TOKEN: TOKEN, VITE_KIT_LIVE_JOIN: `${server.url}/` }, (text) => {
    output += text.replace(/\x1B\[[0-9;]*m/g, '')
  })
  browser = await launchChromium()
}, 400_000)

afterAll(async () => {
  await browser?.close()
  deck?.stop()
  await server?.stop()
  if (dir)
    rmSync(dir, { recursive: true, force: true })
})

/** The optimizer's runs the dev server reported so far. */
const optimizerRuns = () => output.split('\n').filter(line => /\[optimizer\] bundling dependencies/.test(line)).length

describe('the dev server of a live deck, on its first run', () => {
  it('bundles the dependencies once, at start, and every slide draws in the presenter view and on the projector without an error', async () => {
    const projector = await browser.newPage({ viewport: { width: 980, height: 552 } })
    const presenter = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    for (const [who, page] of [['projector', projector], ['presenter', presenter]] as const)
      page.on('pageerror', e => errors.push(`${who}: ${e.message}`))
    await projector.goto(`${deck.url}/1`, { timeout: 180_000 })
    await presenter.goto(`${deck.url}/presenter/1`, { timeout: 180_000 })
    const ready = (page: Page) => page.waitForFunction(() => (window as any).__slidev__?.nav?.currentSlideNo === 1, null, { timeout: 180_000 })
    await ready(projector)
    await ready(presenter)
    const atStart = optimizerRuns()

    for (let n = 2; n <= TOTAL; n++) {
      await presenter.evaluate(n => (window as any).__slidev__.nav.go(n), n)
      await projector.evaluate(n => (window as any).__slidev__.nav.go(n), n)
      for (const page of [presenter, projector]) {
        // The slide is drawn: its heading is on the page (a layout that threw draws none).
        await page.waitForFunction(n => (window as any).__slidev__.nav.currentSlideNo === n, n)
        const heading = page.locator(`.slidev-page-${n} h1`).first()
        await heading.waitFor({ state: 'visible', timeout: 60_000 })
      }
    }
    // Every board's view has loaded on its slide, in both windows.
    for (const page of [presenter, projector])
      expect(await page.evaluate(() => (window as any).__slidev__.nav.currentSlideNo)).toBe(TOTAL)

    expect(errors).toEqual([])
    expect(optimizerRuns(), `the dev server bundled its dependencies again while the deck was open:\n${output.split('\n').filter(l => /optimi/.test(l)).join('\n')}`).toBe(atStart)
  }, 600_000)
})
