// Every exercise board the decks can use: the component's tag, its model and the board id
// it uses when the slide does not give one. Handouts find boards in decks through this list.
import type { BoardDefinition } from './board'
import { stakeholderMap } from './stakeholder-map'

export interface BoardEntry {
  component: string
  def: BoardDefinition
  defaultId: string
}

export const BOARDS: readonly BoardEntry[] = [
  { component: 'StakeholderMap', def: stakeholderMap, defaultId: 'm2-board-stakeholder-map' },
]

export function boardByKind(kind: string): BoardEntry | undefined {
  return BOARDS.find(b => b.def.kind === kind)
}

export interface BoardUse { entry: BoardEntry, boardId: string }

/** The boards placed on a slide, from its component tags (`<StakeholderMap id="…" />`). */
export function boardsInMarkdown(content: string): BoardUse[] {
  const uses: BoardUse[] = []
  for (const m of content.matchAll(/<([A-Z][A-Za-z]+)\b([^>]*)\/?>/g)) {
    const entry = BOARDS.find(b => b.component === m[1])
    if (!entry)
      continue
    const id = /\bid="([^"]+)"/.exec(m[2])?.[1]
    uses.push({ entry, boardId: id ?? entry.defaultId })
  }
  return uses
}
