// A cohort's `format` (how its sessions run) and the version its length chose reach the
// composed deck's headmatter, where the presenter view and the content check read them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from '@slidev/parser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { composeDeck } from '../../src/cohort/compose'
import { formatCohortProblem } from '../../src/cohort/load'
import { prepareCohort } from '../../src/cohort/pipeline'
import { listDecks } from '../../src/content/decks'
import { ROOT } from '../../src/paths'

const decks = listDecks(join(ROOT, 'test/fixtures/decks'))
const cohort = (extra: string) => `name: Format test
organisation: Kit
facilitators:
  - name: Ana
venue: Online
timezone: Europe/Lisbon
${extra}
modules:
  - module: 1
    start: 2027-03-04T10:00
`

let dir: string
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'kit-cohort-format-')) })
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function load(extra: string) {
  writeFileSync(join(dir, 'cohort.yaml'), cohort(extra))
  return prepareCohort('format-test', decks, dir)
}

describe('a cohort\'s format', () => {
  it('is in-person unless the file says otherwise, and goes into the deck with the version', async () => {
    for (const [extra, format] of [['', 'in-person'], ['format: online', 'online'], ['format: hybrid', 'hybrid']] as const) {
      const loaded = await load(extra)
      expect(loaded.problems.map(formatCohortProblem)).toEqual([])
      const deckDir = join(dir, 'deck')
      const md = await parse(composeDeck(loaded, loaded.sessions[0], deckDir), join(deckDir, 'slides.md'))
      expect(md.slides[0].frontmatter.cohort).toMatchObject({ id: 'format-test', format, version: 'full' })
    }
  })

  it('refuses a format that is not one, naming the line and what is allowed', async () => {
    const loaded = await load('format: remote')
    expect(loaded.problems.map(formatCohortProblem).join('\n')).toMatch(/cohort\.yaml:7:\d+ format: .*"in-person"\|"online"\|"hybrid"|cohort\.yaml:7:\d+ format: .*in-person.*online.*hybrid/)
  })
})
