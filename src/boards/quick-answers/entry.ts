// Quick answers: everything the registry (../index.ts) knows of it.
import { defineBoard } from '../kit/entry'
import { phrases } from './i18n'
import { ANSWER_FIELDS, quickAnswers } from './model'
import { worksheet } from './worksheet'

export const entry = defineBoard({
  component: 'QuickAnswers',
  def: quickAnswers,
  defaultId: 'quick-answers',
  roomWide: true,
  worksheet,
  phone: { lists: [{ key: 'answers', label: 'Your answers', title: 'first', fields: ANSWER_FIELDS }] },
  phrases,
  samples: {
    phone: { list: 'answers', title: 'first', row: { first: 'Open <b>data</b>', second: 'care', third: '' }, invalid: { first: 'x'.repeat(41) }, says: /Answer: write 1 to 40 characters/ },
    rows: { answers: [{ id: 'q1', first: 'Qz open data', second: 'Qz care', third: '' }, { id: 'q2', first: 'Qz Open Data', second: '', third: '' }] },
  },
})
