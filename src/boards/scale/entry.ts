// The 1-5 scale: everything the registry (../index.ts) knows of it.
import { defineBoard } from '../kit/entry'
import { phrases } from './i18n'
import { pointLabels, scale, type ScaleData, SCORE_FIELDS } from './model'
import { worksheet } from './worksheet'

export const entry = defineBoard({
  component: 'Scale',
  def: scale,
  defaultId: 'scale',
  roomWide: true,
  worksheet,
  // One answer a person, changed by editing it; the phone shows the slide's statement and the words at the ends.
  phone: {
    lists: [{ key: 'scores', label: 'Your answer', title: 'score', fields: SCORE_FIELDS }],
    onePer: [{ list: 'scores' }],
    view: (data: ScaleData) => ({ prompt: data.statement, ...(data.low || data.high ? { choices: { scores: { score: pointLabels(data) } } } : {}) }),
  },
  phrases,
  // No `phone` sample: the shared live tests add several entries a person, which a vote refuses (its own tests: live.test.ts).
  samples: {
    rows: { statement: 'Qz confident?', low: 'Qz no', high: 'Qz yes', scores: [{ id: 's1', score: '4' }, { id: 's2', score: '2' }] },
  },
})
