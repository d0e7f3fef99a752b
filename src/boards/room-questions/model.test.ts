import { describe, expect, it } from 'vitest'
import { exportJson, importJson, validate } from '../kit/board'
import { worksheetModel } from '../worksheet-model'
import { boardByKind } from '..'
import { rankQuestions, roomQuestions, type RoomQuestionsData, upvoteCounts } from './model'

const q = (id: string, text: string, answered: '' | 'yes' = '') => ({ id, text, answered })
const up = (id: string, question: string) => ({ id, question })
const data = (questions: RoomQuestionsData['questions'], upvotes: RoomQuestionsData['upvotes'] = []): RoomQuestionsData => ({ questions, upvotes })

describe('questions for the room', () => {
  it('puts unanswered questions first, most upvoted first, then the earliest asked; answered ones last', () => {
    const d = data([q('a', 'First?'), q('b', 'Second?'), q('c', 'Third?', 'yes'), q('d', 'Fourth?')], [up('1', 'b'), up('2', 'c'), up('3', 'c'), up('4', 'gone')])
    expect(upvoteCounts(d)).toEqual({ a: 0, b: 1, c: 2, d: 0 })
    expect(rankQuestions(d).map(x => [x.id, x.upvotes])).toEqual([['b', 1], ['a', 0], ['d', 0], ['c', 2]])
  })

  it('refuses an empty question and one over 140 characters', () => {
    expect(validate(roomQuestions, data([q('a', 'Why?')])).ok).toBe(true)
    expect(validate(roomQuestions, data([q('a', ' ')])).ok).toBe(false)
    expect(validate(roomQuestions, data([q('a', 'x'.repeat(141))])).ok).toBe(false)
  })

  it('exports JSON that imports back, and Markdown with upvotes and answered, text kept as text', () => {
    const d = data([q('a', '<b>Why</b> | now?', 'yes')], [up('u', 'a')])
    expect(importJson(roomQuestions, exportJson(roomQuestions, 'room-questions', d))).toMatchObject({ ok: true, data: d })
    expect(roomQuestions.toMarkdown(d)).toContain('| \\<b\\>Why\\</b\\> \\| now? | 1 | yes |')
  })

  it('prints a worksheet with lines to write questions on; filled, ranked', () => {
    expect(worksheetModel('room-questions', roomQuestions.empty()).tables).toEqual([{ columns: ['Question', 'Upvotes', 'Answered'], rows: [], blankRows: 12 }])
    expect(worksheetModel('room-questions', data([q('a', 'A?', 'yes'), q('b', 'B?')]), 'es').tables[0].rows).toEqual([['B?', '0', ''], ['A?', '0', 'sí']])
  })

  it('is in the registry: phones ask and upvote (once a question), and see the upvotes and what is answered', () => {
    const entry = boardByKind('room-questions')!
    const phone = entry.phone!
    expect(phone.lists.map(l => [l.key, l.fields.map(f => f.key)])).toEqual([['questions', ['text']], ['upvotes', ['question']]])
    expect(phone.onePer).toEqual([{ list: 'upvotes', field: 'question' }])
    expect(phone.view!(data([q('a', 'A?', 'yes'), q('b', 'B?')], [up('u', 'b')]))).toEqual({ counts: { a: 0, b: 1 }, marked: ['a'] })
  })
})
