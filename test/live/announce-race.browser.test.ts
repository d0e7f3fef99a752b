// A reloaded projector cannot leave the phones on the previous slide: the projected slides (the
// deck in Slidev) announce the current board and the current activity in the session's control
// document only once it holds the server's state (`writeWhenSynced`, src/live/client.ts). Written
// before, on a page that has just loaded, the announcement is concurrent with the one the server
// already has, and Yjs settles two concurrent writes to one key by client id, not by time (and a
// page that has not yet read the current activity has nothing to clear). Here the previous
// announcement comes from a second facilitator client, the previous projector, whose client id is
// the highest there is: every concurrent write loses to it. And the reloaded projector reaches the
// live server through a proxy that holds the server's answers until its slide is drawn, so that it
// has announced (or, with writeWhenSynced, is waiting to) before it has the server's state: a page
// that announces before its sync leaves the phones on the previous board, every time. The phones:
// the join page in a browser context of its own (390 px), and a participant's client reading what
// phones read.
import { mkdtempSync, rmSync } from 'node:fs'
import { createConnection, createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { activityMessage } from '../../src/live/client'
import { buildJoinPage } from '../../src/live/join-build'
import { ACTIVITY_MAP, type CurrentActivity } from '../../src/live/protocol'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { Facilitator, Participant, until } from '../support/live-clients'
import { type LiveDeck, startLiveDeck } from './live-deck'

const TOKEN = 'announce-race-facilitator-token-0123456789'
const SLIDES = `---
theme: default
addons: ['../../']
colorSchema: light
title: Announcement race test
fonts:
  provider: none
---

# Announcements

---
layout: activity
id: race-first
duration: 5
---

# First activity

<Poll id="race-poll" question="Which first?" options="One | Two" />

---
layout: activity
id: race-second
duration: 3
---

# Second activity

<Scale id="race-scale" statement="Ready for the second?" low="no" high="yes" />

---

# A slide without a board
`

/**
 * A TCP proxy to the live server for the deck's pages: what they send goes through at once; while
 * held, what the server answers waits (the page cannot sync), and goes through on release.
 */
function holdingProxy(target: number) {
  let held = false
  const waiting: (() => void)[] = []
  const sockets = new Set<Socket>()
  const proxy: Server = createServer((client) => {
    const upstream = createConnection(target, '127.0.0.1')
    sockets.add(client).add(upstream)
    client.pipe(upstream)
    upstream.on('data', (chunk: Buffer) => {
      if (held)
        waiting.push(() => client.write(chunk))
      else
        client.write(chunk)
    })
    const end = () => {
      client.destroy()
      upstream.destroy()
    }
    client.on('close', end).on('error', end)
    upstream.on('close', end).on('error', end)
  })
  return {
    listen: () => new Promise<number>(resolve => proxy.listen(0, '127.0.0.1', () => resolve((proxy.address() as { port: number }).port))),
    hold: () => { held = true },
    release: () => {
      held = false
      for (const send of waiting.splice(0))
        send()
    },
    close: () => {
      for (const s of sockets)
        s.destroy()
      proxy.close()
    },
  }
}

let dir: string
let server: LiveServer
let proxy: ReturnType<typeof holdingProxy>
let deck: LiveDeck
let browser: Browser
let previous: Facilitator
let reader: Participant
let projector: Page
let phone: { context: BrowserContext, page: Page }
const errors: string[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-announce-race-'))
  await buildJoinPage(join(dir, 'join'))
  server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Announcement race', host: '127.0.0.1', port: 0, joinDir: join(dir, 'join') })
  proxy = holdingProxy(Number(new URL(server.url).port))
  const proxied = await proxy.listen()
  deck = await startLiveDeck('announce-race', SLIDES, { VITE_KIT_LIVE_URL: `ws://127.0.0.1:${proxied}`, VITE_KIT_LIVE_TOKEN: TOKEN, VITE_KIT_LIVE_JOIN: `${server.url}/` })
  browser = await launchChromium()
  // The previous projector: its writes win every tie (Yjs: the higher client id).
  previous = new Facilitator(server.wsUrl, TOKEN)
  previous.controlDoc.clientID = 0xFFFFFFFF
  reader = new Participant(server.wsUrl)
  await Promise.all([previous.ready(), reader.ready()])
  // The projector, on the deck's cover while Slidev compiles the deck (its first visit is slow).
  projector = await browser.newPage({ viewport: { width: 980, height: 552 } })
  projector.on('pageerror', e => errors.push(`projector: ${e.message}`))
  await projector.goto(`${deck.url}/1`, { timeout: 180_000 })
  await projector.waitForFunction(() => (window as any).__slidev__?.nav?.currentSlideNo === 1, undefined, { timeout: 180_000 })
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true })
  phone = { context, page: await context.newPage() }
  phone.page.on('pageerror', e => errors.push(`phone: ${e.message}`))
  await phone.page.goto(`${server.url}/`)
  await phone.page.getByTestId('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 60_000 })
}, 400_000)

afterAll(async () => {
  previous?.destroy()
  reader?.destroy()
  await browser?.close()
  deck?.stop()
  proxy?.close()
  await server?.stop()
  if (dir)
    rmSync(dir, { recursive: true, force: true })
})

/** What the phones are told now: the current board and the current activity's slide, from a control document. */
const told = (doc: Y.Doc) => ({
  board: doc.getMap('current').get('boardId') as string | undefined,
  activity: (doc.getMap(ACTIVITY_MAP).get('now') as CurrentActivity | undefined)?.slide,
})
/** Waits for `doc` to tell the phones `want`; if it does not, says what it tells them instead. */
async function settles(doc: Y.Doc, want: ReturnType<typeof told>, what: string) {
  const same = () => JSON.stringify(told(doc)) === JSON.stringify(want)
  await until(doc, same, 30_000, what).catch(() => {
    throw new Error(`${what}: expected ${JSON.stringify(want)}, still ${JSON.stringify(told(doc))}`)
  })
}

/** The previous projector puts the poll's slide (its board, its activity) on the phones, after all it has seen. */
async function announceFirstSlide() {
  const doc = previous.controlDoc
  previous.show('race-poll', 'poll', 'Poll')
  doc.getMap(ACTIVITY_MAP).set('now', activityMessage('race-first', [{ title: 'First activity', seconds: 300 }], { startedAt: null, elapsedBefore: 0 }))
  const first = { board: 'race-poll', activity: 'race-first' }
  await settles(reader.controlDoc, first, 'the phones on the first slide')
  await phone.page.getByRole('heading', { name: 'Poll', exact: true }).waitFor()
  await phone.page.getByTestId('activity-step').filter({ hasText: '5:00 in all' }).waitFor()
}

describe('a projector that has just loaded', () => {
  it('announces its slide\'s board and activity after the previous projector\'s, and the phones follow the latest', async () => {
    await announceFirstSlide()

    // The projector is reloaded on the next slide (the scale, and a 3-minute activity), and gets
    // the server's state only once the slide is drawn.
    proxy.hold()
    await projector.goto(`${deck.url}/3`, { timeout: 120_000 })
    await projector.locator('[data-board="race-scale"]').waitFor()
    await projector.getByTestId('activity-clock').filter({ hasText: '3 min' }).waitFor()
    proxy.release()
    const second = { board: 'race-scale', activity: 'race-second' }
    await settles(reader.controlDoc, second, 'the phones on the reloaded projector\'s slide')
    await phone.page.getByRole('heading', { name: '1-5 scale', exact: true }).waitFor()
    await phone.page.getByTestId('activity-step').filter({ hasText: '3:00 in all' }).waitFor()
    // The previous projector's document settles the same way: one state for everyone.
    await settles(previous.controlDoc, second, 'the previous projector\'s document')

    // Back on the first slide from elsewhere; then the projector is reloaded on a slide with
    // neither board nor activity: the phones are sent to wait, with no activity left showing.
    await announceFirstSlide()
    proxy.hold()
    await projector.goto(`${deck.url}/4`, { timeout: 120_000 })
    await projector.getByRole('heading', { name: 'A slide without a board' }).waitFor()
    proxy.release()
    const none = { board: undefined, activity: undefined }
    await settles(reader.controlDoc, none, 'the phones after the projector was reloaded on a slide without a board')
    await phone.page.getByTestId('waiting').waitFor()
    await phone.page.getByTestId('activity-step').waitFor({ state: 'detached' })
    expect(errors).toEqual([])
  }, 300_000)
})
