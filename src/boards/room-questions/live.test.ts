// Questions for the room live: a participant asks, upvotes others' questions once each, takes
// an upvote back; an upvote for a question not on the board (hidden, removed) is refused.
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { validate } from '../kit/board'
import { liveBoardRoom } from '../../../test/support/live-board-room'
import type { Contributor } from '../../live/boards'
import { readPublicBoard } from '../../live/join/read'
import { roomQuestions } from './model'

const who = (participantId: string): Contributor => ({ participantId, name: participantId, moderation: 'open', maxEntries: 20, maxRows: 500, now: Date.now(), language: 'en' })

it('takes questions and one upvote a participant a question, and shows phones the counts', () => {
  const { adapter, doc, out, apply } = liveBoardRoom('room-questions')
  expect(apply({ op: 'add', list: 'questions', row: { id: 'q1', text: 'Who ratifies the charter?' } }, who('ana'))).toBeUndefined()
  expect(apply({ op: 'add', list: 'questions', row: { id: 'q2', text: 'Hide me' } }, who('ana'))).toBeUndefined()
  expect(apply({ op: 'add', list: 'upvotes', row: { id: 'u1', question: 'q1' } }, who('bo'))).toBeUndefined()
  expect(apply({ op: 'add', list: 'upvotes', row: { id: 'u2', question: 'q1' } }, who('bo'))).toMatchObject({ code: 'limit', error: 'You have already done this once.' })
  expect(apply({ op: 'add', list: 'upvotes', row: { id: 'u3', question: 'q1' } }, who('cy'))).toBeUndefined()
  expect(apply({ op: 'add', list: 'upvotes', row: { id: 'u4', question: 'nope' } }, who('cy'))).toMatchObject({ code: 'gone' })
  doc.getMap<Y.Map<unknown>>('rows:questions').get('q2')!.set('_status', 'hidden')
  expect(apply({ op: 'add', list: 'upvotes', row: { id: 'u5', question: 'q2' } }, who('cy'))).toMatchObject({ code: 'gone' })
  // Taken back, and given again.
  expect(apply({ op: 'withdraw', list: 'upvotes', id: 'u3' }, who('cy'))).toBeUndefined()
  expect(apply({ op: 'add', list: 'upvotes', row: { id: 'u6', question: 'q1' } }, who('cy'))).toBeUndefined()
  // The facilitator marks it answered (a field phones cannot send).
  doc.getMap<Y.Map<unknown>>('rows:questions').get('q1')!.set('answered', 'yes')
  expect(apply({ op: 'edit', list: 'questions', row: { id: 'q1', text: 'x', answered: '' } }, who('ana'))).toMatchObject({ code: 'invalid' })
  adapter.project(doc, out)
  const seen = readPublicBoard(out)
  expect(seen.rows.questions.map(r => r.id)).toEqual(['q1'])
  expect(seen.view).toEqual({ counts: { q1: 2 }, marked: ['q1'] })
  expect(validate(roomQuestions, adapter.results(doc))).toMatchObject({ ok: true, data: { questions: [{ id: 'q1', answered: 'yes' }], upvotes: [{ question: 'q1' }, { question: 'q1' }] } })
})
