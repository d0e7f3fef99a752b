// Documents and exports written before the document core (src/board-doc/) still load through it.
// test/fixtures/pre-core/live-docs.json was written by the kit of commit ad5ac07, whose board
// document lived in src/state/board-doc.ts: for every board with a phone form, a live session's
// board document as the server's store keeps it (one Yjs update: contributions open and queued,
// one hidden, an edit, a row the facilitator typed, the charter's proposal, moderation 'queue'),
// what that kit read from it (board, moderation panel, projection, results, each phone's own
// entries) and that kit's JSON export of the results (one option label of the ledger's projected
// form, "in-kind support", since reworded in English and Spanish to match its source); and the idea board's live document (votes,
// a merge, a hidden idea, locked). Each is loaded here from a session's SQLite store and must
// read exactly as it did.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardByKind } from '../../src/boards'
import {
  DOC_SCHEMA, docStatus, importBoard, importJson, initBoardDoc, liveEntries, liveMeta, proposals, readBoard,
} from '../../src/board-doc'
import { liveBoard } from '../../src/live/adapters'
import { readStoredBoards } from '../../src/live/export'
import { readPublicBoard } from '../../src/live/join/read'
import type { BoardMine } from '../../src/live/protocol'
import { loadDocument, LiveStore } from '../../src/live/store'

interface Fixture {
  update: string
  read?: unknown
  entries?: unknown
  proposals?: unknown
  meta?: unknown
  projected: unknown
  results: unknown
  export?: string
  mine: Record<string, unknown>
}

const ROOT = join(import.meta.dirname, '..', '..')
const FIXTURES = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'pre-core', 'live-docs.json'), 'utf8')) as Record<string, Fixture>
const LIST_BOARDS = Object.keys(FIXTURES).filter(kind => kind !== 'idea-vote')

const dir = mkdtempSync(join(tmpdir(), 'pre-core-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The fixture's update written into a session's SQLite store, and the document read back from it. */
async function stored(kind: string): Promise<Y.Doc> {
  const file = join(dir, `${kind}.sqlite`)
  const writer = new LiveStore(file)
  writer.append(`board/${kind}`, Buffer.from(FIXTURES[kind].update, 'base64'))
  writer.close()
  const reader = new LiveStore(file)
  try {
    return await loadDocument(reader, `board/${kind}`)
  }
  finally {
    reader.close()
  }
}

it('has a fixture for every list board with a phone form, and the idea board', () => {
  expect(LIST_BOARDS.length).toBeGreaterThanOrEqual(10)
  expect(FIXTURES['idea-vote']).toBeDefined()
  expect(readdirSync(join(ROOT, 'test', 'fixtures', 'pre-core'))).toContain('live-docs.json')
})

describe.each(LIST_BOARDS)('a stored %s board document from before the core', (kind) => {
  const old = FIXTURES[kind]
  const def = boardByKind(kind)!.def
  const adapter = liveBoard(kind)!

  it('is ready as it stands: nothing to migrate, nothing written', async () => {
    const doc = await stored(kind)
    expect(docStatus(doc, def)).toEqual({ state: 'ready' })
    expect(doc.getMap('meta').get('schema')).toBe(DOC_SCHEMA)
    const before = Y.encodeStateVector(doc)
    expect(initBoardDoc(doc, def)).toEqual({ state: 'ready' })
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('reads the same board, moderation panel, proposals and lock as that kit did', async () => {
    const doc = await stored(kind)
    expect(JSON.parse(JSON.stringify(readBoard(doc, def)))).toEqual(old.read)
    expect(JSON.parse(JSON.stringify(liveEntries(doc, def)))).toEqual(old.entries)
    expect(proposals(doc)).toEqual(old.proposals)
    expect(liveMeta(doc)).toEqual(old.meta)
    // The queue and the hidden row are there for the panel and not on the board.
    expect((old.entries as { status: string }[]).map(e => e.status)).toEqual(expect.arrayContaining(['pending', 'hidden', 'visible']))
  })

  it('projects the same public document, results and phones\' own entries', async () => {
    const doc = await stored(kind)
    const out = new Y.Doc()
    adapter.project(doc, out, 'en')
    expect(out.toJSON()).toEqual(old.projected)
    expect(adapter.results(doc)).toEqual(old.results)
    expect(adapter.mine(doc, 'p-ana')).toEqual(old.mine.ana)
    expect(adapter.mine(doc, 'p-bob')).toEqual(old.mine.bob)
  })

  it('takes that kit\'s export back through the core\'s import', () => {
    const read = importJson(def, old.export!)
    expect(read.ok, JSON.stringify(read)).toBe(true)
    const doc = new Y.Doc()
    initBoardDoc(doc, def)
    expect(importBoard(doc, def, read.ok ? read.data : undefined).ok).toBe(true)
    expect(readBoard(doc, def).data).toEqual(def.schema.parse(old.results))
  })
})

describe('a stored idea board document from before the core', () => {
  const old = FIXTURES['idea-vote']
  const ideaVoteLive = liveBoard('idea-vote')!

  it('is moved to the core\'s layout when the server loads it, once, and reads as it did', async () => {
    const doc = await stored('idea-vote')
    // Written by the old kit: schema 1, the ideas in the top-level map `ideas`.
    expect(doc.getMap('meta').get('schema')).toBe(1)
    const oldIdeas = doc.getMap('ideas').toJSON()
    expect(Object.keys(oldIdeas).length).toBeGreaterThan(0)
    // Its votes in the top-level map `votes`, `<author>~<idea>` -> {idea, _author, _at}.
    const oldVotes = doc.getMap('votes').toJSON() as Record<string, Record<string, unknown>>
    expect(Object.keys(oldVotes).length).toBeGreaterThan(0)
    // What the server does once it has loaded a board (src/live/extensions/contributions.ts).
    doc.transact(() => expect(ideaVoteLive.init!(doc)).toBe(true))
    expect(doc.getMap('meta').get('schema')).toBe(DOC_SCHEMA)
    expect(doc.getMap('meta').get('version')).toBe(ideaVoteLive.def.version)
    expect(doc.getMap('meta').has('votesPerPerson')).toBe(false)
    expect(doc.getMap('rows:ideas').toJSON()).toEqual(oldIdeas)
    expect(doc.getMap('ideas').size).toBe(0)
    // The votes are rows of the list `votes`, under the same keys, each naming itself; the old map is emptied.
    expect(doc.getMap('rows:votes').toJSON()).toEqual(Object.fromEntries(Object.entries(oldVotes).map(([key, v]) => [key, { id: key, ...v }])))
    expect(doc.getMap('votes').size).toBe(0)
    // The core's reader sees the board's shown ideas (hidden, queued and merged ones left out).
    const read = readBoard(doc, ideaVoteLive.def) as { data: any }
    expect(read.data.ideas.map((i: any) => i.id).sort()).toEqual((old.results as any).ideas.map((i: any) => i.id).sort())
    // A second load (another server instance, a restart) changes nothing.
    const before = Y.encodeStateVector(doc)
    doc.transact(() => expect(ideaVoteLive.init!(doc)).toBe(true))
    expect(Y.encodeStateVector(doc)).toEqual(before)

    // Phones see what they saw: the same ideas, counted (as the generic projection's ranked list now), and the lock.
    const out = new Y.Doc()
    ideaVoteLive.project(doc, out, 'en')
    const projected = old.projected as { meta: { locked: boolean, total: number }, ideas: Record<string, unknown> }
    const seen = readPublicBoard(out)
    expect(Object.fromEntries(seen.rows.ideas.map(r => [r.id, { id: r.id, text: r.fields.text, by: r.by, votes: r.count }]))).toEqual(projected.ideas)
    expect(out.getMap('meta').get('locked')).toBe(projected.meta.locked)
    expect(JSON.parse(String(out.getMap('meta').get('totals'))).ideas).toBe(projected.meta.total)
    expect(out.getMap('rows:votes').size).toBe(0)
    expect(ideaVoteLive.results(doc)).toEqual(old.results)
    // A phone's own ideas, oldest first (these were sent at one moment, so in either order), its
    // votes on the board (in any order) and the votes it has left, from the generic \`mine\`.
    const shown = new Set(read.data.ideas.map((i: any) => i.id))
    const asBefore = (mine: BoardMine) => ({
      ideas: mine.lists.ideas.map(e => (e.merged ? { id: e.id, status: 'visible', text: e.row?.text } : { id: e.id, status: e.status, text: e.row?.text ?? '' })).sort((a, b) => a.id.localeCompare(b.id)),
      votes: mine.lists.votes.map(e => String(e.row?.idea)).filter(idea => shown.has(idea)).sort(),
      votesLeft: mine.left?.votes,
    })
    const byId = (mine: any) => ({ ...mine, ideas: [...mine.ideas].sort((a: any, b: any) => a.id.localeCompare(b.id)), votes: [...mine.votes].sort() })
    expect(asBefore(ideaVoteLive.mine(doc, 'p-ana') as BoardMine)).toEqual(byId(old.mine.ana))
    expect(asBefore(ideaVoteLive.mine(doc, 'p-bob') as BoardMine)).toEqual(byId(old.mine.bob))
    // Locked, read by the core's one decoder of the moderation fields.
    expect(liveMeta(doc).locked).toBe(true)
  })

  it('is exported from a stored session as the old kit exported it', async () => {
    const file = join(dir, 'idea-vote-export.sqlite')
    const writer = new LiveStore(file)
    writer.append('board/idea-vote', Buffer.from(old.update, 'base64'))
    writer.close()
    const store = new LiveStore(file)
    try {
      const { boards } = await readStoredBoards(store)
      expect(boards.map(b => b.kind)).toEqual(['idea-vote'])
      expect(boards[0].results?.data).toEqual(old.results)
      expect(boards[0].record.counts.merged).toBeGreaterThan(0)
    }
    finally {
      store.close()
    }
  })
})

describe('an export of an earlier board version', () => {
  // The charter builder's version 2 exports as the worked examples shipped them.
  const folder = join(ROOT, 'test', 'fixtures', 'charter-v2')
  it.each(readdirSync(folder))('%s is read (migrated) and imported through the core', (file) => {
    const def = boardByKind('charter-builder')!.def
    const text = readFileSync(join(folder, file), 'utf8')
    expect(JSON.parse(text).version).toBeLessThan(def.version)
    const read = importJson(def, text)
    expect(read.ok, JSON.stringify(read)).toBe(true)
    const doc = new Y.Doc()
    initBoardDoc(doc, def)
    const imported = importBoard(doc, def, read.ok ? read.data : undefined)
    expect(imported.ok).toBe(true)
    expect(readBoard(doc, def).issues).toEqual([])
  })
})
