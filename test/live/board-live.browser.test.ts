// Two exercise boards live, end to end: the deck in Slidev (the projected slide at 1280 px and
// the presenter view), the live server as its own process (`npm run live -- serve`, so that it
// can be killed with SIGKILL), a phone on the join page at 390 px, and more participants as
// real WebSocket clients (test/support/live-clients.ts) where a test needs two people.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { buildJoinPage } from '../../src/live/join-build'
import { Facilitator, Participant, type ServerProcess, spawnServer, until, sessionToken } from '../support/live-clients'
import { type LiveDeck, freePort, startLiveDeck } from './live-deck'

const SESSION = 'board-live-test'
const SLIDES = `---
theme: default
addons: ['../../']
colorSchema: light
title: Live boards test
fonts:
  provider: none
---

# Join

<LiveJoin />

---

# Our story

<OriginTimeline id="live-timeline" />

---

# Our charter

<CharterBuilder id="live-charter" />

---

# Debrief
`

let dir: string
let env: NodeJS.ProcessEnv
let serverPort: number
let server: ServerProcess
let token: string
let slidevDeck: LiveDeck
let slidevUrl: string
let browser: Browser

// A new participant's first minute is rate-limited more tightly (issue 19, class 7); this test sends
// faster than a person would, and the limits are not what it checks.
const startServer = () => spawnServer(env, ['--session', SESSION, '--port', String(serverPort), '--title', 'Live boards test', '--limits', JSON.stringify({ burst: 20, perSecond: 10 })])

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-board-live-'))
  env = { KIT_SESSIONS_DIR: join(dir, 'sessions'), KIT_LIVE_JOIN_DIR: join(dir, 'join') }
  await buildJoinPage(join(dir, 'join'))
  token = sessionToken(env.KIT_SESSIONS_DIR!, SESSION, { title: 'Live boards test' })
  serverPort = await freePort()
  server = await startServer()

  slidevDeck = await startLiveDeck('board-live', SLIDES, { VITE_KIT_LIVE_URL: server.wsUrl, VITE_KIT_LIVE_TOKEN: token, VITE_KIT_LIVE_JOIN: `${server.url}/`, VITE_KIT_LIVE_SESSION: SESSION })
  slidevUrl = slidevDeck.url
  browser = await launchChromium()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  slidevDeck?.stop()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', e => errors.push(e.message))
  return errors
}

const event = (id: string, title: string) => ({ id, date: '2021-03', title, type: 'founding', actors: [], whyItMattered: '' })
const projectedRows = (page: Page, board: string) => page.locator(`[data-board="${board}"] .kit-rows > li[data-row]`)

describe('an exercise board in a live session', () => {
  it('takes phones\' contributions onto the projected board, moderated from the presenter view, and survives a server kill', async () => {
    // The projected slide and the presenter view: two tabs of the facilitator's browser.
    const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } })
    const projector = await laptop.newPage()
    const projectorErrors = watchErrors(projector)
    await projector.goto(`${slidevUrl}/2`)
    const board = projector.locator('[data-board="live-timeline"]')
    await board.waitFor({ timeout: 90_000 })
    // Slidev keeps the neighbouring slides mounted: each board's panel is named after it.
    const slidePanel = projector.getByRole('region', { name: 'Live session: Origin timeline' })
    await slidePanel.locator('[data-testid="live-connection"][data-connection="online"]').waitFor({ timeout: 30_000 })

    // Ana on her phone, at 390 px: the join page follows the presenter to this board.
    const phone = await browser.newPage({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true })
    const phoneErrors = watchErrors(phone)
    await phone.goto(`${server.url}/`)
    await phone.getByRole('heading', { name: 'Origin timeline' }).waitFor()
    await phone.getByTestId('name').fill('Ana')
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>Founded'
    const events = phone.getByTestId('list-events')
    await events.locator('[data-field="title"]').fill(payload)
    await events.locator('[data-field="type"]').selectOption('founding')
    await events.getByTestId('submit-entry').click()
    // On the projected board as text: no element made of it, nothing run.
    const anaRow = projectedRows(projector, 'live-timeline').filter({ hasText: payload })
    await anaRow.waitFor()
    expect(await board.locator('img, script').count()).toBe(0)
    await events.getByTestId('board-entries').getByText(payload).waitFor()
    expect(await projector.evaluate(() => (window as any).__pwned)).toBeUndefined()
    expect(await phone.evaluate(() => (window as any).__pwned)).toBeUndefined()
    const anaId = (await anaRow.getAttribute('data-row'))!

    // Bea (a second participant, as a WebSocket client) cannot edit or withdraw Ana's entry;
    // her phone does not even offer it.
    const bea = new Participant(server.wsUrl, undefined, 'Bea')
    await bea.ready()
    expect(await bea.contribute('live-timeline', { op: 'edit', list: 'events', row: event(anaId, 'Taken over') })).toMatchObject({ ok: false, code: 'not-yours' })
    expect(await bea.contribute('live-timeline', { op: 'withdraw', list: 'events', id: anaId })).toMatchObject({ ok: false, code: 'not-yours' })
    const beaPhone = await browser.newPage({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true })
    await beaPhone.goto(`${server.url}/`)
    await beaPhone.getByTestId('list-events').getByTestId('board-entries').getByText(payload).waitFor()
    expect(await beaPhone.getByTestId('list-events').getByRole('button', { name: /Edit|Withdraw/ }).count()).toBe(0)
    expect(await projectedRows(projector, 'live-timeline').filter({ hasText: 'Taken over' }).count()).toBe(0)
    expect(await anaRow.count()).toBe(1)

    // The presenter view moderates; the projected slide never shows the queue or names.
    const presenter = await laptop.newPage()
    await presenter.setViewportSize({ width: 1400, height: 900 })
    const presenterErrors = watchErrors(presenter)
    await presenter.goto(`${slidevUrl}/presenter/2`)
    const panel = presenter.locator('[data-testid="live-moderation"][data-where="presenter"]:visible')
    await panel.getByTestId('live-connection').waitFor({ timeout: 60_000 })
    // The moderation lies beside the board, never over it.
    const presenterBoard = presenter.locator('[data-board="live-timeline"] .kit-board-picture:visible')
    const [boardBox, panelBox] = [await presenterBoard.boundingBox(), await panel.boundingBox()]
    expect(boardBox!.x + boardBox!.width).toBeLessThanOrEqual(panelBox!.x + 1)
    await panel.getByLabel('Approve before showing').check()
    const watcher = new Facilitator(server.wsUrl, token)
    const { doc: serverDoc } = await watcher.board('live-timeline')
    await until(serverDoc, () => serverDoc.getMap('meta').get('moderation') === 'queue', 10_000, 'the queue on the server')
    expect((await bea.contribute('live-timeline', { op: 'add', list: 'events', row: event('ev-bea', 'Queued by Bea') })).ok).toBe(true)
    await panel.getByTestId('live-queue').getByText('Queued by Bea').waitFor()
    await panel.getByTestId('live-queue').getByText('Bea', { exact: true }).waitFor()
    await panel.getByTestId('live-queue-count').filter({ hasText: /^1 waiting/ }).waitFor()
    // The projected slide: no control and no queue, only what the room needs.
    await slidePanel.getByTestId('live-joined').filter({ hasText: /joined/ }).waitFor()
    for (const id of ['live-queue-count', 'live-lock', 'live-queue-mode', 'live-panel'])
      expect(await slidePanel.getByTestId(id).count()).toBe(0)
    expect(await projector.getByText('Approve before showing').count()).toBe(0)
    expect(await projector.getByText('Queued by Bea').count()).toBe(0)
    expect(await projector.getByText('Bea', { exact: true }).count()).toBe(0)
    await panel.getByRole('button', { name: 'Approve: 2021-03 · Queued by Bea' }).click()
    await projectedRows(projector, 'live-timeline').filter({ hasText: 'Queued by Bea' }).waitFor()

    // A queue taken in one step, and that step undone in one.
    for (const n of [1, 2, 3])
      expect((await bea.contribute('live-timeline', { op: 'add', list: 'events', row: event(`ev-bulk-${n}`, `Bulk ${n}`) })).ok).toBe(true)
    await panel.getByTestId('live-queue-count').filter({ hasText: /^3 waiting/ }).waitFor()
    await panel.getByTestId('live-approve-all').click()
    await expect.poll(() => projectedRows(projector, 'live-timeline').filter({ hasText: /Bulk \d/ }).count()).toBe(3)
    await panel.getByTestId('live-undo').filter({ hasText: 'Approve all (3)' }).click()
    await panel.getByTestId('live-queue-count').filter({ hasText: /^3 waiting/ }).waitFor()
    await expect.poll(() => projectedRows(projector, 'live-timeline').filter({ hasText: /Bulk \d/ }).count()).toBe(0)
    await panel.getByTestId('live-hide-all').click()
    await panel.getByTestId('live-queue-count').filter({ hasText: /^0 waiting/ }).waitFor()
    await until(serverDoc, () => [1, 2, 3].every(n => serverDoc.getMap<Y.Map<unknown>>('rows:events').get(`ev-bulk-${n}`)?.get('_status') === 'hidden'), 10_000, 'the queue hidden on the server')
    expect(await projector.getByText(/Bulk \d/).count()).toBe(0)

    // Duplicates merged from the panel: the one kept stays on the board, the other leaves it
    // (its sender keeps it, marked merged in the panel); the merge is undone in one step.
    for (const [id, title] of [['ev-dup-1', 'Dup first'], ['ev-dup-2', 'Dup second']])
      expect((await bea.contribute('live-timeline', { op: 'add', list: 'events', row: event(id, title) })).ok).toBe(true)
    await panel.getByTestId('live-queue-count').filter({ hasText: /^2 waiting/ }).waitFor()
    await panel.getByTestId('live-approve-all').click()
    await expect.poll(() => projectedRows(projector, 'live-timeline').filter({ hasText: /Dup (first|second)/ }).count()).toBe(2)
    const shownList = panel.getByTestId('live-visible')
    await shownList.getByRole('checkbox', { name: /Merge duplicates: .*Dup first/ }).check()
    await shownList.getByRole('checkbox', { name: /Merge duplicates: .*Dup second/ }).check()
    await panel.getByTestId('live-merge-into').selectOption('events/ev-dup-1')
    await panel.getByTestId('live-merge-go').click()
    await expect.poll(() => projectedRows(projector, 'live-timeline').filter({ hasText: /Dup second/ }).count()).toBe(0)
    expect(await projectedRows(projector, 'live-timeline').filter({ hasText: 'Dup first' }).count()).toBe(1)
    await panel.getByTestId('live-hidden').getByTestId('live-entry').filter({ hasText: 'Dup second' }).getByTestId('live-merged').waitFor()
    await until(serverDoc, () => serverDoc.getMap<Y.Map<unknown>>('rows:events').get('ev-dup-2')?.get('_mergedInto') === 'ev-dup-1', 10_000, 'the merge on the server')
    expect(serverDoc.getMap<Y.Map<unknown>>('rows:events').get('ev-dup-2')?.get('_author')).toBeTruthy()
    await panel.getByTestId('live-undo').filter({ hasText: 'Merge (2)' }).click()
    await expect.poll(() => projectedRows(projector, 'live-timeline').filter({ hasText: /Dup (first|second)/ }).count()).toBe(2)
    // Off the board again for what follows.
    for (const title of ['Dup first', 'Dup second'])
      await shownList.getByRole('button', { name: new RegExp(`^Hide: .*${title}`) }).click()
    await expect.poll(() => projectedRows(projector, 'live-timeline').filter({ hasText: /Dup (first|second)/ }).count()).toBe(0)

    // Hiding takes an entry off the projected board and off participants' public copy.
    await beaPhone.getByTestId('list-events').getByTestId('board-entries').getByText('Queued by Bea').waitFor()
    await panel.getByTestId('live-visible').getByRole('button', { name: /^Hide: .*Founded/ }).click()
    await expect.poll(() => projectedRows(projector, 'live-timeline').filter({ hasText: 'Founded' }).count()).toBe(0)
    await beaPhone.getByTestId('list-events').getByTestId('board-entries').getByText(payload).waitFor({ state: 'detached' })
    await events.getByTestId('board-entries').getByText(payload).waitFor({ state: 'detached' })
    // Not sent at all: the phones' copy of the board no longer holds it.
    const publicDoc = await bea.open('live-timeline')
    expect(JSON.stringify(publicDoc.getMap('rows:events').toJSON())).not.toContain('Founded')
    await panel.getByTestId('live-hidden').getByText(payload).waitFor()

    // Locked: a contribution is refused with a message; phones say the board is locked.
    await panel.getByTestId('live-lock').click()
    await slidePanel.getByTestId('live-locked').waitFor()
    const refused = await bea.contribute('live-timeline', { op: 'add', list: 'events', row: event('ev-late', 'Too late') })
    expect(refused).toMatchObject({ ok: false, code: 'locked' })
    expect((refused as { error: string }).error).toMatch(/locked/)
    await phone.getByTestId('locked').waitFor()
    expect(await events.getByTestId('submit-entry').count()).toBe(0)
    // From the keyboard, as everything in the panel.
    await panel.getByTestId('live-lock').focus()
    await presenter.keyboard.press('Enter')
    await until(serverDoc, () => serverDoc.getMap('meta').get('locked') === false, 10_000, 'the board open again')
    await phone.getByTestId('locked').waitFor({ state: 'detached' })
    watcher.destroy()

    // SIGKILL: the deck says it is offline and keeps working from its copy; a change made
    // meanwhile reaches the restarted server; every acknowledged contribution is still there.
    server.child.kill('SIGKILL')
    await slidePanel.locator('[data-testid="live-connection"][data-connection="offline"]').waitFor({ timeout: 30_000 })
    await panel.getByTestId('live-hidden').getByRole('button', { name: /^Show: .*Founded/ }).click()
    await projectedRows(projector, 'live-timeline').filter({ hasText: 'Founded' }).waitFor()
    // A tab opened while the server is down is never stuck: it opens from the local copy.
    const reopened = await laptop.newPage()
    await reopened.goto(`${slidevUrl}/2`)
    await reopened.getByRole('region', { name: 'Live session: Origin timeline' }).locator('[data-testid="live-connection"][data-connection="offline"]').waitFor({ timeout: 60_000 })
    await projectedRows(reopened, 'live-timeline').filter({ hasText: 'Queued by Bea' }).waitFor()
    expect(await reopened.locator('[data-board="live-timeline"] fieldset.kit-board-controls').evaluate(f => (f as HTMLFieldSetElement).disabled)).toBe(false)
    await reopened.close()
    server = await startServer()
    await slidePanel.locator('[data-testid="live-connection"][data-connection="online"]').waitFor({ timeout: 30_000 })
    await presenter.locator('[data-testid="live-connection"][data-connection="online"]:visible').waitFor({ timeout: 30_000 })
    const after = new Facilitator(server.wsUrl, token)
    const { doc: restarted } = await after.board('live-timeline')
    const row = (id: string) => restarted.getMap<Y.Map<unknown>>('rows:events').get(id)
    await until(restarted, () => row(anaId)?.get('_status') === 'visible', 15_000, 'the change made offline on the server')
    expect(row('ev-bea')?.get('title')).toBe('Queued by Bea')
    after.destroy()

    // A reload of the deck shows the same board.
    await projector.reload()
    await projectedRows(projector, 'live-timeline').filter({ hasText: 'Queued by Bea' }).waitFor({ timeout: 60_000 })
    expect(await projectedRows(projector, 'live-timeline').count()).toBe(2)

    expect([...projectorErrors, ...presenterErrors, ...phoneErrors]).toEqual([])
    bea.destroy()
    await Promise.all([laptop.close(), phone.close(), beaPhone.close()])
  }, 240_000)

  it('puts the charter on the phone when the presenter moves on, and uses a proposal from the presenter view', async () => {
    const presenter = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const errors = watchErrors(presenter)
    await presenter.goto(`${slidevUrl}/presenter/2`)
    await presenter.locator('[data-testid="live-moderation"][data-where="presenter"]:visible').getByTestId('live-connection').waitFor({ timeout: 60_000 })
    const phone = await browser.newPage({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true })
    await phone.goto(`${server.url}/`)
    await phone.getByRole('heading', { name: 'Origin timeline' }).waitFor()
    await presenter.keyboard.press('ArrowRight')
    await phone.getByRole('heading', { name: 'Charter builder' }).waitFor()

    // The charter's own panel: the timeline slide's may still be leaving.
    const panel = presenter.locator('[data-board="live-charter"] [data-testid="live-moderation"][data-where="presenter"]:visible')
    await phone.getByTestId('name').fill('Cara')
    const proposals = phone.getByTestId('list-proposals')
    await proposals.locator('[data-field="path"]').selectOption('mission.with')
    await proposals.locator('[data-field="text"]').fill('research software engineers')
    await proposals.getByTestId('submit-entry').click()
    const milestones = phone.getByTestId('list-milestones')
    await milestones.locator('[data-field="title"]').fill('First meetup')
    await milestones.getByTestId('submit-entry').click()
    await panel.getByTestId('live-proposals').getByText('research software engineers').waitFor()
    await panel.getByTestId('live-proposals').getByText('Cara').waitFor()
    await panel.getByRole('button', { name: 'Use: research software engineers' }).click()
    // The phones see the section's text the facilitator chose.
    await phone.getByTestId('sections').getByText('research software engineers').waitFor()
    const projector = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    await projector.goto(`${slidevUrl}/3`)
    const charter = projector.locator('[data-board="live-charter"]')
    // The draft's first page reads the mission as a sentence. Its second lists the milestones:
    // the facilitator turns to it in the presenter view (the projected slide has no control in a
    // live session; the projector window following it is test/live/board-pages.browser.test.ts's).
    await charter.getByTestId('mission-sentence').getByText('research software engineers').waitFor({ timeout: 60_000 })
    const presenterCharter = presenter.locator('[data-board="live-charter"]:visible').first()
    await presenterCharter.getByRole('button', { name: '2: Milestones', exact: true }).click()
    await presenterCharter.getByTestId('milestones').getByText('First meetup').waitFor()
    expect(await projector.getByText('Cara').count()).toBe(0)
    await presenter.keyboard.press('ArrowRight')
    await phone.getByTestId('waiting').waitFor()
    expect(errors).toEqual([])
    await Promise.all([presenter.close(), phone.close(), projector.close()])
  }, 180_000)
})
