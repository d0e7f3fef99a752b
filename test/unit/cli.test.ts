import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type DeckRef, listDecks } from '../../src/content/decks'
import { CliError, findModule } from '../../src/cli/modules'
import { ROOT } from '../../src/paths'
import { withSiteLock } from '../../src/output/scratch'

const run = promisify(execFile)
const decks: DeckRef[] = [0, 1, 2, 3, 4].map(n => ({
  number: n,
  slug: ['welcome', 'community-foundation', 'community-of-practice', 'community-engagement', 'community-charter'][n],
  name: '',
  dir: '',
  entry: '',
})).map(d => ({ ...d, name: `0${d.number}-${d.slug}` }))

async function cli(...args: string[]) {
  return cliWith({}, ...args)
}

async function cliWith(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env } })
    return { code: 0, stdout, stderr }
  }
  catch (e: any) {
    return { code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }
  }
}

describe('finding a module', () => {
  it('defaults to module 1', () => {
    expect(findModule(decks, undefined).number).toBe(1)
  })
  it.each([
    ['3', 3], ['03', 3], ['0', 0], ['engagement', 3], ['community-charter', 4], ['02-community-of-practice', 2], ['WELCOME', 0],
  ])('finds %s', (query, number) => {
    expect(findModule(decks, query).number).toBe(number)
  })
  it('refuses an unknown module and lists the modules', () => {
    expect(() => findModule(decks, '7')).toThrow(CliError)
    expect(() => findModule(decks, '7')).toThrow(/no module "7"[\s\S]*1 {2}community-foundation[\s\S]*4 {2}community-charter/)
  })
  it('refuses an ambiguous name rather than guessing', () => {
    expect(() => findModule(decks, 'community')).toThrow(/more than one module/)
  })
  it('finds every deck in the repository', () => {
    expect(listDecks().map(d => d.number)).toEqual([0, 1, 2, 3, 4])
  })
})

describe('the command line', () => {
  it('exits non-zero with the module list for an unknown module', async () => {
    const result = await cli('present', 'nine')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('There is no module "nine"')
    expect(result.stderr).toContain('3  community-engagement')
  })
  it('exits non-zero for an unknown command and shows the usage', async () => {
    const result = await cli('frobnicate')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Unknown command "frobnicate"')
    expect(result.stderr).toContain('npm start')
  })
  it.each([['serve', '--port', 'abc'], ['serve', '--port', '70000'], ['present', '1', '--port', '-1'], ['serve', '--nope']])('refuses %s %s %s with a message, not a stack trace', async (...args) => {
    const result = await cli(...args)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/--port must be a number from 1 to 65535|Unknown option '--nope'/)
    expect(result.stderr).not.toMatch(/^\s+at /m)
  })
  it('refuses a build while another process is writing the same site, and changes nothing', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'kit-busy-'))
    const dist = join(parent, 'dist')
    let release!: () => void
    const holding = withSiteLock(dist, 'build', () => new Promise<void>((resolve) => { release = resolve }))
    try {
      const result = await cliWith({ KIT_DIST_DIR: dist }, 'build')
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/Another build \(process \d+\) is writing .*dist right now; nothing was changed/)
      expect(existsSync(dist)).toBe(false)
    }
    finally {
      release()
      await holding
      rmSync(parent, { recursive: true, force: true })
    }
  })
  it('refuses a relative --base for the build', async () => {
    const result = await cli('build', '--base', 'training')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('--base must be an absolute path')
  })
})

describe('cohort commands', () => {
  // Cohorts and composed decks go to temporary folders: no test writes into the checkout's cohorts/ or .cohorts/.
  let cohorts: string
  let env: Record<string, string>
  beforeEach(() => {
    cohorts = mkdtempSync(join(tmpdir(), 'kit-cohorts-'))
    env = { KIT_COHORTS_DIR: cohorts, KIT_COMPOSE_DIR: join(cohorts, '.composed'), KIT_DIST_DIR: join(cohorts, 'dist') }
  })
  afterEach(() => rmSync(cohorts, { recursive: true, force: true }))

  it('scaffolds a cohort from the example, and refuses to overwrite one', async () => {
    const id = 'test-new'
    const created = await cliWith(env, 'cohort', 'new', id, '--example')
    expect(created.code).toBe(0)
    expect(readFileSync(join(cohorts, id, 'cohort.yaml'), 'utf8')).toContain(`name: "Cohort ${id}"`)
    expect(existsSync(join(cohorts, id, 'logo.svg'))).toBe(true)
    expect((await cliWith(env, 'cohort', 'check', id)).code).toBe(0)
    const again = await cliWith(env, 'cohort', 'new', id)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already exists; nothing was changed')
  })

  it('one broken cohort is reported by npm run check without a stack trace, and the other cohorts are still checked', async () => {
    mkdirSync(join(cohorts, 'bomb'))
    writeFileSync(join(cohorts, 'bomb', 'cohort.yaml'), 'a: &a [x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b]\n')
    mkdirSync(join(cohorts, 'folder', 'cohort.yaml'), { recursive: true })
    const result = await cliWith(env, 'check')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/bomb\/cohort\.yaml:2:\d+ YAML aliases \(\*a\) are not allowed/)
    expect(result.stderr).toMatch(/folder\/cohort\.yaml.*is a folder/)
    expect(result.stderr).not.toMatch(/^\s+at /m)
  })

  it('a build for an invalid cohort lists every problem, exits non-zero and writes nothing', async () => {
    const id = 'test-broken'
    const dist = join(cohorts, 'elsewhere', 'dist')
    mkdirSync(join(cohorts, id), { recursive: true })
    try {
      writeFileSync(join(cohorts, id, 'cohort.yaml'), 'name: Broken\norganisation: X\nfacilitators: [{ name: A }]\nvenue: Online\ntimezone: Mars/Olympus\nmodules:\n  - module: 2\n    start: 2027-01-01T10:00\n    minutes: 90\n    drop: [m2-stakeholdr-map]\nbranding:\n  accent: pink\n')
      const result = await cliWith({ ...env, KIT_DIST_DIR: dist }, 'build', '--cohort', id)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('nothing was built or changed')
      expect(result.stderr).toMatch(/cohort\.yaml:5:\d+ timezone: must be an IANA time zone/)
      expect(result.stderr).toMatch(/branding\.accent: must be a colour/)
      expect(existsSync(dist)).toBe(false)
      expect(existsSync(join(cohorts, '.composed'))).toBe(false)
      const check = await cliWith(env, 'cohort', 'check', id)
      expect(check.code).toBe(1)
    }
    finally {
      rmSync(join(cohorts, 'elsewhere'), { recursive: true, force: true })
    }
  })
})

describe('the command line sits on top', () => {
  it('is imported by nothing in the library below it', () => {
    const files = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[])
      .filter(f => /\.(ts|vue)$/.test(f) && !f.startsWith('cli/'))
    const importers = files.filter(f => /from '(\.\.\/)+cli\//.test(readFileSync(join(ROOT, 'src', f), 'utf8')))
    expect(importers).toEqual([])
  })
})

describe('export --results', () => {
  it('takes --results more than once, and reports the problems of every file before exporting anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-cli-results-'))
    try {
      writeFileSync(join(dir, 'a.json'), '{ broken')
      const result = await cliWith({ KIT_DIST_DIR: join(dir, 'dist') }, 'export', '2', '--results', join(dir, 'a.json'), '--results', join(dir, 'missing.json'))
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/a\.json is not valid JSON/)
      expect(result.stderr).toMatch(/Cannot read the results file .*missing\.json/)
      expect(result.stderr).not.toMatch(/\n\s+at /)
      expect(existsSync(join(dir, 'dist'))).toBe(false)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
