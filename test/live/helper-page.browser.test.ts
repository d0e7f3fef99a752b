// A helper's phone (Chromium at 390 px) on the join page opened from the presenter view's
// helper QR code (`#helper=<token>`): it lists the queue with the names given, approves the
// whole queue, merges two ideas and locks the board, against a real live server; with a wrong
// code it says so; the ordinary join page is unchanged without the fragment. On a list board it
// merges duplicates too, and the sender's own phone shows their entry as merged, with the entry kept.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { helperUrl } from '../../src/live/helper-token'
import { buildJoinPage } from '../../src/live/join-build'
import { Facilitator, Participant, seenIdeas, until } from '../support/live-clients'
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
    expect(await ana.contribute(BOARD, { op: 'add', list: 'ideas', row: { id: 'ana-forum', text: 'A forum <b>now</b>' } })).toMatchObject({ ok: true })
    expect(await bo.contribute(BOARD, { op: 'add', list: 'ideas', row: { id: 'bo-forum', text: 'Forum' } })).toMatchObject({ ok: true })
    await phone.getByText('Waiting for approval (2)').waitFor({ timeout: 15_000 })
    await phone.getByText('A forum <b>now</b>').waitFor()
    expect(await phone.locator('main b').count()).toBe(0)
    await phone.getByText('Bo', { exact: true }).waitFor()

    await phone.getByTestId('helper-approve-all').click()
    const ideas = () => seenIdeas(seen).map(i => i.id).sort()
    await until(seen, () => ideas().length === 2, 10_000, 'the queue approved on the phones')
    await phone.getByText('Shown (2)').waitFor()
    await phone.getByLabel('A forum <b>now</b>').check()
    await phone.getByLabel('Forum', { exact: true }).check()
    await phone.getByTestId('helper-merge').click()
    await until(seen, () => ideas().length === 1 && seenIdeas(seen).find(i => i.id === 'ana-forum')?.also === 'Bo', 10_000, 'the merge on the phones')

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

  it('merges duplicates on a list board; the sender\'s phone shows their entry as merged, with the entry kept', async () => {
    const LIST_BOARD = 'm2-helper-merge'
    facilitator.show(LIST_BOARD, 'quick-answers', 'Quick answers')
    const answer = (id: string, first: string) => ({ op: 'add', list: 'answers', row: { id, first, second: '', third: '' } })
    const ana = new Participant(server.wsUrl, undefined, 'Ana')
    // Bo's phone is the browser's join page: the same secret as these Node messages.
    const bo = new Participant(server.wsUrl, undefined, 'Bo')
    await Promise.all([ana.ready(), bo.ready()])
    const seen = await ana.open(LIST_BOARD)
    expect(await ana.contribute(LIST_BOARD, answer('ana-open', 'Open data'))).toMatchObject({ ok: true })
    expect(await bo.contribute(LIST_BOARD, answer('bo-open', 'open data!'))).toMatchObject({ ok: true })
    expect(await ana.contribute(LIST_BOARD, answer('ana-care', 'Care'))).toMatchObject({ ok: true })
    const answers = () => Object.values(seen.getMap('rows:answers').toJSON()).map(r => (r as { first: string }).first).sort()
    await until(seen, () => answers().length === 3, 10_000, 'three answers on the phones')

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await context.addInitScript((secret) => {
      localStorage.setItem('kit-live:secret', JSON.stringify(secret))
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('kit-live:language', JSON.stringify('en'))
        sessionStorage.setItem('seeded', '1')
      }
    }, bo.secret)
    const errors: string[] = []
    const boPhone = await context.newPage()
    boPhone.on('pageerror', e => errors.push(e.message))
    await boPhone.goto(`${server.url}/`)
    const yours = boPhone.getByTestId('my-entries')
    await yours.getByText('open data!').waitFor({ timeout: 30_000 })

    const phone = await context.newPage()
    phone.on('pageerror', e => errors.push(e.message))
    await phone.goto(helperUrl(`${server.url}/`, helperTokenOf(TOKEN)))
    await phone.getByRole('heading', { name: 'Quick answers' }).waitFor({ timeout: 30_000 })
    await phone.getByText('Shown (3)').waitFor({ timeout: 15_000 })
    // The entry kept is the first ticked: Ana's; Bo's goes into it.
    await phone.getByLabel('Open data', { exact: true }).check()
    await phone.getByLabel('open data!', { exact: true }).check()
    await phone.getByTestId('helper-merge').click()
    await until(seen, () => answers().join() === 'Care,Open data', 10_000, 'the duplicate off the phones')
    await phone.getByText('Shown (2)').waitFor()
    const { doc } = await facilitator.board(LIST_BOARD)
    await until(doc, () => (doc.getMap('rows:answers').get('bo-open') as Y.Map<unknown> | undefined)?.get('_mergedInto') === 'ana-open', 10_000, 'the merge in the board')

    // Bo's phone: his entry, its text, and what it was merged with, as text; no edit any more.
    const merged = yours.getByTestId('merged')
    await merged.waitFor({ timeout: 10_000 })
    expect(await merged.innerText()).toBe('Merged with: Open data')
    expect(await yours.getByText('open data!').count()).toBe(1)
    expect(await yours.getByRole('button', { name: 'Edit' }).count()).toBe(0)
    expect(await yours.getByText('hidden by the facilitator').count()).toBe(0)
    // In Spanish, chosen on the phone.
    await boPhone.getByTestId('language').selectOption('es')
    await yours.getByText('Unida a: Open data').waitFor()
    expect(errors).toEqual([])
    ana.destroy()
    bo.destroy()
    await context.close()
    facilitator.show(BOARD, 'idea-vote', 'What first?')
  }, 120_000)

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
