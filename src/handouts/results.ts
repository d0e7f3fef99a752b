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

/** A board's results and the file they came from. */
export interface SourcedResult extends BoardResult { file: string }

/**
 * Several results files, in order: a later file wins for the same board id, with a one-line
 * note. Every problem in every file is reported together, and nothing is exported.
 */
export function loadResultsFiles(files: readonly string[], note: (line: string) => void = () => {}): Map<string, SourcedResult> {
  const merged = new Map<string, SourcedResult>()
  const problems: string[] = []
  for (const file of files) {
    let results: Map<string, BoardResult>
    try {
      results = loadBoardResults(file)
    }
    catch (e) {
      if (!(e instanceof UserError))
        throw e
      problems.push(e.message.replace(/^The results file cannot be used; nothing was exported\.\n/, ''))
      continue
    }
    for (const [id, result] of results) {
      const earlier = merged.get(id)
      if (earlier)
        note(`Board "${id}": the results in ${file} replace those in ${earlier.file} (the later --results file wins).`)
      merged.set(id, { ...result, file })
    }
  }
  if (problems.length)
    throw new UserError(`The results ${files.length > 1 ? 'files' : 'file'} cannot be used; nothing was exported.\n${problems.join('\n')}`)
  return merged
}

export interface KitBoard { boardId: string, kind: string, module: number }

/**
 * Results fill the boards of the modules being exported. Results for a board of another module
 * of the kit are left aside (a file with every module's boards fills the ones exported); a board
 * id that belongs to no module, or results of another kind than the board, are refused.
 * Returns the board ids left aside.
 */
export function checkResultsFit(results: Map<string, BoardResult & { file?: string }>, boards: readonly KitBoard[], exported: readonly number[]): string[] {
  const problems: string[] = []
  const ignored: string[] = []
  for (const [id, result] of results) {
    const where = result.file ?? 'results'
    const board = boards.find(b => b.boardId === id)
    if (!board)
      problems.push(`${where}: board "${id}" (${result.kind}) belongs to no module of this kit. Its boards: ${boards.map(b => `${b.boardId} (${b.kind}, module ${b.module})`).join(', ') || 'none'}. Correct the id in the export, or leave it out.`)
    else if (board.kind !== result.kind)
      problems.push(`${where}: board "${id}" is a ${board.kind} board, but the results are a ${result.kind} export.`)
    else if (!exported.includes(board.module))
      ignored.push(id)
  }
  if (problems.length)
    throw new UserError(`The results do not fit these worksheets; nothing was exported.\n${problems.join('\n')}`)
  return ignored
}
