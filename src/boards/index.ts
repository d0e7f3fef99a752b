// Every exercise board the decks can use: the component's tag, its model and the board id
// it uses when the slide does not give one. Handouts find boards in decks through this list.
import type { BoardDefinition } from './kit/board'
import { channelAudit } from './channel-audit/model'
import { ideaVote } from './idea-vote/model'
import { charterBuilder } from './charter-builder/model'
import { mountainOfEngagement } from './mountain-of-engagement/model'
import { raciMatrix } from './raci-matrix/model'
import { informationMap } from './information-map/model'
import { lifecycleCompass } from './lifecycle-compass/model'
import { originTimeline } from './origin-timeline/model'
import { stakeholderMap } from './stakeholder-map/model'
import { valueExchangeLedger } from './value-exchange-ledger/model'

export interface BoardEntry {
  component: string
  def: BoardDefinition
  defaultId: string
}

export const BOARDS: readonly BoardEntry[] = [
  { component: 'OriginTimeline', def: originTimeline, defaultId: 'm1-board-origin-timeline' },
  { component: 'LifecycleCompass', def: lifecycleCompass, defaultId: 'm1-board-lifecycle-compass' },
  { component: 'StakeholderMap', def: stakeholderMap, defaultId: 'm2-board-stakeholder-map' },
  { component: 'RaciMatrix', def: raciMatrix, defaultId: 'm2-board-raci-matrix' },
  { component: 'ChannelAudit', def: channelAudit, defaultId: 'm2-board-channel-audit' },
  { component: 'MountainOfEngagement', def: mountainOfEngagement, defaultId: 'm3-board-mountain-of-engagement' },
  { component: 'ValueExchangeLedger', def: valueExchangeLedger, defaultId: 'm3-board-value-exchange-ledger' },
  { component: 'InformationMap', def: informationMap, defaultId: 'm3-board-information-map' },
  { component: 'CharterBuilder', def: charterBuilder, defaultId: 'm4-board-charter-builder' },
  { component: 'IdeaVote', def: ideaVote, defaultId: 'idea-vote' },
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
