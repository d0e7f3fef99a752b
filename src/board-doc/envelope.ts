// A board's JSON export: the envelope every board writes and reads (an export of any earlier
// version is read through the board's `migrate`). Plain TypeScript, used by the tab's Export and
// Import and by the live server's exports.
import { type DocDefinition, type Result, validate } from './definition'
import { repeatedKeys } from './shape'

/** An imported file larger than this is refused before it is parsed. */
export const IMPORT_BYTES = 1_000_000

export const FORMAT = 'community-training-board'

export interface Envelope<T> {
  format: typeof FORMAT
  board: string
  version: number
  id: string
  exportedAt: string
  data: T
}

export function exportJson<T>(def: DocDefinition<T>, id: string, data: T, now = new Date()): string {
  const envelope: Envelope<T> = { format: FORMAT, board: def.kind, version: def.version, id, exportedAt: now.toISOString(), data }
  return `${JSON.stringify(envelope, null, 2)}\n`
}

/** Reads a board's JSON export. Anything else is refused with what is wrong; nothing is changed. */
export function importJson<T>(def: DocDefinition<T>, text: string): Result<T> {
  const bytes = new TextEncoder().encode(text).length
  if (bytes > IMPORT_BYTES)
    return { ok: false, error: `The file is too large (${Math.round(bytes / 1000)} kB; at most ${IMPORT_BYTES / 1000} kB).` }
  let json: any
  try {
    json = JSON.parse(text)
  }
  catch (e) {
    return { ok: false, error: `The file is not valid JSON (${(e as Error).message}).` }
  }
  if (!json || typeof json !== 'object' || json.format !== FORMAT)
    return { ok: false, error: `This is not a board export: expected "format": "${FORMAT}".` }
  if (json.board !== def.kind)
    return { ok: false, error: `This export is of a ${json.board} board, not of a ${def.kind} board.` }
  const older = typeof json.version === 'number' && Number.isInteger(json.version) && json.version >= 1 && json.version < def.version
  if (older && def.migrate)
    json.data = def.migrate(json.version, json.data)
  else if (json.version !== def.version) {
    return {
      ok: false,
      error: typeof json.version === 'number' && json.version > def.version
        ? `This export is version ${json.version}, made by a newer kit; this board reads version ${def.version}. Update the kit.`
        : `This export is version ${JSON.stringify(json.version)}; this board reads version ${def.version}.`,
    }
  }
  const checked = validate(def, json.data)
  if (!checked.ok)
    return { ok: false, error: `The board data is not valid:\n${checked.error}` }
  // Rows are stored by id: two rows with one id would silently become one.
  const repeated = repeatedKeys(def, checked.data)
  return repeated.length ? { ok: false, error: `The board data is not valid:\n${repeated.slice(0, 5).join('\n')}` } : checked
}

