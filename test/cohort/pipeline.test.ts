// A cohort goes load → compose → check, composed once: the deck that is checked is the deck
// that is built, and a problem found in the composed deck still names the file and line.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { composeDeck } from '../../src/cohort/compose'
import { formatCohortProblem, loadCohort } from '../../src/cohort/load'
import { prepareCohort } from '../../src/cohort/pipeline'
import { listDecks } from '../../src/content/decks'
import { ROOT } from '../../src/paths'

// The real composeDeck, watched: every call goes through to it.
vi.mock('../../src/cohort/compose', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/cohort/compose')>()
  return { ...real, composeDeck: vi.fn(real.composeDeck) }
})
const composed = vi.mocked(composeDeck)

const decks = listDecks(join(ROOT, 'test/fixtures/decks'))

const COHORT = `name: Test cohort
organisation: Test org
facilitators:
  - name: Ana Silva
venue: Online
timezone: Europe/Lisbon
modules:
  - module: 1
    start: 2027-03-04T10:00
    minutes: 10
    insert:
      - after: m1-welcome
        file: slides/local.md
  - module: 2
    start: 2027-03-11T10:00
`
const GOOD_SLIDE = '---\nid: m1-local-story\n---\n\n# Our story\n\n<!-- **At a glance** · Say: "Our story." · Land: a story. -->\n'
// Fine on its own; wrong only once composed into module 1, which already has m1-welcome.
const TAKEN_ID = `${GOOD_SLIDE}\n---\nid: m1-welcome\n---\n\n# Again\n\n<!-- **At a glance** · Say: "Again." · Land: again. -->\n`

let work: string
let dir: string
let out: string
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'kit-cohort-pipeline-'))
  dir = join(work, 'cohort')
  out = join(work, 'composed', 'test')
  mkdirSync(join(dir, 'slides'), { recursive: true })
  writeFileSync(join(dir, 'cohort.yaml'), COHORT)
  writeFileSync(join(dir, 'slides/local.md'), GOOD_SLIDE)
  composed.mockClear()
})
afterEach(() => {
  rmSync(work, { recursive: true, force: true })
})

describe('load → compose → check', () => {
  it('loading a cohort only reads and validates it: nothing is composed', async () => {
    const loaded = await loadCohort('test', decks, dir)
    expect(loaded.problems).toEqual([])
    expect(loaded.sessions).toHaveLength(2)
    expect(composed).not.toHaveBeenCalled()
  })

  it('composes each module once for a build, and builds the very decks it checked', async () => {
    const cohort = await prepareCohort('test', decks, dir, out)
    expect(cohort.problems.map(formatCohortProblem)).toEqual([])
    expect(composed).toHaveBeenCalledTimes(2)
    expect(cohort.decks.map(d => d.entry)).toEqual([join(out, '01-alpha', 'slides.md'), join(out, '02-beta', 'slides.md')])
    // What the check read is what is built, byte for byte, moved into place without composing again.
    expect(cohort.decks.map(d => readFileSync(d.entry, 'utf8'))).toEqual(composed.mock.results.map(r => r.value))
    // The folder it was composed in beside .cohorts/<id>/ is gone.
    expect(readdirSync(join(work, 'composed'))).toEqual(['test'])
  })

  it('composes each module once for a check, and writes nothing to keep', async () => {
    const cohort = await prepareCohort('test', decks, dir)
    expect(cohort.problems).toEqual([])
    expect(composed).toHaveBeenCalledTimes(2)
    expect(cohort.decks).toEqual([])
    expect(existsSync(join(work, 'composed'))).toBe(false)
  })

  it('names cohort.yaml\'s line and the slide file\'s line of a problem found only once composed, and changes nothing built before', async () => {
    const before = (await prepareCohort('test', decks, dir, out)).decks.map(d => readFileSync(d.entry, 'utf8'))
    composed.mockClear()
    writeFileSync(join(dir, 'slides/local.md'), TAKEN_ID)
    expect((await loadCohort('test', decks, dir)).problems).toEqual([])

    const cohort = await prepareCohort('test', decks, dir, out)
    expect(composed).toHaveBeenCalledTimes(2)
    const text = cohort.problems.map(formatCohortProblem).join('\n')
    expect(text).toMatch(/cohort\.yaml:13:15 modules\[0\]\.insert\[0\]\.file: slides\/local\.md:9: the id "m1-welcome" is an upstream slide's id in module 1/)
    expect(cohort.problems.every(p => p.file === join(dir, 'cohort.yaml'))).toBe(true)
    expect(cohort.sessions).toEqual([])
    expect(cohort.decks).toEqual([])
    expect([join(out, '01-alpha', 'slides.md'), join(out, '02-beta', 'slides.md')].map(f => readFileSync(f, 'utf8'))).toEqual(before)
    expect(readdirSync(join(work, 'composed'))).toEqual(['test'])
  })
})
