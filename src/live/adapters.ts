// The board kinds that take contributions from phones, from the registry of boards: every
// board whose entry describes a phone form (`phone` in src/boards/<kind>/entry.ts) goes through
// one adapter (list-board.ts); the idea board keeps its own (idea-vote.ts): its votes are a
// second map beside the rows, spent within a limit per person, and its phones read a projection
// of their own (the most voted ideas, counted, `public/<id>` schema 1: IdeaVoteForm.vue).
import { BOARDS } from '../boards'
import type { LiveBoardAdapter } from './boards'
import { ideaVoteLive } from './idea-vote'
import { liveBoardAdapter } from './list-board'

const ADAPTERS: readonly LiveBoardAdapter[] = BOARDS.flatMap(({ def, phone }): LiveBoardAdapter[] => {
  if (!phone)
    return []
  return 'ideas' in phone ? [ideaVoteLive] : [liveBoardAdapter({ def, ...phone })]
})

export function liveBoard(kind: string): LiveBoardAdapter | undefined {
  return ADAPTERS.find(a => a.kind === kind)
}

export function liveKinds(): string[] {
  return ADAPTERS.map(a => a.kind)
}
