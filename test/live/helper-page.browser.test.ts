// A helper's phone (Chromium at 390 px) on the join page opened from the presenter view's
// helper QR code (`#helper=<token>`): it lists the queue with the names given, approves the
// whole queue, merges two ideas and locks the board, against a real live server; with a wrong
// code it says so; the ordinary join page is unchanged without the fragment.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { helperUrl } from '../../src/live/helper-token'
import { buildJoinPage } from '../../src/live/join-build'
import { Facilitator, Participant, until } from '../support/live-clients'
import { helperTokenOf, type LiveServer, startLiveServer } from '../../src/live/server'

const TOKEN = 'helper-page-test-facilitator-token-0123456789'
const BOARD = 'm2-helper-page'
let dir: string
let server: LiveServer
let browser: Browser
let facilitator: Facilitator

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-live-helper-page-'))
  await buildJoinPage(join(dir, 'join'))
  server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Helper page', host: '127.0.0.1', port: 0, joinDir: join(dir, 'join') })
  facilitator = new Facilitator(server.wsUrl, TOKEN)
  await facilitator.ready()
  facilitator.show(BOARD, 'idea-vote', 'What first?')
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  facilitator?.destroy()
  await browser?.close()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('the helper\'s phone', () => {
  it('moderates the current board: the queue with names, approve all, merge, lock', async () => {
    const { doc } = await facilitator.board(BOARD)
    doc.getMap('meta').set('moderation', 'queue')
    const ana = new Participant(server.wsUrl, undefined, 'Ana')
    const bo = new Participant(server.wsUrl, undefined, 'Bo')
    await Promise.all([ana.ready(), bo.ready()])
    const seen = await ana.open(BOARD)
    await until(seen, () => true)
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const errors: string[] = []
    phone.on('pageerror', e => errors.push(e.message))
    await phone.goto(helperUrl(`${server.url}/`, helperTokenOf(TOKEN)))
    await phone.getByRole('heading', { name: 'What first?' }).waitFor({ timeout: 30_000 })
    await until(doc, () => doc.getMap('meta').get('moderation') === 'queue')
    expect(await ana.contribute(BOARD, { op: 'add', id: 'ana-forum', text: 'A forum <b>now</b>' })).toMatchObject({ ok: true })
    expect(await bo.contribute(BOARD, { op: 'add', id: 'bo-forum', text: 'Forum' })).toMatchObject({ ok: true })
    await phone.getByText('Waiting for approval (2)').waitFor({ timeout: 15_000 })
    await phone.getByText('A forum <b>now</b>').waitFor()
    expect(await phone.locator('main b').count()).toBe(0)
    await phone.getByText('Bo', { exact: true }).waitFor()

    await phone.getByTestId('helper-approve-all').click()
    const ideas = () => Object.keys(seen.getMap('ideas').toJSON()).sort()
    await until(seen, () => ideas().length === 2, 10_000, 'the queue approved on the phones')
    await phone.getByText('Shown (2)').waitFor()
    await phone.getByLabel('A forum <b>now</b>').check()
    await phone.getByLabel('Forum', { exact: true }).check()
    await phone.getByTestId('helper-merge').click()
    await until(seen, () => ideas().length === 1 && (seen.getMap('ideas').get('ana-forum') as Y.Map<unknown>)?.get('also') === 'Bo', 10_000, 'the merge on the phones')

    await phone.getByTestId('helper-lock').click()
    await until(seen, () => seen.getMap('meta').get('locked') === true, 10_000, 'the lock on the phones')
    await phone.getByRole('button', { name: 'Unlock' }).waitFor()
    // A helper cannot move the slides: the phones' current board is the facilitator's.
    expect(ana.controlDoc.getMap('current').get('boardId')).toBe(BOARD)
    expect(errors).toEqual([])
    ana.destroy()
    bo.destroy()
    await phone.close()
  }, 120_000)

  it('speaks the phone\'s language: the one chosen on the phone (the join page\'s choice), switched on the page', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
    // This phone chose Spanish on the join page earlier (kit-live:language, as the join page keeps it).
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('kit-live:language', JSON.stringify('es'))
        sessionStorage.setItem('seeded', '1')
      }
    })
    const phone = await context.newPage()
    const errors: string[] = []
    phone.on('pageerror', e => errors.push(e.message))
    await phone.goto(helperUrl(`${server.url}/`, helperTokenOf(TOKEN)))
    await phone.getByRole('heading', { name: 'Moderación' }).waitFor({ timeout: 30_000 })
    await phone.getByText(/^Esperando aprobación \(\d+\)$/).waitFor()
    await phone.getByText(/^Visibles \(\d+\)$/).waitFor()
    await phone.getByRole('button', { name: /^(Cerrar|Abrir)$/ }).waitFor()
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('es')
    // No English left on the page (the board's title is the deck's, not the page's).
    expect(await phone.locator('main').innerText()).not.toMatch(/Waiting for approval|Shown \(|\bLock\b|\bUnlock\b|Moderation\b/)
    // Switched on the helper's page: English, and kept for this phone after a reload.
    await phone.getByTestId('language').selectOption('en')
    await phone.getByRole('heading', { name: 'Moderation' }).waitFor()
    await phone.reload()
    await phone.getByRole('heading', { name: 'Moderation' }).waitFor({ timeout: 30_000 })
    await phone.getByText(/^Waiting for approval \(\d+\)$/).waitFor()
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)

  it('says a wrong code is not valid; the join page without the code is the ordinary one', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await phone.goto(helperUrl(`${server.url}/`, 'x'.repeat(32)))
    await phone.getByRole('alert').filter({ hasText: /not valid/ }).waitFor({ timeout: 30_000 })
    await phone.goto(`${server.url}/`)
    await phone.reload()
    expect(await phone.getByTestId('helper').count()).toBe(0)
    await phone.close()
  }, 60_000)
})
