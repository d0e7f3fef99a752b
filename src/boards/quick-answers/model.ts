// Quick answers: each person gives one to three short words or phrases (a check-in, an exit
// ticket), from a phone in live mode or typed by the facilitator, and the projector shows them
// as a word cloud: the more people gave an answer, the bigger it is, and its count is printed
// beside it. Answers are counted whatever their case and spacing ("Open  data" is "open data").
// Plain TypeScript, no Vue, no Yjs.
import type { z } from 'zod'
import { type BoardDefinition, defineListBoard } from '../kit/board'
import { type FieldDef, rowSchema } from '../kit/fields'
import { mdTable } from '../kit/formats'

/** A short word or phrase: legible in a cloud from the back of the room. */
export const ANSWER_MAX = 40
/** Font-size steps of the cloud, 1 (given once) to SIZES (given most). */
export const SIZES = 5

export const ANSWER_FIELDS = [
  { key: 'first', label: 'Answer', kind: 'text', max: ANSWER_MAX, required: true, hint: 'a word or a short phrase' },
  { key: 'second', label: 'Second answer', kind: 'text', max: ANSWER_MAX, hint: 'optional' },
  { key: 'third', label: 'Third answer', kind: 'text', max: ANSWER_MAX, hint: 'optional' },
] as const satisfies readonly FieldDef[]

export const answerSchema = rowSchema(ANSWER_FIELDS)
export type Answer = z.infer<typeof answerSchema>
export interface QuickAnswersData { answers: Answer[] }

/** What counting goes by: the text without its case and with its spaces folded ("Open  Data " is "open data"). */
export function answerKey(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase()
}

/** One person's answers (one to three), without empty ones and without saying the same thing twice. */
export function answersOf(row: Pick<Answer, 'first' | 'second' | 'third'>): string[] {
  const seen = new Set<string>()
  return [row.first, row.second, row.third].map(a => a.trim().replace(/\s+/g, ' ')).filter((a) => {
    const key = answerKey(a)
    if (!key || seen.has(key))
      return false
    seen.add(key)
    return true
  })
}

export interface CloudWord {
  key: string
  /** as the first person to give it wrote it (spaces folded) */
  text: string
  /** how many people gave it */
  count: number
  /** its font-size step, 1 to SIZES */
  size: number
}

/** The cloud: each answer once, with how many people gave it; most given first, then A to Z. */
export function wordCloud(data: QuickAnswersData): CloudWord[] {
  const words = new Map<string, { text: string, count: number }>()
  for (const row of data.answers) {
    for (const text of answersOf(row)) {
      const key = answerKey(text)
      const word = words.get(key)
      if (word)
        word.count++
      else
        words.set(key, { text, count: 1 })
    }
  }
  const most = Math.max(1, ...[...words.values()].map(w => w.count))
  return [...words.entries()]
    .map(([key, w]) => ({ key, ...w, size: most === 1 ? 1 : 1 + Math.round(((w.count - 1) / (most - 1)) * (SIZES - 1)) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
}

/** The cloud's drawing order: the most given in the middle, the others alternately after and before it. */
export function cloudOrder(words: readonly CloudWord[]): CloudWord[] {
  const out: CloudWord[] = []
  words.forEach((w, i) => (i % 2 ? out.push(w) : out.unshift(w)))
  return out
}

const list = defineListBoard({
  kind: 'quick-answers',
  title: 'Quick answers',
  credit: 'The kit\'s own exercise (CC BY 4.0).',
  listKey: 'answers',
  fields: ANSWER_FIELDS,
  rowSchema: answerSchema,
  instructions: [
    'Give one to three short answers: a word or a short phrase each.',
    'From your phone when the board is live; otherwise say them and the facilitator types them in.',
    'The bigger an answer, the more people gave it; its count is beside it.',
  ],
})

/** The board: JSON and CSV as every list board; its Markdown adds the cloud as a table (answer, people). */
export const quickAnswers: BoardDefinition<QuickAnswersData> = {
  ...list,
  toMarkdown: d => `${list.toMarkdown(d)}\n## Word cloud\n\n${mdTable(['Answer', 'People'], wordCloud(d).map(w => [w.text, w.count]))}`,
}
