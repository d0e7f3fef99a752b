// The board kinds that take contributions from phones. A kind plugs in with one adapter
// (see boards.ts); the nine structured boards join here as their documents get live rows.
import type { LiveBoardAdapter } from './boards'
import { ideaVoteLive } from './idea-vote'

const ADAPTERS: readonly LiveBoardAdapter[] = [ideaVoteLive]

export function liveBoard(kind: string): LiveBoardAdapter | undefined {
  return ADAPTERS.find(a => a.kind === kind)
}

export function liveKinds(): string[] {
  return ADAPTERS.map(a => a.kind)
}
