// What every exercise board is: a typed model with a versioned, lossless JSON form. The part the
// document core needs (kind, schema, version, migration) and the JSON export's envelope live in
// src/board-doc/, below the tab and the live server; this adds what people see and print.
import { z } from 'zod'
import type { DocDefinition } from '../../board-doc/definition'
import { displayValue, type FieldDef, LIMITS } from './fields'
import { mdTable, toCsv } from './formats'

export { describeZodError, type Result, validate } from '../../board-doc/definition'
export { type Envelope, exportJson, FORMAT, importJson } from '../../board-doc/envelope'

export interface BoardDefinition<T = any> extends DocDefinition<T> {
  /** e.g. `stakeholder-map`; names the JSON format and the files */
  kind: string
  title: string
  /**
   * The frameworks and licences behind what the worksheet prints, as one line: printed on every
   * worksheet page above the licence footer. It agrees with the credits on the board's slides.
   */
  credit: string
  /** steps printed on the blank worksheet and shown beside the board */
  instructions: readonly string[]
  toMarkdown: (data: T) => string
  toCsv: (data: T) => string
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
