// The live adapter of the nine exercise boards: participants add, edit and withdraw their own
// entries in the board's lists (timeline events, stakeholders, RACI activities, personas,
// charter milestones …), through the document core's own operations (`addRow`, `updateRow`,
// `removeRow`, `setField`), so a phone changes a board the same way a tab does.
//
// board/<id>:  an ordinary board document (src/board-doc/, schema 2); a participant's
//              row carries `_author` (hash of their secret), `_name`, `_status`, `_at`.
//              RACI: `record:cells` letters, written only for activities the participant authored.
//              Charter: `proposals` id -> {path, text, _author, _name, _status, _at} for the
//              single-value sections (not in the board's shape: readBoard ignores it).
//              Counted entries (a list that `refers` to another: votes, upvotes) carry no `_status`.
// public/<id>: meta {kind, schema, locked, form (JSON: BoardFormView), totals (JSON: list -> visible rows)}
//              rows:<list>  id -> {the form's fields…, _by, _order, _also?}   (the first PHONE_PAGE visible rows)
//              A phone's cost must not grow with the board: it gets a page of each list (in the
//              board's order, so new rows past the page do not churn it) and its own rows in `mine`.
//              A `ranked` list: the top PHONE_PAGE by count, each with `_count` (the entries naming
//              it), kept up to date from what changed only. Counted entries are not projected.
//              RACI: rows:roles id -> {name, _order}; record:cells (visible activities only)
//              Charter: rows:proposals (visible ones) and fields (the sections' current text)
import { z } from 'zod'
import * as Y from 'yjs'
import type { BoardDefinition } from '../boards/kit/board'
import type { FieldDef } from '../boards/kit/fields'
import { type LiveList, type PhoneForm, PROPOSALS } from '../boards/kit/phone'
import { LANGUAGES, translate as translateBoard } from '../i18n/labels'
import { addRow, asRow, boardShape, fieldsMap, initBoardDoc, isLocked, mergedSenders, metaMap, type Part, readBoard, removeRow, rowStatus, type Scalar, setField, setFields, syncRows, updateRow, valuePart } from '../board-doc'
import { boardIsFull, type Contributor, type LiveBoardAdapter, type Refusal, writtenIn } from './boards'
import type { BoardFormView, BoardMine, FieldView, ListView } from './protocol'
import { say } from './words'

/** Ids a phone makes for its rows: base64url, so they never hold the RACI cells' `:`. */
const phoneId = z.string().regex(/^[\w-]{1,64}$/, 'an entry id is 1-64 letters, digits, - or _')
/** An entry a phone withdraws: one it made, or one kept under `<participant>~<idea>` (the idea board's votes before they were a list). */
const entryId = z.string().regex(/^[\w~-]{1,200}$/, 'an entry id is 1-200 letters, digits, -, _ or ~')

export type { LiveList } from '../boards/kit/phone'
export { PROPOSALS }

/** A board's phone form (its registry entry's `phone`) and the board it is for. */
export interface LiveBoardSpec extends PhoneForm {
  def: BoardDefinition
}

/** How many rows of each list phones get (every row, on a board of ordinary size). */
export const PHONE_PAGE = 100

type Score = { count: number, at: number }
/** The `n` rows with the highest count (then the earliest given, then by id): one pass, whatever the board's size. */
export function topRanked(scores: Map<string, Score>, n: number): Set<string> {
  if (scores.size <= n)
    return new Set(scores.keys())
  const before = (a: [string, Score], b: [string, Score]) =>
    a[1].count !== b[1].count ? a[1].count > b[1].count : a[1].at !== b[1].at ? a[1].at < b[1].at : a[0] < b[0]
  const best: [string, Score][] = []
  for (const entry of scores) {
    if (best.length === n && !before(entry, best[n - 1]))
      continue
    let i = best.length === n ? n - 1 : best.length
    if (best.length === n)
      best.pop()
    while (i > 0 && before(entry, best[i - 1]))
      i--
    best.splice(i, 0, entry)
  }
  return new Set(best.map(([id]) => id))
}

type Row = Record<string, unknown>
type Op =
  | { op: 'add' | 'edit', list: string, row: Row }
  | { op: 'withdraw', list: string, id: string }
  | { op: 'cell', activity: string, role: string, letter: string }

const rowsOf = (doc: Y.Doc, list: string) => doc.getMap<unknown>(list === PROPOSALS ? PROPOSALS : `rows:${list}`)

/** The largest length a string schema takes (for the charter sections' proposal forms). */
function maxLength(schema: z.ZodType): number | undefined {
  let s: any = schema
  while (s?._zod?.def?.innerType)
    s = s._zod.def.innerType
  for (const c of s?._zod?.def?.checks ?? []) {
    if (c._zod?.def?.check === 'max_length')
      return c._zod.def.maximum
  }
  return undefined
}

/** A board's words in the session's language: the boards' phrasebook, then the live server's own. */
function translate(text: string, language: string | undefined): string {
  const board = translateBoard(text, language)
  return board !== text ? board : say(language, text)
}

/** What is wrong with a field's value, in words a participant understands (not zod's). */
function problem(f: FieldDef, language: string | undefined): string {
  const label = translate(f.label, language)
  const t = (template: string, params: Record<string, string | number> = {}) => say(language, template, { label, ...params })
  switch (f.kind) {
    case 'text': return f.required ? t('{label}: write 1 to {n} characters.', { n: f.max }) : t('{label}: at most {n} characters.', { n: f.max })
    case 'choice': return f.required ? t('{label}: choose one of the options.') : t('{label}: choose one of the options, or leave it empty.')
    case 'multi': return t('{label}: choose from the options.')
    case 'number': return t('{label}: a whole number from {min} to {max}.', { min: f.min, max: f.max })
    case 'list': return t('{label}: at most {items} items, each at most {n} characters.', { items: f.maxItems, n: f.max })
    case 'month': return t('{label}: a month as YYYY-MM, or empty.')
    case 'date': return t('{label}: a date as YYYY-MM-DD, or empty.')
  }
}

function fieldView(f: FieldDef, language: string | undefined): FieldView {
  const view: FieldView = { key: f.key, kind: f.kind, label: translate(f.label, language) }
  if (f.hint)
    view.hint = translate(f.hint, language)
  if ('options' in f)
    view.options = f.options.map(o => ({ value: o.value, label: translate(o.label, language) }))
  if (f.kind === 'text' || f.kind === 'list' || f.kind === 'number')
    view.max = f.max
  if (f.kind === 'number')
    view.min = f.min
  if (f.kind === 'list')
    view.maxItems = f.maxItems
  if (f.kind === 'text' && f.multiline)
    view.multiline = true
  if (((f.kind === 'text' || f.kind === 'choice') && f.required) || f.kind === 'number')
    view.required = true
  return view
}

export function liveBoardAdapter(spec: LiveBoardSpec): LiveBoardAdapter<Op> {
  const { def } = spec
  const shape = boardShape(def).fields
  const proposalFields = (): FieldDef[] => {
    const sections = spec.proposals ?? []
    const max = Math.max(...sections.map(s => maxLength(valuePart(def, s.path)!.schema) ?? 0))
    return [
      { key: 'path', label: 'Section', kind: 'choice', options: sections.map(s => ({ value: s.path, label: s.label })), required: true },
      { key: 'text', label: 'Your proposal', kind: 'text', max, multiline: true, required: true },
    ]
  }
  const lists = spec.lists.map(l => (l.key === PROPOSALS ? { ...l, fields: proposalFields() } : l))
  for (const l of lists) {
    const part = shape[l.key]
    if (l.key !== PROPOSALS && part?.type !== 'rows')
      throw new Error(`The ${def.kind} board has no list ${l.key}.`)
  }
  const listOf = (key: string) => lists.find(l => l.key === key)
  const keys = lists.map(l => l.key) as [string, ...string[]]

  // The phone form's counting rules (src/boards/kit/phone.ts): counted entries, budgets, ranked lists.
  const refersOf = (list: string) => spec.refers?.find(r => r.list === list)
  const referredBy = (list: string) => (spec.refers ?? []).filter(r => r.to === list)
  const budgetOf = (list: string) => spec.budget?.find(b => b.list === list)
  const rankedOf = (list: string) => spec.ranked?.find(r => r.list === list)
  for (const rule of [...(spec.refers ?? []).map(r => [r.list, r.to]), ...(spec.budget ?? []).map(b => [b.list]), ...(spec.ranked ?? []).map(r => [r.list, r.by])]) {
    for (const key of rule) {
      if (!listOf(key))
        throw new Error(`The ${def.kind} board's phone form has no list ${key}.`)
    }
  }
  for (const r of spec.ranked ?? []) {
    if (refersOf(r.by)?.to !== r.list)
      throw new Error(`The ${def.kind} board ranks ${r.list} by ${r.by}, which does not refer to it.`)
  }
  /** N of a budget: the board's value, as its schema reads it (its default when unset or out of range). */
  const budgetN = (doc: Y.Doc, field: string): number => {
    const schema = valuePart(def, field)?.schema
    const read = schema?.safeParse(fieldsMap(doc).get(field))
    const n = read?.success ? read.data : schema?.safeParse(undefined).data
    return typeof n === 'number' ? n : 0
  }

  const op = z.discriminatedUnion('op', [
    z.object({ op: z.literal('add'), list: z.enum(keys), row: z.record(z.string(), z.unknown()) }).strict(),
    z.object({ op: z.literal('edit'), list: z.enum(keys), row: z.record(z.string(), z.unknown()) }).strict(),
    z.object({ op: z.literal('withdraw'), list: z.enum(keys), id: entryId }).strict(),
    ...(spec.cells ? [z.object({ op: z.literal('cell'), activity: phoneId, role: z.string().min(1).max(64), letter: z.enum(['', ...spec.cells.letters.map(l => l.value)] as [string, ...string[]]) }).strict()] : []),
  ]) as unknown as z.ZodType<Op>

  /** The row a phone sent, checked field by field with the board's own schemas; or why not. */
  function checkRow(list: LiveList, row: Row, language: string | undefined): { row: Row } | { error: string } {
    const lines: string[] = []
    const id = phoneId.safeParse(row.id)
    if (!id.success)
      lines.push(say(language, 'An entry needs an id of 1-64 letters, digits, - or _.'))
    for (const key of Object.keys(row)) {
      if (key !== 'id' && !list.fields.some(f => f.key === key))
        lines.push(say(language, '{key} is not a field of this board.', { key }))
    }
    // A proposal's text is checked with the schema (and length) of the section it is for.
    const section = list.key === PROPOSALS && typeof row.path === 'string' ? valuePart(def, row.path) : undefined
    const out: Row = { id: row.id }
    for (const f of list.fields) {
      let schema: z.ZodType
      let described: FieldDef = f
      if (list.key === PROPOSALS && f.key === 'path') {
        schema = z.enum((spec.proposals ?? []).map(s => s.path) as [string, ...string[]])
      }
      else if (list.key === PROPOSALS) {
        schema = z.string().trim().min(1).pipe((section?.schema ?? z.never()) as z.ZodType<any, string>)
        described = { ...f, max: (section && maxLength(section.schema)) ?? (f.kind === 'text' ? f.max : 0) } as FieldDef
      }
      else {
        const part = (shape[list.key] as Extract<Part, { type: 'rows' }>).fields[f.key]
        schema = part?.type === 'value' ? part.schema : z.never()
      }
      const parsed = schema.safeParse(row[f.key])
      if (parsed.success)
        out[f.key] = parsed.data
      else
        lines.push(problem(described, language))
    }
    return lines.length ? { error: lines.join('\n') } : { row: out }
  }

  const authorOf = (row: Y.Map<unknown> | undefined) => row?.get('_author')

  /**
   * Kept up to date from the document's own change events, so a contribution, a projection and
   * a phone's own entries cost the same on an empty board and on one with thousands of rows: whose
   * each entry is, what each counted entry names, and which rows of a ranked list changed since
   * the last projection.
   */
  interface Index {
    /** list -> author -> ids */
    byAuthor: Map<string, Map<string, Set<string>>>
    /** list -> id -> author */
    authorOf: Map<string, Map<string, string>>
    /** counted list -> entry id -> the row it names */
    named: Map<string, Map<string, string>>
    /** counted list -> row named -> entry ids */
    naming: Map<string, Map<string, Set<string>>>
    /** ranked list -> rows changed since the last projection (undefined: every row) */
    dirty: Map<string, Set<string> | undefined>
    /** ranked list -> its visible rows as the projection last saw them: count and when given */
    scores: Map<string, Map<string, { count: number, at: number }>>
  }
  const indexes = new WeakMap<Y.Doc, Index>()
  const inner = <K, V>(m: Map<string, Map<K, V>>, key: string) => m.get(key) ?? m.set(key, new Map()).get(key)!
  const setAdd = (m: Map<string, Set<string>>, k: string, v: string) => { (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v) }
  const setDrop = (m: Map<string, Set<string>>, k: string, v: string) => {
    const set = m.get(k)
    set?.delete(v)
    if (set && !set.size)
      m.delete(k)
  }
  function indexOf(doc: Y.Doc): Index {
    const known = indexes.get(doc)
    if (known)
      return known
    const index: Index = { byAuthor: new Map(), authorOf: new Map(), named: new Map(), naming: new Map(), dirty: new Map(), scores: new Map() }
    for (const r of spec.ranked ?? []) {
      index.dirty.set(r.list, undefined)
      index.scores.set(r.list, new Map())
    }
    const markDirty = (list: string, id: string) => {
      if (!index.dirty.has(list))
        return
      index.dirty.get(list)?.add(id)
    }
    const note = (list: string, id: string) => {
      const row = asRow(rowsOf(doc, list).get(id))
      const authors = inner(index.authorOf, list)
      const before = authors.get(id)
      const author = authorOf(row)
      if (before !== author) {
        if (before !== undefined) {
          setDrop(inner(index.byAuthor, list), before, id)
          authors.delete(id)
        }
        if (typeof author === 'string') {
          setAdd(inner(index.byAuthor, list), author, id)
          authors.set(id, author)
        }
      }
      const ref = refersOf(list)
      if (ref) {
        const named = inner(index.named, list)
        const was = named.get(id)
        const target = row?.get(ref.field)
        const now = typeof target === 'string' ? target : undefined
        if (was !== now) {
          if (was !== undefined) {
            setDrop(inner(index.naming, list), was, id)
            named.delete(id)
            markDirty(ref.to, was)
          }
          if (now !== undefined) {
            setAdd(inner(index.naming, list), now, id)
            named.set(id, now)
            markDirty(ref.to, now)
          }
        }
      }
      markDirty(list, id)
    }
    for (const list of lists) {
      const map = rowsOf(doc, list.key)
      for (const id of map.keys())
        note(list.key, id)
      map.observeDeep((events) => {
        for (const e of events) {
          if (e.target === map) {
            for (const id of e.changes.keys.keys())
              note(list.key, id)
          }
          else if (typeof e.path[0] === 'string') {
            note(list.key, e.path[0])
          }
        }
      })
    }
    indexes.set(doc, index)
    return index
  }
  const ownIds = (doc: Y.Doc, list: string, participantId: string) => indexOf(doc).byAuthor.get(list)?.get(participantId) ?? new Set<string>()
  const isShown = (doc: Y.Doc, list: string, id: string | undefined) => {
    const row = id === undefined ? undefined : asRow(rowsOf(doc, list).get(id))
    return !!row && rowStatus(row) === 'visible'
  }
  /** A participant's entries under a budget: those naming a row still on the board. */
  const spent = (doc: Y.Doc, list: string, participantId: string) => {
    const ref = refersOf(list)
    const named = indexOf(doc).named.get(list)
    return [...ownIds(doc, list, participantId)].filter(id => !ref || isShown(doc, ref.to, named?.get(id))).length
  }
  /** How many counted entries of `by` name each row (a vote's idea). */
  const countOf = (doc: Y.Doc, by: string, id: string) => indexOf(doc).naming.get(by)?.get(id)?.size ?? 0

  const visibleRows = (doc: Y.Doc, list: string) => [...rowsOf(doc, list).entries()]
    .map(([id, v]) => [id, asRow(v)] as const)
    .filter((e): e is readonly [string, Y.Map<unknown>] => !!e[1] && rowStatus(e[1]) === 'visible')
  const formFields = (list: LiveList, row: Y.Map<unknown>): Record<string, Scalar> => {
    const out: Record<string, Scalar> = {}
    for (const f of list.fields) {
      const v = row.get(f.key)
      if (v !== undefined && !(v instanceof Y.AbstractType))
        out[f.key] = v as Scalar
    }
    return out
  }

  function writeRow(doc: Y.Doc, list: string, row: Row, stamp: Record<string, Scalar>) {
    if (list === PROPOSALS) {
      const map = new Y.Map<unknown>()
      rowsOf(doc, PROPOSALS).set(String(row.id), map)
      setFields(map, { ...(row as Record<string, Scalar>), ...stamp })
    }
    else {
      addRow(doc, def, list, { ...row, ...stamp })
    }
  }
  function patchRow(doc: Y.Doc, list: string, id: string, existing: Y.Map<unknown>, patch: Row): boolean {
    const changed = Object.entries(patch).some(([k, v]) => k !== 'id' && JSON.stringify(existing.get(k)) !== JSON.stringify(v))
    if (!changed)
      return false
    if (list === PROPOSALS) {
      const { id: _, ...fields } = patch
      setFields(existing, fields as Record<string, Scalar>)
    }
    else {
      updateRow(doc, def, list, id, patch)
    }
    return true
  }

  const ownCount = (doc: Y.Doc, list: string, participantId: string): number => ownIds(doc, list, participantId).size

  function applyCell(doc: Y.Doc, o: Extract<Op, { op: 'cell' }>, who: Contributor): Refusal | undefined {
    const cells = spec.cells!
    const activity = asRow(rowsOf(doc, cells.list).get(o.activity))
    if (!activity || rowStatus(activity) === 'hidden')
      return { code: 'gone', error: 'This entry is no longer on the board.' }
    if (authorOf(activity) !== who.participantId)
      return { code: 'not-yours', error: 'You can change only your own entries.' }
    if (!asRow(rowsOf(doc, cells.roles).get(o.role)))
      return { code: 'gone', error: 'This role is no longer on the board.' }
    setField(doc, def, [cells.record, `${o.activity}:${o.role}`], o.letter || undefined)
    return undefined
  }

  const formIn = (language: string | undefined): BoardFormView => ({
    lists: lists.map((l): ListView => ({ key: l.key, label: translate(l.label, language), title: l.title, fields: l.fields.map(f => fieldView(f, language)) })),
    ...(spec.cells ? { cells: { list: spec.cells.list, label: translate('Your letters for each role', language), letters: spec.cells.letters.map(l => ({ value: l.value, label: translate(l.label, language) })) } } : {}),
  })
  /**
   * The phone's form as JSON, in the session's language (`form`) and in the kit's other languages
   * (`forms`, by language code: a participant may choose their phone's language whatever the
   * session's; the join page picks its own). They depend on the board and the language only:
   * made once per language, not again on every projection.
   */
  const formsByLanguage = new Map<string, { form: string, forms: string }>()
  const formsIn = (language: string | undefined) => {
    const code = language ?? 'en'
    let made = formsByLanguage.get(code)
    if (!made) {
      made = {
        form: JSON.stringify(formIn(language)),
        forms: JSON.stringify(Object.fromEntries(LANGUAGES.filter(l => l !== code).map(l => [l, formIn(l)]))),
      }
      formsByLanguage.set(code, made)
    }
    return made
  }

  /** A visible row as phones get it: the form's fields, who gave it, its order and, merged into it, the others who sent it. */
  function publicRow(doc: Y.Doc, list: LiveList, id: string, row: Y.Map<unknown>): Record<string, Scalar> {
    const name = row.get('_name')
    const order = row.get('_order') ?? row.get('_at')
    const also = mergedSenders(rowsOf(doc, list.key), row, id).join(', ').slice(0, 2000)
    return { ...formFields(list, row), _by: typeof name === 'string' ? name.slice(0, 40) : '', _order: typeof order === 'number' ? order : 0, ...(also ? { _also: also } : {}) }
  }

  /**
   * A ranked list's page: the top PHONE_PAGE visible rows by their count (the entries of `by`
   * naming them), each with `_count`. Only the rows changed since the last projection (their own
   * fields, or an entry naming them) are read again, and the top is found in one pass: the cost
   * does not grow with the board. Returns how many visible rows there are.
   */
  function projectRanked(doc: Y.Doc, out: Y.Doc, list: LiveList, by: string): number {
    const index = indexOf(doc)
    const scores = index.scores.get(list.key)!
    const dirty = index.dirty.get(list.key)
    const rows = rowsOf(doc, list.key)
    const changed = dirty ?? new Set(rows.keys())
    for (const id of changed) {
      const row = asRow(rows.get(id))
      if (row && rowStatus(row) === 'visible') {
        const at = row.get('_at') ?? row.get('_order')
        scores.set(id, { count: countOf(doc, by, id), at: typeof at === 'number' ? at : 0 })
      }
      else {
        scores.delete(id)
      }
    }
    const top = topRanked(scores, PHONE_PAGE)
    const target = out.getMap<unknown>(`rows:${list.key}`)
    for (const id of [...target.keys()]) {
      if (!top.has(id))
        target.delete(id)
    }
    for (const id of top) {
      let existing = target.get(id)
      if (existing instanceof Y.Map && dirty && !changed.has(id))
        continue
      if (!(existing instanceof Y.Map)) {
        existing = new Y.Map<unknown>()
        target.set(id, existing)
      }
      const fields: Record<string, Scalar> = { ...publicRow(doc, list, id, asRow(rows.get(id))!), _count: scores.get(id)!.count }
      const map = existing as Y.Map<unknown>
      setFields(map, fields)
      // A field the row no longer has (a merge undone: no one else sent it) goes too.
      for (const key of [...map.keys()]) {
        if (!(key in fields))
          map.delete(key)
      }
    }
    index.dirty.set(list.key, new Set())
    return scores.size
  }

  const adapter: LiveBoardAdapter<Op> = {
    kind: def.kind,
    def,
    op,
    init(doc) {
      return initBoardDoc(doc, def).state === 'ready'
    },
    apply(doc, o, who) {
      if (o.op === 'cell')
        return applyCell(doc, o, who)
      const list = listOf(o.list)!
      const says = list.says ?? {}
      const id = o.op === 'withdraw' ? o.id : String(o.row.id ?? '')
      const existing = asRow(rowsOf(doc, list.key).get(id))
      if (existing && authorOf(existing) !== who.participantId)
        return { code: 'not-yours', error: says.notYours ?? 'You can change only your own entries.' }
      if (o.op === 'withdraw') {
        if (!existing)
          return undefined
        if (list.key === PROPOSALS) {
          rowsOf(doc, PROPOSALS).delete(id)
          return undefined
        }
        // The entries that name it (its votes, its upvotes) go with it.
        for (const ref of referredBy(list.key)) {
          for (const entry of [...indexOf(doc).naming.get(ref.list)?.get(id) ?? []])
            rowsOf(doc, ref.list).delete(entry)
        }
        removeRow(doc, def, list.key, id)
        if (spec.cells?.list === list.key) {
          // The activity's letters go with it (they were the participant's too).
          const record = doc.getMap<unknown>(`record:${spec.cells.record}`)
          for (const key of [...record.keys()]) {
            if (key.startsWith(`${id}:`))
              record.delete(key)
          }
        }
        return undefined
      }
      const checked = checkRow(list, o.row, who.language)
      if ('error' in checked)
        return { code: 'invalid', error: checked.error }
      if (o.op === 'edit' && !existing && !who.firstOp)
        return { code: 'gone', error: says.gone ?? 'This entry is no longer on the board.' }
      if (existing && rowStatus(existing) === 'hidden')
        return { code: 'gone', error: says.hidden ?? 'The facilitator has hidden this entry; it cannot be changed.' }
      const counted = !!refersOf(list.key)
      if (!existing) {
        const budget = budgetOf(list.key)
        if (budget) {
          // A list under a budget is bounded by it (the room's size times N), not by the entries one may add.
          const n = budgetN(doc, budget.field)
          if (spent(doc, list.key, who.participantId) >= n)
            return { code: 'limit', error: budget.says, params: { n } }
        }
        else {
          if (ownCount(doc, list.key, who.participantId) >= who.maxEntries)
            return { code: 'limit', error: says.mostEach ?? 'You have added {n} entries, the most one person can add here.', params: { n: who.maxEntries } }
          const part = shape[list.key]
          const max = Math.min(who.maxRows, !rankedOf(list.key) && part?.type === 'rows' && part.max !== undefined ? part.max : Infinity)
          if (boardIsFull(rowsOf(doc, list.key), max))
            return { code: 'limit', error: says.full ?? 'The board is full ({n} entries).', params: { n: max } }
        }
        // A counted entry (a vote) is never moderated, and names no one on the board.
        writeRow(doc, list.key, checked.row, counted
          ? { _author: who.participantId, _at: who.now }
          : { _author: who.participantId, _name: who.name, _status: who.moderation === 'queue' ? 'pending' : 'visible', _at: who.now, ...writtenIn(who) })
        return undefined
      }
      // In a queue, a changed entry waits for approval again, so nothing unapproved reaches the screen.
      if (patchRow(doc, list.key, id, existing, checked.row) && who.moderation === 'queue' && !counted)
        existing.set('_status', 'pending')
      if (counted)
        return undefined
      if (existing.get('_name') !== who.name)
        existing.set('_name', who.name)
      setFields(existing, writtenIn(who))
      return undefined
    },

    project(doc, out, language) {
      const { form, forms } = formsIn(language)
      const totals: Record<string, number> = {}
      const paged = new Map<string, Set<string>>()
      for (const list of lists) {
        if (refersOf(list.key)) {
          // Counted entries (votes) are not shown as rows: phones see the counts.
          syncRows(out.getMap<unknown>(`rows:${list.key}`), new Map())
          continue
        }
        const ranked = rankedOf(list.key)
        if (ranked) {
          totals[list.key] = projectRanked(doc, out, list, ranked.by)
          continue
        }
        const visible = visibleRows(doc, list.key).map(([id, row]) => {
          const order = row.get('_order') ?? row.get('_at')
          return { id, row, order: typeof order === 'number' ? order : 0 }
        })
        totals[list.key] = visible.length
        if (visible.length > PHONE_PAGE)
          visible.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)).length = PHONE_PAGE
        paged.set(list.key, new Set(visible.map(v => v.id)))
        const rows = new Map<string, Record<string, Scalar>>()
        for (const { id, row } of visible)
          rows.set(id, publicRow(doc, list, id, row))
        syncRows(out.getMap<unknown>(`rows:${list.key}`), rows)
      }
      setFields(metaMap(out), { kind: def.kind, schema: 2, locked: isLocked(doc), form, forms, totals: JSON.stringify(totals) })
      if (spec.cells) {
        const roles = new Map<string, Record<string, Scalar>>()
        for (const [id, row] of visibleRows(doc, spec.cells.roles))
          roles.set(id, { name: String(row.get('name') ?? ''), _order: Number(row.get('_order') ?? 0) })
        syncRows(out.getMap<unknown>(`rows:${spec.cells.roles}`), roles)
        const visible = paged.get(spec.cells.list) ?? new Set<string>()
        const record = out.getMap<unknown>(`record:${spec.cells.record}`)
        const wanted = new Map<string, Scalar>()
        for (const [key, letter] of doc.getMap<unknown>(`record:${spec.cells.record}`).entries()) {
          if (visible.has(key.split(':')[0]) && roles.has(key.split(':')[1]) && typeof letter === 'string')
            wanted.set(key, letter)
        }
        for (const key of [...record.keys()]) {
          if (!wanted.has(key))
            record.delete(key)
        }
        for (const [key, letter] of wanted) {
          if (record.get(key) !== letter)
            record.set(key, letter)
        }
      }
      if (spec.proposals) {
        // The sections' current text (what the facilitator chose), for the phones to read.
        const fields = fieldsMap(doc)
        const target = out.getMap<unknown>('fields')
        for (const s of spec.proposals) {
          const v = fields.get(s.path)
          if (typeof v === 'string' && v)
            target.get(s.path) !== v && target.set(s.path, v)
          else if (target.has(s.path))
            target.delete(s.path)
        }
      }
    },

    mine(doc, participantId): BoardMine {
      const mine: BoardMine = { lists: {} }
      for (const list of lists) {
        mine.lists[list.key] = [...ownIds(doc, list.key, participantId)]
          .map(id => [id, asRow(rowsOf(doc, list.key).get(id))] as const)
          .filter((e): e is readonly [string, Y.Map<unknown>] => authorOf(e[1]) === participantId)
          .sort(([, a], [, b]) => Number(a.get('_at') ?? 0) - Number(b.get('_at') ?? 0))
          .map(([id, row]) => {
            const status = rowStatus(row)
            // A duplicate merged into another entry (src/board-doc/merge.ts) is its sender's still:
            // their text, and the entry kept in its place (its text while that one is on the board).
            const into = row.get('_mergedInto')
            if (typeof into === 'string') {
              const kept = asRow(rowsOf(doc, list.key).get(into))
              const keptRow = kept && rowStatus(kept) === 'visible' ? { row: { id: into, ...formFields(list, kept) } } : {}
              return { id, status, row: { id, ...formFields(list, row) }, merged: { id: into, ...keptRow } }
            }
            // The text of an entry the facilitator hid is not sent back, not even to its author.
            return { id, status, ...(status === 'hidden' ? {} : { row: { id, ...formFields(list, row) } }) }
          })
      }
      for (const budget of spec.budget ?? [])
        (mine.left ??= {})[budget.list] = Math.max(0, budgetN(doc, budget.field) - spent(doc, budget.list, participantId))
      if (spec.cells) {
        const own = new Set(mine.lists[spec.cells.list].filter(e => e.status !== 'hidden').map(e => e.id))
        mine.cells = Object.fromEntries([...doc.getMap<unknown>(`record:${spec.cells.record}`).entries()]
          .filter(([key, v]) => own.has(key.split(':')[0]) && typeof v === 'string')) as Record<string, string>
      }
      return mine
    },

    results(doc) {
      // What the room saw: rows waiting in the queue or hidden stay out, with a hidden activity's letters.
      const data = readBoard(doc, def).data as Record<string, any>
      const notShown = new Set<string>()
      for (const list of lists) {
        if (list.key === PROPOSALS)
          continue
        for (const [id, v] of rowsOf(doc, list.key).entries()) {
          const row = asRow(v)
          if (row && rowStatus(row) !== 'visible')
            notShown.add(`${list.key}\u0000${id}`)
        }
        if (!Array.isArray(data[list.key]))
          continue
        data[list.key] = (data[list.key] as Row[]).filter(r => !notShown.has(`${list.key}\u0000${String(r.id)}`))
      }
      if (spec.cells) {
        const cells = data[spec.cells.record] as Record<string, string>
        for (const key of Object.keys(cells)) {
          if (notShown.has(`${spec.cells.list}\u0000${key.split(':')[0]}`))
            delete cells[key]
        }
      }
      return data
    },
  }
  return adapter
}
