// Exports the handouts of every module (or some) from the built site with one Chromium:
// <module>-slides.pdf, <module>-worksheets.pdf and <module>-facilitator-guide.pdf in
// dist/handouts/. PDFs are written to a scratch folder beside the site and moved into place
// only when every one of them is complete, so a failed, interrupted or killed export leaves
// earlier ones intact and nothing half-written inside the site.
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import process from 'node:process'
import { PDFDocument } from 'pdf-lib'
import type { Browser, Page } from 'playwright-core'
import { findChromium, launchChromium } from '../chromium'
import { UserError } from '../errors'
import type { LoadedCohort } from '../cohort/load'
import { type DeckRef, type LoadedDeck, loadDeck, slideTitle, summariseDeck } from '../content/decks'
import { boardsInMarkdown } from '../boards'
import { buildSite, writeLanding } from '../site/build'
import { type Kit, resolveKit } from '../site/kit'
import { scratchDir, siteRootOf, withSiteLock } from '../site/scratch'
import { formatSession } from '../site/landing'
import { serveSite } from '../site/serve'
import { type GuideSettings, renderGuideSections } from './guide'
import { HANDOUT_KINDS, type HandoutKind, handoutName } from './names'
import { type Bookmark, finishPdf, handoutDeck, handoutInfo } from './pdf'
import { type BoardResult, checkResultsFit, loadBoardResults } from './results'
import { renderWorksheet } from './worksheets'

export interface ExportOptions {
  /** the upstream kit unless given */
  kit?: Kit
  /** some of the kit's decks; all by default */
  decks?: DeckRef[]
  resultsFile?: string
  siteDir?: string
  /** which handouts to make; all three by default */
  kinds?: readonly HandoutKind[]
  log?: (line: string) => void
}


const SLIDE = { width: 980, height: 552 }

export async function exportHandouts(options: ExportOptions = {}): Promise<string[]> {
  const log = options.log ?? console.log
  // Everything that can be refused is checked before anything is written.
  const executablePath = await findChromium()
  const results = options.resultsFile ? loadBoardResults(options.resultsFile) : new Map<string, BoardResult>()
  const kit = options.kit ?? await resolveKit()
  const siteDir = options.siteDir ?? kit.outDir
  // A cohort's decks are built for /cohorts/<id>/…, so the server serves the folder above.
  const serveRoot = siteRootOf(siteDir, kit.basePath)
  const all = kit.decks
  const chosen = options.decks ? all.filter(d => options.decks!.some(c => c.number === d.number)) : all
  const kinds = options.kinds ?? HANDOUT_KINDS
  const language = kit.cohort?.cohort?.language ?? 'en'
  if (options.resultsFile) {
    const boards = (await Promise.all(chosen.map(loadDeck))).flatMap(deck => deck.slides.flatMap(slide =>
      boardsInMarkdown(slide.content).map(use => ({ boardId: use.boardId, kind: use.entry.def.kind, module: deck.ref.number }))))
    checkResultsFit(options.resultsFile, results, boards)
  }
  return withSiteLock(serveRoot, 'export', () => exportLocked({ executablePath, results, kit, siteDir, serveRoot, all, chosen, kinds, language, log }))
}

interface ExportPlan {
  executablePath: string
  results: Map<string, BoardResult>
  kit: Kit
  siteDir: string
  serveRoot: string
  all: DeckRef[]
  chosen: DeckRef[]
  kinds: readonly HandoutKind[]
  language: string
  log: (line: string) => void
}

async function exportLocked({ executablePath, results, kit, siteDir, serveRoot, all, chosen, kinds, language, log }: ExportPlan): Promise<string[]> {
  if (all.some(d => !existsSync(join(siteDir, d.name, 'index.html')))) {
    log('The site is not built yet: building it first (npm run build).')
    await buildSite({ base: '/', kit, outDir: siteDir, log })
  }

  const outDir = join(siteDir, 'handouts')
  mkdirSync(outDir, { recursive: true })
  const partial = scratchDir(serveRoot, 'export')
  const cleanUp = () => rmSync(partial, { recursive: true, force: true })
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp()
    console.error(`\nExport interrupted (${signal}); earlier handouts are unchanged.`)
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const site = await serveSite(serveRoot, 0)
  const siteUrl = `${site.url}/${kit.basePath}`.replace(/\/$/, '')
  let browser: Browser | undefined
  const written: string[] = []
  try {
    browser = await launchChromium(executablePath)
    const context = await browser.newContext({ viewport: SLIDE })
    const page = await context.newPage()
    for (const ref of chosen) {
      const deck = await loadDeck(ref)
      const moduleName = ref.number === 0 ? 'Welcome' : `Module ${ref.number}: ${deck.headmatter.title}`
      const cohort = kit.cohort?.sessions.find(s => s.deck.number === ref.number)
      log(`${moduleName}`)
      if (kinds.includes('slides') || kinds.includes('facilitator-guide')) {
        const { thumbnails, pdf } = await exportSlides(page, siteUrl, deck, moduleName, kinds.includes('facilitator-guide'), log)
        if (kinds.includes('slides'))
          written.push(save(partial, handoutName(ref.name, 'slides'), pdf))
        if (kinds.includes('facilitator-guide'))
          written.push(save(partial, handoutName(ref.name, 'facilitator-guide'), await exportGuide(page, deck, thumbnails, moduleName, cohort ? cohortLine(kit.cohort!, cohort.session.start) : undefined, cohort ? { format: kit.cohort!.cohort!.format, version: cohort.version } : undefined, log)))
      }
      const sheets = kinds.includes('worksheets') ? await exportWorksheets(page, deck, moduleName, results, language, log) : undefined
      if (sheets)
        written.push(save(partial, handoutName(ref.name, 'worksheets'), sheets))
    }
    // All complete: move them into place, one rename each.
    const final = written.map((file) => {
      const name = file.slice(partial.length + 1)
      renameSync(file, join(outDir, name))
      return join(outDir, name)
    })
    writeLanding(siteDir, await Promise.all(all.map(async d => summariseDeck(await loadDeck(d)))), kit)
    log('\nHandouts:')
    for (const file of final)
      log(`  ${relative(process.cwd(), file)}  ${(statSync(file).size / 1024).toFixed(0)} kB`)
    return final
  }
  finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await browser?.close()
    await site.close()
    cleanUp()
  }
}

function save(dir: string, name: string, bytes: Uint8Array): string {
  const file = join(dir, name)
  writeFileSync(file, bytes)
  return file
}

async function exportSlides(page: Page, siteUrl: string, deck: LoadedDeck, moduleName: string, withThumbnails: boolean, log: (l: string) => void) {
  const total = deck.slides.length
  await page.emulateMedia({ media: 'screen' })
  await page.goto(`${siteUrl}/${deck.ref.name}/?print=true#/print`, { waitUntil: 'networkidle' })
  const containers = page.locator('.print-slide-container')
  await page.waitForFunction(n => document.querySelectorAll('.print-slide-container').length >= n, total)
  await page.locator('.slidev-slide-loading').first().waitFor({ state: 'detached' }).catch(() => {})
  await page.evaluate(() => document.fonts.ready)
  const count = await containers.count()
  if (count !== total)
    throw new UserError(`${deck.ref.name}: the print page shows ${count} slides, the deck has ${total}.`)
  const thumbnails: string[] = []
  for (let i = 0; withThumbnails && i < count; i++) {
    const jpeg = await containers.nth(i).screenshot({ type: 'jpeg', quality: 70 })
    thumbnails.push(`data:image/jpeg;base64,${jpeg.toString('base64')}`)
    progress(log, 'thumbnails', i + 1, count)
  }
  let raw = await page.pdf({ width: `${SLIDE.width}px`, height: `${SLIDE.height}px`, printBackground: true, preferCSSPageSize: true })
  raw = Buffer.from(await trimPages(raw, total))
  const summary = summariseDeck(deck)
  const bookmarks: Bookmark[] = summary.agenda.map(b => ({ title: b.title, pageIndex: b.slideIndex }))
  bookmarks.unshift({ title: slideTitle(deck.slides[0]) || summary.title, pageIndex: 0 })
  const pdf = await finishPdf(raw, { ...handoutInfo('slides', handoutDeck(deck)), bookmarks })
  progress(log, `${handoutName(deck.ref.name, 'slides')}`, total, total)
  return { thumbnails, pdf }
}

/** Chromium may add an empty page after the last slide; a slides PDF has one page per slide. */
async function trimPages(bytes: Uint8Array, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes)
  if (doc.getPageCount() < pages)
    throw new UserError(`The slides printed to ${doc.getPageCount()} pages, fewer than the ${pages} slides.`)
  while (doc.getPageCount() > pages)
    doc.removePage(doc.getPageCount() - 1)
  return doc.save()
}

/** Prints each HTML section to A4 and joins them, with one bookmark per section. */
async function printSections(page: Page, sections: { title: string, html: string }[], onSection: (done: number) => void, fitOnePage = false) {
  const merged = await PDFDocument.create()
  const bookmarks: Bookmark[] = []
  for (const [i, section] of sections.entries()) {
    await page.emulateMedia({ media: 'print' })
    await page.setContent(section.html, { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready)
    if (fitOnePage) {
      // A worksheet is one sheet of paper: shrink a long one to fit the A4 page (297 mm less
      // 30 mm of margins, at 96 px per inch), down to half size.
      await page.evaluate((available) => {
        const height = document.body.scrollHeight
        if (height > available)
          document.body.style.zoom = String(Math.max(0.5, (available - 8) / height))
      }, (267 / 25.4) * 96)
    }
    const part = await PDFDocument.load(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }))
    bookmarks.push({ title: section.title, pageIndex: merged.getPageCount() })
    for (const p of await merged.copyPages(part, part.getPageIndices()))
      merged.addPage(p)
    onSection(i + 1)
  }
  return { bytes: await merged.save(), bookmarks }
}

function cohortLine(loaded: LoadedCohort, start: string): string {
  const c = loaded.cohort!
  return `${c.name} · ${formatSession(start, c.timezone, c.language)} · ${c.venue} · Facilitators: ${c.facilitators.map(f => f.name).join(', ')}`
}

async function exportGuide(page: Page, deck: LoadedDeck, thumbnails: string[], moduleName: string, cohort: string | undefined, settings: GuideSettings | undefined, log: (l: string) => void) {
  const summary = summariseDeck(deck)
  const sections = renderGuideSections(deck, summary, thumbnails, moduleName, cohort, settings)
  const name = handoutName(deck.ref.name, 'facilitator-guide')
  const { bytes, bookmarks } = await printSections(page, sections, done => progress(log, name, done, sections.length, 'sections'))
  return finishPdf(bytes, { ...handoutInfo('facilitator guide', handoutDeck(deck)), bookmarks })
}

async function exportWorksheets(page: Page, deck: LoadedDeck, moduleName: string, results: Map<string, BoardResult>, language: string, log: (l: string) => void) {
  const boards = deck.slides.flatMap(slide => boardsInMarkdown(slide.content).map(use => ({ ...use, slide })))
  if (boards.length === 0)
    return undefined
  const sections = boards.map(({ entry, boardId, slide }) => ({
    title: slideTitle(slide) || entry.def.title,
    html: renderWorksheet({ boardId, kind: entry.def.kind, data: results.get(boardId)?.data, language, moduleName, exerciseTitle: slideTitle(slide) || entry.def.title }),
  }))
  const name = handoutName(deck.ref.name, 'worksheets')
  const { bytes, bookmarks } = await printSections(page, sections, done => progress(log, name, done, sections.length, 'worksheets'), true)
  return finishPdf(bytes, { ...handoutInfo('worksheets', handoutDeck(deck)), bookmarks })
}

function progress(log: (l: string) => void, what: string, done: number, total: number, unit = 'pages') {
  if (done === total || process.stdout.isTTY)
    log(`  ${what}: ${done}/${total} ${unit}`)
}
