// The join page in the deck's look and the phone's own language (Chromium at 390 px, against a
// real live server): the deck's font, loaded from the live server only; the cohort's accent on
// the primary button and its logo; a language switch that changes the page's words, survives a
// reload and goes with each entry (`_lang`); axe clean. Also the short addresses serve the page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { launchChromium } from '../../src/chromium'
import { buildJoinPage } from '../../src/live/join-build'
import { accessibleAccent, logoOf } from '../../src/live/join-brand'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { Facilitator, until } from '../support/live-clients'
import { ROOT } from '../../src/paths'
import { translate } from '../../src/i18n/labels'

const TOKEN = 'join-look-facilitator-token-0123456789'
/** the example cohort's accent (cohorts/example/cohort.yaml) */
const ACCENT = '#7a2e8e'

let dir: string
let joinDir: string
let server: LiveServer
let plain: LiveServer
let facilitator: Facilitator
let browser: Browser
const boardIdeasOf = (doc: Y.Doc) => [...doc.getMap<Y.Map<unknown>>('rows:ideas').values()].map(r => r.toJSON() as Record<string, any>)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-join-look-'))
  joinDir = join(dir, 'join')
  await buildJoinPage(joinDir)
  const logo = await logoOf(readFileSync(join(ROOT, 'cohorts', 'example', 'logo.svg')))
  if ('problem' in logo)
    throw new Error(logo.problem)
  server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Module 2', language: 'en', host: '127.0.0.1', port: 0, joinDir, limits: { burst: 50, perSecond: 20 }, brand: { accent: accessibleAccent(ACCENT), logo, organisation: 'Red de Ciencia Abierta de Valencia' } })
  plain = await startLiveServer({ db: join(dir, 'plain.sqlite'), token: TOKEN, title: 'Module 2', host: '127.0.0.1', port: 0, joinDir })
  facilitator = new Facilitator(server.wsUrl, TOKEN)
  await facilitator.ready()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  facilitator?.destroy()
  await server?.stop()
  await plain?.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function phone(url = server.url): Promise<{ context: BrowserContext, page: Page, errors: string[], elsewhere: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  const errors: string[] = []
  const elsewhere: string[] = []
  page.on('pageerror', e => errors.push(e.message))
  page.on('request', (r) => {
    if (!r.url().startsWith(url) && !r.url().startsWith(url.replace('http', 'ws')) && !r.url().startsWith('data:'))
      elsewhere.push(r.url())
  })
  await page.goto(`${url}/`)
  await page.getByTestId('status').filter({ hasText: /Connected|Conectado/ }).waitFor()
  return { context, page, errors, elsewhere }
}

describe('the join page\'s look', () => {
  it('is in the deck\'s font, loaded from the live server, with the cohort\'s accent and logo', async () => {
    facilitator.show('m2-look', 'idea-vote', 'Ideas for the look')
    const { context, page, errors, elsewhere } = await phone()
    await page.getByTestId('add').waitFor()
    const look = await page.evaluate(async () => {
      await document.fonts.ready
      const add = document.querySelector('[data-testid="add"]')!
      return {
        font: getComputedStyle(document.body).fontFamily,
        buttonFont: getComputedStyle(add).fontFamily,
        loaded: document.fonts.check('700 18px "Atkinson Hyperlegible"') && [...document.fonts].some(f => f.family.replace(/"/g, '') === 'Atkinson Hyperlegible' && f.status === 'loaded'),
        button: getComputedStyle(add).backgroundColor,
        bar: getComputedStyle(document.querySelector('.bar')!).backgroundColor,
      }
    })
    expect(look.font).toMatch(/^"?Atkinson Hyperlegible"?,/)
    expect(look.buttonFont).toMatch(/^"?Atkinson Hyperlegible"?,/)
    expect(look.loaded).toBe(true)
    expect(look.button).toBe('rgb(122, 46, 142)')
    expect(look.bar).toBe('rgb(122, 46, 142)')
    const logo = page.getByTestId('logo')
    expect(await logo.getAttribute('alt')).toBe('Red de Ciencia Abierta de Valencia')
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    // No font (or anything else) from the network: the kit works offline.
    expect(elsewhere).toEqual([])
    const axe = await new AxeBuilder({ page }).analyze()
    expect(axe.violations.map(v => `${v.id}: ${v.help}`)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps the kit\'s accent and no logo without a cohort', async () => {
    const { context, page } = await phone(plain.url)
    const button = await page.evaluate(() => getComputedStyle(document.querySelector('.bar')!).backgroundColor)
    expect(button).toBe('rgb(11, 93, 107)')
    expect(await page.getByTestId('logo').count()).toBe(0)
    await context.close()
  })
})

describe('the phone\'s own language', () => {
  it('switches to Spanish whatever the session speaks, survives a reload, and goes with each entry', async () => {
    facilitator.show('m2-lang', 'idea-vote', 'Ideas in two languages')
    const { context, page, errors } = await phone()
    expect(await page.getByTestId('add').textContent()).toMatch(/Add idea/)
    const options = await page.getByTestId('language').locator('option').evaluateAll(os => os.map(o => `${o.getAttribute('value')}:${o.textContent}:${o.getAttribute('lang')}`))
    expect(options).toEqual(['en:English:en', 'es:Español:es'])
    await page.getByTestId('language').selectOption('es')
    await page.getByTestId('add').filter({ hasText: 'Añadir idea' }).waitFor()
    expect(await page.getByTestId('status').textContent()).toMatch(/Conectado/)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es')
    await page.getByTestId('idea-text').fill('Una idea escrita en español')
    await page.getByTestId('add').click()

    await page.reload()
    await page.getByTestId('add').filter({ hasText: 'Añadir idea' }).waitFor()
    expect(await page.getByTestId('language').inputValue()).toBe('es')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es')

    await page.getByTestId('language').selectOption('en')
    await page.getByTestId('add').filter({ hasText: 'Add idea' }).waitFor()
    await page.getByTestId('idea-text').fill('An idea written in English')
    await page.getByTestId('add').click()

    const { doc } = await facilitator.board('m2-lang')
    await until(doc, () => boardIdeasOf(doc).length === 2)
    const lang = Object.fromEntries(boardIdeasOf(doc).map(i => [i.text, i._lang]))
    expect(lang).toEqual({ 'Una idea escrita en español': 'es', 'An idea written in English': 'en' })
    // A board's form (drawn from the server's description) follows the phone's language too.
    facilitator.show('m2-lang-map', 'stakeholder-map', 'Stakeholder map')
    const heading = page.getByTestId('list-stakeholders').getByRole('heading', { level: 3 })
    await heading.filter({ hasText: 'Stakeholders' }).waitFor()
    const english = await page.getByTestId('list-stakeholders').locator('[data-field]').evaluateAll(fs => fs.map(f => f.closest('label')?.querySelector('span')?.textContent?.trim()))
    await page.getByTestId('language').selectOption('es')
    await heading.filter({ hasText: translate('Stakeholders', 'es') }).waitFor()
    const spanish = await page.getByTestId('list-stakeholders').locator('[data-field]').evaluateAll(fs => fs.map(f => f.closest('label')?.querySelector('span')?.textContent?.trim()))
    expect(spanish).toHaveLength(english.length)
    expect(spanish.filter((label, i) => label !== english[i]).length).toBeGreaterThan(english.length / 2)
    expect(translate('Stakeholders', 'es')).not.toBe('Stakeholders')
    // Another phone in the same room keeps the session's language.
    const other = await phone()
    await other.page.getByTestId('list-stakeholders').getByRole('heading', { level: 3 }).filter({ hasText: 'Stakeholders' }).waitFor()
    expect(await other.page.evaluate(() => document.documentElement.lang)).toBe('en')
    await other.context.close()
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('the short addresses', () => {
  it('serve the join page at /, /j and /join, the logo at /logo, and the kit\'s languages in the page', async () => {
    for (const path of ['/', '/j', '/join', '/J']) {
      const res = await fetch(`${server.url}${path}`)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/)
      const html = await res.text()
      expect(html, path).toMatch(/<script type="module" [^>]*src="\/assets\//)
      expect(html, path).toContain('<meta name="kit-languages" content="en:English,es:Español">')
      expect(html, path).toContain(`--kit-accent: ${ACCENT};`)
    }
    const logo = await fetch(`${server.url}/logo`)
    expect(logo.headers.get('content-type')).toBe('image/svg+xml')
    expect(logo.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    const none = await fetch(`${plain.url}/`)
    const html = await none.text()
    expect(html).not.toContain('kit-brand')
    expect(html).not.toContain('kit-logo')
  })
})
