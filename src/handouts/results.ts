// A group's results for the worksheets: boards' JSON exports, one file or a list of them.
import { readFileSync, statSync } from 'node:fs'
import { UserError } from '../errors'
import { importJson } from '../exercises/board'
import { LIMITS } from '../exercises/fields'
import { boardByKind } from '../exercises/registry'

/** Board id -> validated data. Every problem in the file is reported, and nothing is exported. */
export function loadResults(file: string): Map<string, unknown> {
  let text: string
  try {
    if (statSync(file).size > LIMITS.importBytes * 20)
      throw new UserError(`${file}: the results file is too large (at most ${LIMITS.importBytes * 20 / 1e6} MB).`)
    text = readFileSync(file, 'utf8')
  }
  catch (e) {
    if (e instanceof UserError)
      throw e
    throw new UserError(`Cannot read the results file ${file}: ${(e as Error).message}`)
  }
  let json: any
  try {
    json = JSON.parse(text)
  }
  catch (e) {
    throw new UserError(`${file} is not valid JSON (${(e as Error).message}). Give a board's JSON export or a list of them.`)
  }
  const envelopes: any[] = Array.isArray(json) ? json : Array.isArray(json?.boards) ? json.boards : [json]
  const results = new Map<string, unknown>()
  const problems: string[] = []
  envelopes.forEach((envelope, i) => {
    const where = envelopes.length > 1 ? `${file} [${i}]` : file
    const entry = boardByKind(String(envelope?.board))
    if (!entry) {
      problems.push(`${where}: unknown board "${envelope?.board}". Expected a board export with "board" one of the kit's boards.`)
      return
    }
    const result = importJson(entry.def, JSON.stringify(envelope))
    if (!result.ok)
      problems.push(`${where}: ${result.error}`)
    else
      results.set(String(envelope.id || entry.defaultId), result.data)
  })
  if (problems.length)
    throw new UserError(`The results file cannot be used; nothing was exported.\n${problems.join('\n')}`)
  return results
}
