// The room's questions on paper: a line per question, its upvotes (tally marks) and whether it
// was answered; filled, most upvoted unanswered first.
import type { WorksheetModel, WorksheetSpec } from '../kit/worksheet'
import { rankQuestions, type RoomQuestionsData } from './model'

export const worksheet: WorksheetSpec<RoomQuestionsData> = { extend: addQuestions }

function addQuestions(model: WorksheetModel, data: RoomQuestionsData, t: (s: string) => string): void {
  const ranked = rankQuestions(data)
  model.tables.push({
    columns: [t('Question'), t('Upvotes'), t('Answered')],
    rows: ranked.map(q => [q.text, String(q.upvotes), q.answered === 'yes' ? t('yes') : '']),
    blankRows: ranked.length ? 0 : 12,
  })
}
