// The RACI matrix: everything the registry (../index.ts) knows of it.
import { defineBoard } from '../kit/entry'
import type { FieldDef } from '../kit/fields'
import { worksheet } from './worksheet'
import { phrases } from './i18n'
import { RACI, RACI_MEANING, raciMatrix } from './model'

// A phone adds an activity (its name); the roles are set on the projected board.
const ACTIVITY_FIELDS = [
  { key: 'name', label: 'Activity', kind: 'text', max: 80, required: true },
] as const satisfies readonly FieldDef[]

export const entry = defineBoard({
  component: 'RaciMatrix',
  def: raciMatrix,
  defaultId: 'm2-board-raci-matrix',
  worksheet,
  phone: {
    lists: [{ key: 'activities', label: 'Activities', title: 'name', fields: ACTIVITY_FIELDS }],
    cells: { list: 'activities', record: 'cells', roles: 'roles', letters: RACI.map(l => ({ value: l, label: RACI_MEANING[l] })) },
  },
  phrases,
  individual: true,
  samples: {
    phone: { list: 'activities', title: 'name', row: { name: 'Welcome newcomers' }, invalid: { name: '   ' }, says: /Activity: write 1 to 80 characters/ },
    rows: { roles: [{ id: 'r1', name: 'Qz host' }, { id: 'r2', name: 'Qz chair' }], cells: { 'act-onboarding:r1': 'R', 'act-onboarding:r2': 'A' } },
  },
})
