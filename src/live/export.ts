// A session's results, read from its SQLite store (the server may still be running): per board,
// the kit's JSON export envelope, Markdown and CSV, and results.json (all boards) for
// `npm run export -- --results`; and session.md, the session record for the host or funder
// (every board, its question and its counts). Only what participants could see is exported:
// hidden and pending contributions stay out, as they stayed off the projector; they are counted.
//
// Each board's export names the question it answered (the title the deck gave the board, as
// the presenter announced it), the moderation state (open or queued, locked, how many entries
// were shown, waiting, hidden or merged) and, per visible contribution, the name its sender
// chose to give, the language it was written in (`_lang`, the language its phone showed) and
// when it was sent. The JSON envelope carries them under `live`; <board>.contributions.csv lists
// the same contributions for a spreadsheet. Nothing in `live` is read back: an export without it
// (or an older one, without `lang`) imports as before.
//
// An individual board (everyone's own board) is counted, never shown: how many people opened
// their own copy, started it, and their entries in all, from the projector's progress
// (`progress/<id>`, in the session's store). Each person's copy is theirs.
import { writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import * as Y from 'yjs'
import { boardByKind } from '../boards'
import { type BoardDefinition, exportJson, validate } from '../boards/kit/board'
import { mdTable, mdText, toCsv } from '../boards/kit/formats'
import { CATALOGUES } from '../i18n/languages'
import { count } from '../i18n/labels'
import { UserError } from '../errors'
import { liveBoard } from './adapters'
import { isEntry } from './boards'
import { isLocked, mergedSenders, metaMap, moderationOf, readBoard, rowStatus } from '../board-doc'
import { BOARD_ID, CONTROL_DOC, progressDocName } from './protocol'
import { LiveStore, loadDocument, type UpdateStore } from './store'

/** `from`: the session's SQLite file, or an open store (PostgreSQL), which is left open. */
/**
 * A board's file name, from its stored document name: only a board id (lower-case letters,
 * digits, dashes) names a file. A store is data: a document named `board/../x` (a damaged or
 * forged store) must not write outside `out`, so anything else is refused.
 */
export function boardFileName(documentName: string): string | undefined {
  const id = /^board\/(.+)$/s.exec(documentName)?.[1]
  return id !== undefined && BOARD_ID.test(id) ? id : undefined
}

/**
 * A visible contribution in a board's export: where, what, the name given, the language it was
 * written in (a kit language's code, when the phone said so) and when; `also`: the names given
 * by the senders of duplicates merged into it (their entries' text stays out).
 */
export interface ExportedContribution { list: string, id: string, entry: string, by: string, lang?: string, at?: string, also?: string[] }

/** What a board's export says of the live session besides its results. */
export interface LiveRecord {
  question: string
  moderation: 'open' | 'queue'
  locked: boolean
  counts: { shown: number, waiting: number, hidden: number, merged: number, contributors: number }
  first?: string
  last?: string
  contributions: ExportedContribution[]
  /**
   * An individual board (everyone's own board): how many people opened their own copy in this
   * session, how many started it (an entry or more) and their entries in all. Counts only: each
   * person's board is theirs, and leaves only through their own download or a consented show.
   */
  own?: OwnCounts
}

export interface OwnCounts { opened: number, started: number, entries: number }

/**
 * The counts of an individual board from its progress document (`progress/<id>`, what the
 * projector shows: per participant of this session, their number of entries). Nothing else of
 * it is read: not the names, not the board a participant agreed to show.
 */
export function ownCounts(progress: Y.Doc): OwnCounts | undefined {
  const people = progress.getMap<unknown>('people')
  if (!people.size)
    return undefined
  const counts: OwnCounts = { opened: 0, started: 0, entries: 0 }
  for (const raw of people.values()) {
    let rows = 0
    try {
      const n = Number((JSON.parse(String(raw)) as { rows?: unknown }).rows)
      rows = Number.isInteger(n) && n > 0 ? n : 0
    }
    catch {}
    counts.opened++
    if (rows > 0)
      counts.started++
    counts.entries += rows
  }
  return counts
}

/** One line on an individual board's own copies, in plain English. */
function ownLine(c: OwnCounts): string {
  return `Individual board: ${count(c.opened, '{n} person', '{n} people', 'en')} opened their own copy, ${c.started} started it, ${count(c.entries, '{n} entry', '{n} entries', 'en')} in all. Counts only: each person's own board stays theirs.`
}

const iso = (at: unknown) => typeof at === 'number' && Number.isFinite(at) && at > 0 ? new Date(at).toISOString() : undefined
const stamp = (at?: string) => at ? `${at.slice(0, 16).replace('T', ' ')} UTC` : ''

/** An entry in a few words: its first field that says something. */
function entryWords(row: Y.Map<unknown>): string {
  for (const key of ['title', 'text', 'name', 'activity', 'what', 'item', 'channel', 'label']) {
    const v = row.get(key)
    if (typeof v === 'string' && v.trim())
      return v.trim()
  }
  for (const [key, v] of row.entries()) {
    if (!key.startsWith('_') && key !== 'id' && typeof v === 'string' && v.trim())
      return v.trim()
  }
  return String(row.get('id') ?? '')
}

/**
 * The contributions in a board document: rows sent from phones (they carry `_author`) in any of
 * its lists (votes and upvotes, counted entries, are not: isEntry). Visible ones are listed; the others only counted.
 */
export function liveRecord(doc: Y.Doc, question: string): LiveRecord {
  const record: LiveRecord = {
    question,
    moderation: moderationOf(doc),
    locked: isLocked(doc),
    counts: { shown: 0, waiting: 0, hidden: 0, merged: 0, contributors: 0 },
    contributions: [],
  }
  const authors = new Set<string>()
  const times: string[] = []
  // Only the maps the board's adapter has read (a share never read is left untyped, never cast).
  for (const [name, list] of doc.share) {
    if (name === 'meta' || !(list instanceof Y.Map))
      continue
    for (const [id, row] of list.entries()) {
      if (!isEntry(row))
        continue
      authors.add(row.get('_author') as string)
      const status = rowStatus(row)
      if (typeof row.get('_mergedInto') === 'string') {
        record.counts.merged++
        continue
      }
      if (status !== 'visible') {
        record.counts[status === 'pending' ? 'waiting' : 'hidden']++
        continue
      }
      record.counts.shown++
      const at = iso(row.get('_at'))
      if (at)
        times.push(at)
      const given = row.get('_name')
      const lang = row.get('_lang')
      const also = mergedSenders(list, row, id)
      record.contributions.push({ list: name.replace(/^rows:/, ''), id, entry: entryWords(row), by: typeof given === 'string' ? given : '', ...(typeof lang === 'string' && lang ? { lang } : {}), ...(at ? { at } : {}), ...(also.length ? { also } : {}) })
    }
  }
  record.counts.contributors = authors.size
  record.contributions.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''))
  times.sort()
  if (times.length) {
    record.first = times[0]
    record.last = times.at(-1)
  }
  return record
}

/** One line: shown, waiting, hidden, merged, in plain English. */
function countsLine(r: LiveRecord): string {
  const parts = [count(r.counts.shown, '{n} entry shown', '{n} entries shown', 'en')]
  if (r.counts.waiting)
    parts.push(`${r.counts.waiting} waiting for approval (left out)`)
  if (r.counts.hidden)
    parts.push(`${r.counts.hidden} hidden (left out)`)
  if (r.counts.merged)
    parts.push(`${count(r.counts.merged, '{n} duplicate', '{n} duplicates', 'en')} merged into others`)
  return `${parts.join(', ')}; ${count(r.counts.contributors, '{n} participant contributed', '{n} participants contributed', 'en')}.`
}

/** A language's code as its catalogue names it ("Español (es)"); the code alone for one the kit lacks. */
export function languageName(code: string | undefined): string {
  if (!code)
    return ''
  const name = CATALOGUES.find(c => c.code === code)?.name
  return name ? `${name} (${code})` : code
}

const CONTRIBUTION_HEADERS = ['List', 'Entry', 'Name given', 'Written in', 'Sent (UTC)'] as const
const contributionRow = (c: ExportedContribution) => [c.list, c.entry, `${c.by || '(anonymous)'}${c.also?.length ? ` (merged: also ${c.also.join(', ')})` : ''}`, languageName(c.lang), stamp(c.at)]

/** A board's visible contributions as CSV: where, what, the name given, the language, when. */
export function contributionsCsv(r: LiveRecord): string {
  return toCsv(CONTRIBUTION_HEADERS, r.contributions.map(contributionRow))
}

/** A board's Markdown: the question, the moderation, the board's own export, who sent what and when. */
export function boardMarkdown(boardId: string, boardTitle: string, body: string, r: LiveRecord, now: Date): string {
  const lines = [
    `# ${mdText(r.question || boardTitle)}`,
    '',
    `Board: ${mdText(boardTitle)} (\`${boardId}\`), exported ${stamp(now.toISOString())}.`,
    `Moderation: ${r.moderation === 'queue' ? 'approve before showing' : 'open (shown at once)'}${r.locked ? ', locked' : ''}; ${countsLine(r)}`,
  ]
  if (r.first)
    lines.push(`Contributions from ${stamp(r.first)} to ${stamp(r.last)}.`)
  if (r.own)
    lines.push(ownLine(r.own))
  lines.push('', body.replace(/^#(?=#* )/gm, '##').trim(), '')
  if (r.contributions.length) {
    lines.push('## Contributions', '', mdTable(CONTRIBUTION_HEADERS, r.contributions.map(contributionRow)), '')
  }
  return `${lines.join('\n').trimEnd()}\n`
}

export interface SessionBoard { id: string, title: string, body: string, record: LiveRecord }

/** The session record (Markdown) for the host or funder: the boards, their questions and counts. */
export function sessionMarkdown(session: { name?: string, title: string }, boards: SessionBoard[], now: Date): string {
  const firsts = boards.map(b => b.record.first).filter(Boolean).sort() as string[]
  const lasts = boards.map(b => b.record.last).filter(Boolean).sort() as string[]
  const shown = boards.reduce((n, b) => n + b.record.counts.shown, 0)
  const lines = [
    `# Session record: ${mdText(session.title || session.name || 'live session')}`,
    '',
    `${session.name ? `Session \`${session.name}\`, exported` : 'Exported'} ${stamp(now.toISOString())}.${firsts.length ? ` Contributions from ${stamp(firsts[0])} to ${stamp(lasts.at(-1))}.` : ''}`,
    `${count(boards.length, '{n} board', '{n} boards', 'en')}, ${count(shown, '{n} entry shown', '{n} entries shown', 'en')}. Hidden entries and entries still waiting for approval are left out of this record; they are only counted. Names are the ones people chose to give.`,
    '',
    mdTable(['Question', 'Board', 'Shown', 'Waiting', 'Hidden', 'Contributors', 'Locked'], boards.map(b => [b.record.question || b.title, b.title, b.record.counts.shown, b.record.counts.waiting, b.record.counts.hidden, b.record.counts.contributors, b.record.locked ? 'yes' : 'no'])),
    '',
  ]
  const individual = boards.filter(b => b.record.own)
  if (individual.length) {
    lines.push('Individual boards: each person filled their own copy. Only counts are in this record; each person\'s own board stays theirs.', '')
    lines.push(mdTable(['Question', 'Board', 'Opened', 'Started', 'Entries'], individual.map(b => [b.record.question || b.title, b.title, b.record.own!.opened, b.record.own!.started, b.record.own!.entries])), '')
  }
  for (const b of boards) {
    lines.push(`## ${mdText(b.record.question || b.title)}`, '', `${mdText(b.title)} (\`${b.id}\`). ${countsLine(b.record)}${b.record.own ? ` ${ownLine(b.record.own)}` : ''}`, '')
    lines.push(b.body.replace(/^# .*\n+/, '').replace(/^(#+) /gm, '#$1 ').trim(), '')
  }
  return `${lines.join('\n').trimEnd()}\n`
}

/** A stored board as the session record sees it; `results` when the kit can read its data. */
export interface StoredBoard extends SessionBoard {
  kind: string
  results?: { def: BoardDefinition, data: unknown }
}

/**
 * Every board document in a session's store, with the question the deck announced for it and
 * the session's title. A board the registry knows is read through its live adapter (or, for a
 * board without a phone form, as a board document); a kind the kit does not know still gets its
 * question and counts (a newer kit's board), so a record lists every stored board. Documents
 * whose names are not board ids are `refused` (they name no file).
 */
export async function readStoredBoards(store: UpdateStore): Promise<{ title: string, boards: StoredBoard[], refused: string[] }> {
  const names = await store.documentsAsync()
  const refused: string[] = []
  const boards: StoredBoard[] = []
  let title = ''
  // The questions: the titles the deck announced for its boards (the control document).
  const questions = new Map<string, string>()
  if (names.includes(CONTROL_DOC)) {
    const control = await loadDocument(store, CONTROL_DOC)
    const t = control.getMap('session').get('title')
    title = typeof t === 'string' ? t : ''
    for (const [id, entry] of control.getMap<unknown>('boards').entries()) {
      const q = entry instanceof Y.Map ? entry.get('title') : undefined
      if (typeof q === 'string')
        questions.set(id, q)
    }
  }
  for (const name of names) {
    if (!name.startsWith('board/'))
      continue
    const boardId = boardFileName(name)
    if (!boardId) {
      refused.push(name)
      continue
    }
    const doc = await loadDocument(store, name)
    const kind = String(metaMap(doc).get('kind') ?? '')
    const adapter = liveBoard(kind)
    const def = adapter?.def ?? boardByKind(kind)?.def
    // Read as the server reads it once loaded: a layout from before this kit is migrated (in memory).
    if (adapter?.init)
      doc.transact(() => adapter.init!(doc))
    // An individual board: its participants' own copies, counted from the projector's progress.
    const own = names.includes(progressDocName(boardId)) ? ownCounts(await loadDocument(store, progressDocName(boardId))) : undefined
    const live = (boardTitle: string) => ({ ...liveRecord(doc, questions.get(boardId) ?? boardTitle), ...(own ? { own } : {}) })
    if (!def) {
      // A kind this kit does not know: its keyed lists are read as maps (only shares with keys,
      // so a list or a text is never cast), and its contributions counted like any board's.
      for (const [share, type] of [...doc.share]) {
        const untyped = type.constructor === Y.AbstractType
        if (untyped && (type as Y.AbstractType<unknown>)._map.size > 0)
          doc.getMap(share)
      }
      const boardTitle = kind ? `${kind} (a board this kit does not know)` : 'A board of unknown kind'
      boards.push({ id: boardId, kind, title: boardTitle, body: '', record: live(boardTitle) })
      continue
    }
    const checked = validate(def, adapter ? adapter.results(doc) : readBoard(doc, def).data)
    if (!checked.ok)
      throw new UserError(`Board ${boardId} cannot be exported: ${checked.error}`)
    boards.push({ id: boardId, kind, title: def.title, body: def.toMarkdown(checked.data), record: live(def.title), results: { def, data: checked.data } })
  }
  return { title, boards, refused }
}

export async function exportSession(from: string | UpdateStore, out: string, now = new Date()): Promise<{ boards: number, files: string[], refused: string[] }> {
  const store = typeof from === 'string' ? new LiveStore(from) : from
  const files: string[] = []
  const envelopes: unknown[] = []
  const write = (name: string, text: string) => {
    const file = join(out, name)
    if (relative(resolve(out), resolve(file)).startsWith('..'))
      throw new Error(`export: ${file} is outside ${out}`)
    writeFileSync(file, text)
    files.push(file)
  }
  let stored: Awaited<ReturnType<typeof readStoredBoards>>
  try {
    stored = await readStoredBoards(store)
  }
  finally {
    if (typeof from === 'string')
      await store.close()
  }
  for (const board of stored.boards) {
    if (!board.results)
      continue
    const { def, data } = board.results
    const envelope = { ...JSON.parse(exportJson(def, board.id, data, now)), live: board.record }
    envelopes.push(envelope)
    write(`${board.id}.json`, `${JSON.stringify(envelope, null, 2)}\n`)
    write(`${board.id}.md`, boardMarkdown(board.id, board.title, board.body, board.record, now))
    write(`${board.id}.csv`, def.toCsv(data))
    write(`${board.id}.contributions.csv`, contributionsCsv(board.record))
  }
  if (envelopes.length) {
    const file = join(out, 'results.json')
    writeFileSync(file, `${JSON.stringify(envelopes, null, 2)}\n`)
    files.push(file)
    write('session.md', sessionMarkdown({ title: stored.title }, stored.boards, now))
  }
  return { boards: envelopes.length, files, refused: stored.refused }
}
