// Questions for the room: everything the registry (../index.ts) knows of it. A session-wide
// board: phones open it from their menu whatever the slide (src/live/join/App.vue).
import { defineBoard } from '../kit/entry'
import { phrases } from './i18n'
import { PHONE_QUESTION_FIELDS, rankQuestions, roomQuestions, type RoomQuestionsData, UPVOTE_FIELDS, upvoteCounts } from './model'
import { worksheet } from './worksheet'

export const entry = defineBoard({
  component: 'RoomQuestions',
  def: roomQuestions,
  defaultId: 'room-questions',
  roomWide: true,
  worksheet,
  phone: {
    lists: [
      { key: 'questions', label: 'Your questions', title: 'text', fields: PHONE_QUESTION_FIELDS },
      { key: 'upvotes', label: 'Upvotes', title: 'question', fields: UPVOTE_FIELDS },
    ],
    // One upvote a participant, a question; an upvote is for a question on the board.
    onePer: [{ list: 'upvotes', field: 'question' }],
    refers: [{ list: 'upvotes', field: 'question', to: 'questions' }],
    view: (data: RoomQuestionsData) => ({ counts: upvoteCounts(data), marked: rankQuestions(data).filter(q => q.answered === 'yes').map(q => q.id) }),
  },
  phrases,
  samples: {
    phone: { list: 'questions', title: 'text', row: { text: 'Why <b>charters</b>?' }, invalid: { text: 'x'.repeat(141) }, says: /Question: write 1 to 140 characters/ },
    rows: { questions: [{ id: 'q1', text: 'Qz why?', answered: '' }, { id: 'q2', text: 'Qz how?', answered: 'yes' }], upvotes: [{ id: 'u1', question: 'q1' }] },
  },
})
