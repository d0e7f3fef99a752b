// The board document (src/board-doc/): what merges, what is flagged, what migrates and
// what is left alone. Two Y.Docs stand for two tabs (or a tab and the live server).
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { exportJson } from '../../src/boards/kit/board'
import { charterBuilder } from '../../src/boards/charter-builder/model'
import { mountainOfEngagement } from '../../src/boards/mountain-of-engagement/model'
import { orphanCells, raciMatrix } from '../../src/boards/raci-matrix/model'
import { BOARDS } from '../../src/boards'
import { stakeholderMap } from '../../src/boards/stakeholder-map/model'
import { addRow, docStatus, importBoard, initBoardDoc, rawJson, readBoard, removeRow, resetBoard, setField, updateRow } from '../../src/board-doc'

const person = (id: string, name: string, power = 3, interest = 3) =>
  ({ id, name, category: '', power, interest, currentEngagement: '', preferredChannel: '', relationshipOwner: '' })

function fresh(def = stakeholderMap as any): Y.Doc {
  const doc = new Y.Doc()
  initBoardDoc(doc, def)
  return doc
}

function sync(...docs: Y.Doc[]) {
  for (const a of docs) {
    for (const b of docs) {
      if (a !== b)
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    }
  }
}

/** A document as the kit before this one wrote it: the whole board in one map, rows in Y.Arrays. */
function v1Doc(value: Record<string, any>): Y.Doc {
  const toY = (v: any): any => {
    if (Array.isArray(v)) {
      const a = new Y.Array()
      a.push(v.map(toY))
      return a
    }
    if (v && typeof v === 'object') {
      const m = new Y.Map()
      for (const [k, x] of Object.entries(v)) m.set(k, toY(x))
      return m
    }
    return v
  }
  const doc = new Y.Doc()
  doc.transact(() => {
    const board = doc.getMap('board')
    for (const [k, v] of Object.entries(value)) board.set(k, toY(v))
  })
  return doc
}

describe('a new board document', () => {
  it.each(BOARDS.map(b => [b.def.kind, b.def] as const))('%s starts as its empty board, valid', (_, def) => {
    const doc = fresh(def)
    const read = readBoard(doc, def)
    expect(read.data).toEqual(def.empty())
    expect(read.issues).toEqual([])
    expect(doc.getMap('meta').toJSON()).toEqual({ kind: def.kind, schema: 2, version: def.version })
  })
})

describe('concurrent edits merge', () => {
  it('keeps both first rows when two tabs add one at the same moment to a fresh board', () => {
    const a = fresh()
    const b = fresh()
    addRow(a, stakeholderMap, 'stakeholders', person('s-a', 'From A'))
    addRow(b, stakeholderMap, 'stakeholders', person('s-b', 'From B'))
    sync(a, b)
    for (const doc of [a, b])
      expect(readBoard(doc, stakeholderMap).data.stakeholders.map(s => s.name).sort()).toEqual(['From A', 'From B'])
  })

  it('keeps two edits of two fields of one row, and a row added meanwhile', () => {
    const a = fresh()
    addRow(a, stakeholderMap, 'stakeholders', person('s1', 'Library'))
    const b = new Y.Doc()
    sync(a, b)
    updateRow(a, stakeholderMap, 'stakeholders', 's1', { power: 5 })
    updateRow(b, stakeholderMap, 'stakeholders', 's1', { name: 'City library' })
    addRow(b, stakeholderMap, 'stakeholders', person('s2', 'Funder'))
    setField(a, stakeholderMap, ['threshold'], 4)
    sync(a, b)
    const expected = { threshold: 4, stakeholders: [{ ...person('s1', 'City library'), power: 5 }, person('s2', 'Funder')] }
    expect(readBoard(a, stakeholderMap).data).toEqual(expected)
    expect(readBoard(b, stakeholderMap).data).toEqual(expected)
  })

  it('keeps two people typing in two charter fields', () => {
    const a = fresh(charterBuilder)
    const b = new Y.Doc()
    sync(a, b)
    setField(a, charterBuilder, ['mission', 'with'], 'librarians')
    setField(b, charterBuilder, ['vision'], 'learn R\nmeet people')
    sync(a, b)
    const d = readBoard(b, charterBuilder).data
    expect([d.mission.with, d.vision]).toEqual(['librarians', 'learn R\nmeet people'])
  })

  it('stores the mountain\'s steps as rows of their persona, keyed by stage', () => {
    const doc = fresh(mountainOfEngagement)
    addRow(doc, mountainOfEngagement, 'personas', { id: 'p1', name: 'Priya', role: '', currentStage: 'discovery', targetStage: 'participation', hoursPerMonth: 0, motivations: [], needs: [], barriers: [], steps: [] })
    addRow(doc, mountainOfEngagement, ['personas', 'p1', 'steps'], { stage: 'discovery', barrier: 'no mentor', intervention: '', owner: '' })
    updateRow(doc, mountainOfEngagement, ['personas', 'p1', 'steps'], 'discovery', { owner: 'Ana' })
    expect(readBoard(doc, mountainOfEngagement).data.personas[0].steps).toEqual([{ stage: 'discovery', barrier: 'no mentor', intervention: '', owner: 'Ana' }])
  })
})

describe('validation flags and never hides', () => {
  it('keeps an invalid value, says what is wrong, and reads every other row and field', () => {
    const doc = fresh()
    addRow(doc, stakeholderMap, 'stakeholders', person('s1', 'Fine'))
    addRow(doc, stakeholderMap, 'stakeholders', person('s2', '', 9))
    const read = readBoard(doc, stakeholderMap)
    expect(read.data.stakeholders.map(s => [s.name, s.power])).toEqual([['Fine', 3], ['', 9]])
    expect(read.issues.map(i => i.path.join('.'))).toEqual(['stakeholders.s2.name', 'stakeholders.s2.power'])
  })

  it('shows a RACI cell whose role another tab undid as an orphan; the board stays whole and editable', () => {
    const a = fresh(raciMatrix)
    const b = new Y.Doc()
    sync(a, b)
    const undoA = new Y.UndoManager([a.getMap('rows:roles')], { trackedOrigins: new Set(['a']), captureTimeout: 0 })
    addRow(a, raciMatrix, 'roles', { id: 'role1', name: 'Chair' }, 'a')
    sync(a, b)
    setField(b, raciMatrix, ['cells', 'act-onboarding:role1'], 'A')
    sync(a, b)
    undoA.undo()
    sync(a, b)
    setField(b, raciMatrix, ['cells', 'act-calls:role1'], 'R') // the next ordinary edit erases nothing
    sync(a, b)
    for (const doc of [a, b]) {
      const { data } = readBoard(doc, raciMatrix)
      expect(data.activities).toHaveLength(6)
      expect(data.roles).toEqual([])
      expect(orphanCells(data).map(o => o.key).sort()).toEqual(['act-calls:role1', 'act-onboarding:role1'])
    }
  })
})

describe('extra keys of other layers', () => {
  it('keeps `_` keys through edits and imports, and leaves them out of the data and exports', () => {
    const doc = fresh()
    addRow(doc, stakeholderMap, 'stakeholders', { ...person('s1', 'Library'), _author: 'p-17' })
    updateRow(doc, stakeholderMap, 'stakeholders', 's1', { name: 'City library', _status: 'approved' })
    importBoard(doc, stakeholderMap, { threshold: 3, stakeholders: [person('s1', 'Imported library')] })
    const row = doc.getMap('rows:stakeholders').get('s1') as Y.Map<unknown>
    expect([row.get('_author'), row.get('_status'), row.get('name')]).toEqual(['p-17', 'approved', 'Imported library'])
    const read = readBoard(doc, stakeholderMap)
    expect(read.data.stakeholders[0]).toEqual(person('s1', 'Imported library'))
    expect(read.issues).toEqual([])
    expect(exportJson(stakeholderMap, 'x', read.data)).not.toContain('_author')
  })
})

describe('imports and resets', () => {
  it('refuses an import whose rows repeat an id; the board is unchanged', () => {
    const doc = fresh()
    addRow(doc, stakeholderMap, 'stakeholders', person('s1', 'Kept'))
    const before = readBoard(doc, stakeholderMap).data
    const result = importBoard(doc, stakeholderMap, { threshold: 3, stakeholders: [person('x', 'One'), person('x', 'Two')] })
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('the id "x" is used by more than one row') })
    expect(readBoard(doc, stakeholderMap).data).toEqual(before)
  })

  it('undo after an import or a reset brings back the board as it was', () => {
    const doc = fresh()
    const undo = new Y.UndoManager([doc.getMap('rows:stakeholders'), doc.getMap('fields')], { trackedOrigins: new Set(['me']), captureTimeout: 0 })
    addRow(doc, stakeholderMap, 'stakeholders', person('s1', 'Before'), 'me')
    setField(doc, stakeholderMap, ['threshold'], 4, 'me')
    const before = readBoard(doc, stakeholderMap).data
    expect(importBoard(doc, stakeholderMap, { threshold: 2, stakeholders: [person('s9', 'Imported')] }, 'me').ok).toBe(true)
    undo.undo()
    expect(readBoard(doc, stakeholderMap).data).toEqual(before)
    resetBoard(doc, stakeholderMap, 'me')
    expect(readBoard(doc, stakeholderMap).data).toEqual(stakeholderMap.empty())
    undo.undo()
    expect(readBoard(doc, stakeholderMap).data).toEqual(before)
  })
})

describe('schema versions', () => {
  it('migrates a version 1 document (the kit before) and leaves the old snapshot in place', () => {
    const v1 = { threshold: 4, stakeholders: [person('s1', 'Library', 5, 2), person('s2', 'Funder')] }
    const doc = v1Doc(v1)
    expect(initBoardDoc(doc, stakeholderMap)).toEqual({ state: 'ready' })
    expect(readBoard(doc, stakeholderMap).data).toEqual(v1)
    expect(doc.getMap('board').toJSON()).toEqual(v1)
    // Two tabs that migrate the same saved board at once end with one copy of each row.
    const other = v1Doc(v1)
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    initBoardDoc(other, stakeholderMap)
    sync(doc, other)
    expect(readBoard(other, stakeholderMap).data).toEqual(v1)
  })

  it('migrates the mountain\'s steps and the RACI cells', () => {
    const data = { personas: [{ id: 'p1', name: 'Priya', role: '', currentStage: 'discovery', targetStage: 'participation', hoursPerMonth: 2, motivations: ['learn R'], needs: [], barriers: [], steps: [{ stage: 'discovery', barrier: 'b', intervention: 'i', owner: 'o' }] }] }
    const doc = v1Doc(data)
    initBoardDoc(doc, mountainOfEngagement)
    expect(readBoard(doc, mountainOfEngagement).data).toEqual(data)
    const raci = { ...raciMatrix.empty(), roles: [{ id: 'r1', name: 'Chair' }], cells: { 'act-calls:r1': 'A' } }
    const rdoc = v1Doc(raci)
    initBoardDoc(rdoc, raciMatrix)
    expect(readBoard(rdoc, raciMatrix).data).toEqual(raci)
  })

  it('leaves a document it cannot read untouched, read-only, with its raw JSON', () => {
    const newer = new Y.Doc()
    newer.getMap('meta').set('kind', 'stakeholder-map')
    newer.getMap('meta').set('schema', 7)
    newer.getMap('rows:people').set('x', 'future shape')
    const before = Y.encodeStateAsUpdate(newer)
    expect(initBoardDoc(newer, stakeholderMap)).toMatchObject({ state: 'unreadable', reason: expect.stringContaining('newer version of the kit') })
    expect(() => addRow(newer, stakeholderMap, 'stakeholders', person('s1', 'x'))).toThrow()
    expect(Y.encodeStateAsUpdate(newer)).toEqual(before)
    expect(JSON.parse(rawJson(newer))).toMatchObject({ 'meta': { schema: 7 }, 'rows:people': { x: 'future shape' } })

    const broken = v1Doc({ stakeholders: 'not a list' })
    expect(docStatus(broken, stakeholderMap)).toMatchObject({ state: 'unreadable', reason: expect.stringContaining('stakeholders is not a list of rows') })
    expect(initBoardDoc(broken, stakeholderMap).state).toBe('unreadable')
    expect(broken.getMap('meta').size).toBe(0)

    const other = fresh(raciMatrix)
    expect(docStatus(other, stakeholderMap)).toMatchObject({ state: 'unreadable', reason: expect.stringContaining('raci-matrix board') })
  })

  it('removes rows by id, and a removed row stays removed when an edit of it arrives later', () => {
    const a = fresh()
    addRow(a, stakeholderMap, 'stakeholders', person('s1', 'Gone'))
    const b = new Y.Doc()
    sync(a, b)
    removeRow(a, stakeholderMap, 'stakeholders', 's1')
    updateRow(b, stakeholderMap, 'stakeholders', 's1', { name: 'Edited' })
    sync(a, b)
    expect(readBoard(b, stakeholderMap).data.stakeholders).toEqual([])
  })
})

describe('charter saved by a kit of board version 1', () => {
  it('moves the sentence to the mission and the free-text mission to the vision, once, keeping rows', () => {
    const doc = new Y.Doc()
    // What the previous kit saved: document schema 2, no board version, version 1 paths.
    doc.getMap('meta').set('kind', 'charter-builder')
    doc.getMap('meta').set('schema', 2)
    const fields = doc.getMap('fields')
    fields.set('vision.with', 'librarians')
    fields.set('vision.soThat', 'data is reused')
    fields.set('mission', 'Open data for all')
    fields.set('values', ['care'])
    const row = new Y.Map<unknown>()
    row.set('id', 'm1')
    row.set('title', 'First clinic')
    row.set('_order', 0)
    doc.getMap('rows:milestones').set('m1', row)
    expect(initBoardDoc(doc, charterBuilder)).toEqual({ state: 'ready' })
    const d = readBoard(doc, charterBuilder).data
    expect(d.mission).toMatchObject({ with: 'librarians', soThat: 'data is reused' })
    expect(d.vision).toBe('Open data for all')
    expect(d.values).toEqual(['care'])
    expect(d.milestones.map(m => m.title)).toEqual(['First clinic'])
    expect(fields.has('vision.with')).toBe(false)
    initBoardDoc(doc, charterBuilder)
    expect(readBoard(doc, charterBuilder).data.vision).toBe('Open data for all')
  })
})

describe('timeline saved by a kit of board version 1', () => {
  it('reads its events without the layer, with no issue', async () => {
    const { originTimeline } = await import('../../src/boards/origin-timeline/model')
    const doc = new Y.Doc()
    doc.getMap('meta').set('kind', 'origin-timeline')
    doc.getMap('meta').set('schema', 2)
    const row = new Y.Map<unknown>()
    for (const [k, v] of Object.entries({ id: 'e1', date: '2019-03', title: 'Founded', type: 'founding', actors: [], whyItMattered: '', layer: 'self', _order: 0 }))
      row.set(k, v)
    doc.getMap('rows:events').set('e1', row)
    expect(initBoardDoc(doc, originTimeline)).toEqual({ state: 'ready' })
    const read = readBoard(doc, originTimeline)
    expect(read.issues).toEqual([])
    expect(read.data.events).toEqual([{ id: 'e1', date: '2019-03', title: 'Founded', type: 'founding', actors: [], whyItMattered: '' }])
  })
})
