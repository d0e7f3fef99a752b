// One valid entry, an edit of it and an invalid one per exercise board, as a phone sends them:
// shared by the adapter's unit test and the live server's test of the nine boards.
export interface BoardSample {
  kind: string
  list: string
  /** the field that names an entry */
  title: string
  row: Record<string, unknown>
  /** an invalid row, and the words the refusal must hold */
  invalid: Record<string, unknown>
  says: RegExp
}

export const SAMPLES: readonly BoardSample[] = [
  { kind: 'origin-timeline', list: 'events', title: 'title', row: { date: '2020-01', title: 'Founded <b>at the library</b>', type: 'founding', actors: ['Ana', 'Luis'], whyItMattered: '' }, invalid: { title: 'x'.repeat(81) }, says: /What happened: write 1 to 80 characters/ },
  { kind: 'lifecycle-compass', list: 'entries', title: 'name', row: { name: 'Data clinic', currentStage: 'coalescing', targetStage: 'maturing', evidence: 'Regular attendance', oneChangeNeeded: '' }, invalid: { currentStage: 'finished' }, says: /Stage now: choose one of the options/ },
  { kind: 'stakeholder-map', list: 'stakeholders', title: 'name', row: { name: 'City library', category: 'host', power: 4, interest: 3, currentEngagement: '', preferredChannel: 'email', relationshipOwner: '' }, invalid: { power: 9 }, says: /Power \(1-5\): a whole number from 1 to 5/ },
  { kind: 'raci-matrix', list: 'activities', title: 'name', row: { name: 'Welcome newcomers' }, invalid: { name: '   ' }, says: /Activity: write 1 to 80 characters/ },
  { kind: 'channel-audit', list: 'channels', title: 'channel', row: { channel: 'Forum', mode: 'async', purpose: 'Questions', audience: '', owner: '', cadence: '', accessibilityNotes: '' }, invalid: { mode: 'telepathy' }, says: /Sync or async: choose one of the options/ },
  { kind: 'mountain-of-engagement', list: 'personas', title: 'name', row: { name: 'Newcomer Nia', role: 'student', currentStage: 'discovery', targetStage: 'participation', hoursPerMonth: 2, motivations: ['learn'], needs: [], barriers: ['jargon'] }, invalid: { hoursPerMonth: 500 }, says: /Hours a month: a whole number from 0 to 200/ },
  { kind: 'value-exchange-ledger', list: 'rows', title: 'contributionAsked', row: { contributionAsked: 'Review the docs', persona: '', cpmMode: 'contribute', valueOffered: ['recognition'], canDeliver: 'yes', costToCommunity: 2, fairness: 4 }, invalid: { fairness: 0 }, says: /Fairness \(1-5\): a whole number from 1 to 5/ },
  { kind: 'information-map', list: 'items', title: 'infoItem', row: { infoItem: 'Decisions', audience: 'members', channel: 'forum', frequency: 'weekly', flowType: 'transmissive', owner: 'Ana' }, invalid: { infoItem: 'x'.repeat(81) }, says: /Information: write 1 to 80 characters/ },
  { kind: 'charter-builder', list: 'milestones', title: 'title', row: { title: 'First meetup', type: 'event', horizon: 'short', targetDate: '2027-01-15', successIndicator: '', owner: '' }, invalid: { targetDate: 'soon' }, says: /Target date: a date as YYYY-MM-DD, or empty/ },
]
