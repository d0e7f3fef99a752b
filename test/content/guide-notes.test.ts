// The facilitator guide's notes: a cohort's guide prints its own settings' variants, the
// generic guide every variant under its heading. Rendered from the rule tests' fixture module
// and printed to PDF with Chromium, as the export does (a full export is slow).
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { type LoadedDeck, listDecks, loadDeck, summariseDeck } from '../../src/content/decks'
import { renderGuideSections, renderNotes } from '../../src/handouts/guide'
import { edit, type Fixture, fixtureSlides, makeFixture } from './notes-fixture'

const run = promisify(execFile)
let fx: Fixture
let deck: LoadedDeck

// Every variant once, with a word that says which.
const VARIANTS = ['in-person', 'online', 'hybrid', 'live', 'no-live', 'full', 'short', 'same-community']
const BLOCKS = VARIANTS.map(v => `::: ${v}\nOnly-${v.replace('-', '')} text.\n:::`).join('\n\n')

beforeAll(async () => {
  fx = makeFixture()
  const slides = edit(fixtureSlides(), 2, '{% include fixture-devices %}', BLOCKS)
  writeFileSync(join(fx.dir, '01-fixture', 'slides.md'), `${slides.join('\n\n')}\n`)
  deck = await loadDeck(listDecks(fx.dir)[0])
})
afterAll(() => fx.cleanUp())

const board = () => deck.slides.find(s => s.frontmatter.id === 'm1-board-map')!
const printed = (html: string) => VARIANTS.filter(v => html.includes(`Only-${v.replace('-', '')} text.`))

describe('the facilitator guide\'s notes', () => {
  it('generic: every variant, each under its heading, after the glance', () => {
    const html = renderNotes(board().note)
    expect(printed(html)).toEqual(VARIANTS)
    expect(html).toMatch(/^<div class="glance"><p><strong>At a glance<\/strong>/)
    expect(html).toContain('<div class="variant" data-variant="same-community"><p class="variant-label">Same community</p><p>Only-samecommunity text.</p>')
    expect(html).not.toContain(':::')
  })

  it('for a cohort: its format and version, live mode or not', () => {
    expect(printed(renderNotes(board().note, { format: 'online', version: 'short' }))).toEqual(['online', 'live', 'no-live', 'short', 'same-community'])
    expect(printed(renderNotes(board().note, { format: 'in-person', version: 'full' }))).toEqual(['in-person', 'live', 'no-live', 'full', 'same-community'])
  })

  it('keeps raw HTML in notes as text', () => {
    expect(renderNotes('**At a glance** · Say: <img src=x onerror=alert(1)> · Land: x.')).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('prints in the PDF: the cohort\'s variants only, and the generic guide\'s all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-guide-notes-'))
    const browser = await launchChromium()
    try {
      const page = await browser.newPage()
      const text = async (name: string, settings?: Parameters<typeof renderNotes>[1]) => {
        const sections = renderGuideSections(deck, summariseDeck(deck), deck.slides.map(() => 'data:,'), 'Module 1', settings ? 'Fixture cohort' : undefined, settings)
        const section = sections.find(s => s.html.includes('data-slide="3"'))!
        await page.setContent(section.html, { waitUntil: 'load' })
        const file = join(dir, `${name}.pdf`)
        writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }))
        return (await run('pdftotext', [file, '-'])).stdout
      }
      const cohort = await text('cohort', { format: 'hybrid', version: 'full' })
      expect(printed(cohort)).toEqual(['hybrid', 'live', 'no-live', 'full', 'same-community'])
      expect(cohort).toMatch(/HYBRID\s+Only-hybrid text\./)
      const generic = await text('generic')
      expect(printed(generic)).toEqual(VARIANTS)
      expect(generic).toMatch(/SHORT VERSION\s+Only-short text\./)
    }
    finally {
      await browser.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
