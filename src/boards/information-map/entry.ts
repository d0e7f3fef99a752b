// The information map: everything the registry (../index.ts) knows of it.
import { defineBoard } from '../kit/entry'
import { phrases } from './i18n'
import { INFORMATION_FIELDS, informationMap } from './model'

export const entry = defineBoard({
  component: 'InformationMap',
  def: informationMap,
  defaultId: 'm3-board-information-map',
  worksheet: { list: { fields: INFORMATION_FIELDS, listKey: 'items' } },
  phone: { lists: [{ key: 'items', label: 'Information items', title: 'infoItem', fields: INFORMATION_FIELDS }] },
  phrases,
  individual: true,
  samples: {
    phone: { list: 'items', title: 'infoItem', row: { infoItem: 'Decisions', audience: 'members', channel: 'forum', frequency: 'weekly', flowType: 'transmissive', owner: 'Ana' }, invalid: { infoItem: 'x'.repeat(81) }, says: /Information: write 1 to 80 characters/ },
    rows: { items: [{ id: 'i1', infoItem: 'Qz decisions', audience: 'Qz members', channel: 'Qz forum', frequency: 'Qz weekly', flowType: 'transmissive', owner: '' }] },
    form: { fill: { infoItem: 'Decisions <b>x</b>', flowType: 'transmissive' }, shows: /1 transmissive · 0 transactional[\s\S]*no owner/ },
  },
})
