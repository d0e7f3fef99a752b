// One build or export at a time per site, and scratch folders that never ship with it.
// A site folder (dist/) is what gets published: half-built decks and half-written PDFs live
// beside it, never inside, so a killed run leaves nothing in the site; the next run removes
// what a dead run left.
import { AsyncLocalStorage } from 'node:async_hooks'
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join, resolve, sep } from 'node:path'
import process from 'node:process'
import { UserError } from '../errors'

/**
 * The folder a kit's site is published from: its outDir less the kit's base path
 * (dist/cohorts/lisbon for cohorts/lisbon/ is published from dist/). An outDir that does not
 * end in the base path (a test's own folder) is its own root.
 */
export function siteRootOf(outDir: string, basePath: string): string {
  const parts = basePath.split('/').filter(Boolean)
  const tail = resolve(outDir).split(sep).slice(-parts.length)
  return parts.length && tail.join('/') === parts.join('/') ? resolve(outDir, ...parts.map(() => '..')) : resolve(outDir)
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  }
  catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const scratchPrefix = (siteRoot: string) => `.${basename(siteRoot)}-scratch-`

/** A fresh scratch folder beside the site root, named for this process. */
export function scratchDir(siteRoot: string, kind: string): string {
  const dir = join(dirname(siteRoot), `${scratchPrefix(siteRoot)}${kind}-${process.pid}-${Date.now().toString(36)}`)
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Removes scratch folders (and `.partial-*` folders inside the site) that dead runs left. */
export function removeLeftovers(siteRoot: string): void {
  const parent = dirname(siteRoot)
  if (existsSync(parent)) {
    for (const name of readdirSync(parent)) {
      const pid = Number(name.startsWith(scratchPrefix(siteRoot)) ? name.split('-').at(-2) : Number.NaN)
      if (Number.isInteger(pid) && !alive(pid))
        rmSync(join(parent, name), { recursive: true, force: true })
    }
  }
  // Older versions of the kit wrote these inside the site.
  for (const dir of [siteRoot, join(siteRoot, 'handouts')]) {
    if (!existsSync(dir))
      continue
    for (const name of readdirSync(dir)) {
      if (/^\.(partial-\d+|staging)$/.test(name))
        rmSync(join(dir, name), { recursive: true, force: true })
    }
  }
}

/**
 * Runs `work` holding the site's lock: a second build or export of the same site while one
 * runs is refused with a clear message instead of both writing at once. A lock left by a dead
 * process is taken over.
 */
// The locks the current run holds: an export that builds the site first is already inside.
const held = new AsyncLocalStorage<ReadonlySet<string>>()

export async function withSiteLock<T>(siteRoot: string, what: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(siteRoot), { recursive: true })
  const lock = join(dirname(siteRoot), `.${basename(siteRoot)}.lock`)
  if (held.getStore()?.has(lock))
    return work()
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lock, 'wx')
      writeSync(fd, `${process.pid}\n${what}\n`)
      closeSync(fd)
      break
    }
    catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0)
        throw e
      const [pid, other] = readFileSync(lock, 'utf8').split('\n')
      if (alive(Number(pid)))
        throw new UserError(`Another ${other || 'build'} (process ${pid}) is writing ${siteRoot} right now; nothing was changed. Wait for it to finish, then run this again.`)
      rmSync(lock, { force: true })
    }
  }
  try {
    removeLeftovers(siteRoot)
    return await held.run(new Set([...(held.getStore() ?? []), lock]), work)
  }
  finally {
    rmSync(lock, { force: true })
  }
}
