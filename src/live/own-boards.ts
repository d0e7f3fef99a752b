// Everyone's own board: on an individual board (a kind marked `individual` in the registry,
// src/boards/index.ts) each participant has their own copy, `own/<participant id>/<board id>`,
// an ordinary board document (board-doc, schema 2) changed through the same adapter as the room's
// board (list-board.ts), so a phone's row is checked and written exactly as on a shared board.
//
// The copies live in their own SQLite file: the cohort's (`<sessions>/.cohorts/<cohort>/own.sqlite`)
// when the session has a cohort, so a participant's boards are there again in the cohort's next
// session on the same phone (the phone keeps its secret; the server knows them by its hash),
// and module 4's charter builder takes them from the server; else the session's own folder.
// Every update is appended inside the change, before the phone is told (as store.ts does).
import { join } from 'node:path'
import * as Y from 'yjs'
import { BOARDS, boardByKind } from '../boards'
import { exportJson } from '../boards/kit/board'
import { PROPOSALS } from '../boards/kit/phone'
import type { CharterData } from '../boards/charter-builder/model'
import { threadCharter } from '../boards/charter-builder/thread'
import { UserError } from '../errors'
import { addRow, readBoard, setField } from '../board-doc'
import { liveBoard } from './adapters'
import type { Contributor, LiveBoardAdapter, Refusal } from './boards'
import { FROM_STORE, LiveStore } from './store'
import type { BoardMine, OwnProgress } from './protocol'

export const ownDocName = (participantId: string, boardId: string) => `own/${participantId}/${boardId}`
const OWN_DOC = /^own\/([\w-]{1,64})\/([a-z0-9][a-z0-9-]{0,63})$/

/** The kinds each person fills in for their own case (the registry's `individual`). */
export const INDIVIDUAL: readonly string[] = BOARDS
  .filter(b => b.individual && b.phone && !('ideas' in b.phone))
  .map(b => b.def.kind)
export const isIndividual = (kind: string | undefined) => !!kind && INDIVIDUAL.includes(kind)

const COHORT = /^[a-z0-9][a-z0-9-]{0,99}$/

/** Where a session's own boards are kept: the cohort's file when it has one, else the session's. */
export function ownStoreFile(sessionsRoot: string, sessionDir: string, cohort: string | undefined): string {
  if (!cohort)
    return join(sessionDir, 'own.sqlite')
  if (!COHORT.test(cohort))
    throw new UserError(`"${cohort}" is not a cohort id this kit can keep participants' own boards under: use lower-case letters, digits and dashes (the cohort's folder name in cohorts/).`)
  return join(sessionsRoot, '.cohorts', cohort, 'own.sqlite')
}

/** The `own` map of a copy: who it belongs to as the room sees them, and whether they agreed to show it. */
const ownMap = (doc: Y.Doc) => doc.getMap<unknown>('own')

export interface OwnCopy { doc: Y.Doc, adapter: LiveBoardAdapter, boardId: string, kind: string }

export class OwnBoards {
  private readonly docs = new Map<string, Y.Doc>()
  readonly store: LiveStore

  constructor(file: string) {
    this.store = new LiveStore(file)
  }

  /**
   * A participant's copy of a board: loaded from the store, or made for `kind` the first time
   * (undefined: no copy and no kind, or a kind that is not individual).
   */
  open(participantId: string, boardId: string, kind?: string): OwnCopy | undefined {
    const name = ownDocName(participantId, boardId)
    let doc = this.docs.get(name)
    if (!doc) {
      const saved = this.store.read(name)
      if (!saved && !isIndividual(kind))
        return undefined
      doc = new Y.Doc()
      if (saved)
        Y.applyUpdate(doc, saved, FROM_STORE)
      // Written inside the change: a change the store refuses throws, and the copy is dropped
      // (read again from the store next time), so nothing unsaved is ever acknowledged.
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== FROM_STORE)
          this.store.append(name, update)
      })
      this.docs.set(name, doc)
    }
    const stored = doc.getMap<unknown>('meta').get('kind')
    const k = typeof stored === 'string' ? stored : kind
    const adapter = k && isIndividual(k) ? liveBoard(k) : undefined
    if (!adapter || !k) {
      this.docs.delete(name)
      return undefined
    }
    if (stored === undefined) {
      try {
        doc.transact(() => {
          adapter.init?.(doc)
          claimStarters(doc, participantId)
        })
      }
      catch (e) {
        this.docs.delete(name)
        throw e
      }
    }
    return { doc, adapter, boardId, kind: k }
  }

  /** Forgets a copy held in memory (after a write the store refused): the store's is the truth. */
  drop(participantId: string, boardId: string) {
    this.docs.delete(ownDocName(participantId, boardId))
  }

  /** Applies a participant's operation to their own copy, in one change; the refusal, if any. */
  apply(copy: OwnCopy, op: unknown, who: Contributor, after?: () => void): Refusal | undefined {
    let refusal: Refusal | undefined
    copy.doc.transact(() => {
      refusal = copy.adapter.apply(copy.doc, op, who)
      const o = op as { op: string, list?: string, row?: Record<string, unknown> }
      // Charter: on your own charter a proposal is your text for the section.
      if (!refusal && o.list === PROPOSALS && (o.op === 'add' || o.op === 'edit') && typeof o.row?.path === 'string')
        setField(copy.doc, copy.adapter.def, o.row.path.split('.'), o.row.text)
      const own = ownMap(copy.doc)
      if (!refusal) {
        own.set('at', who.now)
        if (own.get('name') !== who.name)
          own.set('name', who.name)
      }
      after?.()
    })
    return refusal
  }

  setConsent(copy: OwnCopy, consent: boolean) {
    copy.doc.transact(() => ownMap(copy.doc).set('consent', consent))
  }

  /** What the phone shows of its copy: its entries (all visible: nobody moderates your own board). */
  mine(copy: OwnCopy, participantId: string): { mine: BoardMine, consent: boolean, sections?: Record<string, string> } {
    const mine = copy.adapter.mine(copy.doc, participantId) as BoardMine
    const entry = boardByKind(copy.kind)
    const phone = entry?.phone && !('ideas' in entry.phone) ? entry.phone : undefined
    let sections: Record<string, string> | undefined
    if (phone?.proposals) {
      const fields = copy.doc.getMap<unknown>('fields')
      sections = Object.fromEntries(phone.proposals.map(p => [p.path, fields.get(p.path)]).filter(([, v]) => typeof v === 'string' && v)) as Record<string, string>
    }
    return { mine, consent: ownMap(copy.doc).get('consent') === true, ...(sections ? { sections } : {}) }
  }

  /** How far the participant is (never what they wrote): for the projector. */
  progress(copy: OwnCopy, participantId: string, n: number): OwnProgress {
    const { mine } = this.mine(copy, participantId)
    const rows = Object.entries(mine.lists).reduce((sum, [, entries]) => sum + entries.length, 0)
    const own = ownMap(copy.doc)
    const at = own.get('at')
    return { name: String(own.get('name') ?? ''), n, rows, at: typeof at === 'number' ? at : 0, consent: own.get('consent') === true }
  }

  /** The copy as the board's JSON export (what the laptop's Export writes and `importJson` reads). */
  exportOf(copy: OwnCopy, now = new Date()): { file: string, text: string } {
    const data = copy.adapter.results(copy.doc)
    return { file: `${copy.boardId}.json`, text: exportJson(copy.adapter.def, copy.boardId, data as never, now) }
  }

  /** The boards a participant has a copy of: board ids, in the store's order. */
  boardsOf(participantId: string): string[] {
    const out: string[] = []
    for (const name of this.store.documents()) {
      const m = OWN_DOC.exec(name)
      if (m && m[1] === participantId)
        out.push(m[2])
    }
    return out
  }

  /** The participants with a copy of a board. */
  participantsOf(boardId: string): string[] {
    const out: string[] = []
    for (const name of this.store.documents()) {
      const m = OWN_DOC.exec(name)
      if (m && m[2] === boardId)
        out.push(m[1])
    }
    return out
  }

  /**
   * Charter builder: the participant's own earlier boards (the server's copies, no files) merged
   * into their own charter as the laptop's "Take from earlier boards" does (thread.ts).
   */
  thread(charter: OwnCopy, participantId: string): { added: string[], boards: string[] } {
    const files = this.boardsOf(participantId)
      .filter(id => id !== charter.boardId)
      .map(id => this.open(participantId, id))
      .filter((c): c is OwnCopy => !!c && c.kind !== 'charter-builder')
      .map(c => ({ name: `${c.boardId}.json`, text: this.exportOf(c).text }))
    const def = charter.adapter.def
    const now = readBoard(charter.doc, def).data as CharterData
    const merged = threadCharter(now, files)
    charter.doc.transact(() => {
      for (const s of merged.set)
        setField(charter.doc, def, s.path, s.value)
      for (const m of merged.milestones)
        addRow(charter.doc, def, 'milestones', { ...m, _author: participantId, _status: 'visible', _at: Date.now() })
    })
    const added = merged.results.flatMap(r => (r.ok ? r.added : []))
    return { added, boards: merged.results.filter(r => r.ok).map(r => r.file.replace(/\.json$/, '')) }
  }

  close() {
    this.docs.clear()
    this.store.close()
  }
}

/** A new copy's starter rows (RACI's starter roles and tasks) are its owner's to rename or delete. */
function claimStarters(doc: Y.Doc, participantId: string) {
  for (const [name, type] of doc.share) {
    if (!name.startsWith('rows:') || !(type instanceof Y.Map))
      continue
    for (const row of (type as Y.Map<unknown>).values()) {
      if (row instanceof Y.Map && row.get('_author') === undefined) {
        row.set('_author', participantId)
        row.set('_status', 'visible')
      }
    }
  }
}
