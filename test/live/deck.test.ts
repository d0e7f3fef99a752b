// A live module end to end: the deck in Slidev (facilitator, projector size) and a phone at
// 390 px on the join page. The phone follows the presenter from board to board and back to
// waiting; the phone's idea appears on the projected board; the join slide counts the phone.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { buildJoinPage } from '../../src/live/join-build'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { type LiveDeck, startLiveDeck } from './live-deck'

const TOKEN = 'deck-test-facilitator-token-0123456789'
// What a module deck needs for a live session: a join slide, board slides, and LiveFollow on
// every slide (the kit's own global layer, global-bottom.vue at the root, which every deck gets
// through `addons`).
const SLIDES = `---
theme: default
addons: ['../../']
colorSchema: light
title: Live test
fonts:
  provider: none
---

# Join

<LiveJoin />

---

# Board A

<IdeaVote id="live-a" title="Board A" />

---

# Board B

<IdeaVote id="live-b" title="Board B" />

---

# Debrief
`

let dir: string
let server: LiveServer
let slidevDeck: LiveDeck
let slidevUrl: string
let browser: Browser

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-live-deck-'))
  await buildJoinPage(join(dir, 'join'))
  server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Live test', host: '127.0.0.1', port: 0, joinDir: join(dir, 'join') })
  slidevDeck = await startLiveDeck('live', SLIDES, { VITE_KIT_LIVE_URL: server.wsUrl, VITE_KIT_LIVE_TOKEN: TOKEN, VITE_KIT_LIVE_JOIN: `${server.url}/` })
  slidevUrl = slidevDeck.url
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  slidevDeck?.stop()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('a live module', () => {
  it('puts the phone on the presenter\'s board, and the phone\'s idea on the projected board', async () => {
    const deck = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    const errors: string[] = []
    deck.on('pageerror', e => errors.push(e.message))
    await deck.goto(`${slidevUrl}/1`)
    const join = deck.getByTestId('live-join-url')
    await join.waitFor({ timeout: 60_000 })
    // The address to type, large: no scheme, no path (test/live/address.test.ts).
    expect(await join.textContent()).toBe(server.url.replace(/^http:\/\//, ''))
    await deck.waitForFunction(() => document.querySelector<HTMLImageElement>('img.kit-live-qr')?.src.startsWith('data:image/png'))
    expect(await deck.getByTestId('live-helper').count()).toBe(0)

    const phone = await browser.newPage({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true })
    await phone.goto(`${server.url}/`)
    await phone.getByTestId('waiting').waitFor()
    await deck.getByTestId('live-joined').filter({ hasText: /^1 person joined$/ }).waitFor()

    await deck.goto(`${slidevUrl}/2`)
    await phone.getByRole('heading', { name: 'Board A' }).waitFor()
    await phone.getByTestId('idea-text').fill('A <b>bold</b> idea from a phone')
    await phone.getByTestId('add').click()
    const projected = deck.locator('[data-board="live-a"]').getByTestId('top-idea').filter({ hasText: 'A <b>bold</b> idea from a phone' })
    await projected.waitFor()
    expect(await deck.locator('[data-board="live-a"] .kit-ideas b').count()).toBe(0)
    // The projected board keeps the results after the session: they reach its saved state.
    await deck.waitForFunction(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('community-training/default/live-a')
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      })
      if (!db.objectStoreNames.contains('updates'))
        return false
      const updates = await new Promise<any[]>((resolve) => {
        const get = db.transaction('updates').objectStore('updates').getAll()
        get.onsuccess = () => resolve(get.result)
      })
      db.close()
      return updates.some(u => new TextDecoder().decode(u).includes('idea from a phone'))
    }, undefined, { timeout: 15_000, polling: 250 })

    await deck.keyboard.press('ArrowRight')
    await phone.getByRole('heading', { name: 'Board B' }).waitFor()
    await deck.keyboard.press('ArrowRight')
    await phone.getByTestId('waiting').waitFor()
    expect(errors).toEqual([])
    await deck.close()
    await phone.close()
  }, 120_000)

  it('moderates from the presenter view: a queue only the presenter sees, approve, lock', async () => {
    const presenter = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const errors: string[] = []
    presenter.on('pageerror', e => errors.push(e.message))
    // The join slide in the presenter view: the helper's own QR code (never on the projected slide).
    await presenter.goto(`${slidevUrl}/presenter/1`)
    const helperCode = presenter.locator('[data-testid="live-helper"]:visible')
    await helperCode.locator('summary').click({ timeout: 60_000 })
    await helperCode.locator('img.kit-live-qr--helper[src^="data:image/png"]').waitFor()
    await presenter.goto(`${slidevUrl}/presenter/3`)
    // The presenter view keeps neighbouring slides mounted (hidden): the current board is the visible one.
    const moderation = presenter.locator('[data-board="live-b"] [data-testid="idea-moderation"]:visible')
    await moderation.waitFor({ timeout: 60_000 })
    const phone = await browser.newPage({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true })
    await phone.goto(`${server.url}/`)
    await phone.getByRole('heading', { name: 'Board B' }).waitFor()
    await presenter.locator('[data-testid="live-badge"]:visible').filter({ hasText: 'joined' }).first().waitFor()

    await moderation.getByLabel('Approve before showing').check()
    await phone.getByTestId('idea-text').fill('Queued from a phone')
    await phone.getByTestId('add').click()
    await phone.getByTestId('my-ideas').getByText(/waiting for the facilitator/).waitFor()
    await moderation.getByRole('button', { name: 'Approve: Queued from a phone' }).waitFor()
    const projector = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    await projector.goto(`${slidevUrl}/3`)
    await projector.locator('[data-board="live-b"]').waitFor()
    expect(await projector.locator('[data-board="live-b"]').getByText('Queued from a phone').count()).toBe(0)
    expect(await projector.getByTestId('idea-moderation').count()).toBe(0)

    await moderation.getByRole('button', { name: 'Approve: Queued from a phone' }).click()
    await projector.locator('[data-board="live-b"]').getByTestId('top-idea').filter({ hasText: 'Queued from a phone' }).waitFor()
    await phone.getByTestId('board-ideas').getByText('Queued from a phone').waitFor()

    // The moderation lies beside the board, never over it.
    const boardArea = await presenter.locator('[data-board="live-b"] .kit-ideas-board:visible').boundingBox()
    const panelArea = await moderation.boundingBox()
    expect(boardArea!.x + boardArea!.width).toBeLessThanOrEqual(panelArea!.x + 1)
    // The whole queue in one step, undone in one.
    for (const text of ['Second queued', 'Third queued']) {
      await phone.getByTestId('idea-text').fill(text)
      await phone.getByTestId('add').click()
      await moderation.getByRole('button', { name: `Approve: ${text}` }).waitFor()
    }
    await moderation.getByTestId('idea-approve-all').click()
    await projector.locator('[data-board="live-b"]').getByTestId('top-idea').filter({ hasText: 'Third queued' }).waitFor()
    await moderation.getByTestId('idea-undo').filter({ hasText: 'Approve all (2)' }).click()
    await projector.locator('[data-board="live-b"]').getByTestId('top-idea').filter({ hasText: /Second queued|Third queued/ }).first().waitFor({ state: 'detached' })
    await moderation.getByTestId('idea-hide-all').click()
    await moderation.getByRole('button', { name: 'Show: Third queued' }).waitFor()
    expect(await projector.getByText(/Second queued|Third queued/).count()).toBe(0)

    await moderation.getByRole('button', { name: 'Lock', exact: true }).click()
    await phone.getByTestId('locked').waitFor()
    await projector.getByTestId('idea-locked').waitFor()
    expect(errors).toEqual([])
    await Promise.all([presenter.close(), phone.close(), projector.close()])
  }, 120_000)
})
