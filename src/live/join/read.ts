// What a phone reads of the server's public documents: a board's projection (its form, visible
// rows, a ranked list's counts, RACI letters, charter sections). Plain functions
// over Yjs, apart from the page's words and Vue, so Node (the live benchmark) reads them too.
import * as Y from 'yjs'
import type { BoardFormView } from '../protocol'
import type { PhoneView } from '../../boards/kit/phone'

/**
 * A visible entry of a board, as `public/<id>` holds it: its fields, who gave it; on a ranked
 * list (src/boards/kit/phone.ts), its count (an idea's votes); merged into it, the others who sent it.
 */
export interface PublicRow { id: string, by: string, order: number, fields: Record<string, unknown>, count?: number, also?: string }
/** What the join page shows of an exercise board (the server's projection). */
export interface PublicBoard {
  form?: BoardFormView
  rows: Record<string, PublicRow[]>
  /** RACI: the board's roles, and the letters of visible activities */
  roles: { id: string, name: string }[]
  cells: Record<string, string>
  /** Charter: each section's current text */
  sections: Record<string, string>
  /** the slide's question, and rows' counts and marks (a question's upvotes, answered); a poll's option labels are already in `form` */
  view: PhoneView
}
/** The last text parsed for each of `meta`'s JSON keys: a form changes far less often than the rows. */
const parsedOnce = new Map<string, { raw: string, value: unknown }>()
function parseOnce(key: string, raw: string): unknown {
  const hit = parsedOnce.get(key)
  if (hit?.raw === raw)
    return hit.value
  const value = JSON.parse(raw) as unknown
  parsedOnce.set(key, { raw, value })
  return value
}

/** `language`: the phone's; the board's form in it when the server sent one (`forms`), else in the session's. */
export function readPublicBoard(doc: Y.Doc, language?: string): PublicBoard {
  let form: BoardFormView | undefined
  try {
    const raw = doc.getMap<unknown>('meta').get('form')
    form = typeof raw === 'string' ? parseOnce('form', raw) as BoardFormView : undefined
    const forms = language ? doc.getMap<unknown>('meta').get('forms') : undefined
    const all = typeof forms === 'string' ? parseOnce('forms', forms) as Record<string, BoardFormView> : {}
    if (language && Object.hasOwn(all, language))
      form = all[language]
  }
  catch {}
  let view: PhoneView = {}
  try {
    const raw = doc.getMap<unknown>('meta').get('view')
    view = typeof raw === 'string' ? parseOnce('view', raw) as PhoneView : {}
  }
  catch {}
  if (form && view.choices)
    form = withChoices(form, view.choices)
  const rowsOf = (name: string) => [...doc.getMap<unknown>(name).entries()]
    .filter((e): e is [string, Y.Map<unknown>] => e[1] instanceof Y.Map)
    .map(([id, r]) => {
      const { _by, _order, _count, _also, ...fields } = r.toJSON() as Record<string, unknown>
      return {
        id,
        by: typeof _by === 'string' ? _by : '',
        order: typeof _order === 'number' ? _order : 0,
        fields,
        ...(typeof _count === 'number' ? { count: _count } : {}),
        ...(typeof _also === 'string' && _also ? { also: _also } : {}),
      }
    })
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
  const rows: Record<string, PublicRow[]> = {}
  for (const list of form?.lists ?? [])
    rows[list.key] = rowsOf(`rows:${list.key}`)
  const strings = (name: string) => Object.fromEntries([...doc.getMap<unknown>(name).entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>
  return {
    form,
    rows,
    roles: rowsOf('rows:roles').map(r => ({ id: r.id, name: String(r.fields.name ?? '') })),
    cells: strings('record:cells'),
    sections: strings('fields'),
    view,
  }
}

/** The form with a choice field's options named by the board (a poll's options from its slide): only as many as it has. */
function withChoices(form: BoardFormView, choices: NonNullable<PhoneView['choices']>): BoardFormView {
  return {
    ...form,
    lists: form.lists.map(list => ({
      ...list,
      fields: list.fields.map((f) => {
        const labels = choices[list.key]?.[f.key]
        if (!labels?.length || !f.options)
          return f
        return { ...f, options: f.options.slice(0, labels.length).map((o, i) => ({ value: o.value, label: labels[i] || o.label })) }
      }),
    })),
  }
}
