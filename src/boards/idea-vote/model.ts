// Collect ideas and vote: the room adds short ideas, then everyone spends a few votes, and
// the projected board ranks the ideas live. Used where an activity ends with the whole room
// choosing (the "All" step of 1-2-4-All). Plain TypeScript, no Vue; the live document's own
// parts (the votes) are read by ./doc.ts.
import { z } from 'zod'
import type { FieldDef } from '../kit/fields'
import type { BoardDefinition } from '../kit/board'
import { LIMITS, NAME_MAX, personName, rowId } from '../kit/fields'
import { mdTable, toCsv } from '../kit/formats'
import { count } from '../../i18n/labels'
import { initIdeaDoc, readIdeas } from './doc'
import { mergeIdeas } from './moderate'

export const IDEA_MAX = 140
export const VOTES_MIN = 1
export const VOTES_MAX = 10
export const DEFAULT_VOTES = 3

/** The columns of the idea board's worksheet and exports. */
export const IDEA_FIELDS: readonly FieldDef[] = [
  { key: 'text', label: 'Idea', kind: 'text', max: IDEA_MAX },
  { key: 'by', label: 'By', kind: 'text', max: NAME_MAX },
  { key: 'votes', label: 'Votes', kind: 'number', min: 0, max: 1000 },
]

/** What a phone sends for an idea: its text (the facilitator's tab adds by hand, with a name and votes). */
export const PHONE_IDEA_FIELDS = [
  { key: 'text', label: 'Idea', kind: 'text', max: IDEA_MAX, required: true, multiline: true },
] as const satisfies readonly FieldDef[]
/** A phone's vote names the idea it is for (one a person and idea, `votesPerPerson` in all). */
export const VOTE_FIELDS = [
  { key: 'idea', label: 'Idea', kind: 'text', max: 64, required: true },
] as const satisfies readonly FieldDef[]

export const ideaText = z.string().trim()
  .min(1, 'An idea needs some words.')
  .max(IDEA_MAX, `An idea is at most ${IDEA_MAX} characters.`)

export const ideaSchema = z.object({
  id: rowId,
  text: ideaText,
  /** who added it, when they gave a name; empty means anonymous */
  by: personName.default(''),
  votes: z.number().int().min(0).max(1_000_000).default(0),
  /** live: the names of the others who sent the same idea (duplicates merged into this one) */
  also: z.string().max(2000).optional(),
  /** live: when it was sent (ISO 8601) */
  at: z.string().max(40).optional(),
}).strict()

export type Idea = z.infer<typeof ideaSchema>

/**
 * A live vote: one per person and idea, a row of the list `votes` keyed `<author>~<idea>` (so a
 * vote given twice is one row). Read by the core's reader like every list; the board's `read`
 * (./doc.ts, readIdeas) turns them into each idea's count and leaves the list out of what is
 * read, so exports and the projected board hold counts, never who voted.
 */
export const voteSchema = z.object({
  id: z.string().min(1).max(200),
  idea: rowId,
}).strict()

export type Vote = z.infer<typeof voteSchema>
/** Every vote a room of the largest size can give (participants x the most votes each). */
export const VOTES_KEPT = 100_000

export type Phase = 'collect' | 'vote'

export interface IdeaVoteData {
  votesPerPerson: number
  /** live: the phase the facilitator chose (unset: collecting until the first vote) */
  phase?: Phase
  ideas: Idea[]
  /** live: the votes, one row per person and idea; read into the ideas' counts, so never in what is read */
  votes?: Vote[]
}

export const ideaVoteSchema = z.object({
  votesPerPerson: z.number().int().min(VOTES_MIN).max(VOTES_MAX).default(DEFAULT_VOTES),
  phase: z.enum(['collect', 'vote']).optional(),
  ideas: z.array(ideaSchema).max(LIMITS.rows).default([]),
  votes: z.array(voteSchema).max(VOTES_KEPT).optional(),
}).strict() as unknown as z.ZodType<IdeaVoteData>

export interface RankedIdea extends Idea {
  /** competition ranking: 1, 1, 3 */
  rank: number
  /** another idea has the same number of votes (and so the same rank) */
  tied: boolean
}

/** Most votes first; ties share a rank (1, 1, 3) and keep the order they were added in. */
export function rankIdeas(ideas: readonly Idea[]): RankedIdea[] {
  const sorted = ideas.map((idea, index) => ({ idea, index }))
    .sort((a, b) => b.idea.votes - a.idea.votes || a.index - b.index)
  const sharing = new Map<number, number>()
  for (const { idea } of sorted)
    sharing.set(idea.votes, (sharing.get(idea.votes) ?? 0) + 1)
  let rank = 0
  let previous = Number.NaN
  return sorted.map(({ idea }, i) => {
    if (idea.votes !== previous) {
      rank = i + 1
      previous = idea.votes
    }
    return { ...idea, rank, tied: (sharing.get(idea.votes) ?? 0) > 1 }
  })
}

/**
 * The top of a ranking for the projector: the first `top` ideas, and the ideas tied with the
 * last of them (a tie is never split), as long as that adds at most `spare` more.
 */
export function topOfRanking<I extends RankedIdea>(ranked: readonly I[], top: number, spare = 3): I[] {
  const head = ranked.slice(0, top)
  const last = head.at(-1)
  if (!last)
    return head
  const tail: I[] = []
  for (const idea of ranked.slice(top)) {
    if (idea.rank !== last.rank)
      break
    tail.push(idea)
  }
  return tail.length <= spare ? [...head, ...tail] : head
}

/**
 * Cards of measured heights laid out in columns of a given height, page after page, in order:
 * a column takes cards until the next would not fit. Returns, per page, per column, the cards'
 * indexes. A card taller than a column gets a column of its own (it is never dropped).
 */
export function packPages(heights: readonly number[], columnHeight: number, columns: number, gap = 0): number[][][] {
  const pages: number[][][] = []
  let page: number[][] = []
  let column: number[] = []
  let used = 0
  const closeColumn = () => {
    page.push(column)
    column = []
    used = 0
    if (page.length === columns) {
      pages.push(page)
      page = []
    }
  }
  heights.forEach((h, i) => {
    const need = column.length ? used + gap + h : h
    if (column.length && need > columnHeight)
      closeColumn()
    used = column.length ? used + gap + h : h
    column.push(i)
  })
  if (column.length)
    closeColumn()
  if (page.length)
    pages.push(page)
  return pages
}

const HEADERS = ['Rank', 'Idea', 'By', 'Votes']
/** Who sent an idea: its author's name and, for merged duplicates, the others' names. */
export const sentBy = (idea: Pick<Idea, 'by' | 'also'>) => [idea.by, idea.also].filter(Boolean).join(', ')
const rows = (d: IdeaVoteData) => rankIdeas(d.ideas).map(i => [i.rank, i.text, sentBy(i), i.votes])
const mdRows = (d: IdeaVoteData) => rankIdeas(d.ideas).map(i => [i.tied ? `${i.rank} (tied)` : i.rank, i.text, sentBy(i), i.votes])

export const ideaVote: BoardDefinition<IdeaVoteData> = {
  kind: 'idea-vote',
  title: 'Collect ideas and vote',
  credit: 'The kit\'s own exercise (CC BY 4.0).',
  version: 1,
  schema: ideaVoteSchema,
  // In a live session the votes are rows of the list `votes`, one per person and idea (./doc.ts):
  // read into each idea's count, and moved with a merge.
  read: (doc, data) => readIdeas(doc, data),
  // Documents of its older layouts (schema 1, the votes map) are moved when loaded.
  prepare: (doc) => { initIdeaDoc(doc) },
  mergeRows: (doc, _list, target, sources) => mergeIdeas(doc, target, sources),
  empty: () => ({ votesPerPerson: DEFAULT_VOTES, ideas: [] }),
  instructions: [
    'Everyone adds short ideas, one per card.',
    'Read all the ideas, then spend your votes on the ones you would choose.',
    'The ideas with the most votes are the room\'s choice: discuss the top three.',
  ],
  toMarkdown: d => `# Collect ideas and vote\n\n${count(d.ideas.length, '{n} idea', '{n} ideas', 'en')}, ${count(d.ideas.reduce((n, i) => n + i.votes, 0), '{n} vote', '{n} votes', 'en')}; each person had ${d.votesPerPerson}.\n\n${mdTable(HEADERS, mdRows(d))}`,
  toCsv: d => toCsv(HEADERS, rows(d)),
}
