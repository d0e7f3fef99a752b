// The accessibility gate: axe-core over everything the kit renders, as a facilitator and a room
// meet it: every slide of every deck, every board empty and then filled with the worked
// example, the landing page, each deck's overview and presenter view, and the live join page,
// with the browser preferring light and then dark (the decks are light only: nothing may turn
// dark). What the kit renders must have no serious or critical violation; what Slidev's own
// chrome causes is listed in docs/accessibility.md with the reason, and matched here by rule
// and selector, so a new finding (or one the kit causes) fails the test.
// The Spanish cohort's pages are checked in cohort-site.test.ts, on the cohort site it builds.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildJoinPage } from '../../src/live/join-build'
import { Facilitator, Participant } from '../support/live-clients'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { boardSlides, fillBoard, type Finding, isSlidevChrome, loadDecks, loadedBoard, openSlide, seriousFindings, showFinding } from '../support/kit-pages'
import { useSiteBrowser } from '../support/site-browser'
import type { LoadedDeck } from '../../src/content/decks'

const env = useSiteBrowser()
const MODES = ['light', 'dark'] as const
let decks: LoadedDeck[]
const findings: Finding[] = []

beforeAll(async () => { decks = await loadDecks() })
afterAll(() => {
  // The chrome findings, for docs/accessibility.md.
  const chrome = [...new Set(findings.filter(isSlidevChrome).map(f => `${f.rule} at ${f.target}`))]
  if (chrome.length)
    console.log(`Slidev chrome findings (documented):\n${chrome.join('\n')}`)
})

/** Each slide's look in light mode: its backgrounds and colour scheme, to compare with dark. */
const lightLook = new Map<string, string>()
async function colours(page: Page, n: number): Promise<string> {
  return page.evaluate((n) => {
    const slide = document.querySelector(`.slidev-page-${n}`)!
    const layout = slide.querySelector('.slidev-layout') ?? slide
    // Backgrounds: what dark mode swaps. (Text colours can differ for a moment while a slide's
    // styles load, in either mode; axe checks their contrast.)
    const paint = (e: Element) => getComputedStyle(e).backgroundColor
    return `page ${paint(document.body)}, slide ${paint(slide)} ${paint(layout)}, colour-scheme ${getComputedStyle(document.documentElement).colorScheme}`
  }, n)
}

/** axe on the page as it is now, plus a check that nothing turned dark; returns the kit's findings. */
async function check(page: Page, name: string): Promise<string[]> {
  const found = await seriousFindings(page, name)
  findings.push(...found)
  const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'))
  return [...found.filter(f => !isSlidevChrome(f)).map(showFinding), ...(dark ? [`${name}: turned dark`] : [])]
}

describe.each(MODES)('axe-core on the built site, the browser preferring %s', (mode) => {
  const newPage = async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: mode })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', e => errors.push(`${page.url()}: ${e.message}`))
    return { context, page, errors }
  }

  // With the browser preferring dark, every slide must also look exactly as it does in light.
  it('finds nothing serious on any slide of any deck, nor on any board, empty or filled', async () => {
    // A fresh context: every board starts empty.
    const { context, page, errors } = await newPage()
    const problems: string[] = []
    for (const deck of decks) {
      for (const slide of deck.slides) {
        await openSlide(page, env.url, deck.ref.name, slide.number)
        const name = `${mode} ${deck.ref.name} slide ${slide.number}`
        const boards = boardSlides([{ ...deck, slides: [slide] }])
        for (const b of boards)
          await loadedBoard(page, b.boardId)
        const look = await colours(page, slide.number)
        if (mode === 'light')
          lightLook.set(name.replace(mode, ''), look)
        else if (look !== lightLook.get(name.replace(mode, '')))
          problems.push(`${name}: looks different with the browser preferring dark: ${look}, in light ${lightLook.get(name.replace(mode, ''))}`)
        problems.push(...await check(page, `${name}${boards.length ? ' (board empty)' : ''}`))
        for (const b of boards) {
          await fillBoard(page, b.boardId)
          problems.push(...await check(page, `${name} (${b.boardId} filled)`))
        }
      }
    }
    await context.close()
    expect(problems).toEqual([])
    expect(errors).toEqual([])
  }, 600_000)

  it('finds nothing serious on the landing page, nor on any deck\'s overview or presenter view', async () => {
    const { context, page, errors } = await newPage()
    await page.goto(`${env.url}/`, { waitUntil: 'networkidle' })
    const problems = await check(page, `${mode} landing page`)
    for (const deck of decks) {
      await page.goto(`${env.url}/${deck.ref.name}/#/overview`, { waitUntil: 'networkidle' })
      await page.locator('.slidev-page-1').first().waitFor({ state: 'attached' })
      problems.push(...await check(page, `${mode} ${deck.ref.name} overview`))
      await page.goto(`${env.url}/${deck.ref.name}/#/presenter/2`, { waitUntil: 'networkidle' })
      await page.locator('.slidev-note').first().waitFor({ state: 'attached' })
      problems.push(...await check(page, `${mode} ${deck.ref.name} presenter view`))
    }
    await context.close()
    expect(problems).toEqual([])
    expect(errors).toEqual([])
  }, 300_000)
})

describe('axe-core on the live join page', () => {
  const TOKEN = 'a11y-gate-facilitator-token-0123456789'
  let dir: string
  let server: LiveServer
  let facilitator: Facilitator
  let phone: Participant
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kit-a11y-join-'))
    await buildJoinPage(join(dir, 'join'))
    server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Module 2 · Community of practice', host: '127.0.0.1', port: 0, joinDir: join(dir, 'join'), limits: { burst: 20, perSecond: 10 } })
    facilitator = new Facilitator(server.wsUrl, TOKEN)
    await facilitator.ready()
    phone = new Participant(server.wsUrl, 'a11y-gate-phone-secret', 'Ana')
    await phone.ready()
  })
  afterAll(async () => {
    phone?.destroy()
    facilitator?.destroy()
    await server?.stop()
    if (dir)
      rmSync(dir, { recursive: true, force: true })
  })

  it.each(MODES)('finds nothing serious while waiting, on an empty and a filled vote, on a board\'s phone form and on a projector-only board (%s)', async (mode) => {
    const context = await env.browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true, colorScheme: mode })
    const page = await context.newPage()
    const problems: string[] = []
    facilitator.show(undefined)
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' })
    await page.getByText(/Waiting for the facilitator/).waitFor()
    problems.push(...await check(page, `${mode} join page, waiting`))

    const vote = `m2-ideas-${mode}`
    facilitator.show(vote, 'idea-vote', 'A stakeholder with power over us who never hears from us')
    await page.getByRole('heading', { name: /never hears from us/ }).waitFor()
    problems.push(...await check(page, `${mode} join page, empty vote`))
    for (const [n, text] of ['The university\'s research office', 'Departmental IT support', 'The library\'s funders'].entries())
      expect(await phone.contribute(vote, { op: 'add', list: 'ideas', row: { id: `${mode}-${n}`, text } })).toMatchObject({ ok: true })
    await page.getByText('The library\'s funders').waitFor()
    problems.push(...await check(page, `${mode} join page, filled vote`))

    facilitator.show(`m2-map-${mode}`, 'stakeholder-map', 'Stakeholder map')
    // An individual board: the phone's own copy first (and the room's board below it).
    await page.getByTestId('own-list-stakeholders').getByRole('heading', { name: 'Stakeholders' }).waitFor()
    problems.push(...await check(page, `${mode} join page, a board's phone form`))

    facilitator.show(`m2-slide-${mode}`, 'not-a-live-board', 'Projector only')
    await page.getByText(/on the projector only/).waitFor()
    problems.push(...await check(page, `${mode} join page, a board on the projector only`))
    await context.close()
    expect(problems).toEqual([])
  })
})
