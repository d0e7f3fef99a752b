// `npm run cohort -- new <id>`: a new cohort folder copied from the documented example.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../errors'
import { ROOT } from '../paths'
import { COHORT_ID, cohortDir } from './load'

export function newCohort(id: string): string {
  if (!COHORT_ID.test(id))
    throw new UserError(`"${id}" is not a cohort id: use lower-case letters, digits and dashes (e.g. lisbon-2027).`)
  const dir = cohortDir(id)
  if (existsSync(dir))
    throw new UserError(`cohorts/${id}/ already exists; nothing was changed. Choose another id or edit that cohort.`)
  // The documented example in the repository is the template, wherever cohorts live.
  cpSync(join(ROOT, 'cohorts', 'example'), dir, { recursive: true })
  const file = join(dir, 'cohort.yaml')
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, `name: ${JSON.stringify(`Cohort ${id}`)}`))
  return dir
}
