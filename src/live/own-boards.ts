// Everyone's own board: on an individual board (a kind marked `individual` in the registry,
// src/boards/index.ts) each participant has their own copy, `own/<participant id>/<board id>`,
// an ordinary board document (board-doc, schema 2) changed through the same adapter as the room's
// board (list-board.ts), so a phone's row is checked and written exactly as on a shared board.
//
// A copy is a document of the server like any other (opened by a direct connection), so with
// `--redis` every instance holds the same copy and a change made on one reaches the others at
// once, and it is written by the server's store extension (store.ts): acknowledged only once
// stored, undone and refused when the store cannot take it. Where: the session's store routes
// `own/…` (withOwnStore) to the copies' own store: with PostgreSQL (`--store`) the same
// database, under the cohort (`.cohorts/<cohort>`) or the session; else SQLite, the cohort's
// file (`<sessions>/.cohorts/<cohort>/own.sqlite`) or the session folder's `own.sqlite`. Under
// the cohort, a participant's boards are there again in the cohort's next session on the same
// phone (the phone keeps its secret; the server knows them by its hash), and module 4's charter
// builder takes them from the server.
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
import { type Place, SEQ_MAP } from './order'
import type { Contributor, LiveBoardAdapter, Refusal } from './boards'
import type { DirectConnection, Hocuspocus } from '@hocuspocus/server'
import type { storeExtension, UpdateStore } from './store'
import type { BoardMine, OwnProgress } from './protocol'

export const ownDocName = (participantId: string, boardId: string) => `own/${participantId}/${boardId}`
const OWN_DOC = /^own\/([\w-]{1,64})\/([a-z0-9][a-z0-9-]{0,63})$/

/** The kinds each person fills in for their own case (the registry's `individual`). */
export const INDIVIDUAL: readonly string[] = BOARDS
  .filter(b => b.individual && b.phone)
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

export interface OwnCopy { doc: Y.Doc, adapter: LiveBoardAdapter, boardId: string, kind: string, participantId: string }

/** What the copies need of the server: its documents (shared through Redis) and its store's answers. */
export interface OwnBoardsDeps {
  /** where the copies are kept: listed here; read and written through the server's documents */
  store: UpdateStore
  hocuspocus: () => Hocuspocus
  persistence: Pick<ReturnType<typeof storeExtension>, 'mark' | 'saved'>
  /** a change to a copy made on another instance (through Redis): its phones here are told */
  onRemote?: (copy: OwnCopy) => void
}

/** A change the store could not save: undone, and refused to the phone ("Not saved, try again"). */
export class OwnNotSaved extends Error {}

const fromRedis = (origin: unknown) => (origin as { source?: string } | null)?.source === 'redis'

export class OwnBoards {
  /** The copies open on this instance: each an ordinary server document, held by a direct connection. */
  private readonly open_ = new Map<string, Promise<{ conn: DirectConnection, doc: Y.Doc } | undefined>>()
  readonly store: UpdateStore

  constructor(private readonly deps: OwnBoardsDeps) {
    this.store = deps.store
  }

  /** The copy's document on this instance: loaded from the store (and kept current through Redis). */
  private load(participantId: string, boardId: string) {
    const name = ownDocName(participantId, boardId)
    let pending = this.open_.get(name)
    if (!pending) {
      pending = (async () => {
        const conn = await this.deps.hocuspocus().openDirectConnection(name, { role: 'facilitator' })
        const doc = (conn as unknown as { document: Y.Doc }).document
        let scheduled = false
        doc.on('afterTransaction', (tr: Y.Transaction) => {
          // Another instance changed the copy (the participant's other phone, a purge there).
          if (!fromRedis(tr.origin) || scheduled || (!tr.changed.size && !tr.deleteSet.clients.size))
            return
          scheduled = true
          setImmediate(() => {
            scheduled = false
            const kind = doc.getMap<unknown>('meta').get('kind')
            const adapter = typeof kind === 'string' && isIndividual(kind) ? liveBoard(kind) : undefined
            if (adapter && this.deps.onRemote)
              this.deps.onRemote({ doc, adapter, boardId, kind: kind as string, participantId })
          })
        })
        return { conn, doc }
      })()
      this.open_.set(name, pending)
      pending.catch(() => this.open_.delete(name))
    }
    return pending
  }

  /**
   * A participant's copy of a board: loaded from the store, or made for `kind` the first time
   * (undefined: no copy and no kind, or a kind that is not individual). The first change is
   * saved before the copy is used: a store that refuses it throws OwnNotSaved.
   */
  async open(participantId: string, boardId: string, kind?: string): Promise<OwnCopy | undefined> {
    const loaded = await this.load(participantId, boardId)
    if (!loaded)
      return undefined
    const { doc } = loaded
    const stored = doc.getMap<unknown>('meta').get('kind')
    const k = typeof stored === 'string' ? stored : kind
    const adapter = k && isIndividual(k) ? liveBoard(k) : undefined
    if (!adapter || !k)
      return undefined
    const copy = { doc, adapter, boardId, kind: k, participantId }
    if (stored === undefined) {
      await this.change(copy, () => {
        adapter.init?.(doc)
        claimStarters(doc, participantId)
      })
    }
    return copy
  }

  /**
   * One change to a copy, acknowledged only once stored (SQLite inside the change; PostgreSQL's
   * INSERT waited for, with the ones before it): a change the store cannot save is undone and
   * OwnNotSaved thrown. Other instances get it through Redis.
   */
  async change<T>(copy: OwnCopy, work: () => T): Promise<T> {
    const origin = { source: 'local', own: true }
    const undo = new Y.UndoManager(copy.doc, { trackedOrigins: new Set([origin]), captureTimeout: 0 })
    let result!: T
    try {
      copy.doc.transact(() => { result = work() }, origin)
      const saved = await this.deps.persistence.saved(this.deps.persistence.mark(ownDocName(copy.participantId, copy.boardId)))
      if (!saved) {
        undo.undo()
        throw new OwnNotSaved(`the copy ${ownDocName(copy.participantId, copy.boardId)} could not be saved`)
      }
      return result
    }
    finally {
      undo.clear()
      undo.destroy()
    }
  }

  /**
   * Applies a participant's operation to their own copy, in one change. Inside the change,
   * `place` says whether the operation is the next of its entry (order.ts); if it is not, that
   * place is returned and nothing is changed. `refusal` refuses it without applying (a check made
   * before, such as a locked board); `note` records it as processed, applied or refused. Returns
   * the refusal, if any.
   */
  async apply(copy: OwnCopy, op: unknown, who: Contributor, hooks: { place?: () => Place, refusal?: Refusal, note?: (refused: boolean) => void } = {}): Promise<Refusal | Exclude<Place, 'next'> | undefined> {
    return this.change(copy, () => {
      const place = hooks.place?.() ?? 'next'
      if (place !== 'next')
        return place
      const refusal = hooks.refusal ?? copy.adapter.apply(copy.doc, op, who)
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
      hooks.note?.(!!refusal)
      return refusal
    })
  }

  async setConsent(copy: OwnCopy, consent: boolean) {
    await this.change(copy, () => ownMap(copy.doc).set('consent', consent))
  }

  /**
   * The facilitator's "remove everything from this person": each of their copies emptied (its
   * entries, its sections' text, the name they gave and their consent). The order records stay,
   * so a phone's old resends are acknowledged as superseded, never applied again.
   */
  async empty(participantId: string): Promise<string[]> {
    const emptied: string[] = []
    for (const boardId of await this.boardsOf(participantId)) {
      const copy = await this.open(participantId, boardId)
      if (!copy)
        continue
      await this.change(copy, () => {
        // Everything but what the copy is (meta) and the order records: rows, lists of proposals,
        // records, fields, the name and consent (every share of a board document is a map).
        for (const name of [...copy.doc.share.keys()]) {
          if (name !== 'meta' && name !== SEQ_MAP) {
            const map = copy.doc.getMap<unknown>(name)
            for (const key of [...map.keys()])
              map.delete(key)
          }
        }
      })
      emptied.push(boardId)
    }
    return emptied
  }

  /** What the phone shows of its copy: its entries (all visible: nobody moderates your own board). */
  mine(copy: OwnCopy, participantId: string): { mine: BoardMine, consent: boolean, sections?: Record<string, string> } {
    const mine = copy.adapter.mine(copy.doc, participantId) as BoardMine
    const entry = boardByKind(copy.kind)
    const phone = entry?.phone
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
  async boardsOf(participantId: string): Promise<string[]> {
    return ownDocuments(await this.store.documentsAsync()).filter(d => d.participantId === participantId).map(d => d.boardId)
  }

  /** The participants with a copy of a board. */
  async participantsOf(boardId: string): Promise<string[]> {
    return ownDocuments(await this.store.documentsAsync()).filter(d => d.boardId === boardId).map(d => d.participantId)
  }

  /**
   * Charter builder: the participant's own earlier boards (the server's copies, no files) merged
   * into their own charter as the laptop's "Take from earlier boards" does (thread.ts).
   */
  async thread(charter: OwnCopy, participantId: string): Promise<{ added: string[], boards: string[] }> {
    const files: { name: string, text: string }[] = []
    for (const id of await this.boardsOf(participantId)) {
      if (id === charter.boardId)
        continue
      const c = await this.open(participantId, id)
      if (c && c.kind !== charter.kind)
        files.push({ name: `${c.boardId}.json`, text: this.exportOf(c).text })
    }
    const def = charter.adapter.def
    const now = readBoard(charter.doc, def).data as CharterData
    const merged = threadCharter(now, files)
    await this.change(charter, () => {
      for (const s of merged.set)
        setField(charter.doc, def, s.path, s.value)
      for (const m of merged.milestones)
        addRow(charter.doc, def, 'milestones', { ...m, _author: participantId, _status: 'visible', _at: Date.now() })
    })
    const added = merged.results.flatMap(r => (r.ok ? r.added : []))
    return { added, boards: merged.results.filter(r => r.ok).map(r => r.file.replace(/\.json$/, '')) }
  }

  /** Closes this instance's hold on the copies (the server stopping). */
  async close() {
    const open = [...this.open_.values()]
    this.open_.clear()
    for (const p of open)
      await p.then(o => o?.conn.disconnect()).catch(() => {})
  }
}

/** The participants' copies among a store's documents. */
export function ownDocuments(names: string[]): { participantId: string, boardId: string }[] {
  const out: { participantId: string, boardId: string }[] = []
  for (const name of names) {
    const m = OWN_DOC.exec(name)
    if (m)
      out.push({ participantId: m[1], boardId: m[2] })
  }
  return out
}

/**
 * The server's store with the participants' copies (`own/…`) kept in their own store (the
 * cohort's), everything else in the session's. One store when both are the same.
 */
export function withOwnStore(session: UpdateStore, own: UpdateStore): UpdateStore {
  if (session === own)
    return session
  const pick = (doc: string) => (doc.startsWith('own/') ? own : session)
  const routed: UpdateStore = {
    append: (doc, update) => pick(doc).append(doc, update),
    readAsync: doc => pick(doc).readAsync(doc),
    documentsAsync: async () => [...(await session.documentsAsync()).filter(d => !d.startsWith('own/')), ...(await own.documentsAsync()).filter(d => d.startsWith('own/'))],
    compact: doc => pick(doc).compact?.(doc),
    close: async () => {
      await Promise.allSettled([session.close(), own.close()].map(p => Promise.resolve(p)))
    },
  }
  Object.defineProperty(routed, 'onError', {
    get: () => session.onError,
    set: (f: ((e: Error) => void) | undefined) => {
      session.onError = f
      own.onError = f
    },
  })
  return routed
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

/**
 * With PostgreSQL (`--store`), where the copies are kept in the same database: under the cohort
 * (`.cohorts/<cohort>`, a name no session can have), so they are there in its next session, or
 * under the session itself.
 */
export function ownPgSession(session: string, cohort: string | undefined): string {
  if (!cohort)
    return session
  if (!COHORT.test(cohort))
    throw new UserError(`"${cohort}" is not a cohort id this kit can keep participants' own boards under: use lower-case letters, digits and dashes (the cohort's folder name in cohorts/).`)
  return `.cohorts/${cohort}`
}
