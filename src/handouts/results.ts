// A group's results for the worksheets: boards' JSON exports, one file or a list of them.
import { readFileSync, statSync } from 'node:fs'
import { UserError } from '../errors'
import { importJson } from '../boards/kit/board'
import { LIMITS } from '../boards/kit/fields'
import { boardByKind } from '../boards'

/** A group's results for one board: which kind of board, and its validated data. */
export interface BoardResult { kind: string, data: unknown }

/** Board id -> validated data. Every problem in the file is reported, and nothing is exported. */
export function loadResults(file: string): Map<string, unknown> {
  return new Map([...loadBoardResults(file)].map(([id, r]) => [id, r.data]))
}

/** Board id -> its kind and validated data. Every problem in the file is reported, and nothing is exported. */
export function loadBoardResults(file: string): Map<string, BoardResult> {
  let text: string
  try {
    if (statSync(file).isDirectory())
      throw new UserError(`${file} is a folder; give a board's JSON export (or a list of them) as --results.`)
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
  const results = new Map<string, BoardResult>()
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
    else if (results.has(String(envelope.id || entry.defaultId)))
      problems.push(`${where}: a second export for board "${envelope.id || entry.defaultId}"; give each board once.`)
    else
      results.set(String(envelope.id || entry.defaultId), { kind: entry.def.kind, data: result.data })
  })
  if (problems.length)
    throw new UserError(`The results file cannot be used; nothing was exported.\n${problems.join('\n')}`)
  return results
}

/**
 * Every result must fill a board of the modules being exported, and be that board's kind:
 * another board's export is refused rather than printing blank worksheets over filled ones.
 */
export function checkResultsFit(file: string, results: Map<string, BoardResult>, boards: { boardId: string, kind: string, module: number }[]): void {
  const problems: string[] = []
  for (const [id, result] of results) {
    const board = boards.find(b => b.boardId === id)
    if (!board)
      problems.push(`${file}: the results for board "${id}" (${result.kind}) fit no board of the module(s) being exported. Their boards: ${boards.map(b => `${b.boardId} (${b.kind}, module ${b.module})`).join(', ') || 'none'}. Export the module that has this board, or give that board's results.`)
    else if (board.kind !== result.kind)
      problems.push(`${file}: board "${id}" is a ${board.kind} board, but the results are a ${result.kind} export.`)
  }
  if (problems.length)
    throw new UserError(`The results file does not fit these worksheets; nothing was exported.\n${problems.join('\n')}`)
}
