// Reads the PDFs the export really writes: pages, text, thumbnails, metadata, bookmarks, and
// what happens when Chromium is missing or an export is interrupted.
import { execFile, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type LoadedDeck, listDecks, loadDeck, slideTitle } from '../../src/content/decks'
import { exportJson } from '../../src/boards/kit/board'
import { boardsInMarkdown } from '../../src/boards'
import { raciMatrix } from '../../src/boards/raci-matrix/model'
import { stakeholderMap } from '../../src/boards/stakeholder-map/model'
import { exportHandouts } from '../../src/handouts/export'
import { stampFile } from '../../src/site/build-cache'
import { handoutName } from '../../src/output/names'
import { readBookmarks } from '../../src/handouts/pdf'
import { ROOT } from '../../src/paths'
import { removeLeftovers } from '../../src/output/scratch'

const run = promisify(execFile)
const pdfText = async (file: string) => (await run('pdftotext', [file, '-'], { maxBuffer: 50e6 })).stdout
const pdfInfo = async (file: string) => (await run('pdfinfo', [file])).stdout
const pages = async (file: string) => Number(/Pages:\s+(\d+)/.exec(await pdfInfo(file))![1])
const squash = (s: string) => s.replace(/\s+/g, ' ')

let site: string
let handouts: string
let decks: LoadedDeck[]
const boardsOf = (deck: LoadedDeck) => deck.slides.flatMap(s => boardsInMarkdown(s.content))

beforeAll(async () => {
  // A copy of the shared build, so that exporting does not change what other tests read.
  site = mkdtempSync(join(tmpdir(), 'kit-export-'))
  cpSync(inject('siteDir'), site, { recursive: true })
  // With the build's record beside it, as \`npm run build\` leaves a site: the export finds it up to date.
  cpSync(stampFile(inject('siteDir')), stampFile(site))
  decks = await Promise.all(listDecks().map(loadDeck))
  await exportHandouts({ siteDir: site, log: () => {} })
  handouts = join(site, 'handouts')
})
afterAll(() => {
  rmSync(site, { recursive: true, force: true })
  removeLeftovers(site)
  rmSync(join(dirname(site), `.${basename(site)}.lock`), { force: true })
})

describe('the exported handouts', () => {
  it('write four PDFs per module (slides, notes and guide for the welcome deck) and link them from the landing page', () => {
    const landing = readFileSync(join(site, 'index.html'), 'utf8')
    for (const deck of decks) {
      const kinds = boardsOf(deck).length ? ['slides', 'notes', 'worksheets', 'facilitator-guide'] as const : ['slides', 'notes', 'facilitator-guide'] as const
      for (const kind of kinds) {
        expect(existsSync(join(handouts, handoutName(deck.ref.name, kind))), `${deck.ref.name} ${kind}`).toBe(true)
        expect(landing).toContain(`href="./handouts/${handoutName(deck.ref.name, kind)}"`)
      }
    }
  })

  it('every PDF is tagged, with its language: /MarkInfo << /Marked true >>, a /StructTreeRoot and /Lang', async () => {
    const files = readdirSync(handouts).filter(f => f.endsWith('.pdf'))
    expect(files.length).toBeGreaterThanOrEqual(decks.length * 3)
    for (const file of files) {
      const doc = await PDFDocument.load(readFileSync(join(handouts, file)))
      const mark = doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict)
      expect(mark.get(PDFName.of('Marked')), file).toBe(PDFBool.True)
      const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
      expect(root.get(PDFName.of('K')), file).toBeDefined()
      expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText(), file).toBe('en')
      // Every page is in the structure: its marked content has a parent tree entry.
      const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray)
      const keys = new Set(Array.from({ length: nums.size() / 2 }, (_, i) => String(nums.get(2 * i))))
      for (const [i, page] of doc.getPages().entries())
        expect(keys.has(String(page.node.get(PDFName.of('StructParents')))), `${file} page ${i + 1}`).toBe(true)
    }
    expect((await pdfInfo(join(handouts, handoutName('02-community-of-practice', 'worksheets'))))).toMatch(/Tagged:\s+yes/)
  })

  it('notes: three slides a page, each picture beside lines for notes', async () => {
    for (const deck of decks) {
      const file = join(handouts, handoutName(deck.ref.name, 'notes'))
      expect(await pages(file), deck.ref.name).toBe(Math.ceil(deck.slides.length / 3))
      expect(await pdfInfo(file)).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/)
      const images = (await run('pdfimages', ['-list', file])).stdout.trim().split('\n').length - 2
      expect(images, deck.ref.name).toBe(deck.slides.length)
      const first = squash((await run('pdftotext', ['-f', '1', '-l', '1', file, '-'])).stdout)
      expect(first).toMatch(/Slide 1 Notes Slide 2 Notes Slide 3 Notes/)
    }
  })

  it('slides: one page per slide, with the slides\' real text', async () => {
    for (const deck of decks) {
      const file = join(handouts, handoutName(deck.ref.name, 'slides'))
      expect(await pages(file), deck.ref.name).toBe(deck.slides.length)
      const text = squash(await pdfText(file))
      expect(text).toContain(squash(slideTitle(deck.slides[0])))
      expect(text).toContain(squash(slideTitle(deck.slides.at(-1)!)))
    }
  })

  it('worksheets: one A4 page per board (two for the charter builder\'s long form), with the module and the exercise title', async () => {
    for (const deck of decks.filter(d => boardsOf(d).length)) {
      const file = join(handouts, handoutName(deck.ref.name, 'worksheets'))
      expect(await pages(file), deck.ref.name).toBe(boardsOf(deck).reduce((n, b) => n + (b.entry.def.kind === 'charter-builder' ? 2 : 1), 0))
      expect(await readBookmarks(readFileSync(file))).toHaveLength(boardsOf(deck).length)
      expect(await pdfInfo(file)).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/)
      // The kicker is set in capitals by CSS; compare without case.
      const text = squash(await pdfText(file)).toLowerCase()
      expect(text).toContain(`module ${deck.ref.number}`)
      for (const slide of deck.slides.filter(s => boardsInMarkdown(s.content).length))
        expect(text).toContain(squash(slideTitle(slide)).toLowerCase())
    }
  })

  it('facilitator guide: the agenda, then each slide\'s thumbnail beside its notes', async () => {
    for (const deck of decks) {
      const file = join(handouts, handoutName(deck.ref.name, 'facilitator-guide'))
      const text = squash(await pdfText(file))
      expect(text).toContain('Agenda')
      const note = deck.slides[2].note.replace(/[*_`#>[\]()]/g, ' ').split(/\s+/).filter(Boolean).slice(0, 5).join(' ')
      expect(text).toContain(note)
      const images = (await run('pdfimages', ['-list', file])).stdout.trim().split('\n').length - 2
      expect(images, deck.ref.name).toBeGreaterThanOrEqual(deck.slides.length)
    }
  })

  it('facilitator guide: the preparation pages print first, before the agenda', async () => {
    for (const deck of decks) {
      const file = join(handouts, handoutName(deck.ref.name, 'facilitator-guide'))
      // pdftotext joins a word hyphenated at a line end ("catch-" "up"): compare without hyphens.
      const text = squash(await pdfText(file)).replace(/-/g, '')
      // pdftotext may read the table's last column (Activities) after the first two columns' cells.
      const agenda = text.indexOf('Agenda Minutes Block')
      expect(agenda, deck.ref.name).toBeGreaterThan(0)
      const prep = deck.slides.filter(s => s.frontmatter.prep === true)
      expect(prep.length, deck.ref.name).toBeGreaterThan(0)
      for (const slide of prep) {
        const title = squash(slideTitle(slide)).replace(/-/g, '')
        expect(text.indexOf(title), `${deck.ref.name}: ${title}`).toBeGreaterThanOrEqual(0)
        expect(text.indexOf(title), `${deck.ref.name}: ${title} before the agenda`).toBeLessThan(agenda)
      }
      // The run sheet (one page) opens the guide; the preparation pages follow it.
      const bookmarks = await readBookmarks(readFileSync(file))
      expect(bookmarks.slice(0, 2), deck.ref.name).toEqual(['Run sheet', 'Preparation'])
    }
  })

  it('carry a title, the module name and a bookmark per section', async () => {
    const deck = decks.find(d => d.ref.number === 2)!
    for (const kind of ['slides', 'facilitator-guide'] as const) {
      const file = join(handouts, handoutName(deck.ref.name, kind))
      const info = await pdfInfo(file)
      expect(info).toMatch(new RegExp(`Title:\\s+${deck.headmatter.title}`))
      expect(info).toMatch(/Subject:\s+Module 2: /)
      const bookmarks = await readBookmarks(readFileSync(file))
      const sections = deck.slides.filter(s => typeof s.frontmatter.section === 'string').map(s => s.frontmatter.section)
      for (const section of sections)
        expect(bookmarks.some(b => b.endsWith(section)), `${kind}: ${section}`).toBe(true)
    }
  })
})

describe('worksheets that can be filled in on paper', () => {
  it('the RACI worksheet has role columns to write in and the legend; the stakeholder map a grid to plot on', async () => {
    const deck = decks.find(d => d.ref.number === 2)!
    const text = squash(await pdfText(join(handouts, handoutName(deck.ref.name, 'worksheets'))))
    expect(text).toMatch(/Activity Role: _+ Role: _+/)
    expect(text).toContain('Responsible: does the work')
    expect(text).toContain('Accountable: owns the outcome')
    expect(text).toContain('Power (1-5)')
    expect(text).toContain('Interest (1-5)')
    expect(text).toContain('Keep satisfied')
  })
})

describe('exporting with a group\'s results', () => {
  it('fills the worksheets of the modules exported from a file with every module\'s boards, beside the blank ones', async () => {
    const deck = decks.find(d => d.ref.number === 2)!
    const blank = join(handouts, handoutName(deck.ref.name, 'worksheets'))
    const lines: string[] = []
    await exportHandouts({ siteDir: site, decks: [deck.ref], resultsFiles: [join(ROOT, 'examples/lanternfish/all-boards.json')], kinds: ['worksheets'], log: l => lines.push(l) })
    const filled = join(handouts, handoutName(deck.ref.name, 'worksheets-filled'))
    expect(squash(await pdfText(filled))).toContain('Software maintenance fund')
    expect(squash(await pdfText(blank))).not.toContain('Software maintenance fund')
    expect(await pages(filled)).toBe(boardsOf(deck).length)
    expect(await pages(blank)).toBe(boardsOf(deck).length)
    expect(lines.join('\n')).toMatch(/left aside: m1-board-origin-timeline/)
    const landing = readFileSync(join(site, 'index.html'), 'utf8')
    expect(landing).toContain(`href="./handouts/${handoutName(deck.ref.name, 'worksheets')}"`)
    expect(landing).toContain(`href="./handouts/${handoutName(deck.ref.name, 'worksheets-filled')}"`)
    const participants = readFileSync(join(site, 'participants.html'), 'utf8')
    expect(participants).toContain(`href="./handouts/${handoutName(deck.ref.name, 'worksheets-filled')}"`)
    expect(participants).not.toMatch(/presenter|facilitator-guide/)
  })

  it('takes several results files, the later winning for the same board', async () => {
    const deck = decks.find(d => d.ref.number === 2)!
    const later = join(site, 'later.json')
    writeFileSync(later, exportJson(stakeholderMap, 'm2-board-stakeholder-map', { threshold: 3, stakeholders: [{ id: 's1', name: 'A later stakeholder', category: 'partner' as const, power: 2, interest: 2, currentEngagement: '', preferredChannel: '', relationshipOwner: '' }] }))
    const lines: string[] = []
    await exportHandouts({ siteDir: site, decks: [deck.ref], resultsFiles: [join(ROOT, 'examples/lanternfish/all-boards.json'), later], kinds: ['worksheets'], log: l => lines.push(l) })
    const text = squash(await pdfText(join(handouts, handoutName(deck.ref.name, 'worksheets-filled'))))
    expect(text).toContain('A later stakeholder')
    expect(text).not.toContain('Software maintenance fund')
    // The RACI matrix still comes from the first file.
    expect(lines.filter(l => l.startsWith('Board "m2-board-stakeholder-map": the results in'))).toHaveLength(1)
  })

  it('fills the worksheet from a board\'s JSON export', async () => {
    const results = join(site, 'results.json')
    writeFileSync(results, exportJson(stakeholderMap, 'm2-board-stakeholder-map', {
      threshold: 3,
      stakeholders: [{ id: 's1', name: 'Regional library network', category: 'partner' as const, power: 4, interest: 5, currentEngagement: '', preferredChannel: 'email', relationshipOwner: 'Ana' }],
    }))
    const deck = decks.find(d => d.ref.number === 2)!
    await exportHandouts({ siteDir: site, decks: [deck.ref], resultsFile: results, kinds: ['worksheets'], log: () => {} })
    const text = squash(await pdfText(join(handouts, handoutName(deck.ref.name, 'worksheets-filled'))))
    expect(text).toContain('Regional library network')
    expect(text).toContain('Manage closely')
  })

  it('refuses a board id that belongs to no module, naming it, and writes nothing', async () => {
    const results = join(site, 'raci.json')
    writeFileSync(results, exportJson(raciMatrix, 'm2-board-raci-matrx', { ...raciMatrix.empty(), roles: [{ id: 'r', name: 'Host' }] }))
    const before = readdirSync(handouts).map(f => [f, statSync(join(handouts, f)).mtimeMs])
    const module1 = decks.find(d => d.ref.number === 1)!
    await expect(exportHandouts({ siteDir: site, decks: [module1.ref], resultsFile: results, log: () => {} })).rejects.toThrow(/raci\.json: board "m2-board-raci-matrx" \(raci-matrix\) belongs to no module of this kit/)
    expect(readdirSync(handouts).map(f => [f, statSync(join(handouts, f)).mtimeMs])).toEqual(before)
  })

  it('refuses a broken results file and writes nothing', async () => {
    const results = join(site, 'broken.json')
    writeFileSync(results, JSON.stringify({ format: 'community-training-board', board: 'stakeholder-map', version: 1, data: { stakeholders: [{ id: 'x', name: 'A', power: 9, interest: 1 }] } }))
    const before = readdirSync(handouts).map(f => [f, readFileSync(join(handouts, f)).length])
    await expect(exportHandouts({ siteDir: site, resultsFile: results, log: () => {} })).rejects.toThrow(/broken\.json: The board data is not valid:\nstakeholders\.0\.power/)
    expect(readdirSync(handouts).map(f => [f, readFileSync(join(handouts, f)).length])).toEqual(before)
  })
})

describe('failures leave earlier handouts intact', () => {
  const cli = join(ROOT, 'node_modules/tsx/dist/cli.mjs')
  const main = join(ROOT, 'src/cli/main.ts')

  it('says how to install Chromium when none is found, exits non-zero and writes nothing', async () => {
    const before = readdirSync(handouts).sort()
    const result = await run(process.execPath, [cli, main, 'export', '1'], { env: { ...process.env, KIT_DIST_DIR: site, CHROMIUM_PATH: '/nonexistent/chromium' } })
      .then(() => ({ code: 0, stderr: '' }), (e: any) => ({ code: e.code as number, stderr: e.stderr as string }))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('CHROMIUM_PATH is set to "/nonexistent/chromium", but there is no file there')
    expect(result.stderr).toContain('apt-get install chromium')
    expect(readdirSync(handouts).sort()).toEqual(before)
  })

  it('an export interrupted halfway leaves the earlier PDFs byte for byte', async () => {
    const snapshot = () => Object.fromEntries(readdirSync(handouts).filter(f => f.endsWith('.pdf')).map(f => [f, readFileSync(join(handouts, f)).toString('base64')]))
    const before = snapshot()
    const child = spawn(process.execPath, [cli, main, 'export'], { env: { ...process.env, KIT_DIST_DIR: site } })
    let output = ''
    child.stdout.on('data', (d) => { output += d })
    // Interrupt once the second module is under way: the first module's new PDFs exist only in the temporary folder.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if ((output.match(/^Module \d/gm) ?? []).length >= 2) {
          clearInterval(check)
          child.kill('SIGINT')
          resolve()
        }
      }, 50)
    })
    const code = await new Promise(resolve => child.on('exit', c => resolve(c)))
    expect(code).toBe(130)
    expect(snapshot()).toEqual(before)
    expect(readdirSync(handouts).some(f => f.startsWith('.partial'))).toBe(false)
  })

  it('an export killed outright leaves nothing half-written in the site, and the next run clears what it left', async () => {
    // One process (tsx as a loader, not tsx's CLI, which runs the command in a second process).
    const child = spawn(process.execPath, ['--import', 'tsx', main, 'export', '1'], { cwd: ROOT, env: { ...process.env, KIT_DIST_DIR: site } })
    let output = ''
    child.stdout.on('data', (d) => { output += d })
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (/slides: \d+\/\d+|worksheets|thumbnails/.test(output)) {
          clearInterval(check)
          child.kill('SIGKILL')
          resolve()
        }
      }, 50)
    })
    await new Promise(resolve => child.on('exit', resolve))
    const inside = readdirSync(site, { recursive: true }).map(String)
    expect(inside.filter(f => /(^|\/)\.(partial|staging)|scratch/.test(f))).toEqual([])
    const beside = () => readdirSync(dirname(site)).filter(f => f.startsWith(`.${basename(site)}-scratch-`))
    expect(beside().length).toBeGreaterThan(0)
    removeLeftovers(site)
    expect(beside()).toEqual([])
  })
})
