// The charter builder: everything the registry (../index.ts) knows of it.
import { defineBoard } from '../kit/entry'
import { PROPOSALS } from '../kit/phone'
import { worksheet } from './worksheet'
import { phrases } from './i18n'
import { charterBuilder, MILESTONE_FIELDS } from './model'

export const entry = defineBoard({
  component: 'CharterBuilder',
  def: charterBuilder,
  defaultId: 'm4-board-charter-builder',
  worksheet,
  phone: {
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
  },
  phrases,
  individual: true,
  samples: {
    phone: { list: 'milestones', title: 'title', row: { title: 'First meetup', type: 'event', horizon: 'short', targetDate: '2027-01-15', successIndicator: '', owner: '' }, invalid: { targetDate: 'soon' }, says: /Target date: a date as YYYY-MM-DD, or empty/ },
    rows: { vision: 'Qz open data', values: ['Qz care'], milestones: [{ id: 'm1', title: 'Qz meetup', type: 'event', horizon: 'short', targetDate: '2027-01-15', successIndicator: 'Qz 20 people', owner: 'Qz Ana' }] },
  },
})
