// The poll's worksheet: the question over a table with a line per option to count the hands
// in; filled, each option's votes and share.
import type { WorksheetModel, WorksheetSpec } from '../kit/worksheet'
import { type PollData, tally } from './model'

export const worksheet: WorksheetSpec<PollData> = { extend: addResults }

function addResults(model: WorksheetModel, data: PollData, t: (s: string) => string): void {
  const { bars, total } = tally(data.options, data.votes, value => t('Option {n}').replace('{n}', value))
  // The question and the total are the table's caption: the worksheet fits beside the slide's text.
  const caption = [data.question, total ? `${t('Votes')}: ${total}` : ''].filter(Boolean).join(' · ')
  model.tables.push({
    ...(caption ? { caption } : {}),
    columns: [t('Option'), t('Votes'), t('% of votes')],
    rows: bars.map(b => [b.label, total ? String(b.count) : '', total ? `${b.percent}%` : '']),
    blankRows: bars.length ? 0 : 6,
  })
}
