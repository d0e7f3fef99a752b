// A poll: one multiple-choice question from the slide (its options are the slide's), one vote
// per person, changeable; from phones in live mode, or counted by hand and typed in by the
// facilitator (+1 per option). The projector shows a bar per option with its count and its
// percentage written as text (never length or colour alone). The slide's question and options
// are kept in the board's data, so every export says what was asked. Plain TypeScript, no Vue.
import { z } from 'zod'
import type { BoardDefinition } from '../kit/board'
import { type FieldDef, LIMITS, rowSchema } from '../kit/fields'
import { mdTable, mdText, toCsv } from '../kit/formats'

/** Options a poll can have: legible as bars on the 980×552 slide. */
export const OPTIONS_MAX = 8
export const OPTION_MAX = 60
export const QUESTION_MAX = 200

/** A vote is the option's number, 1 to OPTIONS_MAX; the slide's text names it (`options`). */
export const CHOICES = ['1', '2', '3', '4', '5', '6', '7', '8'] as const

export const VOTE_FIELDS = [
  { key: 'choice', label: 'Your vote', kind: 'choice', options: CHOICES.map(v => ({ value: v, label: `Option ${v}` })), required: true },
] as const satisfies readonly FieldDef[]

export const voteSchema = rowSchema(VOTE_FIELDS)
export type Vote = z.infer<typeof voteSchema>

export interface PollData {
  /** the slide's question */
  question: string
  /** the slide's options, in order: option n is `options[n - 1]` */
  options: string[]
  votes: Vote[]
}

export const optionText = z.string().trim().min(1, 'An option needs some words.').max(OPTION_MAX, `An option is at most ${OPTION_MAX} characters.`)

const pollSchema = z.strictObject({
  question: z.string().max(QUESTION_MAX, `The question is at most ${QUESTION_MAX} characters.`).default(''),
  options: z.array(optionText).max(OPTIONS_MAX, `A poll has at most ${OPTIONS_MAX} options.`).default([]),
  votes: z.array(voteSchema).max(LIMITS.rows).default([]),
}) as unknown as z.ZodType<PollData>

export interface Bar {
  /** the vote's value, '1' … */
  value: string
  label: string
  count: number
  /** of all votes, rounded to a whole number */
  percent: number
}

/**
 * One bar per option, in the slide's order, with its count and its share of the votes. A vote
 * for an option the slide no longer has (the slide was edited) gets its own bar, "Option n",
 * so no vote is lost from the count.
 */
export function tally(labels: readonly string[], votes: readonly { choice: string }[], fallback = (value: string) => `Option ${value}`): { bars: Bar[], total: number } {
  const counts = new Map<string, number>()
  for (const v of votes)
    counts.set(v.choice, (counts.get(v.choice) ?? 0) + 1)
  const total = votes.length
  const values = labels.map((_, i) => String(i + 1))
  for (const value of [...counts.keys()].sort((a, b) => Number(a) - Number(b))) {
    if (!values.includes(value))
      values.push(value)
  }
  const bars = values.map((value) => {
    const count = counts.get(value) ?? 0
    return { value, label: labels[Number(value) - 1] ?? fallback(value), count, percent: total ? Math.round((count * 100) / total) : 0 }
  })
  return { bars, total }
}

/** The option(s) with the most votes, or none before anyone voted. */
export function leaders(bars: readonly Bar[]): Bar[] {
  const most = Math.max(0, ...bars.map(b => b.count))
  return most ? bars.filter(b => b.count === most) : []
}

const resultRows = (d: PollData) => tally(d.options, d.votes).bars.map(b => [b.label, b.count, `${b.percent}%`])

export const poll: BoardDefinition<PollData> = {
  kind: 'poll',
  title: 'Poll',
  credit: 'The kit\'s own exercise (CC BY 4.0).',
  version: 1,
  schema: pollSchema,
  empty: () => ({ question: '', options: [], votes: [] }),
  instructions: [
    'Choose one option; you can change your vote until the poll is locked.',
    'From your phone when the board is live; otherwise raise a hand and the facilitator counts.',
    'Each bar gives its number of votes and its share of all votes.',
  ],
  toMarkdown: d => `# Poll\n\n${d.question ? `${mdText(d.question)}\n\n` : ''}${mdTable(['Option', 'Votes', 'Share'], resultRows(d))}\n\nVotes: ${d.votes.length}\n`,
  toCsv: d => toCsv(['Option', 'Votes', 'Share'], resultRows(d)),
}
