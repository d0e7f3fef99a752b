// A cohort from its file to its decks in three steps, in this order and each once: load (read
// and validate cohort.yaml: src/cohort/load.ts), compose (write each module's deck:
// src/cohort/compose.ts), check (the decks as composed, read as Slidev reads them:
// src/cohort/check.ts). The deck that is checked is the deck that is built. A cohort with
// problems leaves nothing written.
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { type DeckRef, listDecks } from '../content/decks'
import { paths } from '../paths'
import { checkComposedDecks } from './check'
import { type ComposedDeck, composeDeck } from './compose'
import { cohortDir, type LoadedCohort, loadCohort, sortProblems } from './load'

export type { ComposedDeck }

/** A cohort loaded, composed and checked. */
export interface PreparedCohort extends LoadedCohort {
  /** its composed decks where they were written: none when it has problems or was only checked */
  decks: ComposedDeck[]
}

/** Where a cohort's composed decks go: .cohorts/<id>/ */
export function composedDir(id: string): string {
  return join(paths.composed, id)
}

/**
 * Loads a cohort, composes each of its decks once and checks them as composed. With `out`
 * (for a build: composedDir(id)), the decks move there when the cohort has no problems, and
 * nothing there changes when it has; without `out` (npm run check), they are composed in a
 * scratch folder that is removed.
 */
export async function prepareCohort(id: string, decks: DeckRef[] = listDecks(), dir = cohortDir(id), out?: string): Promise<PreparedCohort> {
  const cohort: PreparedCohort = Object.assign(await loadCohort(id, decks, dir), { decks: [] })
  if (cohort.problems.length)
    return cohort
  // Composed beside `out`, at the same depth, so every relative path in a deck stays right once moved.
  if (out)
    mkdirSync(dirname(out), { recursive: true })
  const staging = out ? mkdtempSync(`${out}.composing-`) : mkdtempSync(join(tmpdir(), `kit-cohort-check-${id}-`))
  try {
    const composed = writeComposedDecks(cohort, staging)
    cohort.problems.push(...await checkComposedDecks(cohort, composed))
    if (cohort.problems.length) {
      cohort.sessions = []
      sortProblems(cohort)
    }
    else if (out) {
      cohort.decks = moveComposedDecks(composed, out)
    }
    return cohort
  }
  finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

/**
 * Composes every deck of a cohort and writes it under `root` (by default .cohorts/<id>/);
 * returns their entries. Each file is replaced in one rename, so two builds of one cohort at
 * once never see a half-written or missing deck.
 */
export function writeComposedDecks(loaded: LoadedCohort, root = composedDir(loaded.id)): ComposedDeck[] {
  const decks = loaded.sessions.map((resolved) => {
    const dir = join(root, resolved.deck.name)
    mkdirSync(dir, { recursive: true })
    const entry = join(dir, 'slides.md')
    const temp = `${entry}.${process.pid}.tmp`
    writeFileSync(temp, composeDeck(loaded, resolved, dir))
    renameSync(temp, entry)
    return { ...resolved.deck, dir, entry }
  })
  removeOtherModules(root, decks)
  return decks
}

/** Moves composed decks into `root`, each entry in one rename, as writeComposedDecks writes them. */
function moveComposedDecks(composed: readonly ComposedDeck[], root: string): ComposedDeck[] {
  const decks = composed.map((deck) => {
    const dir = join(root, deck.name)
    mkdirSync(dir, { recursive: true })
    const entry = join(dir, 'slides.md')
    renameSync(deck.entry, entry)
    return { ...deck, dir, entry }
  })
  removeOtherModules(root, decks)
  return decks
}

/** Removes the decks of modules the cohort no longer runs. */
function removeOtherModules(root: string, decks: readonly ComposedDeck[]): void {
  for (const name of readdirSync(root)) {
    if (!decks.some(d => d.name === name))
      rmSync(join(root, name), { recursive: true, force: true })
  }
}
