// A cohort's handouts, exported for real from the example cohort (Spanish, with a logo): the
// worksheets and the notes handout carry the cohort's name and session date and speak only
// Spanish; every PDF is tagged with the cohort's language.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDeck } from '../../src/content/decks'
import { exportHandouts } from '../../src/handouts/export'
import { handoutDeck, sessionDate } from '../../src/handouts/pdf'
import { ROOT, setPaths } from '../../src/paths'
import { buildSite } from '../../src/site/build'
import { type Kit, resolveKit } from '../../src/site/kit'

const run = promisify(execFile)
const text = async (file: string, page?: number) => (await run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'])).stdout.replace(/\s+/g, ' ')

const work = mkdtempSync(join(tmpdir(), 'kit-cohort-handouts-'))
// Composed decks go to a scratch folder inside the repository (Slidev imports only from within it).
mkdirSync(join(ROOT, '.scratch'), { recursive: true })
const scratch = mkdtempSync(join(ROOT, '.scratch', 'kit-cohort-handouts-'))
const restorePaths = setPaths({ composed: join(scratch, 'composed') })
let kit: Kit
let files: string[]
const siteDir = join(work, 'dist', 'cohorts', 'example')

beforeAll(async () => {
  const full = await resolveKit('example')
  // Module 2 only: one deck to build.
  kit = { ...full, decks: full.decks.filter(d => d.number === 2) }
  await buildSite({ base: '/', kit, outDir: siteDir, log: () => {} })
  files = await exportHandouts({ kit, siteDir, kinds: ['notes', 'worksheets'], resultsFiles: ['m2-board-stakeholder-map', 'm2-board-raci-matrix'].map(b => join(ROOT, 'examples/lanternfish', `${b}.json`)), log: () => {} })
}, 600_000)
afterAll(() => {
  restorePaths()
  rmSync(work, { recursive: true, force: true })
  rmSync(scratch, { recursive: true, force: true })
})

describe('a Spanish cohort\'s handouts', () => {
  it('worksheets, blank and filled: the cohort\'s name and session date in the header, "Módulo 2", and no English', async () => {
    const deck = handoutDeck(await loadDeck(kit.decks[0]))
    expect(deck.cohort?.language).toBe('es')
    const date = sessionDate(deck.cohort!.start, 'es')
    expect(date).toMatch(/de 2027$/)
    for (const kind of ['worksheets', 'worksheets-filled']) {
      const file = files.find(f => f.endsWith(`-${kind}.pdf`))!
      expect(file, kind).toBeDefined()
      const first = await text(file, 1)
      expect(first).toContain(deck.cohort!.name)
      expect(first).toContain(date)
      expect(first).toMatch(/MÓDULO 2: /i)
      const all = await text(file)
      for (const english of ['Module 2', 'Worksheet', 'Sources:', 'Group:', 'Date:', 'Content CC BY', 'Power/interest grid'])
        expect(all, `${kind}: ${english}`).not.toContain(english)
      expect(all).toContain('Fuentes: Matriz poder/interés: Johnson y Scholes')
    }
  })

  it('the notes handout is in Spanish, with the cohort\'s name', async () => {
    const file = files.find(f => f.endsWith('-notes.pdf'))!
    const first = await text(file, 1)
    expect(first).toContain('Diapositiva 1')
    expect(first).toContain('Notas')
    expect(first).toContain('Red de Ciencia Abierta de Valencia')
    expect(first).not.toMatch(/\bSlide 1\b|\bNotes\b/)
  })

  it('every PDF is tagged in Spanish', async () => {
    for (const file of files) {
      const doc = await PDFDocument.load(readFileSync(file))
      expect(doc.catalog.has(PDFName.of('StructTreeRoot')), file).toBe(true)
      expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText(), file).toBe('es')
    }
  })
})
