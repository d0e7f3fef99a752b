// The idea board: everything the registry (../index.ts) knows of it.
import { defineBoard } from '../kit/entry'
import { IDEA_FIELDS, ideaVote } from './model'

export const entry = defineBoard({
  component: 'IdeaVote',
  def: ideaVote,
  defaultId: 'idea-vote',
  roomWide: true,
  worksheet: { list: { fields: IDEA_FIELDS, listKey: 'ideas' } },
  phone: { ideas: true },
  // Its words are shared with the live session's (components/LiveJoin.vue): in src/i18n/<code>/phrases.ts.
  phrases: {},
  samples: {
    rows: { ideas: [{ id: 'd1', text: 'Qz a newsletter', by: 'Qz Ana', votes: 2 }, { id: 'd2', text: 'Qz a meetup', by: '', votes: 0 }] },
  },
})
