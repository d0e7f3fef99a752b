// Everyone's own board on the phone (Chromium, each phone its own browser context, at 360 px):
// on an individual board the page fills the participant's own copy (add with the scale's stepper,
// edit, remove), which the other phone and the room's board never show; it says the board is
// individual (a whole-room board says so too); the copy downloads as the board's JSON, is there
// after a reload and in the cohort's next session, and the charter builder takes it from the
// server. At 200 % zoom nothing is clipped (the idea board's vote buttons were), and a long form's
// submit button is within an 844 px screen while the form is.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { importJson } from '../../src/boards/kit/board'
import { stakeholderMap } from '../../src/boards/stakeholder-map/model'
import { buildJoinPage } from '../../src/live/join-build'
import { ownStoreFile } from '../../src/live/own-boards'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { Facilitator } from '../support/live-clients'
import { freePort } from './live-deck'

const TOKEN = 'own-board-facilitator-token-0123456789'
const MAP = 'm2-board-stakeholder-map'

let dir: string
let joinDir: string
let ownFile: string
let port: number
let server: LiveServer
let facilitator: Facilitator
let browser: Browser

const start = async (session: string) => {
  server = await startLiveServer({ db: join(dir, session, 'live.sqlite'), ownFile, token: TOKEN, title: session, host: '127.0.0.1', port, joinDir, limits: { burst: 50, perSecond: 20 } })
  facilitator = new Facilitator(server.wsUrl, TOKEN)
  await facilitator.ready()
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-own-phone-'))
  joinDir = join(dir, 'join')
  await buildJoinPage(joinDir)
  ownFile = ownStoreFile(dir, join(dir, 's1'), 'lisbon-2027')
  port = await freePort()
  await start('s1')
  browser = await launchChromium()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  facilitator?.destroy()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function phone(width = 360, height = 844): Promise<{ context: BrowserContext, page: Page, errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, acceptDownloads: true })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', e => errors.push(e.message))
  await page.goto(`${server.url}/`)
  await page.getByTestId('status').filter({ hasText: 'Connected' }).waitFor()
  return { context, page, errors }
}

/** Nothing wider than the screen: no sideways scrolling, no element past the right edge. */
const overflow = (page: Page) => page.evaluate(() => {
  const width = document.documentElement.clientWidth
  const past = [...document.querySelectorAll('*')]
    .filter(e => (e as HTMLElement).offsetParent !== null && e.getBoundingClientRect().right > width + 0.5)
    .map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)} ${(e.textContent ?? '').trim().slice(0, 30)}`)
  // A control whose own text does not fit in it (squeezed by its row) is clipped too.
  const squeezed = [...document.querySelectorAll('button, select')]
    .filter(e => (e as HTMLElement).offsetParent !== null && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1))
    .map(e => `${e.tagName} ${(e.textContent ?? '').trim().slice(0, 30)}`)
  return { scroll: document.documentElement.scrollWidth > width, past: [...past, ...squeezed] }
})

describe('everyone\'s own board on the phone', () => {
  it('fills, edits and removes the participant\'s own copy, which nobody else\'s phone shows, and downloads it', async () => {
    facilitator.show(MAP, 'stakeholder-map', 'Stakeholder map')
    const ana = await phone()
    const bea = await phone()
    await ana.page.getByTestId('name').fill('Ana')
    const own = ana.page.getByTestId('own-list-stakeholders')
    await own.waitFor()
    expect(await ana.page.getByTestId('board-scope').getAttribute('data-scope')).toBe('individual')

    // As the page opens, the form's submit button is on the 844 px screen, no scrolling; and
    // with the form's top on screen (a long form), it stays there.
    const first = await own.getByTestId('submit-entry').boundingBox()
    expect(first!.y + first!.height).toBeLessThanOrEqual(844)
    await own.locator('form').evaluate(f => f.scrollIntoView({ block: 'start' }))
    const submit = await own.getByTestId('submit-entry').boundingBox()
    expect(submit!.y + submit!.height).toBeLessThanOrEqual(844)
    expect(submit!.y).toBeGreaterThanOrEqual(0)

    await own.locator('[data-field="name"]').fill('Qz city library')
    // A 1-5 scale is a stepper: three taps from 1 make 4.
    for (let i = 0; i < 3; i++)
      await own.locator('[data-step="power-more"]').click()
    await expect.poll(() => own.locator('output[data-field="power"]').textContent()).toBe('4')
    await own.getByTestId('submit-entry').click()
    const mine = own.getByTestId('own-entries')
    await mine.getByText('Qz city library').waitFor()
    await mine.getByText(/Power \(1-5\): 4/).waitFor()
    expect((await overflow(ana.page)).scroll).toBe(false)

    await own.locator('[data-field="name"]').fill('Qz regional funder')
    await own.getByTestId('submit-entry').click()
    await mine.getByText('Qz regional funder').waitFor()
    await mine.getByRole('button', { name: 'Edit: Qz city library' }).click()
    await mine.locator('[data-field="name"]').fill('Qz university library')
    await mine.getByRole('button', { name: 'Save' }).click()
    await mine.getByText('Qz university library').waitFor()
    await mine.getByRole('button', { name: 'Remove: Qz regional funder' }).click()
    await mine.getByText('Qz regional funder').waitFor({ state: 'detached' })

    // Bea's phone: her own empty copy; the room's board holds neither.
    await bea.page.getByTestId('own-empty').waitFor()
    expect(await bea.page.getByText(/Qz/).count()).toBe(0)
    expect(await ana.page.getByTestId('list-stakeholders').getByTestId('board-entries').getByText(/Qz/).count()).toBe(0)

    // The download: the board's own JSON, which the laptop's Import reads.
    const [download] = await Promise.all([ana.page.waitForEvent('download'), ana.page.getByTestId('own-download').click()])
    expect(download.suggestedFilename()).toBe(`${MAP}.json`)
    const read = importJson(stakeholderMap, readFileSync(await download.path(), 'utf8'))
    expect(read.ok && read.data.stakeholders.map(s => [s.name, s.power])).toEqual([['Qz university library', 4]])

    // Consent, on the phone: kept by the server with her copy (the projector test shows its use).
    await ana.page.getByTestId('own-consent').locator('input').check()
    expect(ana.errors).toEqual([])
    expect(bea.errors).toEqual([])

    // After a reload, and in the cohort's next session on the same phone, it is there again.
    await ana.page.reload()
    await ana.page.getByTestId('own-entries').getByText('Qz university library').waitFor()
    expect(await ana.page.getByTestId('own-consent').locator('input').isChecked()).toBe(true)
    facilitator.destroy()
    await server.stop()
    await start('s2')
    facilitator.show(MAP, 'stakeholder-map', 'Stakeholder map')
    // Another day, the same phone opens the join page again.
    await ana.page.goto(`${server.url}/`)
    await ana.page.getByTestId('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 20_000 })
    await ana.page.getByTestId('own-entries').getByText('Qz university library').waitFor({ timeout: 20_000 })

    // Module 4: the charter builder takes her earlier boards from the server, no files.
    facilitator.show('m4-board-charter-builder', 'charter-builder', 'Charter')
    await ana.page.getByTestId('own-thread').click()
    await ana.page.getByTestId('own-taken').filter({ hasText: /taken from your earlier boards/ }).waitFor()
    const [charter] = await Promise.all([ana.page.waitForEvent('download'), ana.page.getByTestId('own-download').click()])
    expect(readFileSync(await charter.path(), 'utf8')).toContain('Qz university library')
    await ana.context.close()
    await bea.context.close()
  })

  it('says a whole-room board is whole-room, and clips nothing at 200 % zoom (a 360 px phone: 180 px of CSS)', async () => {
    facilitator.show('m2-zoom-ideas', 'idea-vote', 'Ideas')
    const p = await phone(180, 422)
    await p.page.getByTestId('board-scope').filter({ hasText: /Whole-room/ }).waitFor()
    expect(await p.page.getByTestId('board-scope').getAttribute('data-scope')).toBe('room')
    await p.page.getByTestId('idea-text').fill('Qz a newsletter for newcomers with a long description')
    await p.page.getByTestId('add').click()
    const card = p.page.getByTestId('board-ideas').locator('li').first()
    await card.getByText(/Qz a newsletter/).waitFor()
    const vote = await card.getByRole('button', { name: /Vote/ }).boundingBox()
    const box = await card.boundingBox()
    expect(vote!.x + vote!.width).toBeLessThanOrEqual(box!.x + box!.width + 0.5)
    expect(vote!.x + vote!.width).toBeLessThanOrEqual(180)
    expect(await overflow(p.page)).toEqual({ scroll: false, past: [] })

    facilitator.show(MAP, 'stakeholder-map', 'Stakeholder map')
    await p.page.getByTestId('own-list-stakeholders').waitFor()
    expect(await overflow(p.page)).toEqual({ scroll: false, past: [] })
    await p.context.close()
  })
})

