// Questions for the room: a session-wide board (not tied to a slide) where participants ask
// questions from their phone's menu at any time and upvote others' questions, once each; the
// facilitator marks a question answered (or hides it, as on every board) and shows the board
// on demand. Most upvoted unanswered questions first. Plain TypeScript, no Vue, no Yjs.
import { z } from 'zod'
import type { BoardDefinition } from '../kit/board'
import { type FieldDef, LIMITS, rowSchema } from '../kit/fields'
import { mdTable, toCsv } from '../kit/formats'

export const QUESTION_MAX = 140
/** The most questions the projector lists at once (fewer when fewer fit whole): legible from the back of the room. */
export const SHOWN = 6

export const QUESTION_FIELDS = [
  { key: 'text', label: 'Question', kind: 'text', max: QUESTION_MAX, required: true, multiline: true },
  { key: 'answered', label: 'Answered', kind: 'choice', options: [{ value: 'yes', label: 'Answered' }] },
] as const satisfies readonly FieldDef[]
/** What a phone sends: the question's text (the facilitator marks it answered). */
export const PHONE_QUESTION_FIELDS = QUESTION_FIELDS.slice(0, 1)
/** An upvote names the question it is for (one a participant, a question). */
export const UPVOTE_FIELDS = [
  { key: 'question', label: 'Question', kind: 'text', max: 64, required: true },
] as const satisfies readonly FieldDef[]

export const questionSchema = rowSchema(QUESTION_FIELDS)
export const upvoteSchema = rowSchema(UPVOTE_FIELDS)
export type Question = z.infer<typeof questionSchema>
export type Upvote = z.infer<typeof upvoteSchema>
export interface RoomQuestionsData { questions: Question[], upvotes: Upvote[] }

const schema = z.strictObject({
  questions: z.array(questionSchema).max(LIMITS.rows).default([]),
  upvotes: z.array(upvoteSchema).max(LIMITS.rows * 4).default([]),
}) as unknown as z.ZodType<RoomQuestionsData>

export interface RankedQuestion extends Question { upvotes: number }

/** Upvotes a question has (for questions on the board; an upvote of a removed question counts for nothing). */
export function upvoteCounts(data: RoomQuestionsData): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(data.questions.map(q => [q.id, 0]))
  for (const u of data.upvotes) {
    if (u.question in counts)
      counts[u.question]++
  }
  return counts
}

/** Unanswered first, then most upvoted, then the earliest asked. */
export function rankQuestions(data: RoomQuestionsData): RankedQuestion[] {
  const counts = upvoteCounts(data)
  return data.questions.map((q, index) => ({ q: { ...q, upvotes: counts[q.id] ?? 0 }, index }))
    .sort((a, b) => Number(a.q.answered === 'yes') - Number(b.q.answered === 'yes') || b.q.upvotes - a.q.upvotes || a.index - b.index)
    .map(x => x.q)
}

const rows = (d: RoomQuestionsData) => rankQuestions(d).map(q => [q.text, q.upvotes, q.answered === 'yes' ? 'yes' : ''])

export const roomQuestions: BoardDefinition<RoomQuestionsData> = {
  kind: 'room-questions',
  title: 'Questions for the room',
  credit: 'The kit\'s own exercise (CC BY 4.0).',
  version: 1,
  schema,
  empty: () => ({ questions: [], upvotes: [] }),
  instructions: [
    'Ask a question at any time from your phone\'s menu; upvote the questions you want answered too.',
    'The facilitator shows the questions when there is time, most upvoted first, and marks each answered.',
  ],
  toMarkdown: d => `# Questions for the room\n\n${mdTable(['Question', 'Upvotes', 'Answered'], rows(d))}`,
  toCsv: d => toCsv(['Question', 'Upvotes', 'Answered'], rows(d)),
}
