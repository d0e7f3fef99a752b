// The kit's folders, in one object. Commands read it when they run (never a copy taken at
// import), so tests point it at temporary folders with `setPaths` and no test writes into
// the checkout's cohorts/, .cohorts/ or dist/. A command line run in a child process takes the
// same overrides from KIT_DIST_DIR, KIT_COHORTS_DIR, KIT_COMPOSE_DIR and
// KIT_EXTENSIONS_DIR.
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

/** The repository root: the kit's decks, addon folders and shared public files live here. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')

export interface KitPaths {
  /** the upstream decks, one folder each */
  decks: string
  /** the optional extension blocks a cohort can switch on (decks/extensions/<name>.md) */
  extensions: string
  /** shared fonts, favicon and images */
  public: string
  /** cohort folders, each with its cohort.yaml */
  cohorts: string
  /** generated cohort decks (never edited by hand) */
  composed: string
  /** the built site */
  dist: string
}

function fromEnv(env: NodeJS.ProcessEnv = process.env): KitPaths {
  return {
    decks: join(ROOT, 'decks'),
    extensions: env.KIT_EXTENSIONS_DIR || join(ROOT, 'decks', 'extensions'),
    public: join(ROOT, 'public'),
    cohorts: env.KIT_COHORTS_DIR || join(ROOT, 'cohorts'),
    composed: env.KIT_COMPOSE_DIR || join(ROOT, '.cohorts'),
    dist: env.KIT_DIST_DIR || join(ROOT, 'dist'),
  }
}

export const paths: Readonly<KitPaths> = fromEnv()

/** Points some folders elsewhere (tests); returns a function that puts them back. */
export function setPaths(overrides: Partial<KitPaths>): () => void {
  const before = { ...paths }
  Object.assign(paths, overrides)
  return () => { Object.assign(paths, before) }
}

// Fixed by the repository's layout: no test moves these.
export const DECKS_DIR = join(ROOT, 'decks')
export const PUBLIC_DIR = join(ROOT, 'public')
export const EXAMPLES_DIR = join(ROOT, 'examples')
export const SLIDEV_BIN = join(ROOT, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')
