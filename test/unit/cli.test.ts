import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { type DeckRef, listDecks } from '../../src/content/decks'
import { CliError, findModule } from '../../src/cli/modules'
import { ROOT } from '../../src/paths'

const run = promisify(execFile)
const decks: DeckRef[] = [0, 1, 2, 3, 4].map(n => ({
  number: n,
  slug: ['welcome', 'community-foundation', 'community-of-practice', 'community-engagement', 'community-charter'][n],
  name: '',
  dir: '',
  entry: '',
})).map(d => ({ ...d, name: `0${d.number}-${d.slug}` }))

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT })
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
  it('refuses a relative --base for the build', async () => {
    const result = await cli('build', '--base', 'training')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('--base must be an absolute path')
  })
})
