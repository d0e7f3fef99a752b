// The stakeholder map's worksheet: its table, a power/interest grid to plot on, and where each
// stakeholder lands.
import type { WorksheetModel, WorksheetSpec } from '../kit/worksheet'
import { QUADRANTS, quadrantOf, STAKEHOLDER_FIELDS, type StakeholderMapData } from './model'

export const worksheet: WorksheetSpec<StakeholderMapData> = {
  list: { fields: STAKEHOLDER_FIELDS, listKey: 'stakeholders' },
  extend: addStakeholderGrid,
}

function addStakeholderGrid(model: WorksheetModel, data: StakeholderMapData, t: (s: string) => string): void {
  const corner = { 'manage-closely': 'top-right', 'keep-satisfied': 'top-left', 'keep-informed': 'bottom-right', 'monitor': 'bottom-left' } as const
  model.grid = {
    xLabel: `${t('Interest')} (1-5)`,
    yLabel: `${t('Power')} (1-5)`,
    min: 1,
    max: 5,
    threshold: data.threshold,
    quadrants: (Object.keys(QUADRANTS) as (keyof typeof QUADRANTS)[]).map(q => ({ label: t(QUADRANTS[q].label), corner: corner[q] })),
    points: data.stakeholders.map(s => ({ label: s.name, x: s.interest, y: s.power })),
  }
  model.legend = (Object.keys(QUADRANTS) as (keyof typeof QUADRANTS)[]).map(q => ({ term: t(QUADRANTS[q].label), meaning: t(QUADRANTS[q].strategy) }))
  // The table also says where each stakeholder lands.
  if (model.tables[0] && data.stakeholders.length) {
    model.tables[0].columns.push(t('Approach by quadrant'))
    model.tables[0].rows.forEach((row, i) => row.push(t(QUADRANTS[quadrantOf(data.stakeholders[i], data.threshold).quadrant].label)))
  }
}
