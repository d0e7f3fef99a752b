// `npm run cohort -- new <id> --module <n>`: a short cohort.yaml, every field explained, that the
// check accepts straight away.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'yaml'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newCohort } from '../../src/cohort/scaffold'
import { cohortSchema, moduleSessionSchema } from '../../src/cohort/schema'
import { prepareCohort } from '../../src/cohort/pipeline'
import { listDecks, loadDeck } from '../../src/content/decks'
import { ROOT } from '../../src/paths'

const run = promisify(execFile)
const decks = listDecks()
let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kit-cohort-new-'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

/** The field names a cohort.yaml sets or shows commented out. */
function commentedFields(text: string): string[] {
  return [...text.matchAll(/^\s*#?\s*-?\s*([a-zA-Z]+):/gm)].map(m => m[1])
}

describe('a new cohort from the template', () => {
  it('for one module is valid as written, names every field, and uses that module\'s real slide ids', async () => {
    const dir = join(root, 'bogota')
    await newCohort('bogota', { modules: ['2'], dir, decks, today: new Date('2027-01-10T00:00:00Z') })
    const text = readFileSync(join(dir, 'cohort.yaml'), 'utf8')
    const loaded = await prepareCohort('bogota', decks, dir)
    expect(loaded.problems).toEqual([])
    expect(loaded.sessions.map(s => s.deck.number)).toEqual([2])
    expect(parse(text).modules).toEqual([{ module: 2, start: '2027-02-07T10:00' }])
    // Every field of the file and of a module is there, set or commented with its explanation.
    const fields = commentedFields(text)
    for (const key of [...Object.keys(cohortSchema.shape), ...Object.keys(moduleSessionSchema.shape), 'pronouns', 'contact', 'logo', 'accent', 'communityName', 'after', 'file'])
      expect(fields, key).toContain(key)
    // ...and each field of the file and of a module is explained on its line.
    for (const key of [...Object.keys(cohortSchema.shape), ...Object.keys(moduleSessionSchema.shape)])
      expect(text.split('\n').find(l => new RegExp(`^\\s*#?\\s*-?\\s*${key}:`).test(l)), key).toMatch(/ # \S/)
    // The commented examples name slides module 2 has.
    const ids = (await loadDeck(decks.find(d => d.number === 2)!)).slides.map(s => String(s.frontmatter.id))
    for (const id of text.match(/\bm\d-[a-z0-9-]+/g) ?? [])
      expect(ids).toContain(id)
  })

  it('for every module by default, valid as written', async () => {
    const dir = join(root, 'all')
    await newCohort('all', { dir, decks })
    const loaded = await prepareCohort('all', decks, dir)
    expect(loaded.problems).toEqual([])
    expect(loaded.sessions.map(s => s.deck.number)).toEqual(decks.map(d => d.number))
  })

  it('refuses a module that does not exist, and writes nothing', async () => {
    const dir = join(root, 'x')
    await expect(newCohort('x', { modules: ['7'], dir, decks })).rejects.toThrow(/--module 7: there is no such module\. The modules are: 0 \(welcome\)/)
    expect(existsSync(dir)).toBe(false)
  })

  it('from the command line: new --module 2, then check passes', async () => {
    const env = { ...process.env, KIT_COHORTS_DIR: root, KIT_COMPOSE_DIR: join(root, '.composed') }
    const cli = (...args: string[]) => run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts'), 'cohort', ...args], { cwd: ROOT, env })
    const created = await cli('new', 'bogota', '--module', '2')
    expect(created.stdout).toMatch(/Created .*bogota\/ with every field explained/)
    const checked = await cli('check', 'bogota')
    expect(checked.stdout).toContain('Cohort "bogota" is valid: module 2.')
    await expect(cli('new', 'other', '--modul', '2')).rejects.toMatchObject({ stderr: expect.stringMatching(/Unknown option '--modul'[\s\S]*npm run cohort -- new <id> \[--module <n>\]/) })
  })
})
