// A 1-5 scale: one statement from the slide ("I could run a consulting round tomorrow"), each
// person answers 1 to 5, once, changeable; from phones in live mode, or a show of fingers
// counted and typed in. The projector shows the distribution (a bar per point with its count
// and share written out) and the average. The slide's statement and the words at its ends are
// kept in the board's data, so every export says what was asked. Plain TypeScript, no Vue.
import { z } from 'zod'
import type { BoardDefinition } from '../kit/board'
import { type FieldDef, LIMITS, rowSchema } from '../kit/fields'
import { mdTable, mdText, toCsv } from '../kit/formats'
import { type Bar, tally } from '../poll/model'

export const POINTS = ['1', '2', '3', '4', '5'] as const
export const STATEMENT_MAX = 200
export const END_MAX = 40

export const SCORE_FIELDS = [
  { key: 'score', label: 'Your answer', kind: 'choice', options: POINTS.map(v => ({ value: v, label: v })), required: true, hint: '1 is not at all, 5 is completely' },
] as const satisfies readonly FieldDef[]

export const scoreSchema = rowSchema(SCORE_FIELDS)
export type Score = z.infer<typeof scoreSchema>

export interface ScaleData {
  /** the slide's statement */
  statement: string
  /** the words for 1 and for 5 (empty: "not at all" and "completely") */
  low: string
  high: string
  scores: Score[]
}

const scaleSchema = z.strictObject({
  statement: z.string().max(STATEMENT_MAX, `The statement is at most ${STATEMENT_MAX} characters.`).default(''),
  low: z.string().max(END_MAX, `The words for 1 are at most ${END_MAX} characters.`).default(''),
  high: z.string().max(END_MAX, `The words for 5 are at most ${END_MAX} characters.`).default(''),
  scores: z.array(scoreSchema).max(LIMITS.rows).default([]),
}) as unknown as z.ZodType<ScaleData>

/** The five points' labels: "1 · not at all", 2, 3, 4, "5 · completely" (the slide's words, else these). */
export function pointLabels(data: Pick<ScaleData, 'low' | 'high'>, t: (s: string) => string = s => s): string[] {
  return POINTS.map(p => p === '1' ? `1 · ${data.low || t('not at all')}` : p === '5' ? `5 · ${data.high || t('completely')}` : p)
}

export interface Distribution {
  bars: Bar[]
  total: number
  /** the average, one decimal; undefined before anyone answered */
  mean?: number
}

export function distribution(data: ScaleData, t?: (s: string) => string): Distribution {
  const { bars, total } = tally(pointLabels(data, t), data.scores.map(s => ({ choice: s.score })))
  const mean = total ? Math.round((data.scores.reduce((n, s) => n + Number(s.score), 0) / total) * 10) / 10 : undefined
  return { bars, total, ...(mean === undefined ? {} : { mean }) }
}

const rows = (d: ScaleData) => distribution(d).bars.map(b => [b.label, b.count, `${b.percent}%`])

export const scale: BoardDefinition<ScaleData> = {
  kind: 'scale',
  title: '1-5 scale',
  credit: 'The kit\'s own exercise (CC BY 4.0).',
  version: 1,
  schema: scaleSchema,
  empty: () => ({ statement: '', low: '', high: '', scores: [] }),
  instructions: [
    'Answer from 1 to 5; you can change your answer until the board is locked.',
    'From your phone when the board is live; otherwise show 1 to 5 fingers and the facilitator counts.',
    'Each bar gives its number of answers and its share of all answers; the average is below.',
  ],
  toMarkdown: (d) => {
    const { total, mean } = distribution(d)
    return `# 1-5 scale\n\n${d.statement ? `${mdText(d.statement)}\n\n` : ''}${mdTable(['Answer', 'People', 'Share'], rows(d))}\n\nAnswers: ${total}${mean === undefined ? '' : ` · average ${mean}`}\n`
  },
  toCsv: d => toCsv(['Answer', 'People', 'Share'], rows(d)),
}
