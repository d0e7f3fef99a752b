// The poll: everything the registry (../index.ts) knows of it.
import { defineBoard } from '../kit/entry'
import { phrases } from './i18n'
import { poll, type PollData, VOTE_FIELDS } from './model'
import { worksheet } from './worksheet'

export const entry = defineBoard({
  component: 'Poll',
  def: poll,
  defaultId: 'poll',
  roomWide: true,
  worksheet,
  // One vote a person, changed by editing it; the phone names the options with the slide's text.
  phone: {
    lists: [{ key: 'votes', label: 'Your vote', title: 'choice', fields: VOTE_FIELDS }],
    onePer: [{ list: 'votes' }],
    view: (data: PollData) => ({ prompt: data.question, choices: { votes: { choice: data.options } } }),
  },
  phrases,
  // No `phone` sample: the shared live tests add several entries a person, which a vote refuses (its own tests: live.test.ts).
  samples: {
    rows: { question: 'Qz which?', options: ['Qz yes', 'Qz no'], votes: [{ id: 'v1', choice: '1' }, { id: 'v2', choice: '2' }] },
  },
})
