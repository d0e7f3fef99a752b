// The join page on a phone (Chromium at 390 and 360 px) against a real live server: it follows
// the facilitator, adds and votes, shows participant text as text, locked and over-limit
// messages, hidden ideas disappear, and what is made while the server is down is sent once.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { launchChromium } from '../../src/chromium'
import { buildJoinPage } from '../../src/live/join-build'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { Facilitator, Participant, spawnServer, until, sessionToken } from '../support/live-clients'

const TOKEN = 'join-page-facilitator-token-0123456789'
const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'

let dir: string
let joinDir: string
let server: LiveServer
let facilitator: Facilitator
let browser: Browser
// The ideas on the board's own document (the core's layout), not the phones' projection.
const boardIdeasOf = (doc: Y.Doc) => [...doc.getMap<Y.Map<unknown>>('rows:ideas').values()].map(r => r.toJSON() as Record<string, any>)

async function start(port = 0) {
  server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Module 3 · <i>engagement</i>', host: '127.0.0.1', port, joinDir, limits: { burst: 50, perSecond: 20 } })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-join-'))
  joinDir = join(dir, 'join')
  await buildJoinPage(joinDir)
  await start()
  facilitator = new Facilitator(server.wsUrl, TOKEN)
  await facilitator.ready()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  facilitator?.destroy()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function phone(width = 390, url = server.url): Promise<{ context: BrowserContext, page: Page, errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', e => errors.push(e.message))
  page.on('dialog', d => { errors.push(`dialog: ${d.message()}`); d.dismiss() })
  await page.goto(`${url}/`)
  await page.getByTestId('status').filter({ hasText: 'Connected' }).waitFor()
  return { context, page, errors }
}

describe('the join page', () => {
  it('is small: its JavaScript is under 100 KB gzip', () => {
    const js = readdirSync(join(joinDir, 'assets')).filter(f => f.endsWith('.js'))
    const gzip = js.reduce((n, f) => n + gzipSync(readFileSync(join(joinDir, 'assets', f))).length, 0)
    expect(js.length).toBeGreaterThan(0)
    expect(gzip).toBeLessThan(100_000)
  })

  it('waits with the session title, then follows the facilitator from board to board', async () => {
    facilitator.show(undefined)
    const { context, page, errors } = await phone()
    await expect(page.getByTestId('waiting').textContent()).resolves.toMatch(/Waiting for the facilitator/)
    // The title is participant-visible text from the session, shown as text.
    await expect(page.locator('h1').textContent()).resolves.toBe('Module 3 · <i>engagement</i>')
    expect(await page.locator('h1 i').count()).toBe(0)
    facilitator.show('m3-first', 'idea-vote', 'First choice')
    await page.getByRole('heading', { name: 'First choice' }).waitFor()
    facilitator.show('m3-second', 'idea-vote', 'Second choice')
    await page.getByRole('heading', { name: 'Second choice' }).waitFor()
    facilitator.show('m3-map', 'stakeholder-map', 'Stakeholder map')
    await page.getByTestId('list-stakeholders').getByRole('heading', { name: 'Stakeholders' }).waitFor()
    facilitator.show('m3-slide-only', 'not-a-live-board', 'Projector only')
    await page.getByText(/on the projector only/).waitFor()
    expect(errors).toEqual([])
    await context.close()
  })

  it('adds an HTML/script idea that shows as text and runs nothing, on the phone and to the facilitator', async () => {
    facilitator.show('m3-ideas', 'idea-vote', 'Pick one')
    const { context, page, errors } = await phone()
    await page.getByTestId('name').fill('Zoë <b>')
    await page.getByTestId('idea-text').fill(PAYLOAD)
    await page.getByTestId('add').click()
    const shown = page.getByTestId('board-ideas').getByTestId('idea').filter({ hasText: 'onerror' })
    await shown.waitFor()
    expect(await shown.textContent()).toBe(PAYLOAD)
    expect(await page.locator('main img, main script, main b').count()).toBe(0)
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined()
    const { doc } = await facilitator.board('m3-ideas')
    await until(doc, () => boardIdeasOf(doc).some(i => i.text === PAYLOAD))
    expect(boardIdeasOf(doc).find(i => i.text === PAYLOAD)?._name).toBe('Zoë <b>')
    expect(errors).toEqual([])
    await context.close()
  })

  it('edits and withdraws its own ideas; another participant gets no edit button for them', async () => {
    facilitator.show('m3-own', 'idea-vote', 'Own ideas')
    const { context, page } = await phone()
    await page.getByTestId('idea-text').fill('First draft')
    await page.getByTestId('add').click()
    const mine = page.getByTestId('my-ideas')
    await mine.getByText('First draft').waitFor()
    await mine.getByRole('button', { name: 'Edit' }).click()
    await mine.locator('textarea').fill('Second draft')
    await mine.getByRole('button', { name: 'Save' }).click()
    await page.getByTestId('board-ideas').getByText('Second draft').waitFor()
    const other = await phone()
    await other.page.getByTestId('board-ideas').getByText('Second draft').waitFor()
    expect(await other.page.getByTestId('my-ideas').count()).toBe(0)
    expect(await other.page.getByRole('button', { name: 'Edit' }).count()).toBe(0)
    await mine.getByRole('button', { name: 'Withdraw' }).click()
    await other.page.getByTestId('board-ideas').getByText('Second draft').waitFor({ state: 'detached' })
    await other.context.close()
    await context.close()
  })

  it('votes, and says so when the votes are used up', async () => {
    facilitator.show('m3-vote', 'idea-vote', 'Vote')
    const author = new Participant(server.wsUrl)
    await author.ready()
    await until(author.controlDoc, () => author.controlDoc.getMap('current').get('boardId') === 'm3-vote')
    for (const n of [1, 2, 3, 4])
      await author.contribute('m3-vote', { op: 'add', list: 'ideas', row: { id: `vote-${n}`, text: `Option ${n}` } })
    const { context, page } = await phone()
    await page.getByTestId('board-ideas').getByText('Option 4').waitFor()
    for (const n of [1, 2, 3]) {
      const button = page.getByRole('button', { name: `Vote: Option ${n}` })
      await button.click()
      await page.getByRole('button', { name: `Voted: Option ${n}` }).waitFor()
    }
    await expect(page.getByTestId('votes-left').textContent()).resolves.toMatch(/0 votes left/)
    await page.getByRole('button', { name: 'Vote: Option 4' }).click()
    await page.getByTestId('notice').filter({ hasText: 'used all your 3 votes' }).waitFor()
    const row = page.getByTestId('board-ideas').locator('li').filter({ hasText: 'Option 1' })
    await row.getByText('1 vote').waitFor()
    author.destroy()
    await context.close()
  })

  it('loses a hidden idea at once, and shows a locked board as locked', async () => {
    facilitator.show('m3-moderated', 'idea-vote', 'Moderated')
    const author = await phone()
    await author.page.getByTestId('idea-text').fill('Please hide me')
    await author.page.getByTestId('add').click()
    const viewer = await phone()
    await viewer.page.getByTestId('board-ideas').getByText('Please hide me').waitFor()
    const { doc } = await facilitator.board('m3-moderated')
    await until(doc, () => boardIdeasOf(doc).some(i => i.text === 'Please hide me'))
    const id = boardIdeasOf(doc).find(i => i.text === 'Please hide me')!.id
    doc.getMap<Y.Map<unknown>>('rows:ideas').get(id)!.set('_status', 'hidden')
    await viewer.page.getByTestId('board-ideas').getByText('Please hide me').waitFor({ state: 'detached' })
    await author.page.getByTestId('my-ideas').getByText(/hidden by the facilitator/).waitFor()
    expect(await author.page.getByTestId('my-ideas').getByText('Please hide me').count()).toBe(0)

    doc.getMap('meta').set('locked', true)
    await viewer.page.getByTestId('locked').filter({ hasText: 'locked' }).waitFor()
    expect(await viewer.page.getByTestId('idea-text').count()).toBe(0)
    expect(await viewer.page.locator('button.vote:not([disabled])').count()).toBe(0)
    doc.getMap('meta').set('locked', false)
    await viewer.page.getByTestId('idea-text').waitFor()
    await author.context.close()
    await viewer.context.close()
  })

  it('fits a 360 px phone: no sideways scrolling, touch targets of 44 px, no axe violations', async () => {
    facilitator.show('m3-fit', 'idea-vote', 'A board with a very long title that has to wrap on a small phone screen')
    const { context, page } = await phone(360)
    await page.getByTestId('idea-text').fill(`${'Averyveryverylongwordwithoutanyspaces'.repeat(3)}`)
    await page.getByTestId('add').click()
    await page.getByTestId('my-ideas').locator('button').first().waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    const small = await page.evaluate(() => [...document.querySelectorAll('button, input, textarea')]
      .map(e => ({ what: e.outerHTML.slice(0, 60), box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ what }) => what))
    expect(small).toEqual([])
    const axe = await new AxeBuilder({ page }).analyze()
    expect(axe.violations.map(v => `${v.id}: ${v.help}`)).toEqual([])
    await context.close()
  })

  it('draws a list board\'s form from the server\'s description: add, edit, withdraw; text stays text; fits 360 px', async () => {
    facilitator.show('m2-channels', 'channel-audit', 'Channel audit')
    const { context, page, errors } = await phone(360)
    const list = page.getByTestId('list-channels')
    await list.getByLabel('Channel', { exact: false }).first().waitFor()
    await list.locator('[data-field="channel"]').fill(PAYLOAD)
    await list.getByLabel('Sync or async').selectOption({ label: 'asynchronous' })
    await list.locator('[data-field="purpose"]').fill('Questions and answers')
    await list.getByRole('button', { name: 'Add', exact: true }).click()
    const shown = list.getByTestId('board-entries').getByTestId('entry').filter({ hasText: 'onerror' })
    await shown.waitFor()
    expect(await shown.textContent()).toBe(PAYLOAD)
    await list.getByTestId('board-entries').getByText('Sync or async: asynchronous').waitFor()
    expect(await page.locator('main img, main script').count()).toBe(0)
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined()
    const { doc } = await facilitator.board('m2-channels')
    await until(doc, () => Object.values(doc.getMap<Y.Map<unknown>>('rows:channels').toJSON()).some((r: any) => r.channel === PAYLOAD && r.mode === 'async' && r._author))

    // An over-long value is refused by the server with the field's name (the page lets it through
    // only if someone removes its maxlength, as a forged request would).
    await list.locator('[data-field="owner"]').evaluate(e => e.removeAttribute('maxlength'))
    await list.locator('[data-field="channel"]').fill('Newsletter')
    await list.getByLabel('Sync or async').selectOption({ label: 'asynchronous' })
    await list.locator('[data-field="owner"]').fill('o'.repeat(81))
    await list.getByRole('button', { name: 'Add', exact: true }).click()
    await page.getByTestId('notice').filter({ hasText: 'Owner: at most 80 characters' }).waitFor()

    // At 360 px: no sideways scrolling, every target at least 44 px, every control labelled.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    const small = await page.evaluate(() => [...document.querySelectorAll('button, input:not([type=checkbox]), textarea, select, summary, label.check')]
      .map(e => ({ what: e.outerHTML.slice(0, 80), box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ what }) => what))
    expect(small).toEqual([])
    const axe = await new AxeBuilder({ page }).analyze()
    expect(axe.violations.map(v => `${v.id}: ${v.help}`)).toEqual([])

    // Edit and withdraw one's own entry.
    const mine = list.getByTestId('my-entries')
    await mine.getByRole('button', { name: /^Edit/ }).first().click()
    await mine.locator('[data-field="channel"]').fill('Forum')
    await mine.getByRole('button', { name: 'Save' }).click()
    await list.getByTestId('board-entries').getByTestId('entry').filter({ hasText: /^Forum$/ }).waitFor()
    await mine.getByRole('button', { name: 'Withdraw' }).first().click()
    await list.getByTestId('board-entries').getByTestId('entry').filter({ hasText: /^Forum$/ }).waitFor({ state: 'detached' })
    expect(errors).toEqual([])
    await context.close()
  })

  it('sends a proposal for a charter section, and shows the section once the facilitator uses it', async () => {
    facilitator.show('m4-charter', 'charter-builder', 'Charter builder')
    const { context, page, errors } = await phone(360)
    const proposals = page.getByTestId('list-proposals')
    await proposals.getByLabel('Section').selectOption({ label: 'Vision (one line)' })
    await proposals.locator('[data-field="text"]').fill('Open <i>data</i> for every town')
    await proposals.getByRole('button', { name: 'Add', exact: true }).click()
    await proposals.getByTestId('board-entries').getByText('Open <i>data</i> for every town').waitFor()
    await proposals.getByTestId('board-entries').getByText('Section: Vision (one line)').waitFor()
    expect(await page.getByTestId('list-milestones').getByRole('heading', { name: 'Milestones' }).count()).toBe(1)
    const { doc } = await facilitator.board('m4-charter')
    await until(doc, () => doc.getMap<Y.Map<unknown>>('proposals').size === 1)
    const [id, proposal] = [...doc.getMap<Y.Map<unknown>>('proposals').entries()][0]
    expect(proposal.get('path')).toBe('vision')
    // "Use": the section gets the text, the proposal is hidden (what the moderation panel does).
    doc.transact(() => {
      doc.getMap('fields').set('vision', proposal.get('text'))
      doc.getMap<Y.Map<unknown>>('proposals').get(id)!.set('_status', 'hidden')
    })
    await page.getByTestId('sections').getByText('Open <i>data</i> for every town').waitFor()
    await proposals.getByTestId('board-entries').getByText('Open <i>data</i> for every town').waitFor({ state: 'detached' })
    expect(await page.locator('main i').count()).toBe(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    expect(errors).toEqual([])
    await context.close()
  })

  it('sets the RACI letters of one\'s own activity, for the roles the facilitator put on the board', async () => {
    facilitator.show('m2-raci', 'raci-matrix', 'RACI matrix')
    const { doc } = await facilitator.board('m2-raci')
    await until(doc, () => doc.getMap('meta').get('schema') === 2, 10_000, 'the board initialised by the server')
    doc.transact(() => {
      const role = new Y.Map<unknown>()
      doc.getMap<Y.Map<unknown>>('rows:roles').set('role-host', role)
      role.set('name', 'Host <b>')
      role.set('_order', 0)
    })
    const { context, page, errors } = await phone(360)
    const list = page.getByTestId('list-activities')
    await list.getByTestId('board-entries').getByText('Onboarding').waitFor()
    await list.locator('[data-field="name"]').fill('Write the minutes')
    await list.getByRole('button', { name: 'Add', exact: true }).click()
    const letter = list.getByTestId('my-entries').getByRole('combobox', { name: 'Host <b>: letter' })
    await letter.selectOption('A')
    await until(doc, () => [...doc.getMap('record:cells').entries()].some(([key, v]) => key.endsWith(':role-host') && v === 'A'), 10_000, 'the letter on the board')
    await list.getByTestId('board-entries').getByText('Host <b>: A.').waitFor()
    expect(await page.locator('main b').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('speaks the cohort\'s language and hides the name field in an anonymous session', async () => {
    const other = await startLiveServer({ db: join(dir, 'es.sqlite'), token: TOKEN, title: 'Módulo 2', language: 'es', names: false, host: '127.0.0.1', port: 0, joinDir })
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } })
    const page = await context.newPage()
    await page.goto(`${other.url}/`)
    await page.getByTestId('waiting').filter({ hasText: 'Esperando a que la persona facilitadora abra un tablero' }).waitFor()
    await page.getByTestId('anonymous').filter({ hasText: 'anónimo' }).waitFor()
    expect(await page.getByTestId('name').count()).toBe(0)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es')
    await context.close()
    await other.stop()
  })

  it('serves only the join page: no slides, no notes', async () => {
    for (const path of ['/presenter/', '/slides.md', '/1', '/@fs/etc/passwd', '/assets/../../session.json']) {
      const res = await fetch(`${server.url}${path}`)
      const text = await res.text()
      expect(text, path).not.toMatch(/slidev|presenter|root:x/i)
    }
  })

  it('keeps what is added while the server is killed (SIGKILL), and sends it once when it is back', async () => {
    const sessions = join(dir, 'sessions')
    const env = { KIT_SESSIONS_DIR: sessions, KIT_LIVE_JOIN_DIR: joinDir }
    const token = sessionToken(sessions, 'restart', { title: 'Restart test' })
    let child = await spawnServer(env, ['--session', 'restart', '--host', '127.0.0.1', '--port', '0'])
    let boss = new Facilitator(child.wsUrl, token)
    await boss.ready()
    boss.show('m3-restart', 'idea-vote', 'Restart')
    const { context, page } = await phone(390, child.url)
    await page.getByTestId('idea-text').fill('Before the restart')
    await page.getByTestId('add').click()
    await page.getByTestId('board-ideas').getByText('Before the restart').waitFor()
    boss.destroy()
    child.child.kill('SIGKILL')
    await page.getByTestId('status').filter({ hasText: 'Reconnecting' }).waitFor()
    await page.getByTestId('idea-text').fill('Made offline')
    await page.getByTestId('add').click()
    await page.getByTestId('my-ideas').getByText('sending…').waitFor()
    child = await spawnServer(env, ['--session', 'restart', '--host', '127.0.0.1', '--port', String(child.port)])
    await page.getByTestId('board-ideas').getByText('Made offline').waitFor({ timeout: 20_000 })
    await page.getByTestId('board-ideas').getByText('Before the restart').waitFor()
    boss = new Facilitator(child.wsUrl, token)
    const { doc } = await boss.board('m3-restart')
    await until(doc, () => boardIdeasOf(doc).length === 2)
    expect(boardIdeasOf(doc).map(i => i.text).sort()).toEqual(['Before the restart', 'Made offline'])
    boss.destroy()
    await context.close()
    await child.stop()
  })
})
