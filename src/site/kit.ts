// What a command works on: the upstream kit, or a cohort's kit composed from it.
import { join } from 'node:path'
import { UserError } from '../errors'
import { formatCohortProblem, type LoadedCohort } from '../cohort/load'
import { composedDir, type PreparedCohort, prepareCohort } from '../cohort/pipeline'
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

/**
 * Loads, composes and checks a cohort (src/cohort/pipeline.ts): every problem is reported
 * together, and nothing is built or changed; without problems, its decks are composed in
 * .cohorts/<id>/.
 */
export async function checkedCohort(id: string): Promise<PreparedCohort> {
  const cohort = await prepareCohort(id, undefined, undefined, composedDir(id))
  if (cohort.problems.length) {
    throw new UserError(`Cohort "${id}" has ${cohort.problems.length} problem(s); nothing was built or changed:\n${cohort.problems.map(p => `  ${formatCohortProblem(p)}`).join('\n')}`)
  }
  return cohort
}

export async function resolveKit(cohortId?: string): Promise<Kit> {
  if (!cohortId)
    return { title: SITE_TITLE, decks: listDecks(), outDir: paths.dist, basePath: '' }
  return cohortKit(await checkedCohort(cohortId))
}

/** A checked cohort's kit: its decks as composed from the upstream decks. */
export function cohortKit(cohort: PreparedCohort): Kit {
  return {
    title: `${cohort.cohort!.name}: ${SITE_TITLE}`,
    decks: cohort.decks,
    outDir: join(paths.dist, 'cohorts', cohort.id),
    basePath: `cohorts/${cohort.id}/`,
    cohort,
  }
}
