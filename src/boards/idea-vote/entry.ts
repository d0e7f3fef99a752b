// The idea board: everything the registry (../index.ts) knows of it.
import { defineBoard } from '../kit/entry'
import { IDEA_FIELDS, ideaVote, PHONE_IDEA_FIELDS, VOTE_FIELDS } from './model'

export const entry = defineBoard({
  component: 'IdeaVote',
  def: ideaVote,
  defaultId: 'idea-vote',
  roomWide: true,
  worksheet: { list: { fields: IDEA_FIELDS, listKey: 'ideas' } },
  // Phones add, edit and withdraw their own ideas and vote: one vote a person and idea, on ideas
  // on the board, `votesPerPerson` in all; they get the most voted ideas, counted (its phone form:
  // src/live/join/IdeaVoteForm.vue). The generic live adapter (src/live/list-board.ts) does it all.
  phone: {
    lists: [
      {
        key: 'ideas',
        label: 'Ideas',
        title: 'text',
        fields: PHONE_IDEA_FIELDS,
        says: {
          notYours: 'You can change only your own ideas.',
          gone: 'This idea is no longer on the board (the facilitator removed it).',
          hidden: 'The facilitator has hidden this idea; it cannot be changed.',
          mostEach: 'You have added {n} ideas, the most one person can add here. Edit or withdraw one to add another.',
          full: 'The board is full ({n} ideas). Vote for an idea that is already there.',
        },
      },
      { key: 'votes', label: 'Votes', title: 'idea', fields: VOTE_FIELDS },
    ],
    onePer: [{ list: 'votes', field: 'idea' }],
    refers: [{ list: 'votes', field: 'idea', to: 'ideas', gone: 'This idea is no longer on the board.' }],
    budget: [{ list: 'votes', field: 'votesPerPerson', says: 'You have used all your {n} votes. Take one back to vote for another idea.' }],
    ranked: [{ list: 'ideas', by: 'votes' }],
  },
  // Its view moderates its ideas beside its ranking (IdeaVote.vue).
  ownModeration: true,
  // Its words are shared with the live session's (components/LiveJoin.vue): in src/i18n/<code>/phrases.ts.
  phrases: {},
  samples: {
    rows: { ideas: [{ id: 'd1', text: 'Qz a newsletter', by: 'Qz Ana', votes: 2 }, { id: 'd2', text: 'Qz a meetup', by: '', votes: 0 }] },
  },
})
