// A cohort's kit, built for real: its values, dates and facilitators on the title slides,
// its language on the boards, upstream edits flowing in, and a failed build that leaves the
// last good build alone.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { execFile } from 'node:child_process'
import { tmpdir } from 'node:os'
import { promisify } from 'node:util'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { composedDir, prepareCohort } from '../../src/cohort/pipeline'
import { launchChromium } from '../../src/chromium'
import { listDecks, loadDeck } from '../../src/content/decks'
import { ROOT, setPaths } from '../../src/paths'
import { buildSite } from '../../src/site/build'
import { cohortKit, resolveKit } from '../../src/site/kit'
import { exportHandouts } from '../../src/handouts/export'
import { serveSite } from '../../src/output/serve'
import { boardSlides, fillBoard, type Finding, isSlidevChrome, loadDecks, loadedBoard, openSlide, seriousFindings, showFinding } from '../support/kit-pages'

const work = mkdtempSync(join(tmpdir(), 'kit-cohort-site-'))
// Composed decks and fixtures go to a scratch folder, never the checkout's cohorts/ or .cohorts/.
// It is inside the repository because Slidev only imports slides from within the project.
mkdirSync(join(ROOT, '.scratch'), { recursive: true })
const scratch = mkdtempSync(join(ROOT, '.scratch', 'kit-cohort-site-'))
const restorePaths = setPaths({ composed: join(scratch, 'composed') })
let browser: Browser
afterAll(async () => {
  await browser?.close()
  restorePaths()
  rmSync(work, { recursive: true, force: true })
  rmSync(scratch, { recursive: true, force: true })
})

describe('the example cohort, built', () => {
  let site: { url: string, close: () => Promise<void> }
  beforeAll(async () => {
    const kit = await resolveKit('example')
    await buildSite({ base: '/', kit, outDir: join(work, 'dist', 'cohorts', 'example'), log: () => {} })
    site = await serveSite(join(work, 'dist'), 0)
    browser = await launchChromium()
  })
  afterAll(() => site?.close())

  it('shows the cohort on the landing page: name, facilitators, each session\'s date', async () => {
    const page = await browser.newPage()
    await page.goto(`${site.url}/cohorts/example/`, { waitUntil: 'networkidle' })
    const text = await page.locator('body').innerText()
    expect(text).toContain('Red de Ciencia Abierta de Valencia, cohorte 2027')
    expect(text).toContain('Lucía Ferrer (ella)')
    expect(text).toMatch(/Sesión: .*4 de marzo de 2027, 16:00 \(Europe\/Madrid\)/)
    await page.close()
  })

  it('shows the cohort\'s name, session and facilitators on the title slide, with its accent colour', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', e => errors.push(e.message))
    page.on('request', (r) => { if (!r.url().startsWith(site.url) && !r.url().startsWith('data:')) errors.push(`other host: ${r.url()}`) })
    await page.goto(`${site.url}/cohorts/example/01-community-foundation/#/1`, { waitUntil: 'networkidle' })
    const details = page.locator('[data-testid="cohort-details"]:visible')
    await details.waitFor()
    const text = await details.innerText()
    expect(text).toContain('Red de Ciencia Abierta de Valencia, cohorte 2027')
    expect(text).toContain('Biblioteca de Ciencias, sala 2, Valencia')
    expect(text).toContain('Sam Okafor (they/them)')
    await expect(page.locator('img[alt$="logo"]:visible').count()).resolves.toBe(1)
    const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--kit-accent').trim())
    expect(accent).toBe('#7a2e8e')
    expect(errors).toEqual([])
    await page.close()
  })

  it('uses the cohort\'s values, replacement and inserted slides, and drops what it drops', async () => {
    const page = await browser.newPage()
    // The cohort's replacement of m1-seed-quote, found by its own id, never by position.
    const m1 = (await loadDeck((await resolveKit('example')).decks.find(d => d.number === 1)!)).slides
    const seed = m1.findIndex(s => s.frontmatter.id === 'm1-seed-quote-valencia') + 1
    expect(seed).toBeGreaterThan(0)
    await page.goto(`${site.url}/cohorts/example/01-community-foundation/#/${seed}`, { waitUntil: 'networkidle' })
    await page.getByRole('heading', { name: 'La comunidad es algo que hacemos' }).waitFor()
    const deck = (await resolveKit('example')).decks.find(d => d.number === 2)!
    const slides = (await loadDeck(deck)).slides
    const local = slides.findIndex(s => s.frontmatter.id === 'm2-valencia-stakeholders') + 1
    await page.goto(`${site.url}/cohorts/example/02-community-of-practice/#/${local}`, { waitUntil: 'networkidle' })
    await page.getByText('A local example: the Valencia network').first().waitFor()
    expect(slides.map(s => s.frontmatter.id)).toContain('m2-valencia-stakeholders')
    const m3 = (await loadDeck((await resolveKit('example')).decks.find(d => d.number === 3)!)).slides.map(s => s.frontmatter.id)
    expect(m3).not.toContain('m3-board-information-map')
    await page.close()
  })

  it('labels the boards in the cohort\'s language, and keeps their state apart from other cohorts', async () => {
    const deck = (await resolveKit('example')).decks.find(d => d.number === 2)!
    const slide = (await loadDeck(deck)).slides.find(s => s.frontmatter.id === 'm2-board-stakeholder-map')!
    const page = await browser.newPage()
    await page.goto(`${site.url}/cohorts/example/02-community-of-practice/#/${slide.number}`, { waitUntil: 'networkidle' })
    const board = page.locator('[data-board="m2-board-stakeholder-map"]')
    await board.getByRole('button', { name: 'Deshacer' }).waitFor()
    await board.locator('fieldset.kit-board-controls:not([disabled])').first().waitFor()
    await board.getByRole('button', { name: 'Añadir', exact: true }).click() // the entry dialog: the field names
    await board.locator('dialog[open] form').waitFor()
    const text = (await board.innerText()).toLowerCase() // quadrant names are set in capitals by CSS
    for (const word of ['Exportar', 'Importar JSON', 'Vaciar', 'Parte interesada', 'Poder (1-5)', 'Gestionar de cerca'])
      expect(text).toContain(word.toLowerCase())
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map(d => d.name))
    expect(databases).toContain('community-training/example/m2-board-stakeholder-map')
    await page.close()
  })

  it('speaks Spanish in the slide chrome too: <html lang>, activity badges and the agenda', async () => {
    const deck = (await resolveKit('example')).decks.find(d => d.number === 1)!
    const slides = (await loadDeck(deck)).slides
    const activity = slides.find(s => s.frontmatter.layout === 'activity' && s.frontmatter.grouping === 'solo, then trios')!
    const agenda = slides.find(s => s.content.includes('<ModuleAgenda'))!
    const page = await browser.newPage()
    await page.goto(`${site.url}/cohorts/example/01-community-foundation/#/${activity.number}`, { waitUntil: 'networkidle' })
    await page.locator('[data-testid="activity-duration"]:visible').waitFor()
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es')
    await expect(page.locator('[data-testid="activity-grouping"]:visible').innerText()).resolves.toBe('individual, luego en tríos')
    await expect(page.getByLabel('Detalles de la actividad').first().isVisible()).resolves.toBe(true)
    await page.goto(`${site.url}/cohorts/example/01-community-foundation/#/${agenda.number}`, { waitUntil: 'networkidle' })
    const table = page.locator('[data-testid="agenda"]:visible')
    await table.waitFor()
    await expect(table.locator('th').allInnerTexts()).resolves.toEqual(['Minutos', 'Bloque', 'Actividades'])
    await expect(table.locator('[data-testid="agenda-buffer"]').innerText()).resolves.toMatch(/Margen\s+\d+ min libres para preguntas y retrasos/)
    await expect(table.locator('tfoot').innerText()).resolves.toMatch(/\d+ minutos en total/)
    // The static page Slidev writes says so before any script runs.
    expect(readFileSync(join(work, 'dist', 'cohorts', 'example', '01-community-foundation', 'index.html'), 'utf8')).toMatch(/<html[^>]* lang="es"/)
    // The presenter view too.
    await page.goto(`${site.url}/cohorts/example/01-community-foundation/#/presenter/1`, { waitUntil: 'networkidle' })
    await page.locator('.slidev-note').first().waitFor({ state: 'attached' })
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es')
    await page.close()
  })

  it('passes the accessibility gate in Spanish: every slide and board (empty and filled), the landing page, overview and presenter view', async () => {
    // The gate of accessibility.test.ts, on this cohort's build (docs/accessibility.md).
    const decks = await loadDecks((await resolveKit('example')).decks)
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    const base = `${site.url}/cohorts/example`
    const found: Finding[] = []
    await page.goto(`${base}/`, { waitUntil: 'networkidle' })
    found.push(...await seriousFindings(page, 'cohort landing page'))
    for (const deck of decks) {
      for (const slide of deck.slides) {
        await openSlide(page, base, deck.ref.name, slide.number)
        const boards = boardSlides([{ ...deck, slides: [slide] }])
        for (const b of boards)
          await loadedBoard(page, b.boardId)
        found.push(...await seriousFindings(page, `cohort ${deck.ref.name} slide ${slide.number}`))
        for (const b of boards) {
          await fillBoard(page, b.boardId)
          found.push(...await seriousFindings(page, `cohort ${deck.ref.name} slide ${slide.number} (${b.boardId} filled)`))
        }
      }
    }
    const m1 = decks.find(d => d.ref.number === 1)!.ref.name
    await page.goto(`${base}/${m1}/#/overview`, { waitUntil: 'networkidle' })
    await page.locator('.slidev-page-1').first().waitFor({ state: 'attached' })
    found.push(...await seriousFindings(page, 'cohort overview'))
    await page.goto(`${base}/${m1}/#/presenter/2`, { waitUntil: 'networkidle' })
    await page.locator('.slidev-note').first().waitFor({ state: 'attached' })
    found.push(...await seriousFindings(page, 'cohort presenter view'))
    await context.close()
    expect(found.filter(f => !isSlidevChrome(f)).map(showFinding)).toEqual([])
  }, 600_000)

  it('prints a Spanish cohort\'s worksheets in Spanish, the RACI with role columns and a legend, the stakeholder map with a grid', async () => {
    const kit = await resolveKit('example')
    const siteDir = join(work, 'dist', 'cohorts', 'example')
    const [file] = await exportHandouts({ kit, siteDir, decks: kit.decks.filter(d => d.number === 2), kinds: ['worksheets'], log: () => {} })
    const { stdout } = await promisify(execFile)('pdftotext', [file, '-'])
    const text = stdout.replace(/\s+/g, ' ')
    expect(text).toMatch(/Hoja de trabajo: Mapa de partes interesadas/i)
    expect(text).toContain('Poder (1-5)')
    expect(text).toContain('Interés (1-5)')
    expect(text).toContain('Gestionar de cerca')
    expect(text).toMatch(/Rol: _+/)
    expect(text).toContain('Aprobador (A)')
    expect(text).not.toMatch(/\bWorksheet:/)
    expect(readdirSync(join(siteDir, 'handouts')).filter(f => f.startsWith('.'))).toEqual([])
  })
})

describe('upstream edits and failed builds', () => {
  const fixtures: string[] = []
  afterAll(() => fixtures.forEach(f => rmSync(f, { recursive: true, force: true })))

  function fixture() {
    // Inside the repository: Slidev only imports slides from within the project.
    const root = mkdtempSync(join(scratch, 'test-fixture-'))
    fixtures.push(root)
    cpSync(join(ROOT, 'test/fixtures/decks'), join(root, 'decks'), { recursive: true })
    const cohortDir = join(root, 'cohort')
    mkdirSync(join(cohortDir, 'slides'), { recursive: true })
    writeFileSync(join(cohortDir, 'slides/extra.md'), '---\nid: m1-extra\n---\n\n# Local slide\n\n<!--\n**At a glance** · Say: \"Our local slide.\" · Land: local.\n-->\n')
    writeFileSync(join(cohortDir, 'cohort.yaml'), `name: Fixture cohort
organisation: Test
facilitators: [{ name: Ana }]
venue: Online
timezone: UTC
modules:
  - module: 1
    start: 2027-01-01T10:00
    minutes: 10
    insert: [{ after: m1-welcome, file: slides/extra.md }]
`)
    return { decks: join(root, 'decks'), cohortDir }
  }

  it('shows an upstream edit in the cohort\'s deck on its next build, with the cohort\'s insertion kept', async () => {
    const fx = fixture()
    const loaded = await prepareCohort('fixture', listDecks(fx.decks), fx.cohortDir, composedDir('fixture'))
    expect(loaded.problems).toEqual([])
    const [deck] = cohortKit(loaded).decks
    expect((await loadDeck(deck)).slides.map(s => s.content)).toContainEqual(expect.stringContaining('# Map'))
    const upstream = join(fx.decks, '01-alpha/slides.md')
    writeFileSync(upstream, readFileSync(upstream, 'utf8').replace('# Map', '# Map of partners'))
    const again = cohortKit(await prepareCohort('fixture', listDecks(fx.decks), fx.cohortDir, composedDir('fixture'))).decks[0]
    const slides = (await loadDeck(again)).slides
    expect(slides.map(s => s.content)).toContainEqual(expect.stringContaining('# Map of partners'))
    expect(slides.map(s => s.frontmatter.id)).toEqual(['m1-title', 'm1-welcome', 'm1-extra', 'm1-stakeholder-map', 'm1-references'])
  })

  it('shows template syntax and markup in cohort values as text on the built slides', async () => {
    const fx = fixture()
    const yaml = readFileSync(join(fx.cohortDir, 'cohort.yaml'), 'utf8')
      .replace('name: Fixture cohort', 'name: "{{ 7*7 }} <b>bold</b> ---"')
      .concat('values:\n  communityName: "{{ 7*7 }} <img src=x onerror=alert(1)> [x](javascript:alert(1))"\n')
    writeFileSync(join(fx.cohortDir, 'cohort.yaml'), yaml)
    const loaded = await prepareCohort('fixture', listDecks(fx.decks), fx.cohortDir, composedDir('fixture'))
    expect(loaded.problems).toEqual([])
    const root = join(work, 'hostile')
    await buildSite({ base: '/', kit: cohortKit(loaded), outDir: join(root, 'cohorts', 'fixture'), log: () => {} })
    const served = await serveSite(root, 0)
    const page = await browser.newPage()
    const dialogs: string[] = []
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss() })
    try {
      await page.goto(`${served.url}/cohorts/fixture/01-alpha/#/1`, { waitUntil: 'networkidle' })
      const details = page.locator('[data-testid="cohort-details"]:visible')
      await details.waitFor()
      expect(await details.innerText()).toContain('{{ 7*7 }} <b>bold</b> ---')
      await page.goto(`${served.url}/cohorts/fixture/01-alpha/#/2`, { waitUntil: 'networkidle' })
      // A change of hash in the same page: slide 1 may still be leaving, so read slide 2's own heading.
      const heading = page.locator('.slidev-page-2 h1').first()
      await heading.waitFor()
      // Braces from a value carry an invisible word joiner (see src/content/placeholders.ts).
      expect((await heading.innerText()).replace(/\u2060/g, '')).toBe('Welcome to {{ 7*7 }} <img src=x onerror=alert(1)> [x](javascript:alert(1))')
      expect(await page.locator('.slidev-page img[src="x"], .slidev-page a[href^="javascript"]').count()).toBe(0)
      expect(dialogs).toEqual([])
    }
    finally {
      await page.close()
      await served.close()
    }
  })

  it('a build that fails leaves the previous cohort site exactly as it was', async () => {
    const fx = fixture()
    const out = join(work, 'fixture-site')
    const kit = cohortKit(await prepareCohort('fixture', listDecks(fx.decks), fx.cohortDir, composedDir('fixture')))
    await buildSite({ base: '/', kit, outDir: out, log: () => {} })
    const snapshot = () => readdirSync(out, { recursive: true }).map(String).filter(f => statSync(join(out, f)).isFile()).sort().map(f => [f, readFileSync(join(out, f)).length])
    const before = snapshot()
    // A slide the Vue compiler cannot compile (an element never closed; plain HTML, so the
    // cohort check lets it through) makes Slidev's build fail.
    writeFileSync(join(fx.cohortDir, 'slides/extra.md'), '---\nid: m1-extra\n---\n\n# Broken\n\n<div class="x">\n\nUnclosed\n\n<!--\n**At a glance** · Say: "Broken." · Land: broken.\n-->\n')
    const broken = cohortKit(await prepareCohort('fixture', listDecks(fx.decks), fx.cohortDir, composedDir('fixture')))
    await expect(buildSite({ base: '/', kit: broken, outDir: out, log: () => {} })).rejects.toThrow()
    expect(snapshot()).toEqual(before)
  })
})
