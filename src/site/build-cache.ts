// Which decks of a site need building: a deck whose inputs have not changed since its last
// build keeps that build. A deck's inputs are hashed by content (never by date):
// - its folder, and every Markdown file its slides come from (pages imported with `src:`);
// - the kit as Slidev's addon: components, layouts, setup, styles, src/, public/, the global
//   layers, custom-nav-controls.vue, vite.config.ts, package.json and package-lock.json;
// - a cohort's folder, when the site is a cohort's;
// - the build's options (base path, router mode) and the VITE_* variables Vite hands the client.
// The previous build is reused only if it is still exactly what was written (its own hash is
// recorded too), so a deck folder changed or damaged by hand is built again.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, sep } from 'node:path'
import process from 'node:process'
import { ROOT } from '../paths'

/** Bump when what a build writes changes in a way the inputs do not show. */
const CACHE_VERSION = 1

/** The kit's files that every deck builds with (Slidev's addon root, see decks' `addons`). */
export const ADDON_DIRS = ['components', 'layouts', 'setup', 'styles', 'src', 'public']
export const ADDON_FILES = /^(?:global-[\w-]+\.vue|custom-nav-controls\.vue|vite\.config\.[cm]?[jt]s|uno\.config\.[cm]?[jt]s|package\.json|package-lock\.json|index\.html)$/

const SKIPPED_DIRS = new Set(['node_modules', '.slidev', 'dist', '.git'])

/** Every file below `dir`, as absolute paths in a stable order. */
export function filesBelow(dir: string): string[] {
  if (!existsSync(dir))
    return []
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name))
        out.push(...filesBelow(path))
    }
    else if (entry.isFile()) {
      out.push(path)
    }
  }
  return out.sort()
}

/** A hash of files by path (relative to `base`) and content. */
export function hashFiles(files: Iterable<string>, base: string): string {
  const hash = createHash('sha256')
  for (const file of [...new Set(files)].sort()) {
    hash.update(relative(base, file).split(sep).join('/'))
    hash.update('\0')
    hash.update(existsSync(file) ? readFileSync(file) : '(missing)')
    hash.update('\0')
  }
  return hash.digest('hex')
}

/** The addon's part of every deck's inputs, computed once per build. */
export function addonHash(root = ROOT): string {
  const files = [
    ...ADDON_DIRS.flatMap(d => filesBelow(join(root, d))),
    ...readdirSync(root, { withFileTypes: true }).filter(e => e.isFile() && ADDON_FILES.test(e.name)).map(e => join(root, e.name)),
  ]
  return hashFiles(files, root)
}

/** What the environment adds to a build: Vite hands VITE_* variables to the deck's client. */
function envInputs(env: NodeJS.ProcessEnv = process.env): string {
  return JSON.stringify(Object.entries(env).filter(([k]) => k.startsWith('VITE_')).sort())
}

export interface DeckInputs {
  /** the deck's folder */
  dir: string
  /** Markdown files its slides come from (the entry and pages imported with `src:`) */
  sources: string[]
  /** a cohort's folder, for a cohort's site */
  cohortDir?: string
  /** the build's own options: base, router mode */
  options: Record<string, unknown>
}

export function deckInputsHash(deck: DeckInputs, addon: string): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify({ version: CACHE_VERSION, addon, env: envInputs(), options: deck.options }))
  hash.update(hashFiles([...filesBelow(deck.dir), ...deck.sources], ROOT))
  if (deck.cohortDir)
    hash.update(hashFiles(filesBelow(deck.cohortDir), deck.cohortDir))
  return hash.digest('hex')
}

/** A built deck's folder, hashed: reused only while it is exactly what the build wrote. */
export function treeHash(dir: string): string {
  return hashFiles(filesBelow(dir), dir)
}

interface Stamp { inputs: string, output: string }
type Stamps = Record<string, Stamp>

/** Where a site's record of its decks' inputs lives: beside the site, like its lock. */
export function stampFile(siteRoot: string): string {
  return join(dirname(siteRoot), `.${basename(siteRoot)}-build.json`)
}

export function readStamps(siteRoot: string): Stamps {
  try {
    const data = JSON.parse(readFileSync(stampFile(siteRoot), 'utf8'))
    return data && data.version === CACHE_VERSION && typeof data.decks === 'object' ? data.decks : {}
  }
  catch {
    return {}
  }
}

/** The base path (`--base`) the site was last built with, if the record says. */
export function readBuiltBase(siteRoot: string): string | undefined {
  try {
    const data = JSON.parse(readFileSync(stampFile(siteRoot), 'utf8'))
    return data && data.version === CACHE_VERSION && typeof data.base === 'string' ? data.base : undefined
  }
  catch {
    return undefined
  }
}

export function writeStamps(siteRoot: string, decks: Stamps, base: string): void {
  const file = stampFile(siteRoot)
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, `${JSON.stringify({ version: CACHE_VERSION, base, decks }, null, 2)}\n`)
  renameSync(temp, file)
}

/** The key of a deck's folder in the record: its path inside the site root. */
export function stampKey(siteRoot: string, deckDir: string): string {
  return relative(siteRoot, deckDir).split(sep).join('/')
}

/** Why `deckDir` must be built, or undefined when it holds the build recorded for these inputs. */
export function whyBuild(stamps: Stamps, key: string, inputs: string, deckDir: string): string | undefined {
  const stamp = stamps[key]
  if (!stamp)
    return 'no earlier build'
  if (stamp.inputs !== inputs)
    return 'changed'
  if (!existsSync(join(deckDir, 'index.html')) || treeHash(deckDir) !== stamp.output)
    return 'its folder in the site was changed by hand'
  return undefined
}
