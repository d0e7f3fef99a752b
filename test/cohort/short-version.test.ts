// A cohort with an hour for every module runs each module's short version, composed from the
// real decks: it must check clean (the short version has already left out some of the cut
// list's blocks, which is not a gap in the list).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatCohortProblem } from '../../src/cohort/load'
import { prepareCohort } from '../../src/cohort/pipeline'

describe('a cohort that runs the short versions', () => {
  it('checks clean for every module', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-short-'))
    try {
      writeFileSync(join(dir, 'cohort.yaml'), `name: Short cohort
organisation: Test org
facilitators:
  - name: Ana Silva
venue: Online
timezone: Europe/Lisbon
length: 60
modules:
${[1, 2, 3, 4].map(n => `  - module: ${n}\n    start: 2027-03-0${n}T10:00\n    length: 60`).join('\n')}
`)
      const loaded = await prepareCohort('short', undefined, dir)
      expect(loaded.problems.map(formatCohortProblem)).toEqual([])
      expect(loaded.sessions.map(s => s.version)).toEqual(['short', 'short', 'short', 'short'])
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
