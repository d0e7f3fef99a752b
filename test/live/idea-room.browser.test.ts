// The idea board with a room's worth of ideas, projected (Chromium, the 980x552 slide at scale
// 1): 30 participants send 60 ideas, some of the longest allowed. While the room collects, every
// idea is on the projector, page after page, each whole (never cut off), inside the slide, none
// over another, in type of at least 20 px, with a page indicator. While the room votes, the
// ranking shows ties as ties (1, 1, 3, "tied") and counts its nouns right. The screenshots are
// written to test-results/screenshots/ to be looked at.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { Facilitator, Participant, until, voteFor } from '../support/live-clients'
import { ROOT } from '../../src/paths'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { type LiveDeck, startLiveDeck } from './live-deck'

const TOKEN = 'idea-room-test-facilitator-token-0123456789'
const OUT = join(ROOT, 'test-results', 'screenshots')
const SLIDES = `---
theme: default
addons: ['../../']
colorSchema: light
title: Idea room test
fonts:
  provider: none
---

# Idea room

---

# What would you try first?

<IdeaVote id="room-ideas" title="What would you try first?" :page-seconds="3" />
`

let dir: string
let server: LiveServer
let deck: LiveDeck
let browser: Browser
const people: Participant[] = []
let facilitator: Facilitator

// Ideas of the lengths a room writes: a few words, a sentence, the longest allowed (140).
const LONG = 'A monthly newcomers\' call with a rotating host, a shared agenda anyone can edit, notes in the forum afterwards and a short survey'
const ideaText = (p: number, n: number) => n === 0
  ? (p % 3 === 0 ? `${LONG} ${p}`.slice(0, 140) : `Idea ${p}: office hours on the chat`)
  : (p % 4 === 0 ? `Pair newcomers with a mentor for their first contribution (${p})` : `Forum ${p}`)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-live-idea-room-'))
  mkdirSync(OUT, { recursive: true })
  server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Idea room', host: '127.0.0.1', port: 0 })
  deck = await startLiveDeck('idea-room', SLIDES, { VITE_KIT_LIVE_URL: server.wsUrl, VITE_KIT_LIVE_TOKEN: TOKEN, VITE_KIT_LIVE_JOIN: `${server.url}/` })
  browser = await launchChromium()
  facilitator = new Facilitator(server.wsUrl, TOKEN)
  await facilitator.ready()
}, 180_000)

afterAll(async () => {
  for (const p of people)
    p.destroy()
  facilitator?.destroy()
  await browser?.close()
  deck?.stop()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** What is wrong on the page shown now: cards cut off, outside the slide or the board, over each other, too small. */
async function measurePage(page: Page) {
  return page.evaluate(() => {
    const slide = document.querySelector('#slide-content, .slidev-page')!.getBoundingClientRect()
    const box = document.querySelector('[data-testid="idea-pages"]')!.getBoundingClientRect()
    const cards = [...document.querySelectorAll<HTMLElement>('[data-testid="idea-pages"] [data-testid="top-idea"]')]
    const rects = cards.map(c => c.getBoundingClientRect())
    const problems: string[] = []
    cards.forEach((card, i) => {
      const r = rects[i]
      const name = card.textContent!.slice(0, 30)
      if (r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 || r.left < box.left - 0.5 || r.right > box.right + 0.5)
        problems.push(`outside the board: ${name} (${Math.round(r.top)}-${Math.round(r.bottom)} in ${Math.round(box.top)}-${Math.round(box.bottom)})`)
      if (r.bottom > slide.bottom + 0.5 || r.right > slide.right + 0.5)
        problems.push(`outside the slide: ${name}`)
      if (card.scrollHeight > card.clientHeight + 1 || card.scrollWidth > card.clientWidth + 1)
        problems.push(`cut off: ${name}`)
      if (Number.parseFloat(getComputedStyle(card).fontSize) < 20)
        problems.push(`smaller than 20 px: ${name}`)
      for (let j = 0; j < i; j++) {
        const o = rects[j]
        if (r.left < o.right - 0.5 && o.left < r.right - 0.5 && r.top < o.bottom - 0.5 && o.top < r.bottom - 0.5)
          problems.push(`over another: ${name}`)
      }
    })
    const indicator = document.querySelector('[data-testid="idea-page"]')
    if (indicator) {
      const r = indicator.getBoundingClientRect()
      if (r.bottom > slide.bottom + 0.5)
        problems.push('page indicator outside the slide')
      if (Number.parseFloat(getComputedStyle(indicator).fontSize) < 20)
        problems.push('page indicator smaller than 20 px')
    }
    return { texts: cards.map(c => c.querySelector('.kit-ideas-text-whole')!.textContent!), problems, indicator: indicator?.textContent?.replace(/\s+/g, ' ').trim() ?? '' }
  })
}

describe('the idea board with 30 participants, projected', () => {
  it('shows every idea while collecting, whole and legible, page after page; then the ranking with ties', async () => {
    const projector = await browser.newPage({ viewport: { width: 980, height: 552 } })
    const errors: string[] = []
    projector.on('pageerror', e => errors.push(e.message))
    await projector.goto(`${deck.url}/2`, { timeout: 180_000 })
    // Slidev compiles the deck on the first visit: slow on a busy machine.
    await projector.locator('[data-board="room-ideas"] [data-live="on"]').waitFor({ state: 'attached', timeout: 180_000 })

    // The room: 30 phones, two ideas each.
    facilitator.show('room-ideas', 'idea-vote', 'What would you try first?')
    for (let p = 0; p < 30; p++) {
      const phone = new Participant(server.wsUrl, undefined, p % 2 ? `Person ${p}` : '')
      people.push(phone)
    }
    await Promise.all(people.map(p => p.ready()))
    const sent = await Promise.all(people.flatMap((p, i) => [0, 1].map(n => p.contribute('room-ideas', { op: 'add', list: 'ideas', row: { id: `idea-${i}-${n}`, text: ideaText(i, n) } }))))
    expect(sent.every(r => r.ok)).toBe(true)
    const all = people.flatMap((_, i) => [0, 1].map(n => ideaText(i, n)))
    const board = projector.locator('[data-board="room-ideas"]')
    await board.getByTestId('idea-totals').filter({ hasText: /^60 ideas · 0 votes$/ }).waitFor({ timeout: 30_000 })

    // Collecting: page after page; the pages turn on their own.
    const indicator = board.getByTestId('idea-page')
    await indicator.waitFor()
    const pages = Number(/\/ (\d+)/.exec((await indicator.textContent())!)![1])
    expect(pages).toBeGreaterThan(1)
    const seen = new Set<string>()
    for (let n = 1; n <= pages; n++) {
      await indicator.filter({ hasText: new RegExp(`Page ${n} / ${pages}`) }).waitFor({ timeout: 15_000 })
      const m = await measurePage(projector)
      await projector.screenshot({ path: join(OUT, `idea-board-collecting-30-participants-980x552-page-${n}.png`) })
      expect(m.problems, `page ${n}`).toEqual([])
      expect(m.texts.length, `page ${n}`).toBeGreaterThan(0)
      m.texts.forEach(t => seen.add(t))
    }
    expect([...seen].sort()).toEqual([...all].sort())

    // Voting: the facilitator switches phases; ties are shown as ties.
    const { doc } = await facilitator.board('room-ideas')
    doc.getMap('meta').set('phase', 'vote')
    // Two ideas with 3 votes, one with 2, then two with 1.
    const votes: [number, string][] = [[0, 'idea-0-0'], [1, 'idea-0-0'], [2, 'idea-0-0'], [3, 'idea-1-0'], [4, 'idea-1-0'], [5, 'idea-1-0'], [6, 'idea-2-0'], [7, 'idea-2-0'], [8, 'idea-3-0'], [9, 'idea-4-0']]
    const voted = await Promise.all(votes.map(([p, idea]) => people[p].contribute('room-ideas', voteFor(idea))))
    expect(voted.every(r => r.ok)).toBe(true)
    await until(doc, () => doc.getMap<Y.Map<unknown>>('rows:votes').size === votes.length)
    await board.getByTestId('idea-totals').filter({ hasText: /^60 ideas · 10 votes$/ }).waitFor({ timeout: 30_000 })
    // As many of the top as fit whole, then "+ n more ideas": ranks 1, 1, 3, 4 ... with "tied".
    await board.getByTestId('idea-more').waitFor()
    const ranks = await board.getByTestId('top-idea').evaluateAll(items => items.map(li => [li.getAttribute('data-rank'), !!li.querySelector('[data-testid="idea-tied"]')]))
    expect(ranks.length).toBeGreaterThanOrEqual(3)
    expect(ranks).toEqual([['1', true], ['1', true], ['3', false], ['4', true], ['4', true]].slice(0, ranks.length))
    expect(await board.getByTestId('idea-more').textContent()).toBe(`+ ${60 - ranks.length} more ideas`)
    const fits = await board.evaluate((root) => {
      const area = root.querySelector('.kit-ideas-board')!.getBoundingClientRect()
      const slide = document.querySelector('#slide-content, .slidev-page')!.getBoundingClientRect()
      return [...root.querySelectorAll<HTMLElement>('[data-testid="top-idea"], [data-testid="idea-more"]')].map((el) => {
        const r = el.getBoundingClientRect()
        return r.bottom <= Math.min(area.bottom, slide.bottom) + 0.5 && el.scrollHeight <= el.clientHeight + 1 && Number.parseFloat(getComputedStyle(el).fontSize) >= 20
      })
    })
    expect(fits.every(Boolean)).toBe(true)
    await projector.screenshot({ path: join(OUT, 'idea-board-voting-30-participants-980x552.png') })
    // No facilitator control on the projected board.
    expect(await projector.getByTestId('idea-moderation').count()).toBe(0)
    for (const name of ['Lock', 'Unlock', 'Start voting', 'Approve all', 'Merge'])
      expect(await board.getByRole('button', { name }).count(), name).toBe(0)
    expect(await board.getByText(/Approve before showing|waiting for approval/).count()).toBe(0)
    expect(errors).toEqual([])
    await projector.close()
  }, 360_000)
})
