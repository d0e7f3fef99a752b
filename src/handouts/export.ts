// Exports the handouts of every module (or some) from the built site with one Chromium:
// <module>-slides.pdf, <module>-notes.pdf (three slides a page with lines for notes),
// <module>-worksheets.pdf (blank), <module>-worksheets-filled.pdf (with --results) and
// <module>-facilitator-guide.pdf in dist/handouts/, then the landing and participants pages
// that link them. Every PDF is tagged (Chromium's `tagged: true`) and carries its language. PDFs are written to a scratch folder beside the site and moved into place
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
import { type DeckRef, type DeckSummary, type LoadedDeck, loadDeck, slideTitle, summariseDeck } from '../content/decks'
import { boardsInMarkdown } from '../boards'
import { buildSite } from '../site/build'
import { readBuiltBase } from '../site/build-cache'
import { type Kit, resolveKit } from '../site/kit'
import { scratchDir, siteRootOf, withSiteLock } from '../output/scratch'
import { formatSession } from '../site/landing'
import { writeSitePages } from '../site/pages'
import { serveSite } from '../output/serve'
import { type GuideSettings, renderGuideSections } from './guide'
import { EXPORT_KINDS, type ExportKind, handoutName } from '../output/names'
import { translate } from '../i18n/labels'
import { type Bookmark, finishPdf, handoutDeck, handoutInfo, handoutLanguage, joinTaggedPdfs, moduleName as handoutModuleName, sessionDate } from './pdf'
import { checkResultsFit, type KitBoard, loadResultsFiles, type SourcedResult } from './results'
import { renderNotesHandout } from './notes'
import { renderWorksheet, type WorksheetHeader } from './worksheets'

export interface ExportOptions {
  /** the upstream kit unless given */
  kit?: Kit
  /** some of the kit's decks; all by default */
  decks?: DeckRef[]
  /** a group's results (boards' JSON exports): the filled worksheets. Later files win for the same board. */
  resultsFiles?: readonly string[]
  /** one results file (the same as resultsFiles: [file]) */
  resultsFile?: string
  siteDir?: string
  /** which handouts to make; all by default (filled worksheets with worksheets, when there are results) */
  kinds?: readonly ExportKind[]
  log?: (line: string) => void
}


const SLIDE = { width: 980, height: 552 }

export async function exportHandouts(options: ExportOptions = {}): Promise<string[]> {
  const log = options.log ?? console.log
  // Everything that can be refused is checked before anything is written.
  const executablePath = await findChromium()
  const files = [...(options.resultsFiles ?? []), ...(options.resultsFile ? [options.resultsFile] : [])]
  const results = loadResultsFiles(files, log)
  const kit = options.kit ?? await resolveKit()
  const siteDir = options.siteDir ?? kit.outDir
  // A cohort's decks are built for /cohorts/<id>/…, so the server serves the folder above.
  const serveRoot = siteRootOf(siteDir, kit.basePath)
  const all = kit.decks
  const chosen = options.decks ? all.filter(d => options.decks!.some(c => c.number === d.number)) : all
  const kinds = options.kinds ?? EXPORT_KINDS
  const language = kit.cohort?.cohort?.language ?? 'en'
  if (results.size) {
    // Every board of the kit: results for the modules not exported are left aside, an unknown board id is refused.
    const boards: KitBoard[] = (await Promise.all(all.map(loadDeck))).flatMap(deck => deck.slides.flatMap(slide =>
      boardsInMarkdown(slide.content).map(use => ({ boardId: use.boardId, kind: use.entry.def.kind, module: deck.ref.number }))))
    const ignored = checkResultsFit(results, boards, chosen.map(d => d.number))
    if (ignored.length)
      log(`Results for ${ignored.length} board(s) of modules not exported are left aside: ${ignored.join(', ')}.`)
  }
  return withSiteLock(serveRoot, 'export', () => exportLocked({ executablePath, results, kit, siteDir, serveRoot, all, chosen, kinds, language, log }))
}

interface ExportPlan {
  executablePath: string
  results: Map<string, SourcedResult>
  kit: Kit
  siteDir: string
  serveRoot: string
  all: DeckRef[]
  chosen: DeckRef[]
  kinds: readonly ExportKind[]
  language: string
  log: (line: string) => void
}

async function exportLocked({ executablePath, results, kit, siteDir, serveRoot, all, chosen, kinds, language, log }: ExportPlan): Promise<string[]> {
  // Slides, notes and the guide print the built decks' print pages (worksheets need no deck): the
  // build is brought up to date first, with the base it was built with. A deck unchanged since its
  // last build is kept, so this costs a moment; a deck edited since was once printed as it was.
  if (kinds.some(k => k !== 'worksheets')) {
    if (all.some(d => !existsSync(join(siteDir, d.name, 'index.html'))))
      log('The site is not built yet: building it first (npm run build).')
    await buildSite({ base: readBuiltBase(siteRootOf(siteDir, kit.basePath)) ?? '/', kit, outDir: siteDir, log })
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
      // Every handout, the facilitator guide too, is in the cohort's language (English without a cohort).
      const moduleName = handoutModuleName(handoutDeck(deck))
      const cohort = kit.cohort?.sessions.find(s => s.deck.number === ref.number)
      log(`${moduleName}`)
      const wantsImages = kinds.includes('facilitator-guide') || kinds.includes('notes')
      if (kinds.includes('slides') || wantsImages) {
        const { thumbnails, pdf } = await exportSlides(page, siteUrl, deck, wantsImages, log)
        if (kinds.includes('slides'))
          written.push(save(partial, handoutName(ref.name, 'slides'), pdf))
        if (kinds.includes('notes'))
          written.push(save(partial, handoutName(ref.name, 'notes'), await exportNotes(page, deck, thumbnails, log)))
        if (kinds.includes('facilitator-guide'))
          written.push(save(partial, handoutName(ref.name, 'facilitator-guide'), await exportGuide(page, deck, thumbnails, moduleName, cohort ? cohortLine(kit.cohort!, cohort.session.start) : undefined, cohort ? { format: kit.cohort!.cohort!.format, version: cohort.version } : undefined, log)))
      }
      if (kinds.includes('worksheets')) {
        const blank = await exportWorksheets(page, deck, new Map(), language, log)
        if (blank)
          written.push(save(partial, handoutName(ref.name, 'worksheets'), blank))
        // Filled worksheets only where the results fill at least one of this module's boards.
        const filled = boardsOf(deck).some(b => results.has(b.boardId)) ? await exportWorksheets(page, deck, results, language, log) : undefined
        if (filled)
          written.push(save(partial, handoutName(ref.name, 'worksheets-filled'), filled))
      }
    }
    // All complete: move them into place, one rename each.
    const final = written.map((file) => {
      const name = file.slice(partial.length + 1)
      renameSync(file, join(outDir, name))
      return join(outDir, name)
    })
    const summaries: DeckSummary[] = await Promise.all(all.map(async d => summariseDeck(await loadDeck(d))))
    writeSitePages(siteDir, summaries, kit)
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

function boardsOf(deck: LoadedDeck) {
  return deck.slides.flatMap(slide => boardsInMarkdown(slide.content).map(use => ({ ...use, slide })))
}

async function exportSlides(page: Page, siteUrl: string, deck: LoadedDeck, withThumbnails: boolean, log: (l: string) => void) {
  const total = deck.slides.length
  await page.emulateMedia({ media: 'screen' })
  await page.goto(`${siteUrl}/${deck.ref.name}/?print=true#/print`, { waitUntil: 'networkidle' })
  const containers = page.locator('.print-slide-container')
  // A print page that never shows every slide is said in words below, not as a timeout.
  await page.waitForFunction(n => document.querySelectorAll('.print-slide-container').length >= n, total).catch(() => {})
  await page.locator('.slidev-slide-loading').first().waitFor({ state: 'detached' }).catch(() => {})
  await page.evaluate(() => document.fonts.ready)
  const count = await containers.count()
  if (count !== total)
    throw new UserError(`${deck.ref.name}: the print page shows ${count} slides, the deck has ${total}. Build the site again (npm run build), then export.`)
  const thumbnails: string[] = []
  for (let i = 0; withThumbnails && i < count; i++) {
    const jpeg = await containers.nth(i).screenshot({ type: 'jpeg', quality: 70 })
    thumbnails.push(`data:image/jpeg;base64,${jpeg.toString('base64')}`)
    progress(log, 'thumbnails', i + 1, count)
  }
  let raw = await page.pdf({ width: `${SLIDE.width}px`, height: `${SLIDE.height}px`, printBackground: true, preferCSSPageSize: true, tagged: true })
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

/** Prints each HTML section to A4 (tagged) and joins them, with one bookmark per section. */
async function printSections(page: Page, sections: { title: string, html: string }[], onSection: (done: number) => void, fitOnePage = false, language = 'en') {
  const parts: Uint8Array[] = []
  // Lay the page out at the A4 page's width (210 mm less 28 mm of margins, at 96 px per inch),
  // so what is measured below wraps as it prints.
  const viewport = page.viewportSize()
  await page.setViewportSize({ width: Math.floor((182 / 25.4) * 96), height: 1000 })
  for (const [i, section] of sections.entries()) {
    await page.emulateMedia({ media: 'print' })
    await page.setContent(section.html, { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready)
    if (fitOnePage) {
      // A worksheet is one sheet of paper: shrink a long one to fit the A4 page (297 mm less
      // 30 mm of margins, at 96 px per inch), down to 60 %. One that would need less (the
      // charter builder's) goes onto two pages instead, at no less than 75 %.
      await page.evaluate((available) => {
        const height = document.body.scrollHeight
        const one = (available - 16) / height
        if (one < 1)
          document.body.style.zoom = String(one >= 0.6 ? one : Math.min(1, Math.max(0.75, (2 * available - 60) / height)))
      }, (267 / 25.4) * 96)
    }
    parts.push(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true }))
    onSection(i + 1)
  }
  if (viewport)
    await page.setViewportSize(viewport)
  const { bytes, starts } = await joinTaggedPdfs(parts, language)
  return { bytes, bookmarks: sections.map((s, i) => ({ title: s.title, pageIndex: starts[i] })) }
}

function cohortLine(loaded: LoadedCohort, start: string): string {
  const c = loaded.cohort!
  return `${c.name} · ${formatSession(start, c.timezone, c.language)} · ${c.venue} · ${translate('Facilitators: {names}', c.language).replace('{names}', c.facilitators.map(f => f.name).join(', '))}`
}

async function exportGuide(page: Page, deck: LoadedDeck, thumbnails: string[], moduleName: string, cohort: string | undefined, settings: GuideSettings | undefined, log: (l: string) => void) {
  const summary = summariseDeck(deck)
  const language = handoutLanguage(handoutDeck(deck))
  const sections = renderGuideSections(deck, summary, thumbnails, moduleName, cohort, settings, language)
  const name = handoutName(deck.ref.name, 'facilitator-guide')
  const { bytes, bookmarks } = await printSections(page, sections, done => progress(log, name, done, sections.length, 'sections'), false, language)
  return finishPdf(bytes, { ...handoutInfo('facilitator guide', handoutDeck(deck)), bookmarks })
}

/** The cohort's name, session date and logo for the header of what participants get. */
function worksheetHeader(deck: LoadedDeck): WorksheetHeader {
  const hd = handoutDeck(deck)
  const language = handoutLanguage(hd)
  return {
    moduleName: handoutModuleName(hd),
    ...(hd.cohort ? { cohort: { name: hd.cohort.name, date: sessionDate(hd.cohort.start, language), logo: hd.cohort.logo, accent: hd.cohort.accent } } : {}),
  }
}

async function exportWorksheets(page: Page, deck: LoadedDeck, results: Map<string, SourcedResult>, language: string, log: (l: string) => void) {
  const boards = boardsOf(deck)
  if (boards.length === 0)
    return undefined
  const header = worksheetHeader(deck)
  const sections = boards.map(({ entry, boardId, slide }) => ({
    title: slideTitle(slide) || entry.def.title,
    html: renderWorksheet({ boardId, kind: entry.def.kind, data: results.get(boardId)?.data, language, moduleName: header.moduleName, header, exerciseTitle: slideTitle(slide) || entry.def.title }),
  }))
  const filled = results.size > 0
  const name = handoutName(deck.ref.name, filled ? 'worksheets-filled' : 'worksheets')
  const { bytes, bookmarks } = await printSections(page, sections, done => progress(log, name, done, sections.length, 'worksheets'), true, handoutLanguage(handoutDeck(deck)))
  return finishPdf(bytes, { ...handoutInfo(filled ? 'filled worksheets' : 'worksheets', handoutDeck(deck)), bookmarks })
}

/** Three slides a page, each with lines beside it for notes: the handout people print. */
async function exportNotes(page: Page, deck: LoadedDeck, thumbnails: string[], log: (l: string) => void) {
  const summary = summariseDeck(deck)
  const header = worksheetHeader(deck)
  const language = handoutLanguage(handoutDeck(deck))
  await page.emulateMedia({ media: 'print' })
  await page.setContent(renderNotesHandout({ slides: deck.slides.map((s, i) => ({ title: slideTitle(s) || `${i + 1}`, image: thumbnails[i] })), header, title: summary.title, language }), { waitUntil: 'load' })
  await page.evaluate(() => document.fonts.ready)
  const bytes = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true })
  const bookmarks: Bookmark[] = summary.agenda.map(b => ({ title: b.title, pageIndex: Math.floor(b.slideIndex / 3) }))
  progress(log, handoutName(deck.ref.name, 'notes'), deck.slides.length, deck.slides.length, 'slides')
  return finishPdf(bytes, { ...handoutInfo('notes', handoutDeck(deck)), bookmarks })
}

function progress(log: (l: string) => void, what: string, done: number, total: number, unit = 'pages') {
  if (done === total || process.stdout.isTTY)
    log(`  ${what}: ${done}/${total} ${unit}`)
}
