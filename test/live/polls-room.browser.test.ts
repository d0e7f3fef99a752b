// The poll, the 1-5 scale and the room's questions in a live room, end to end: the deck in
// Slidev projected at 980x552, three phones on the join page in their own browser contexts
// (each its own participant), and the rest of a room of 30 as WebSocket clients. Each vote
// counts once a person and can be changed; the projector writes counts and shares as text,
// every bar and question inside the slide in type of at least 20 px; the phones' pages have
// no serious axe finding. The screenshots go to test-results/screenshots/ to be looked at.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { buildJoinPage } from '../../src/live/join-build'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { ROOT } from '../../src/paths'
import { Facilitator, Participant, until } from '../support/live-clients'
import { seriousFindings, showFinding } from '../support/kit-pages'
import { type LiveDeck, startLiveDeck } from './live-deck'

const TOKEN = 'polls-room-test-facilitator-token-0123456789'
const OUT = join(ROOT, 'test-results', 'screenshots')
const SLIDES = `---
theme: default
addons: ['../../']
colorSchema: light
title: Polls test
layout: default
fonts:
  provider: none
---

# Programme feedback

<Poll id="room-poll" question="Your hope from the welcome:" options="Met | Partly | Not yet" />

---

# Did we get there?

<Scale id="room-scale" statement="I could do these for my own community tomorrow." low="not yet" high="tomorrow" />

---

# Your questions

<RoomQuestions />
`

let dir: string
let server: LiveServer
let deck: LiveDeck
let browser: Browser
let facilitator: Facilitator
let projector: Page
const projectorErrors: string[] = []
const room: Participant[] = []
const phones: { context: BrowserContext, page: Page, errors: string[] }[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-live-polls-'))
  mkdirSync(OUT, { recursive: true })
  await buildJoinPage(join(dir, 'join'))
  server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Polls test', host: '127.0.0.1', port: 0, joinDir: join(dir, 'join'), limits: { burst: 20, perSecond: 10 } })
  deck = await startLiveDeck('polls-room', SLIDES, { VITE_KIT_LIVE_URL: server.wsUrl, VITE_KIT_LIVE_TOKEN: TOKEN, VITE_KIT_LIVE_JOIN: `${server.url}/` })
  browser = await launchChromium()
  facilitator = new Facilitator(server.wsUrl, TOKEN)
  await facilitator.ready()
  projector = await browser.newPage({ viewport: { width: 980, height: 552 } })
  projector.on('pageerror', e => projectorErrors.push(e.message))
  // The rest of the room, as WebSocket clients.
  for (let p = 0; p < 27; p++)
    room.push(new Participant(server.wsUrl, undefined, p % 2 ? `Person ${p}` : ''))
  await Promise.all(room.map(p => p.ready()))
}, 240_000)

afterAll(async () => {
  for (const p of room)
    p.destroy()
  facilitator?.destroy()
  await browser?.close()
  deck?.stop()
  await server?.stop()
  if (dir)
    rmSync(dir, { recursive: true, force: true })
})

/** A participant's phone: a browser context of its own (its own secret), at 390 px. */
async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', e => errors.push(e.message))
  phones.push({ context, page, errors })
  await page.goto(`${server.url}/`)
  return page
}

const TITLES: Record<string, string> = { 'room-poll': 'Poll', 'room-scale': '1-5 scale', 'room-questions': 'Questions for the room' }
async function showSlide(n: number, board: string) {
  await projector.goto(`${deck.url}/${n}`, { timeout: 180_000 })
  // Slidev compiles the deck on the first visit: slow on a busy machine. The board's live panel
  // is named after it (Slidev keeps the neighbouring slides mounted).
  await projector.getByRole('region', { name: `Live session: ${TITLES[board]}` }).locator('[data-testid="live-connection"][data-connection="online"]').waitFor({ timeout: 180_000 })
  await projector.waitForFunction(id => !!document.querySelector(`[data-board="${id}"]`) && !document.querySelector(`[data-board="${id}"] fieldset:disabled`), board)
}

/** What on the projected board is outside the slide, cut off or under 20 px. */
async function misfits(selector: string): Promise<string[]> {
  return projector.evaluate((selector) => {
    const slide = document.querySelector('#slide-content, .slidev-page')!.getBoundingClientRect()
    return [...document.querySelectorAll<HTMLElement>(selector)].flatMap((el) => {
      const r = el.getBoundingClientRect()
      const name = el.textContent!.replace(/\s+/g, ' ').trim().slice(0, 40)
      const out: string[] = []
      if (r.bottom > slide.bottom + 0.5 || r.right > slide.right + 0.5 || r.top < slide.top - 0.5)
        out.push(`outside the slide: ${name}`)
      // Inside whatever clips it (a list that hides what does not fit): never half shown.
      const clip = el.parentElement?.closest('.kit-rq-list')?.getBoundingClientRect()
      if (clip && r.bottom > clip.bottom + 0.5)
        out.push(`cut off by its list: ${name}`)
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(`cut off: ${name}`)
      if (Number.parseFloat(getComputedStyle(el).fontSize) < 20)
        out.push(`smaller than 20 px: ${name}`)
      return out
    })
  }, selector)
}

async function axe(page: Page, name: string): Promise<string[]> {
  return (await seriousFindings(page, name)).map(showFinding)
}

describe('a live room of 30', () => {
  it('votes in a poll: one vote a person, changed from the phone; counts and shares as text on the projector; the lock reaches the phones', async () => {
    await showSlide(1, 'room-poll')
    const ana = await phone()
    const bo = await phone()
    for (const page of [ana, bo]) {
      await page.getByRole('heading', { name: 'Poll', exact: true }).waitFor({ timeout: 90_000 })
      await page.getByTestId('board-prompt').filter({ hasText: 'Your hope from the welcome:' }).waitFor({ timeout: 90_000 })
    }
    // The options are the slide's, and only those.
    const choice = ana.locator('[data-field="choice"]')
    await ana.locator('[data-field="choice"] option[value="3"]').filter({ hasText: 'Not yet' }).waitFor({ state: 'attached' })
    expect(await choice.locator('option').allTextContents()).toEqual(['—', 'Met', 'Partly', 'Not yet'])
    await choice.selectOption('1')
    await ana.getByTestId('submit-entry').click()
    // Voted: the phone offers to change the vote, not to vote again.
    const mine = ana.getByTestId('my-entries')
    await mine.getByText('Met').waitFor()
    expect(await ana.getByTestId('submit-entry').count()).toBe(0)
    expect(await axe(ana, 'phone, voted in a poll')).toEqual([])
    await mine.getByRole('button', { name: /Edit/ }).click()
    await mine.locator('[data-field="choice"]').selectOption('2')
    await mine.getByTestId('submit-entry').click()
    await mine.getByText('Partly').waitFor()
    await bo.locator('[data-field="choice"]').selectOption('1')
    await bo.getByTestId('submit-entry').click()
    await bo.getByTestId('my-entries').getByText('Met').waitFor()

    // The rest of the room; a second vote from one of them is refused.
    const sent = await Promise.all(room.map((p, i) => p.contribute('room-poll', { op: 'add', list: 'votes', row: { id: `p-${i}`, choice: String((i % 3) + 1) } })))
    expect(sent.every(r => r.ok)).toBe(true)
    expect(await room[0].contribute('room-poll', { op: 'add', list: 'votes', row: { id: 'p-0-again', choice: '2' } })).toMatchObject({ ok: false, code: 'limit' })
    // 29 votes: Met 1 + 9, Partly 1 + 9, Not yet 9.
    const board = projector.locator('[data-board="room-poll"]')
    await board.getByTestId('poll-total').filter({ hasText: /^29 votes$/ }).waitFor({ timeout: 30_000 })
    expect(await board.getByTestId('bar-count').allTextContents()).toEqual(['10 votes · 34%', '10 votes · 34%', '9 votes · 31%'])
    // A show of hands is typed in from the presenter view: the projected poll has no tally buttons, no toolbar.
    expect(await board.getByTestId('bar-add').count()).toBe(0)
    expect(await board.getByRole('toolbar').count()).toBe(0)
    expect(await misfits('[data-board="room-poll"] .kit-bar-label, [data-board="room-poll"] .kit-bar-count, [data-board="room-poll"] [data-testid="poll-question"], [data-board="room-poll"] [data-testid="poll-total"]')).toEqual([])
    await projector.screenshot({ path: join(OUT, 'poll-30-participants-980x552.png') })

    // Locked: the phones say so and offer no change.
    const { doc } = await facilitator.board('room-poll')
    doc.getMap('meta').set('locked', true)
    await ana.getByTestId('locked').waitFor()
    expect(await ana.getByTestId('my-entries').getByRole('button', { name: /Edit/ }).count()).toBe(0)
    doc.getMap('meta').set('locked', false)
  }, 400_000)

  it('answers a 1-5 scale: the statement on the phones, the distribution and the average on the projector', async () => {
    await showSlide(2, 'room-scale')
    const [ana, bo, cy] = [phones[0].page, phones[1].page, await phone()]
    for (const page of [ana, bo, cy])
      await page.getByTestId('board-prompt').filter({ hasText: 'I could do these for my own community tomorrow.' }).waitFor({ timeout: 90_000 })
    expect(await cy.locator('[data-field="score"] option').allTextContents()).toEqual(['—', '1 · not yet', '2', '3', '4', '5 · tomorrow'])
    for (const [page, score] of [[ana, '5'], [bo, '4'], [cy, '4']] as const) {
      await page.locator('[data-field="score"]').selectOption(score)
      await page.getByTestId('submit-entry').click()
      await page.getByTestId('my-entries').waitFor()
    }
    expect(await axe(cy, 'phone, a 1-5 scale')).toEqual([])
    const sent = await Promise.all(room.map((p, i) => p.contribute('room-scale', { op: 'add', list: 'scores', row: { id: `s-${i}`, score: String([3, 4, 2, 4, 5, 3, 4, 1, 4][i % 9]) } })))
    expect(sent.every(r => r.ok)).toBe(true)
    const board = projector.locator('[data-board="room-scale"]')
    // 30 answers: three times 3,4,2,4,5,3,4,1,4 (90) and 5, 4, 4 from the phones: 103 / 30 = 3.4.
    await board.getByTestId('scale-total').filter({ hasText: '30 answers · Average 3.4 of 5' }).waitFor({ timeout: 30_000 })
    expect(await board.getByTestId('bar-count').allTextContents()).toEqual(['3 votes · 10%', '3 votes · 10%', '6 votes · 20%', '14 votes · 47%', '4 votes · 13%'])
    expect(await misfits('[data-board="room-scale"] .kit-bar-label, [data-board="room-scale"] .kit-bar-count, [data-board="room-scale"] [data-testid="scale-total"]')).toEqual([])
    await projector.screenshot({ path: join(OUT, 'scale-30-participants-980x552.png') })
  }, 400_000)

  it('takes questions from the phone\'s menu on any slide, one upvote a person, and shows them on demand with the answered ones marked', async () => {
    const [ana, bo, cy] = phones.map(p => p.page)
    // On the scale's slide, Ana opens the questions from the menu, asks, and goes back.
    await ana.getByTestId('open-questions').click()
    await ana.getByRole('heading', { name: 'Questions for the room' }).waitFor()
    await ana.getByTestId('question-text').fill('Who <b>ratifies</b> the charter?')
    await ana.getByTestId('ask').click()
    await ana.getByTestId('board-questions').getByText('Who <b>ratifies</b> the charter?').waitFor()
    expect(await axe(ana, 'phone, questions for the room')).toEqual([])
    await ana.getByTestId('back-to-activity').click()
    await ana.getByTestId('board-prompt').filter({ hasText: 'I could do these' }).waitFor()
    // Bo and Cy upvote it; Bo takes his back and gives it again: one each.
    for (const page of [bo, cy]) {
      await page.getByTestId('open-questions').click()
      const up = page.getByRole('button', { name: 'Upvote: Who <b>ratifies</b> the charter?' })
      await up.click()
      await page.getByRole('button', { name: 'Upvoted: Who <b>ratifies</b> the charter?' }).waitFor()
    }
    await bo.getByRole('button', { name: 'Upvoted: Who <b>ratifies</b> the charter?' }).click()
    await bo.getByText('1 upvote').waitFor()
    await bo.getByRole('button', { name: 'Upvote: Who <b>ratifies</b> the charter?' }).click()
    await bo.getByText('2 upvotes').waitFor()

    // The rest of the room asks, and upvotes a few questions.
    const asked = await Promise.all(room.map((p, i) => p.contribute('room-questions', { op: 'add', list: 'questions', row: { id: `q-${i}`, text: i % 4 ? `Question ${i}: how do we keep the charter alive after the programme ends?` : `When is the follow-up call (${i})?` } })))
    expect(asked.every(r => r.ok)).toBe(true)
    const upvoted = await Promise.all(room.slice(0, 12).map((p, i) => p.contribute('room-questions', { op: 'add', list: 'upvotes', row: { id: `u-${i}`, question: i < 8 ? 'q-5' : 'q-9' } })))
    expect(upvoted.every(r => r.ok)).toBe(true)
    expect(await room[0].contribute('room-questions', { op: 'add', list: 'upvotes', row: { id: 'u-again', question: 'q-5' } })).toMatchObject({ ok: false, code: 'limit' })

    // On demand: the questions' slide. Most upvoted first, as many as fit whole, the rest counted.
    await showSlide(3, 'room-questions')
    const board = projector.locator('[data-board="room-questions"]')
    await board.getByTestId('room-questions-more').waitFor({ timeout: 30_000 })
    await projector.screenshot({ path: join(OUT, 'room-questions-30-participants-980x552.png') })
    const listed = await board.getByTestId('room-question').count()
    expect(listed).toBeGreaterThanOrEqual(3)
    expect(await board.getByTestId('room-questions-more').textContent()).toBe(`and ${28 - listed} more`)
    expect((await board.getByTestId('room-question-upvotes').allTextContents()).slice(0, 3)).toEqual(['▲ 8 upvotes', '▲ 4 upvotes', '▲ 2 upvotes'])
    expect(await board.locator('b').count()).toBe(0)
    expect(await misfits('[data-board="room-questions"] [data-testid="room-question"], [data-board="room-questions"] [data-testid="room-questions-more"]')).toEqual([])

    // The projected slide shows the room no control: no toolbar, no "Answered" toggle, no question box.
    expect(await board.getByRole('toolbar').count()).toBe(0)
    expect(await board.getByTestId('room-question-answered').count()).toBe(0)
    expect(await board.locator('input').count()).toBe(0)

    // Answered, from the presenter view: marked in words on the phones, and last on the projector.
    const moderator = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await moderator.goto(`${deck.url}/presenter/3`)
    await moderator.locator('[data-board="room-questions"]:visible').getByRole('button', { name: /^Answered: Question 5:/ }).click({ timeout: 180_000 })
    await ana.getByTestId('open-questions').click()
    await ana.getByTestId('board-questions').locator('li').filter({ hasText: 'Question 5:' }).getByText('Answered').waitFor()
    const { doc } = await facilitator.board('room-questions')
    await until(doc, () => doc.getMap<Y.Map<unknown>>('rows:questions').get('q-5')?.get('answered') === 'yes')
    await expect.poll(() => board.getByTestId('room-question-upvotes').first().textContent()).toBe('▲ 4 upvotes')
    await moderator.close()

    // On demand over any slide: the presenter's control shows them on the projector, and hides them.
    await showSlide(1, 'room-poll')
    const presenter = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await presenter.goto(`${deck.url}/presenter/1`)
    await presenter.getByTestId('live-badge').locator('summary').click()
    await presenter.getByTestId('show-questions').click()
    const screen = projector.getByTestId('questions-screen')
    await screen.getByTestId('room-questions-more').waitFor({ timeout: 30_000 })
    const onDemand = await screen.getByTestId('room-question').count()
    expect(await screen.getByTestId('room-questions-more').textContent()).toBe(`and ${28 - onDemand} more`)
    expect(await misfits('[data-testid="questions-screen"] [data-testid="room-question"], [data-testid="questions-screen"] [data-testid="room-questions-more"]')).toEqual([])
    await projector.screenshot({ path: join(OUT, 'room-questions-on-demand-980x552.png') })
    await presenter.getByTestId('show-questions').click()
    await screen.waitFor({ state: 'detached' })
    await presenter.close()
    expect(projectorErrors).toEqual([])
    expect(phones.flatMap(p => p.errors)).toEqual([])
  }, 400_000)
})
