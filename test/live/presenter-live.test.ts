// The presenter view during a live session (Slidev + Chromium, a real live server, phones as
// Node clients): live-mode problems in words in the bottom bar, a burst of new participants
// with "Close joining" in one click, "Block" and "Remove all from this person" beside a
// contribution, and the current activity's steps and timer sent to the phones.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { launchChromium } from '../../src/chromium'
import { admissionMaps, REFUSED_BLOCKED, REFUSED_CLOSED } from '../../src/live/admission'
import { BURST_NOTICE } from '../../src/live/client'
import { Facilitator, Participant, until } from '../support/live-clients'
import { ACTIVITY_MAP, type CurrentActivity, HEALTH_MAP } from '../../src/live/protocol'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { type LiveDeck, startLiveDeck } from './live-deck'

const TOKEN = 'presenter-live-facilitator-token-012345'
const SLIDES = `---
theme: default
addons: ['../../']
colorSchema: light
title: Presenter live
fonts:
  provider: none
---

# Start

---

# Ideas

<IdeaVote id="pl-ideas" title="Ideas" />

---
layout: activity
id: pl-consult
duration: 8
steps:
  - { title: Alone, minutes: 2 }
  - { title: In pairs, minutes: 6 }
---

# Consult
`

let dir: string
let server: LiveServer
let deck: LiveDeck
let browser: Browser
let boss: Facilitator
const phones: Participant[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-presenter-live-'))
  server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Presenter live', host: '127.0.0.1', port: 0 })
  deck = await startLiveDeck('presenter-live', SLIDES, { VITE_KIT_LIVE_URL: server.wsUrl, VITE_KIT_LIVE_TOKEN: TOKEN, VITE_KIT_LIVE_JOIN: `${server.url}/` })
  browser = await launchChromium()
  boss = new Facilitator(server.wsUrl, TOKEN)
  await boss.ready()
}, 180_000)
afterAll(async () => {
  for (const p of phones)
    p.destroy()
  boss?.destroy()
  await browser?.close()
  deck?.stop()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** A phone: resolves 'in' once admitted, or with the refusal it was given. */
function phone(secret?: string): { p: Participant, outcome: Promise<string> } {
  const p = new Participant(server.wsUrl, secret)
  phones.push(p)
  const outcome = new Promise<string>((resolve) => {
    p.control.on('synced', () => resolve('in'))
    p.control.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason))
  })
  return { p, outcome }
}

async function presenter(slide: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.goto(`${deck.url}/presenter/${slide}`)
  return page
}

describe('the presenter view in a live session', () => {
  it('shows live-mode problems in words, and drops them once solved', async () => {
    const page = await presenter(1)
    const status = page.locator('[data-testid="live-problems"]:visible')
    boss.controlDoc.transact(() => boss.controlDoc.getMap(HEALTH_MAP).set('test-instance', { problems: ['The session cannot store contributions: the disk is full.'], at: new Date().toISOString() }))
    await status.filter({ hasText: 'Live mode problem: The session cannot store contributions: the disk is full.' }).waitFor()
    boss.controlDoc.transact(() => boss.controlDoc.getMap(HEALTH_MAP).delete('test-instance'))
    await status.waitFor({ state: 'detached' })
    await page.close()
  })

  it('shows a burst of new participants and closes joining in one click; phones already in go on', async () => {
    const page = await presenter(1)
    const first = Array.from({ length: BURST_NOTICE }, () => phone())
    expect(await Promise.all(first.map(f => f.outcome))).toEqual(first.map(() => 'in'))
    await page.locator('[data-testid="live-burst"]:visible').filter({ hasText: `${BURST_NOTICE} joined in the last minute` }).waitFor()
    await page.locator('[data-testid="live-joining"]:visible').filter({ hasText: 'Close joining' }).click()
    await page.locator('[data-testid="live-joining-closed"]:visible').waitFor()
    // The click reaches the server through the deck's connection; the server passes it on to
    // every facilitator connection once it holds it.
    const admission = await boss.admission()
    await until(admission, () => admissionMaps(admission).settings.get('joining') === 'closed', 10_000, 'joining closed on the server')
    const late = await phone().outcome
    expect(late).toBe(REFUSED_CLOSED)
    // A phone already in keeps working.
    boss.show('pl-ideas', 'idea-vote', 'Ideas')
    await until(first[0].p.controlDoc, () => first[0].p.controlDoc.getMap('current').get('boardId') === 'pl-ideas')
    expect(await first[0].p.contribute('pl-ideas', { op: 'add', list: 'ideas', row: { id: 'still-in', text: 'Still in' } })).toMatchObject({ ok: true })
    await page.locator('[data-testid="live-joining"]:visible').filter({ hasText: 'Open joining' }).click()
    await page.locator('[data-testid="live-joining-closed"]:visible').waitFor({ state: 'detached' })
    await page.close()
  })

  it('removes everything one participant sent, and blocks them, from beside their idea', async () => {
    const page = await presenter(2)
    const spam = phone()
    const other = phone()
    await Promise.all([spam.outcome, other.outcome])
    await until(spam.p.controlDoc, () => spam.p.controlDoc.getMap('current').get('boardId') === 'pl-ideas')
    expect(await spam.p.contribute('pl-ideas', { op: 'add', list: 'ideas', row: { id: 'spam-1', text: 'Spam one' } })).toMatchObject({ ok: true })
    expect(await spam.p.contribute('pl-ideas', { op: 'add', list: 'ideas', row: { id: 'spam-2', text: 'Spam two' } })).toMatchObject({ ok: true })
    expect(await other.p.contribute('pl-ideas', { op: 'add', list: 'ideas', row: { id: 'real-1', text: 'A real idea' } })).toMatchObject({ ok: true })
    const board = (await boss.board('pl-ideas')).doc
    const texts = () => [...board.getMap<Y.Map<unknown>>('rows:ideas').values()].map(r => r.get('text'))
    // The moderation panel beside the board lists every idea with its sender's actions (the
    // board itself, collecting, shows the same texts as cards without them).
    const row = (text: string) => page.locator('[data-board="pl-ideas"] [data-testid="idea-moderation"] .kit-ideas-all li:visible').filter({ hasText: text })
    const item = row('Spam one')
    await item.getByRole('button', { name: /Remove all from this person/ }).click()
    await until(board, () => !texts().includes('Spam one') && !texts().includes('Spam two'), 10_000, 'the spam removed')
    expect(texts()).toContain('A real idea')
    // Block: the phone is disconnected and refused with a message.
    const refused = new Promise<string>(resolve => other.p.control.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason)))
    await row('A real idea').getByRole('button', { name: /^Block/ }).click()
    expect(await refused).toBe(REFUSED_BLOCKED)
    await page.close()
  })

  it('sends the activity\'s steps and timer to the phones, again when it starts', async () => {
    const { p, outcome } = phone()
    expect(await outcome).toBe('in')
    const page = await presenter(3)
    const seen = () => p.controlDoc.getMap<unknown>(ACTIVITY_MAP).get('now') as CurrentActivity | undefined
    await until(p.controlDoc, () => seen()?.slide === 'pl-consult', 20_000, 'the activity on the phone')
    expect(seen()).toMatchObject({ steps: [{ title: 'Alone', seconds: 120 }, { title: 'In pairs', seconds: 360 }], running: false })
    await page.locator('[data-testid="activity-clock"]:visible').getByRole('button', { name: 'Start' }).click()
    await until(p.controlDoc, () => seen()?.running === true, 10_000, 'the timer running on the phone')
    expect(Math.abs(seen()!.startedAt! - Date.now())).toBeLessThan(10_000)
    await page.close()
  })
})
