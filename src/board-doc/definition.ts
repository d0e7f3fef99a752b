// What the document core needs of a board: its kind, its data's zod schema and version, its
// starting state and how it reads older data. A board's full definition (src/boards/kit/board.ts:
// title, exports, instructions…) is one of these; the core knows nothing else of boards, so the
// tab (src/state/), the live server (src/live/) and the boards all stand on it.
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
   * 'own': in a live session the server keeps this board in a document of its own layout (the
   * idea board's ideas and votes, src/live/idea-vote.ts), which the tab reads itself; the tab's
   * saved board is then not synced with the server.
   */
  liveLayout?: 'own'
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
