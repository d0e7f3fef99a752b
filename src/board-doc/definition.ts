// What the document core needs of a board: its kind, its data's zod schema and version, its
// starting state and how it reads older data. A board's full definition (src/boards/kit/board.ts:
// title, exports, instructions…) is one of these; the core knows nothing else of boards, so the
// tab (src/state/), the live server (src/live/) and the boards all stand on it.
import type * as Y from 'yjs'
import type { z } from 'zod'

export interface DocDefinition<T = any> {
  /** e.g. 'stakeholder-map' */
  kind: string
  /** bumped when the JSON shape changes; an import of a newer version is refused */
  version: number
  /** reads the data of an older version (an export, or a saved board's plain fields) as this version's */
  migrate?: (from: number, data: unknown) => unknown
  schema: z.ZodType<T>
  empty: () => T
  /** the key of a list's rows when it is not `id` (the mountain's steps are keyed by `stage`) */
  rowKeys?: Readonly<Record<string, string>>
  /**
   * What the board makes of the data read (the idea board's votes, rows of its list `votes`,
   * become each idea's count, with its sender's name from the row's `_name`).
   */
  read?: (doc: Y.Doc, data: T) => T
  /**
   * Moves a layout of the board's own from before the core into the core's (the idea board's
   * schema 1, and its votes kept in a map of their own), once and deterministically: called by
   * `initBoardDoc` first, on every load. Leaves a document it does not know untouched.
   */
  prepare?: (doc: Y.Doc) => void
  /** merges duplicate rows when the board's own merge does more than the core's (the idea board's votes move too) */
  mergeRows?: (doc: Y.Doc, list: string, target: string, sources: readonly string[]) => () => void
}

export type Result<T> = { ok: true, data: T } | { ok: false, error: string }

export function describeZodError(error: z.ZodError, max = 5): string {
  const lines = error.issues.slice(0, max).map(i => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)
  if (error.issues.length > max)
    lines.push(`… and ${error.issues.length - max} more`)
  return lines.join('\n')
}

export function validate<T>(def: DocDefinition<T>, data: unknown): Result<T> {
  const parsed = def.schema.safeParse(data)
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, error: describeZodError(parsed.error) }
}
