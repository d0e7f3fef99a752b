// The 1-5 scale's worksheet: the statement, and a line per point to count the hands in;
// filled, each point's answers and share, and the average.
import type { WorksheetModel, WorksheetSpec } from '../kit/worksheet'
import { distribution, type ScaleData } from './model'

export const worksheet: WorksheetSpec<ScaleData> = { extend: addResults }

function addResults(model: WorksheetModel, data: ScaleData, t: (s: string) => string): void {
  const { bars, total, mean } = distribution(data, t)
  if (data.statement)
    model.sections.push({ heading: t('Statement'), text: data.statement, lines: 0 })
  model.tables.push({
    ...(total ? { caption: `${t('Answers')}: ${total} · ${t('Average')}: ${mean}` } : {}),
    columns: [t('Answer'), t('People'), t('Share')],
    rows: bars.map(b => [b.label, total ? String(b.count) : '', total ? `${b.percent}%` : '']),
    blankRows: 0,
  })
}
