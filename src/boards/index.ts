// The one registry of exercise boards: everything about each board comes from its folder
// (src/boards/<kind>/entry.ts): its tag, model, default id, worksheet, phone form, words and
// sample rows. The handouts, the worksheets, the live server's adapters, the catalogue's board
// words and every test that goes over the boards read this list. Adding a board: one line here
// (src/boards/README.md).
import { addPhrases } from '../i18n/labels'
import type { BoardEntry } from './kit/entry'
import { entry as channelAudit } from './channel-audit/entry'
import { entry as charterBuilder } from './charter-builder/entry'
import { entry as ideaVote } from './idea-vote/entry'
import { entry as informationMap } from './information-map/entry'
import { entry as lifecycleCompass } from './lifecycle-compass/entry'
import { entry as mountainOfEngagement } from './mountain-of-engagement/entry'
import { entry as originTimeline } from './origin-timeline/entry'
import { entry as poll } from './poll/entry'
import { entry as quickAnswers } from './quick-answers/entry'
import { entry as raciMatrix } from './raci-matrix/entry'
import { entry as roomQuestions } from './room-questions/entry'
import { entry as scale } from './scale/entry'
import { entry as stakeholderMap } from './stakeholder-map/entry'
import { entry as valueExchangeLedger } from './value-exchange-ledger/entry'

export type { BoardEntry } from './kit/entry'

export const BOARDS: readonly BoardEntry[] = [
  originTimeline,
  lifecycleCompass,
  stakeholderMap,
  raciMatrix,
  channelAudit,
  mountainOfEngagement,
  valueExchangeLedger,
  informationMap,
  charterBuilder,
  ideaVote,
  quickAnswers,
  poll,
  scale,
  roomQuestions,
]

// Each board's own words join its language's catalogue, read through the one lookup (src/i18n).
for (const board of BOARDS) {
  for (const [code, phrases] of Object.entries(board.phrases))
    addPhrases(code, phrases)
}

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
