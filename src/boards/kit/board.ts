// What every exercise board is: a typed model with a versioned, lossless JSON form.
import { z } from 'zod'
import { displayValue, type FieldDef, LIMITS } from './fields'
import { mdTable, toCsv } from './formats'
import { repeatedKeys } from './shape'

export interface BoardDefinition<T = any> {
  /** e.g. `stakeholder-map`; names the JSON format and the files */
  kind: string
  title: string
  /**
   * The frameworks and licences behind what the worksheet prints, as one line: printed on every
   * worksheet page above the licence footer. It agrees with the credits on the board's slides.
   */
  credit: string
  /** bumped when the JSON shape changes; an import of a newer version is refused */
  version: number
  /** reads the data of an older version (an export, or a saved board's plain fields) as this version's */
  migrate?: (from: number, data: unknown) => unknown
  schema: z.ZodType<T>
  empty: () => T
  /** steps printed on the blank worksheet and shown beside the board */
  instructions: readonly string[]
  toMarkdown: (data: T) => string
  toCsv: (data: T) => string
  /** lists of rows keyed by another field than `id` (the mountain's steps, by stage) */
  rowKeys?: Readonly<Record<string, string>>
}

export const FORMAT = 'community-training-board'

export interface Envelope<T> {
  format: typeof FORMAT
  board: string
  version: number
  id: string
  exportedAt: string
  data: T
}

export type Result<T> = { ok: true, data: T } | { ok: false, error: string }

export function describeZodError(error: z.ZodError, max = 5): string {
  const lines = error.issues.slice(0, max).map(i => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)
  if (error.issues.length > max)
    lines.push(`… and ${error.issues.length - max} more`)
  return lines.join('\n')
}

export function validate<T>(def: BoardDefinition<T>, data: unknown): Result<T> {
  const parsed = def.schema.safeParse(data)
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, error: describeZodError(parsed.error) }
}

export function exportJson<T>(def: BoardDefinition<T>, id: string, data: T, now = new Date()): string {
  const envelope: Envelope<T> = { format: FORMAT, board: def.kind, version: def.version, id, exportedAt: now.toISOString(), data }
  return `${JSON.stringify(envelope, null, 2)}\n`
}

/** Reads a board's JSON export. Anything else is refused with what is wrong; nothing is changed. */
export function importJson<T>(def: BoardDefinition<T>, text: string): Result<T> {
  const bytes = new TextEncoder().encode(text).length
  if (bytes > LIMITS.importBytes)
    return { ok: false, error: `The file is too large (${Math.round(bytes / 1000)} kB; at most ${LIMITS.importBytes / 1000} kB).` }
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

/** The data of a board that is one list of rows under `K` (`{ channels: Channel[] }`). */
export type ListData<K extends string, Row> = { [P in K]: Row[] }

export interface ListBoardSpec<K extends string, Row extends { id: string }> {
  kind: string
  title: string
  /** see BoardDefinition.credit */
  credit: string
  /** the data's list of rows, e.g. `channels` */
  listKey: K
  fields: readonly FieldDef[]
  rowSchema: z.ZodType<Row>
  instructions: readonly string[]
  /** the JSON shape's version (1 unless it changed) and how an older one is read */
  version?: number
  migrate?: (from: number, data: unknown) => unknown
  /** rows in the order exports show them */
  order?: (rows: readonly Row[]) => Row[]
  /** a column of computed text per row (flags, direction …) */
  extra?: { header: string, value: (row: Row) => string }
  /** one line under the Markdown title */
  summary?: (data: ListData<K, Row>) => string
}

// zod cannot carry a computed key (`listKey`) into its types: these overloads state the type once.
function listSchema<K extends string, Row>(key: K, list: z.ZodType<Row[]>): z.ZodType<ListData<K, Row>>
function listSchema(key: string, list: z.ZodType): z.ZodType {
  return z.strictObject({ [key]: list })
}
function emptyList<K extends string, Row>(key: K): ListData<K, Row>
function emptyList(key: string): Record<string, never[]> {
  return { [key]: [] }
}

/**
 * The definition of a board whose data is one list of rows: its schema, JSON, and Markdown
 * and CSV with one column per field (and one computed column).
 */
export function defineListBoard<const K extends string, Row extends { id: string }>(spec: ListBoardSpec<K, Row>): BoardDefinition<ListData<K, Row>> {
  const headers = [...spec.fields.map(f => f.label), ...(spec.extra ? [spec.extra.header] : [])]
  const rows = (d: ListData<K, Row>) => {
    const list = d[spec.listKey]
    return (spec.order ? spec.order(list) : list).map(r => [
      ...spec.fields.map((f) => {
        const value = (r as Record<string, unknown>)[f.key]
        return f.kind === 'number' ? value : displayValue(f, value)
      }),
      ...(spec.extra ? [spec.extra.value(r)] : []),
    ])
  }
  return {
    kind: spec.kind,
    title: spec.title,
    credit: spec.credit,
    version: spec.version ?? 1,
    ...(spec.migrate ? { migrate: spec.migrate } : {}),
    schema: listSchema(spec.listKey, z.array(spec.rowSchema).max(LIMITS.rows).default([])),
    empty: () => emptyList(spec.listKey),
    instructions: spec.instructions,
    toMarkdown: d => `# ${spec.title}\n\n${spec.summary ? `${spec.summary(d)}\n\n` : ''}${mdTable(headers, rows(d))}`,
    toCsv: d => toCsv(headers, rows(d)),
  }
}
