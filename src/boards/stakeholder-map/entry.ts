// The stakeholder map: everything the registry (../index.ts) knows of it.
import { defineBoard } from '../kit/entry'
import { worksheet } from './worksheet'
import { phrases } from './i18n'
import { STAKEHOLDER_FIELDS, stakeholderMap } from './model'

export const entry = defineBoard({
  component: 'StakeholderMap',
  def: stakeholderMap,
  defaultId: 'm2-board-stakeholder-map',
  worksheet,
  phone: { lists: [{ key: 'stakeholders', label: 'Stakeholders', title: 'name', fields: STAKEHOLDER_FIELDS }] },
  phrases,
  individual: true,
  samples: {
    phone: { list: 'stakeholders', title: 'name', row: { name: 'City library', category: 'host', power: 4, interest: 3, currentEngagement: '', preferredChannel: 'email', relationshipOwner: '' }, invalid: { power: 9 }, says: /Power \(1-5\): a whole number from 1 to 5/ },
    rows: { stakeholders: [{ id: 's1', name: 'Qz library', category: 'host', power: 4, interest: 3, currentEngagement: 'contribute', preferredChannel: 'Qz email', relationshipOwner: 'Qz Ana' }, { id: 's2', name: 'Qz funder', category: 'funder', power: 5, interest: 1, currentEngagement: '', preferredChannel: '', relationshipOwner: '' }] },
  },
})
