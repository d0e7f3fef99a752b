// The mountain of engagement: everything the registry (../index.ts) knows of it.
import { defineBoard } from '../kit/entry'
import { phrases } from './i18n'
import { mountainOfEngagement, PATHWAY_LABELS, PERSONA_FIELDS } from './model'

export const entry = defineBoard({
  component: 'MountainOfEngagement',
  def: mountainOfEngagement,
  defaultId: 'm3-board-mountain-of-engagement',
  worksheet: { list: { fields: PERSONA_FIELDS, listKey: 'personas', legend: PATHWAY_LABELS } },
  phone: // A phone adds a persona; the steps between its stages are planned on the projected board.
  { lists: [{ key: 'personas', label: 'Personas', title: 'name', fields: PERSONA_FIELDS }] },
  phrases,
  individual: true,
  samples: {
    phone: { list: 'personas', title: 'name', row: { name: 'Newcomer Nia', role: 'student', currentStage: 'discovery', targetStage: 'participation', hoursPerMonth: 2, motivations: ['learn'], needs: [], barriers: ['jargon'] }, invalid: { hoursPerMonth: 500 }, says: /Hours a month: a whole number from 0 to 200/ },
    rows: { personas: [{ id: 'p1', name: 'Qz Nia', role: 'Qz student', currentStage: 'discovery', targetStage: 'participation', hoursPerMonth: 2, motivations: ['Qz learn'], needs: ['Qz time'], barriers: ['Qz jargon'], steps: [] }] },
  },
})
