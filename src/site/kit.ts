// What a command works on: the upstream kit, or a cohort's kit composed from it.
import { join } from 'node:path'
import { UserError } from '../errors'
import { formatCohortProblem, loadCohort, type LoadedCohort } from '../cohort/load'
import { writeComposedDecks } from '../cohort/compose'
import { type DeckRef, listDecks } from '../content/decks'
import { paths } from '../paths'

export interface Kit {
  title: string
  decks: DeckRef[]
  /** where the kit's site goes */
  outDir: string
  /** the site's path below the published root: '' upstream, 'cohorts/<id>/' for a cohort */
  basePath: string
  cohort?: LoadedCohort
}

export const SITE_TITLE = 'Foundational Community Building and Engagement Training'

/** Loads and checks a cohort; every problem is reported together, and nothing is written. */
export async function checkedCohort(id: string): Promise<LoadedCohort> {
  const loaded = await loadCohort(id)
  if (loaded.problems.length) {
    throw new UserError(`Cohort "${id}" has ${loaded.problems.length} problem(s); nothing was built or changed:\n${loaded.problems.map(p => `  ${formatCohortProblem(p)}`).join('\n')}`)
  }
  return loaded
}

export async function resolveKit(cohortId?: string): Promise<Kit> {
  if (!cohortId)
    return { title: SITE_TITLE, decks: listDecks(), outDir: paths.dist, basePath: '' }
  return cohortKit(await checkedCohort(cohortId))
}

/** A checked cohort's kit: its decks composed afresh from the upstream decks. */
export function cohortKit(cohort: LoadedCohort): Kit {
  return {
    title: `${cohort.cohort!.name}: ${SITE_TITLE}`,
    decks: writeComposedDecks(cohort),
    outDir: join(paths.dist, 'cohorts', cohort.id),
    basePath: `cohorts/${cohort.id}/`,
    cohort,
  }
}
