// A cohort's handouts are titled for the cohort: its name and session date, in its language,
// with the module's title as the cohort gives it, read from the composed deck's headmatter.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { prepareCohort, writeComposedDecks } from '../../src/cohort/pipeline'
import { listDecks, loadDeck } from '../../src/content/decks'
import { finishPdf, handoutDeck, handoutInfo } from '../../src/handouts/pdf'
import { ROOT } from '../../src/paths'

const decks = listDecks(join(ROOT, 'test/fixtures/decks'))
const COHORT = `name: Red Bogotá 2027
organisation: Red Bogotá
facilitators:
  - name: Ana Silva
venue: Bogotá
timezone: America/Bogota
language: es
modules:
  - module: 1
    start: 2027-03-04T10:00
    title: Fundamentos de la comunidad
  - module: 2
    start: 2027-03-11T10:00
`

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-cohort-pdf-'))
  writeFileSync(join(dir, 'cohort.yaml'), COHORT)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function composedDecks() {
  const loaded = await prepareCohort('bogota', decks, dir)
  expect(loaded.problems).toEqual([])
  return Promise.all(writeComposedDecks(loaded, join(dir, 'out')).map(loadDeck))
}

describe('handout titles', () => {
  it('carry the cohort\'s name and session date, in its language, with the cohort\'s module title', async () => {
    const [m1, m2] = await composedDecks()
    expect(handoutInfo('worksheets', handoutDeck(m1))).toEqual({
      title: 'Fundamentos de la comunidad: hojas de trabajo · Red Bogotá 2027, 4 de marzo de 2027',
      subject: 'Módulo 1: Fundamentos de la comunidad · Red Bogotá 2027, 4 de marzo de 2027',
      keywords: ['Módulo 1: Fundamentos de la comunidad', 'Red Bogotá 2027'],
      language: 'es',
    })
    expect(handoutInfo('slides', handoutDeck(m2)).title).toBe('Beta: diapositivas · Red Bogotá 2027, 11 de marzo de 2027')
    expect(handoutInfo('facilitator guide', handoutDeck(m2)).subject).toBe('Módulo 2: Beta · Red Bogotá 2027, 11 de marzo de 2027')
  })

  it('stay as they were without a cohort', async () => {
    const upstream = await loadDeck(decks[0])
    expect(handoutInfo('worksheets', handoutDeck(upstream))).toEqual({ title: 'Alpha: worksheets', subject: 'Module 1: Alpha', keywords: ['Module 1: Alpha'], language: 'en' })
  })

  it('are written into the PDF\'s metadata, with its language', async () => {
    const [m1] = await composedDecks()
    const blank = await PDFDocument.create()
    blank.addPage()
    const pdf = await PDFDocument.load(await finishPdf(await blank.save(), { ...handoutInfo('worksheets', handoutDeck(m1)), bookmarks: [] }))
    expect(pdf.getTitle()).toBe('Fundamentos de la comunidad: hojas de trabajo · Red Bogotá 2027, 4 de marzo de 2027')
    expect(pdf.getSubject()).toMatch(/^Módulo 1: Fundamentos de la comunidad · Red Bogotá 2027/)
    expect((pdf.catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText()).toBe('es')
  })
})
