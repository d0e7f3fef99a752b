// Collect ideas and vote: the room adds short ideas, then everyone spends a few votes, and
// the projected board ranks the ideas live. Used where an activity ends with the whole room
// choosing (the "All" step of 1-2-4-All). Plain TypeScript, no Vue, no Yjs.
import { z } from 'zod'
import type { FieldDef } from '../kit/fields'
import type { BoardDefinition } from '../kit/board'
import { LIMITS, rowId } from '../kit/fields'
import { mdTable, toCsv } from '../kit/formats'

export const IDEA_MAX = 140
export const NAME_MAX = 40
export const VOTES_MIN = 1
export const VOTES_MAX = 10
export const DEFAULT_VOTES = 3

/** The columns of the idea board's worksheet and exports. */
export const IDEA_FIELDS: readonly FieldDef[] = [
  { key: 'text', label: 'Idea', kind: 'text', max: IDEA_MAX },
  { key: 'by', label: 'By', kind: 'text', max: NAME_MAX },
  { key: 'votes', label: 'Votes', kind: 'number', min: 0, max: 1000 },
]

export const ideaText = z.string().trim()
  .min(1, 'An idea needs some words.')
  .max(IDEA_MAX, `An idea is at most ${IDEA_MAX} characters.`)
export const personName = z.string().trim().max(NAME_MAX, `A name is at most ${NAME_MAX} characters.`)

export const ideaSchema = z.object({
  id: rowId,
  text: ideaText,
  /** who added it, when they gave a name; empty means anonymous */
  by: personName.default(''),
  votes: z.number().int().min(0).max(1_000_000).default(0),
}).strict()

export type Idea = z.infer<typeof ideaSchema>

export interface IdeaVoteData {
  votesPerPerson: number
  ideas: Idea[]
}

export const ideaVoteSchema = z.object({
  votesPerPerson: z.number().int().min(VOTES_MIN).max(VOTES_MAX).default(DEFAULT_VOTES),
  ideas: z.array(ideaSchema).max(LIMITS.rows).default([]),
}).strict() as unknown as z.ZodType<IdeaVoteData>

export interface RankedIdea extends Idea { rank: number }

/** Most votes first; ties share a rank and keep the order they were added in. */
export function rankIdeas(ideas: readonly Idea[]): RankedIdea[] {
  const sorted = ideas.map((idea, index) => ({ idea, index }))
    .sort((a, b) => b.idea.votes - a.idea.votes || a.index - b.index)
  let rank = 0
  let previous = Number.NaN
  return sorted.map(({ idea }, i) => {
    if (idea.votes !== previous) {
      rank = i + 1
      previous = idea.votes
    }
    return { ...idea, rank }
  })
}

const HEADERS = ['Rank', 'Idea', 'By', 'Votes']
const rows = (d: IdeaVoteData) => rankIdeas(d.ideas).map(i => [i.rank, i.text, i.by, i.votes])

export const ideaVote: BoardDefinition<IdeaVoteData> = {
  kind: 'idea-vote',
  title: 'Collect ideas and vote',
  credit: 'The kit\'s own exercise (CC BY 4.0).',
  version: 1,
  schema: ideaVoteSchema,
  empty: () => ({ votesPerPerson: DEFAULT_VOTES, ideas: [] }),
  instructions: [
    'Everyone adds short ideas, one per card.',
    'Read all the ideas, then spend your votes on the ones you would choose.',
    'The ideas with the most votes are the room\'s choice: discuss the top three.',
  ],
  toMarkdown: d => `# Collect ideas and vote\n\n${d.ideas.length} ideas, ${d.ideas.reduce((n, i) => n + i.votes, 0)} votes; each person had ${d.votesPerPerson}.\n\n${mdTable(HEADERS, rows(d))}`,
  toCsv: d => toCsv(HEADERS, rows(d)),
}
