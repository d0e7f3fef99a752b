// The quick answers' worksheet: a table to write each person's answers in; filled, the cloud
// as a table too (each answer once, with how many people gave it).
import type { WorksheetModel, WorksheetSpec } from '../kit/worksheet'
import { ANSWER_FIELDS, type QuickAnswersData, wordCloud } from './model'

export const worksheet: WorksheetSpec<QuickAnswersData> = {
  list: { fields: ANSWER_FIELDS, listKey: 'answers', blankRows: 12 },
  extend: addCloud,
}

function addCloud(model: WorksheetModel, data: QuickAnswersData, t: (s: string) => string): void {
  const words = wordCloud(data)
  if (words.length)
    model.tables.push({ caption: t('Word cloud'), columns: [t('Answer'), t('People')], rows: words.map(w => [w.text, String(w.count)]), blankRows: 0 })
}
