// The 1-5 scale's worksheet: the statement over a line per point to count the hands in;
// filled, each point's answers and share, and the average.
import type { WorksheetModel, WorksheetSpec } from '../kit/worksheet'
import { distribution, type ScaleData } from './model'

export const worksheet: WorksheetSpec<ScaleData> = { extend: addResults }

function addResults(model: WorksheetModel, data: ScaleData, t: (s: string) => string): void {
  const { bars, total, mean } = distribution(data, t)
  // The statement and the totals are the table's caption: the worksheet fits beside the slide's objectives.
  const caption = [data.statement, total ? `${t('Answers')}: ${total} · ${t('Average')}: ${mean}` : ''].filter(Boolean).join(' · ')
  model.tables.push({
    ...(caption ? { caption } : {}),
    columns: [t('Answer'), t('People'), t('% of people')],
    rows: bars.map(b => [b.label, total ? String(b.count) : '', total ? `${b.percent}%` : '']),
    blankRows: 0,
  })
}
