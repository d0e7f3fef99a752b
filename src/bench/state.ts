// npm run bench:state: two tabs of one browser on the stakeholder map (the presenter view and
// the projected slide), each making 200 random edits through the board's own controls at full
// speed (add, move with the arrow keys, rename, remove, change the threshold), then both tabs
// reload. Reports every row acknowledged on screen that the reload lost: it must be 0.
//   npm run bench:state                 builds the site into a temporary folder first
//   npm run bench:state -- --site dist  uses a site already built
//   npm run bench:state -- --edits 500  more edits per tab
//   npm run bench:state -- --short      10 edits per tab (CI runs this so the benchmark cannot rot unnoticed)
// Only the deck that holds the board is built.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import type { Locator, Page } from 'playwright-core'
import { launchChromium } from '../chromium'
import { type DeckRef, listDecks, loadDeck } from '../content/decks'
import { buildSite } from '../site/build'
import { resolveKit } from '../site/kit'
import { serveSite } from '../output/serve'

const BOARD = 'm2-board-stakeholder-map'

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : undefined
}

/** A small seeded generator, so that a run can be repeated. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

async function boardSlide(): Promise<{ deck: DeckRef, path: string }> {
  for (const ref of listDecks()) {
    const deck = await loadDeck(ref)
    const slide = deck.slides.find(s => s.frontmatter.id === BOARD)
    if (slide)
      return { deck: ref, path: `/${ref.name}/#/${slide.number}` }
  }
  throw new Error(`No slide holds the board ${BOARD}.`)
}

// Every stakeholder is a marker on the grid (the key of names is paged), labelled
// "<number>. <name>: power <p>, interest <i>, <quadrant>" (the number it shows first).
const LABEL = /^\d+\. (.*): power \d+, interest \d+, .*$/
const names = (board: Locator) => board.locator('.kit-sm-marker').evaluateAll((markers, label) => markers.map((m) => {
  const text = m.getAttribute('aria-label') ?? ''
  return new RegExp(label).exec(text)?.[1] ?? text
}), LABEL.source)
const REGEXP_ESCAPE = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const marker = (board: Locator, name: string) => board.getByRole('button', { name: new RegExp(`^\\d+\\. ${REGEXP_ESCAPE(name)}: power \\d`) }).first()

async function ready(board: Locator) {
  await board.locator('fieldset.kit-board-controls:not([disabled])').first().waitFor({ timeout: 30_000 })
}

/** `tried`: rows a remove was tried on. Under load a click may fail after it took effect, so a row is never counted as added-and-kept once a remove was tried on it. */
interface Tally { add: number, move: number, rename: number, remove: number, threshold: number, skipped: number, removed: Set<string>, added: string[], tried: Set<string> }

/** An edit of a row the other tab may remove at that very moment: skipped when it is gone. */
async function maybe(tally: Tally, act: () => Promise<boolean>): Promise<void> {
  try {
    if (!await act())
      tally.skipped++
  }
  catch {
    tally.skipped++
  }
}
const QUICK = { timeout: 2000 }

async function edit(tab: string, page: Page, board: Locator, count: number, next: () => number): Promise<Tally> {
  const tally: Tally = { add: 0, move: 0, rename: 0, remove: 0, threshold: 0, skipped: 0, removed: new Set(), added: [], tried: new Set() }
  for (let i = 0; i < count; i++) {
    const rows = await names(board)
    const pick = rows[Math.floor(next() * rows.length)]
    const roll = next()
    // An entry dialog left open by a skipped edit (its row removed meanwhile) is closed first.
    if (await page.locator('dialog[open]').count())
      await page.keyboard.press('Escape')
    if (roll < 0.5 || !pick) {
      await board.getByTestId('board-add').click()
      await board.locator(`#${BOARD}-new-name`).fill(`${tab}-${i}`)
      await board.locator(`#${BOARD}-new-name`).press('Enter')
      await marker(board, `${tab}-${i}`).waitFor({ state: 'attached' })
      tally.add++
      tally.added.push(`${tab}-${i}`)
    }
    else if (roll < 0.7) {
      await maybe(tally, async () => {
        await marker(board, pick).press(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'][Math.floor(next() * 4)], QUICK)
        tally.move++
        return true
      })
    }
    else if (roll < 0.8) {
      await maybe(tally, async () => {
        await marker(board, pick).click(QUICK)
        const field = board.locator(`#${BOARD}-edit-relationshipOwner`)
        await field.fill(`${tab} ${i}`, QUICK)
        await field.press('Enter', QUICK)
        tally.rename++
        return true
      })
    }
    else if (roll < 0.95) {
      tally.tried.add(pick)
      await maybe(tally, async () => {
        await marker(board, pick).click(QUICK)
        await board.locator('dialog[open]').getByRole('button', { name: 'Remove', exact: true }).click(QUICK)
        tally.remove++
        tally.removed.add(pick)
        return true
      })
    }
    else {
      await board.getByRole('combobox', { name: 'Threshold for high power and interest' }).selectOption(String(2 + Math.floor(next() * 4)))
      tally.threshold++
    }
  }
  return tally
}

async function main() {
  const edits = Number(option('edits') ?? (process.argv.includes('--short') ? 10 : 200))
  const seed = Number(option('seed') ?? 1)
  let siteDir = option('site')
  const { deck, path } = await boardSlide()
  const work = siteDir ? undefined : mkdtempSync(join(tmpdir(), 'kit-bench-state-'))
  const browser = await launchChromium()
  let site: Awaited<ReturnType<typeof serveSite>> | undefined
  try {
    if (!siteDir) {
      console.log('Building the site …')
      siteDir = join(work!, 'site')
      await buildSite({ base: '/', kit: { ...await resolveKit(), decks: [deck] }, outDir: siteDir, log: () => {} })
    }
    site = await serveSite(siteDir, 0)
    const url = site.url + path
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
    const errors: string[] = []
    const tabs = await Promise.all(['A', 'B'].map(async (tab) => {
      const page = await context.newPage()
      page.on('pageerror', (e) => {
        errors.push(`${tab}: ${e.message}`)
        console.error(`tab ${tab}: ${e.message}`)
      })
      await page.goto(url, { waitUntil: 'networkidle' })
      const board = page.locator(`[data-board="${BOARD}"]`)
      await ready(board)
      return { tab, page, board }
    }))
    console.log(`Two tabs, ${edits} random edits each at full speed, on ${BOARD} (seed ${seed}) …`)
    const started = performance.now()
    const tallies = await Promise.all(tabs.map(({ tab, page, board }, n) => edit(tab, page, board, edits, random(seed * 7919 + n))))
    const seconds = (performance.now() - started) / 1000

    // Both tabs show the same rows, and both say everything is saved: that is what a person sees.
    const converged = async () => {
      const until = Date.now() + 30_000
      while (Date.now() < until) {
        const [a, b] = await Promise.all(tabs.map(t => names(t.board)))
        if (JSON.stringify([...a].sort()) === JSON.stringify([...b].sort()))
          return a
        await new Promise(r => setTimeout(r, 100))
      }
      throw new Error('The two tabs did not show the same rows within 30 s.')
    }
    const onScreen = await converged()
    await Promise.all(tabs.map(t => t.board.locator('[data-storage="saved"]').waitFor({ timeout: 30_000 })))
    const added = tallies.reduce((n, t) => n + t.add, 0)
    const removed = new Set(tallies.flatMap(t => [...t.removed]))
    // Every row added and never the target of a remove is on screen in both tabs (a lost add shows here).
    const tried = new Set(tallies.flatMap(t => [...t.tried]))
    const missing = tallies.flatMap(t => t.added).filter(name => !tried.has(name) && !onScreen.includes(name))

    for (const t of tabs)
      await t.page.reload({ waitUntil: 'networkidle' })
    await Promise.all(tabs.map(t => ready(t.board)))
    const after = await Promise.all(tabs.map(t => names(t.board)))
    const lost = onScreen.filter(name => !after[0].includes(name) || !after[1].includes(name))
    console.log('\n| what | value |\n|---|---|')
    console.log(`| edits (2 tabs × ${edits}) | ${tallies.reduce((n, t) => n + t.add + t.move + t.rename + t.remove + t.threshold, 0)} (adds ${added}, moves ${tallies.reduce((n, t) => n + t.move, 0)}, edits ${tallies.reduce((n, t) => n + t.rename, 0)}, removes ${removed.size}, threshold ${tallies.reduce((n, t) => n + t.threshold, 0)}; ${tallies.reduce((n, t) => n + t.skipped, 0)} more skipped: their row was just removed by the other tab) |`)
    console.log(`| time for the edits | ${seconds.toFixed(1)} s |`)
    console.log(`| rows on screen in both tabs before the reload | ${onScreen.length} (${added} added, ${removed.size} removed; every row added and never removed on screen: ${missing.length ? `NO, missing ${missing.join(', ')}` : 'yes'}) |`)
    console.log(`| rows after the reload (tab A, tab B) | ${after[0].length}, ${after[1].length} |`)
    console.log(`| **rows lost** | **${lost.length}** |`)
    if (errors.length)
      console.log(`\nPage errors:\n${errors.join('\n')}`)
    if (lost.length)
      console.log(`\nLost: ${lost.join(', ')}`)
    process.exitCode = lost.length || errors.length || missing.length ? 1 : 0
    await context.close()
  }
  finally {
    await browser.close()
    await site?.close()
    if (work)
      rmSync(work, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exitCode = 1
})
