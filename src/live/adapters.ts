// The board kinds that take contributions from phones: the idea board, and the nine exercise
// boards through one adapter (list-board.ts) described here: which lists a participant adds
// to, with which of the board's own fields (the phone form), and the RACI letters and charter
// proposals that are not rows.
import { CHANNEL_FIELDS, channelAudit } from '../boards/channel-audit/model'
import { charterBuilder, MILESTONE_FIELDS } from '../boards/charter-builder/model'
import type { FieldDef } from '../boards/kit/fields'
import { INFORMATION_FIELDS, informationMap } from '../boards/information-map/model'
import { COMPASS_FIELDS, lifecycleCompass } from '../boards/lifecycle-compass/model'
import { mountainOfEngagement, PERSONA_FIELDS } from '../boards/mountain-of-engagement/model'
import { EVENT_FIELDS, originTimeline } from '../boards/origin-timeline/model'
import { RACI, RACI_MEANING, raciMatrix } from '../boards/raci-matrix/model'
import { STAKEHOLDER_FIELDS, stakeholderMap } from '../boards/stakeholder-map/model'
import { LEDGER_FIELDS, valueExchangeLedger } from '../boards/value-exchange-ledger/model'
import type { LiveBoardAdapter } from './boards'
import { ideaVoteLive } from './idea-vote'
import { liveBoardAdapter, PROPOSALS } from './list-board'

const ACTIVITY_FIELDS = [
  { key: 'name', label: 'Activity', kind: 'text', max: 80, required: true },
] as const satisfies readonly FieldDef[]

const ADAPTERS: readonly LiveBoardAdapter[] = [
  ideaVoteLive,
  liveBoardAdapter({ def: originTimeline, lists: [{ key: 'events', label: 'Events', title: 'title', fields: EVENT_FIELDS }] }),
  liveBoardAdapter({ def: lifecycleCompass, lists: [{ key: 'entries', label: 'Entries', title: 'name', fields: COMPASS_FIELDS }] }),
  liveBoardAdapter({ def: stakeholderMap, lists: [{ key: 'stakeholders', label: 'Stakeholders', title: 'name', fields: STAKEHOLDER_FIELDS }] }),
  liveBoardAdapter({
    def: raciMatrix,
    lists: [{ key: 'activities', label: 'Activities', title: 'name', fields: ACTIVITY_FIELDS }],
    cells: { list: 'activities', record: 'cells', roles: 'roles', letters: RACI.map(l => ({ value: l, label: RACI_MEANING[l] })) },
  }),
  liveBoardAdapter({ def: channelAudit, lists: [{ key: 'channels', label: 'Channels', title: 'channel', fields: CHANNEL_FIELDS }] }),
  // A phone adds a persona; the steps between its stages are planned on the projected board.
  liveBoardAdapter({ def: mountainOfEngagement, lists: [{ key: 'personas', label: 'Personas', title: 'name', fields: PERSONA_FIELDS }] }),
  liveBoardAdapter({ def: valueExchangeLedger, lists: [{ key: 'rows', label: 'Exchanges', title: 'contributionAsked', fields: LEDGER_FIELDS }] }),
  liveBoardAdapter({ def: informationMap, lists: [{ key: 'items', label: 'Information items', title: 'infoItem', fields: INFORMATION_FIELDS }] }),
  liveBoardAdapter({
    def: charterBuilder,
    lists: [
      { key: 'milestones', label: 'Milestones', title: 'title', fields: MILESTONE_FIELDS },
      { key: PROPOSALS, label: 'Proposals for the charter', title: 'text', fields: [] },
    ],
    // The single-value sections; the facilitator "uses" a proposal (copies it into the section).
    proposals: [
      { path: 'mission.with', label: 'Mission: with whom' },
      { path: 'mission.do', label: 'Mission: we do what' },
      { path: 'mission.for', label: 'Mission: for whom' },
      { path: 'mission.soThat', label: 'Mission: so that what changes' },
      { path: 'vision', label: 'Vision (one line)' },
      { path: 'recognition', label: 'Recognition' },
      { path: 'waysOfWorking.meetingCadence', label: 'Meetings' },
      { path: 'waysOfWorking.membershipTerms', label: 'Membership terms' },
      { path: 'conduct.reportTo', label: 'Conduct: report to' },
      { path: 'conduct.responders', label: 'Conduct: who responds' },
      { path: 'takeBack.coverNote', label: 'Cover note' },
      { path: 'takeBack.consultHow', label: 'Consult: how' },
    ],
  }),
]

export function liveBoard(kind: string): LiveBoardAdapter | undefined {
  return ADAPTERS.find(a => a.kind === kind)
}

export function liveKinds(): string[] {
  return ADAPTERS.map(a => a.kind)
}
