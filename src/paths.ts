import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import process from 'node:process'

/** The repository root: the kit's decks, addon folders and shared public files live here. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')
export const DECKS_DIR = join(ROOT, 'decks')
export const PUBLIC_DIR = join(ROOT, 'public')
/** The built site; KIT_DIST_DIR moves it (the tests build into a temporary folder). */
export const DIST_DIR = process.env.KIT_DIST_DIR || join(ROOT, 'dist')
export const SLIDEV_BIN = join(ROOT, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')
