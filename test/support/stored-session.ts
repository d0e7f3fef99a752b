// A live session's store made in memory, as the live server would have written it: board
// documents with participants' rows (`_author`, `_name`, `_status`, `_at`, `_lang`) and the
// control document with the questions the deck announced. For the export and record tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { boardByKind } from '../../src/boards'
import { CONTROL_DOC } from '../../src/live/protocol'
import { LiveStore } from '../../src/live/store'
import { addRow, initBoardDoc } from '../../src/board-doc'

export const AT = Date.parse('2026-11-25T09:30:00Z')

const made: string[] = []
/** Removes every store made by storedSession (call it in afterAll). */
export function removeStoredSessions(): void {
  for (const dir of made.splice(0))
    rmSync(dir, { recursive: true, force: true })
}

type Extra = { _author?: string, _name?: string, _status?: string, _at?: number, _lang?: string, _mergedInto?: string }

/** A channel audit as the live server stores it: the facilitator's row and participants' rows. */
export function auditDoc(rows: { channel: string, extra?: Extra }[]): Y.Doc {
  const def = boardByKind('channel-audit')!.def
  const doc = new Y.Doc()
  initBoardDoc(doc, def)
  rows.forEach(({ channel, extra }, i) => {
    const id = `c${i}`
    addRow(doc, def, ['channels'], { id, channel, mode: 'async', purpose: '', audience: '', owner: '', cadence: '', accessibilityNotes: '' })
    const row = doc.getMap('rows:channels').get(id) as Y.Map<unknown>
    for (const [k, v] of Object.entries(extra ?? {}))
      row.set(k, v)
  })
  return doc
}

/** A session's SQLite store with the given board documents and the questions the deck announced. */
export function storedSession(boards: Record<string, Y.Doc>, questions: Record<string, string>, title = 'Lisbon, module 2', others: Record<string, Y.Doc> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kit-live-record-'))
  made.push(dir)
  const file = join(dir, 'live.sqlite')
  const store = new LiveStore(file)
  const control = new Y.Doc()
  control.getMap('session').set('title', title)
  for (const [id, q] of Object.entries(questions)) {
    const entry = new Y.Map<unknown>()
    control.getMap('boards').set(id, entry)
    entry.set('title', q)
  }
  store.append(CONTROL_DOC, Y.encodeStateAsUpdate(control))
  for (const [id, doc] of Object.entries(boards))
    store.append(`board/${id}`, Y.encodeStateAsUpdate(doc))
  for (const [name, doc] of Object.entries(others))
    store.append(name, Y.encodeStateAsUpdate(doc))
  store.close()
  return file
}


/** An empty board document of a kind, as the live server opens the room's board. */
export function emptyBoard(kind: string): Y.Doc {
  const doc = new Y.Doc()
  initBoardDoc(doc, boardByKind(kind)!.def)
  return doc
}

/**
 * An individual board's progress document as the server keeps it (`progress/<id>`): per
 * participant, the name they gave and their number of entries; and a board someone agreed to show.
 */
export function progressDoc(people: Record<string, { name: string, rows: number }>, shown = ''): Y.Doc {
  const doc = new Y.Doc()
  let n = 0
  for (const [id, p] of Object.entries(people))
    doc.getMap('people').set(id, JSON.stringify({ name: p.name, n: ++n, rows: p.rows, at: AT, consent: false }))
  doc.getMap('shown').set('board', shown)
  return doc
}
