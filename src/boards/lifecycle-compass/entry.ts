// The lifecycle compass: everything the registry (../index.ts) knows of it.
import { defineBoard } from '../kit/entry'
import { phrases } from './i18n'
import { COMPASS_FIELDS, lifecycleCompass, STAGE_LABELS } from './model'

export const entry = defineBoard({
  component: 'LifecycleCompass',
  def: lifecycleCompass,
  defaultId: 'm1-board-lifecycle-compass',
  worksheet: { list: { fields: COMPASS_FIELDS, listKey: 'entries', legend: STAGE_LABELS } },
  phone: { lists: [{ key: 'entries', label: 'Entries', title: 'name', fields: COMPASS_FIELDS }] },
  phrases,
  individual: true,
  samples: {
    phone: { list: 'entries', title: 'name', row: { name: 'Data clinic', currentStage: 'coalescing', targetStage: 'maturing', evidence: 'Regular attendance', oneChangeNeeded: '' }, invalid: { currentStage: 'finished' }, says: /Stage now: choose one of the options/ },
    rows: { entries: [{ id: 'c1', name: 'Qz clinic', currentStage: 'coalescing', targetStage: 'maturing', evidence: 'Qz attendance', oneChangeNeeded: 'Qz a lead' }] },
    form: { fill: { name: 'Bees <b>x</b>', currentStage: 'potential', targetStage: 'maturing' }, shows: /Potential → Maturing \(forward 2 stages\)/ },
  },
})
