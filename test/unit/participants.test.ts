// The landing page links every handout that exists, blank and filled worksheets both; the
// participants' page links the decks and their handouts but never the presenter view or the guide;
// the kit's worked examples are copied into the site and linked from the landing page.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { DeckSummary } from '../../src/content/decks'
import { HANDOUT_KINDS, handoutName } from '../../src/output/names'
import { EXAMPLES_DIR } from '../../src/paths'
import { writeSitePages } from '../../src/site/pages'

const dir = mkdtempSync(join(tmpdir(), 'kit-pages-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const deck = (number: number, name: string): DeckSummary => ({ number, name, title: `Deck ${number}`, subtitle: '', minutes: 60, slideCount: 3, objectives: ['learn'], agenda: [] } as unknown as DeckSummary)

describe('the site pages', () => {
  const decks = [deck(1, '01-one'), deck(2, '02-two')]
  mkdirSync(join(dir, 'handouts'))
  // Module 2 has every handout; module 1 only its slides.
  for (const kind of HANDOUT_KINDS)
    writeFileSync(join(dir, 'handouts', handoutName('02-two', kind)), '%PDF')
  writeFileSync(join(dir, 'handouts', handoutName('01-one', 'slides')), '%PDF')
  writeSitePages(dir, decks)
  const landing = readFileSync(join(dir, 'index.html'), 'utf8')
  const participants = readFileSync(join(dir, 'participants.html'), 'utf8')

  it('the landing page links blank and filled worksheets, the notes handout and the participants\' page', () => {
    for (const kind of HANDOUT_KINDS)
      expect(landing).toContain(`href="./handouts/02-two-${kind}.pdf"`)
    expect(landing).toContain('Worksheets, blank (PDF)')
    expect(landing).toContain('Worksheets filled in with a worked example (PDF)')
    expect(landing).not.toContain('01-one-worksheets')
    expect(landing).toContain('href="./participants.html"')
  })

  it('the participants\' page links the decks, their handouts and how to join; not the presenter view nor the guide', () => {
    expect(participants).toContain('href="./01-one/"')
    expect(participants).toContain('href="./02-two/"')
    for (const kind of ['slides', 'notes', 'worksheets', 'worksheets-filled'])
      expect(participants).toContain(`href="./handouts/02-two-${kind}.pdf"`)
    expect(participants).toContain('How to join')
    expect(participants).not.toMatch(/presenter/i)
    expect(participants).not.toMatch(/facilitator-guide|Facilitator guide/)
  })
})

describe('the worked examples in the site', () => {
  it('copies each example\'s board files and charter into examples/, and the landing page links them', () => {
    const site = mkdtempSync(join(tmpdir(), 'kit-examples-'))
    try {
      // A stale file from an earlier build is gone: the folder is replaced whole.
      mkdirSync(join(site, 'examples', 'old'), { recursive: true })
      writeFileSync(join(site, 'examples', 'old', 'x.json'), '{}')
      writeSitePages(site, [deck(1, '01-one')])
      const landing = readFileSync(join(site, 'index.html'), 'utf8')
      for (const name of ['lanternfish', 'data-clinic-network']) {
        const copied = JSON.parse(readFileSync(join(site, 'examples', name, 'all-boards.json'), 'utf8'))
        expect(copied).toEqual(JSON.parse(readFileSync(join(EXAMPLES_DIR, name, 'all-boards.json'), 'utf8')))
        expect(readFileSync(join(site, 'examples', name, 'CHARTER.md'), 'utf8')).toBe(readFileSync(join(EXAMPLES_DIR, name, 'CHARTER.md'), 'utf8'))
        expect(landing).toContain(`href="./examples/${name}/all-boards.json"`)
        expect(landing).toContain(`href="./examples/${name}/CHARTER.md"`)
      }
      expect(landing).toContain('Lanternfish (an open-source project)')
      expect(existsSync(join(site, 'examples', 'old'))).toBe(false)
    }
    finally {
      rmSync(site, { recursive: true, force: true })
    }
  })
})
