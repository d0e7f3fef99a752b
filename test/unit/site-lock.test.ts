// Overlapping builds and exports of one site, and what killed runs leave behind.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors'
import { removeLeftovers, scratchDir, siteRootOf, withSiteLock } from '../../src/output/scratch'

let parent: string
let site: string
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'kit-lock-'))
  site = join(parent, 'dist')
  mkdirSync(join(site, 'handouts'), { recursive: true })
})
afterEach(() => rmSync(parent, { recursive: true, force: true }))

/** A process id that is certainly not running. */
const DEAD = 2 ** 22 + 12345

describe('one build or export per site at a time', () => {
  it('refuses a second run while the first holds the site, then lets the next one in', async () => {
    let release!: () => void
    const first = withSiteLock(site, 'build', () => new Promise<string>((resolve) => { release = () => resolve('first done') }))
    await expect(withSiteLock(site, 'export', async () => 'second')).rejects.toThrow(UserError)
    await expect(withSiteLock(site, 'export', async () => 'second')).rejects.toThrow(/Another build \(process \d+\) is writing .*dist right now; nothing was changed/)
    release()
    expect(await first).toBe('first done')
    expect(await withSiteLock(site, 'export', async () => 'third')).toBe('third')
  })

  it('takes over a lock left by a process that died', async () => {
    writeFileSync(join(parent, '.dist.lock'), `${DEAD}\nbuild\n`)
    expect(await withSiteLock(site, 'build', async () => 'ran')).toBe('ran')
    expect(existsSync(join(parent, '.dist.lock'))).toBe(false)
  })

  it('lets an export that builds first take the lock it already holds', async () => {
    expect(await withSiteLock(site, 'export', () => withSiteLock(site, 'build', async () => 'nested'))).toBe('nested')
  })
})

describe('scratch folders', () => {
  it('live beside the site, never inside it', () => {
    const dir = scratchDir(site, 'build')
    expect(dir.startsWith(join(parent, '.dist-scratch-build-'))).toBe(true)
    expect(readdirSync(site)).toEqual(['handouts'])
  })

  it('left by dead runs are removed by the next run, with old .partial and .staging folders in the site', () => {
    mkdirSync(join(parent, `.dist-scratch-export-${DEAD}-abc`))
    const mine = scratchDir(site, 'export')
    mkdirSync(join(site, 'handouts', '.partial-4242'))
    mkdirSync(join(site, '.staging'))
    removeLeftovers(site)
    expect(readdirSync(parent).sort()).toEqual(['dist', mine.split('/').at(-1)].sort())
    expect(readdirSync(join(site, 'handouts'))).toEqual([])
    expect(readdirSync(site)).toEqual(['handouts'])
  })

  it('a cohort\'s site is published from the kit\'s root', () => {
    expect(siteRootOf('/x/dist/cohorts/lisbon', 'cohorts/lisbon/')).toBe('/x/dist')
    expect(siteRootOf('/x/dist', '')).toBe('/x/dist')
    expect(siteRootOf('/x/elsewhere', 'cohorts/lisbon/')).toBe('/x/elsewhere')
  })
})
