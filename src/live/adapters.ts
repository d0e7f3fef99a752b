// The board kinds that take contributions from phones, from the registry of boards: every
// board whose entry describes a phone form (`phone` in src/boards/<kind>/entry.ts) goes through
// one adapter (list-board.ts), the idea board's too. A phone form's `onePer` (one vote a person,
// one upvote a question), `refers` (a vote names an idea on the board) and `view` (the slide's
// question, a poll's option labels, upvote counts) are added around the list boards' adapter
// here; its `budget` and `ranked` lists are the adapter's own (they need its index).
import * as Y from 'yjs'
import { BOARDS } from '../boards'
import { fieldSchema } from '../boards/kit/fields'
import type { PhoneForm } from '../boards/kit/phone'
import { metaMap as meta, rowStatus as statusOf, setFields } from '../board-doc'
import type { LiveBoardAdapter } from './boards'
import { liveBoardAdapter } from './list-board'

/** The public document's `meta` key holding a phone form's `view` (JSON): read by the join page (read.ts). */
export const PHONE_VIEW = 'view'

type Op = { op: string, list?: string, row?: Record<string, unknown>, id?: string }

/** Whether a row's fields are valid for its list (each checked with its field's schema). */
function fieldsValid(phone: PhoneForm, list: string, row: Record<string, unknown>): boolean {
  const fields = phone.lists.find(l => l.key === list)?.fields ?? []
  return fields.every(f => fieldSchema(f).safeParse(row[f.key]).success)
}

/** The list board's adapter with the phone form's own rules: one entry a person (or a value), and what phones see beyond the rows. */
export function withPhoneRules(base: LiveBoardAdapter, phone: PhoneForm): LiveBoardAdapter {
  if (!phone.onePer?.length && !phone.refers?.length && !phone.view)
    return base
  return {
    ...base,
    apply(doc, o: Op, who) {
      // A row that is wrong is refused for what is wrong first (by the list board's own check).
      const rule = o.op === 'add' ? phone.onePer?.find(r => r.list === o.list) : undefined
      if (rule && o.row && fieldsValid(phone, rule.list, o.row)) {
        const id = String(o.row.id ?? '')
        for (const [rowId, row] of doc.getMap<unknown>(`rows:${rule.list}`).entries()) {
          if (rowId === id || !(row instanceof Y.Map) || row.get('_author') !== who.participantId)
            continue
          if (!rule.field)
            return { code: 'limit', error: 'You have already answered here: change your answer instead.' }
          if (row.get(rule.field) === o.row[rule.field])
            return { code: 'limit', error: 'You have already done this once.' }
        }
      }
      const ref = o.op === 'add' || o.op === 'edit' ? phone.refers?.find(r => r.list === o.list) : undefined
      if (ref && o.row) {
        const target = doc.getMap<unknown>(`rows:${ref.to}`).get(String(o.row[ref.field] ?? ''))
        if (!(target instanceof Y.Map) || statusOf(target) !== 'visible')
          return { code: 'gone', error: ref.gone ?? 'This entry is no longer on the board.' }
      }
      return base.apply(doc, o, who)
    },
    project(doc, out, language) {
      base.project(doc, out, language)
      const single = (phone.onePer ?? []).filter(r => !r.field).map(r => r.list)
      const view = { ...(phone.view ? phone.view(base.results(doc)) : {}), ...(single.length ? { single } : {}) }
      setFields(meta(out), { [PHONE_VIEW]: JSON.stringify(view) })
    },
  }
}

const ADAPTERS: readonly LiveBoardAdapter[] = BOARDS.flatMap(({ def, phone }): LiveBoardAdapter[] => {
  if (!phone)
    return []
  return [withPhoneRules(liveBoardAdapter({ def, ...phone }), phone)]
})

export function liveBoard(kind: string): LiveBoardAdapter | undefined {
  return ADAPTERS.find(a => a.kind === kind)
}

export function liveKinds(): string[] {
  return ADAPTERS.map(a => a.kind)
}
