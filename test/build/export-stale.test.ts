// `npm run export` after a deck was edited: the handouts print the deck as it is now. The export
// brings the build up to date first; it once printed the build as it was, or timed out waiting
// for slides the old build did not have.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { listDecks } from '../../src/content/decks'
import { exportHandouts } from '../../src/handouts/export'
import { ROOT } from '../../src/paths'
import { buildSite } from '../../src/site/build'
import type { Kit } from '../../src/site/kit'

mkdirSync(join(ROOT, '.scratch'), { recursive: true })
const scratch = mkdtempSync(join(ROOT, '.scratch', 'kit-export-stale-'))
const work = mkdtempSync(join(tmpdir(), 'kit-export-stale-'))
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
})

const dir = join(scratch, 'decks', '01-stale')
const entry = join(dir, 'slides.md')
const slide = (title: string) => `\n---\n\n# ${title}\n\n<!-- Notes of ${title}. -->\n`

describe('exporting after a deck was edited', () => {
  it('prints the deck as it is now, not as it was last built', async () => {
    mkdirSync(dir, { recursive: true })
    writeFileSync(entry, `---
theme: default
colorSchema: light
addons: ['${relative(dirname(dir), ROOT)}']
title: Stale test
fonts:
  provider: none
---

# Stale test

<!-- Notes. -->
${slide('Second')}`)
    const kit: Kit = { title: 'Stale test', decks: listDecks(join(scratch, 'decks')), outDir: join(work, 'dist'), basePath: '' }
    const log: string[] = []
    await buildSite({ base: '/', kit, log: l => log.push(l) })
    // The deck lists the packages its bundle ships, for the site's licence page (src/site/notices.ts).
    const shipped = JSON.parse(readFileSync(join(kit.outDir, '01-stale', 'shipped-packages.json'), 'utf8')) as string[]
    expect(shipped).toEqual(expect.arrayContaining(['node_modules/@vue/runtime-core', 'node_modules/@slidev/client', 'node_modules/vue-router', 'node_modules/yjs']))
    expect(shipped.filter(d => d.includes('/.'))).toEqual([])
    expect(readFileSync(join(kit.outDir, 'licenses', 'index.html'), 'utf8')).toMatch(/<code>vue-router@/)
    writeFileSync(entry, readFileSync(entry, 'utf8') + slide('Third, added after the build'))
    const written = await exportHandouts({ kit, kinds: ['slides'], log: l => log.push(l) })
    const pdf = await PDFDocument.load(readFileSync(written.find(f => f.endsWith('-slides.pdf'))!))
    expect(pdf.getPageCount()).toBe(3)
  }, 240_000)
})
