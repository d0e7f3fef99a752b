// The RACI matrix's worksheet: activities down, roles across, at least five role columns.
import type { WorksheetModel, WorksheetSpec } from '../kit/worksheet'
import { cellKey, RACI, RACI_MEANING, type RaciMatrixData } from './model'

export const worksheet: WorksheetSpec<RaciMatrixData> = { extend: addRaci }

function addRaci(model: WorksheetModel, data: RaciMatrixData, t: (s: string) => string): void {
  // At least five role columns: blank ones are headed "Role: ____" to write a role in.
  const blankRoles = Math.max(0, 5 - data.roles.length)
  model.tables.push({
    columns: [t('Activity'), ...data.roles.map(r => r.name), ...Array.from({ length: blankRoles }, () => `${t('Role')}: ________`)],
    rowHeaders: true,
    rows: data.activities.map(a => [t(a.name), ...data.roles.map(r => data.cells[cellKey(a.id, r.id)] ?? ''), ...Array.from({ length: blankRoles }, () => '')]),
    blankRows: model.filled ? 2 : 10,
  })
  model.legend = RACI.map(letter => ({ term: letter, meaning: t(RACI_MEANING[letter]) }))
}
