// The join page's words (src/live/join/): what a participant's phone shows around the board.
// The English names every key a language's join words must have.
import { plural } from '../plural'

const count = plural('en')

export const join = {
  joinTitle: 'Join the workshop',
  waiting: 'Waiting for the facilitator to open a board. Keep this page open: it follows the presentation.',
  notOnPhones: 'This board is on the projector only. Keep this page open for the next one.',
  connected: 'Connected',
  connecting: 'Connecting…',
  offline: 'Reconnecting… what you send is kept and goes out when the connection is back.',
  yourName: 'Your name (optional)',
  nameHint: 'Leave it empty to stay anonymous. It is shown beside your ideas.',
  anonymous: 'Everything you add here is anonymous.',
  newIdea: 'Your idea',
  add: 'Add idea',
  save: 'Save',
  cancel: 'Cancel',
  edit: 'Edit',
  withdraw: 'Withdraw',
  yourIdeas: 'Your ideas',
  board: 'Ideas on the board',
  noIdeas: 'No ideas yet. Add the first one!',
  vote: 'Vote',
  voted: 'Voted',
  votesLeft: (n: number) => count(n, 'You have {n} vote left.', 'You have {n} votes left.'),
  votes: (n: number) => count(n, '{n} vote', '{n} votes'),
  locked: 'This board is locked: time is up. You can still read it.',
  sending: 'sending…',
  pending: 'waiting for the facilitator’s approval',
  hidden: 'hidden by the facilitator',
  sent: 'Sent.',
  by: 'by',
  charsLeft: (n: number) => count(n, '{n} character left', '{n} characters left'),
  addEntry: 'Add',
  yourEntries: 'Yours',
  onBoard: 'On the board',
  nothingYet: 'Nothing on the board yet.',
  onePerLine: 'One per line.',
  optional: '(optional)',
  noChoice: '—',
  sections: 'In the charter so far',
  letterFor: (role: string) => `${role}: letter`,
  noRoles: 'The facilitator has not added roles yet.',
  editing: (what: string) => `Edit: ${what}`,
  step: (n: number, of: number) => `Step ${n} of ${of}`,
  left: (time: string) => `${time} left`,
  paused: 'paused',
  notStarted: (time: string) => `${time} in all, not started yet`,
  timeUp: 'Time is up',
  activity: 'The activity',
  refused: 'You cannot join this session',
  /** the phone's language switch (each language's name is its own, from src/i18n/languages.ts) */
  language: 'Language',
}

export type JoinWords = typeof join
