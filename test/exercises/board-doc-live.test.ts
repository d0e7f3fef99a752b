// A board document in a live session (src/board-doc/): what the room sees of
// participants' contributions (only visible rows), what the facilitator's moderation changes,
// and whose changes a tab's undo undoes. One Y.Doc stands for the live server, another for
// the facilitator's tab; `sync` is the connection between them.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { exportJson } from '../../src/boards/kit/board'
import { charterBuilder } from '../../src/boards/charter-builder/model'
import { orphanCells, raciMatrix } from '../../src/boards/raci-matrix/model'
import { stakeholderMap } from '../../src/boards/stakeholder-map/model'
import {
  addRow, boardTypes, importBoard, initBoardDoc, liveEntries, liveMeta, proposals, readBoard, removeRow, resetBoard, setField,
  setLocked, setModeration, setProposalStatus, setRowStatus, updateRow, useProposal,
} from '../../src/board-doc'

const person = (id: string, name: string) =>
  ({ id, name, category: '', power: 3, interest: 3, currentEngagement: '', preferredChannel: '', relationshipOwner: '' })

function sync(...docs: Y.Doc[]) {
  for (const a of docs) {
    for (const b of docs) {
      if (a !== b)
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote')
    }
  }
}

/** What the live server does with a participant's row: board-doc's addRow, then its stamps. */
function contribute(doc: Y.Doc, def: any, list: string, row: Record<string, unknown>, status: 'visible' | 'pending', name = 'Ana', at = Date.now()) {
  addRow(doc, def, list, { ...row, _author: 'hash-of-secret', _name: name, _status: status, _at: at }, 'server')
}

function propose(doc: Y.Doc, id: string, path: string, text: string, at = 1) {
  doc.transact(() => {
    const p = new Y.Map<unknown>()
    doc.getMap('proposals').set(id, p)
    for (const [k, v] of Object.entries({ path, text, _author: 'hash', _name: 'Bea', _status: 'visible', _at: at }))
      p.set(k, v)
  }, 'server')
}

describe('a live board shows the room only visible contributions', () => {
  it('leaves pending and hidden rows out of the board and its export; the moderation list has them all', () => {
    const server = new Y.Doc()
    initBoardDoc(server, stakeholderMap)
    addRow(server, stakeholderMap, 'stakeholders', person('typed', 'Typed by the facilitator'))
    contribute(server, stakeholderMap, 'stakeholders', person('p-open', 'Shown at once'), 'visible', 'Ana', 1)
    contribute(server, stakeholderMap, 'stakeholders', person('p-queued', 'Waiting'), 'pending', 'Bea', 2)
    contribute(server, stakeholderMap, 'stakeholders', person('p-hidden', 'Hidden later'), 'visible', '', 3)
    setRowStatus(server, stakeholderMap, 'stakeholders', 'p-hidden', 'hidden')

    const read = readBoard(server, stakeholderMap)
    expect(read.data.stakeholders.map(s => s.id)).toEqual(['typed', 'p-open'])
    expect(read.issues).toEqual([])
    const exported = exportJson(stakeholderMap, 'map', read.data)
    expect(exported).not.toContain('Waiting')
    expect(exported).not.toContain('Hidden later')

    expect(liveEntries(server, stakeholderMap).map(e => [e.id, e.status, e.name, e.contributed])).toEqual([
      ['typed', 'visible', '', false],
      ['p-open', 'visible', 'Ana', true],
      ['p-queued', 'pending', 'Bea', true],
      ['p-hidden', 'hidden', '', true],
    ])
    expect(liveEntries(server, stakeholderMap)[2].fields).toEqual(person('p-queued', 'Waiting'))
  })

  it('shows an approved row on both replicas, and a hidden one on neither', () => {
    const server = new Y.Doc()
    initBoardDoc(server, stakeholderMap)
    const tab = new Y.Doc()
    sync(server, tab)
    contribute(server, stakeholderMap, 'stakeholders', person('p1', 'Queued'), 'pending')
    contribute(server, stakeholderMap, 'stakeholders', person('p2', 'Open'), 'visible')
    sync(server, tab)
    expect(readBoard(tab, stakeholderMap).data.stakeholders.map(s => s.id)).toEqual(['p2'])
    setRowStatus(tab, stakeholderMap, 'stakeholders', 'p1', 'visible')
    setRowStatus(tab, stakeholderMap, 'stakeholders', 'p2', 'hidden')
    sync(server, tab)
    for (const doc of [server, tab])
      expect(readBoard(doc, stakeholderMap).data.stakeholders.map(s => s.id)).toEqual(['p1'])
    expect(setRowStatus(tab, stakeholderMap, 'stakeholders', 'gone', 'hidden')).toBe(false)
  })

  it('leaves a hidden RACI activity\'s cells out with it (not orphans a "Clear" would erase), and keeps them', () => {
    const doc = new Y.Doc()
    initBoardDoc(doc, raciMatrix)
    addRow(doc, raciMatrix, 'roles', { id: 'role1', name: 'Chair' })
    contribute(doc, raciMatrix, 'activities', { id: 'act-p1', name: 'Newsletter' }, 'visible')
    setField(doc, raciMatrix, ['cells', 'act-p1:role1'], 'A', 'server')
    setField(doc, raciMatrix, ['cells', 'act-calls:role1'], 'R')
    setRowStatus(doc, raciMatrix, 'activities', 'act-p1', 'hidden')
    let data = readBoard(doc, raciMatrix).data
    expect(data.activities.map(a => a.id)).not.toContain('act-p1')
    expect(data.cells).toEqual({ 'act-calls:role1': 'R' })
    expect(orphanCells(data)).toEqual([])
    setRowStatus(doc, raciMatrix, 'activities', 'act-p1', 'visible')
    data = readBoard(doc, raciMatrix).data
    expect(data.cells).toEqual({ 'act-calls:role1': 'R', 'act-p1:role1': 'A' })
  })

  it('keeps the status through the facilitator\'s edit of a contribution', () => {
    const doc = new Y.Doc()
    initBoardDoc(doc, stakeholderMap)
    contribute(doc, stakeholderMap, 'stakeholders', person('p1', 'Queued'), 'pending')
    updateRow(doc, stakeholderMap, 'stakeholders', 'p1', { name: 'Queued, corrected' })
    expect(liveEntries(doc, stakeholderMap)[0]).toMatchObject({ status: 'pending', fields: { name: 'Queued, corrected' } })
    expect(readBoard(doc, stakeholderMap).data.stakeholders).toEqual([])
  })
})

describe('lock and queue', () => {
  it('are board settings both replicas read', () => {
    const server = new Y.Doc()
    initBoardDoc(server, stakeholderMap)
    const tab = new Y.Doc()
    sync(server, tab)
    expect(liveMeta(tab)).toEqual({ locked: false, moderation: 'open' })
    setLocked(tab, stakeholderMap, true)
    setModeration(tab, stakeholderMap, 'queue')
    sync(server, tab)
    expect(liveMeta(server)).toEqual({ locked: true, moderation: 'queue' })
    expect(server.getMap('meta').get('locked')).toBe(true)
    expect(server.getMap('meta').get('moderation')).toBe('queue')
  })
})

describe('a tab\'s undo in a live session', () => {
  it('undoes the tab\'s own edit only: not a participant\'s row, nor the moderation', () => {
    const server = new Y.Doc()
    initBoardDoc(server, stakeholderMap)
    const tab = new Y.Doc()
    sync(server, tab)
    const mine = Symbol('this tab')
    const undo = new Y.UndoManager(boardTypes(tab, stakeholderMap), { trackedOrigins: new Set([mine]), captureTimeout: 0 })
    addRow(tab, stakeholderMap, 'stakeholders', person('t1', 'Mine'), mine)
    contribute(server, stakeholderMap, 'stakeholders', person('p1', 'From a phone'), 'visible')
    sync(server, tab)
    setRowStatus(tab, stakeholderMap, 'stakeholders', 'p1', 'hidden')
    setField(tab, stakeholderMap, ['threshold'], 5, mine)
    undo.undo()
    undo.undo()
    expect(undo.undoStack).toHaveLength(0)
    sync(server, tab)
    for (const doc of [server, tab]) {
      expect(liveEntries(doc, stakeholderMap).map(e => [e.id, e.status])).toEqual([['p1', 'hidden']])
      expect(readBoard(doc, stakeholderMap).data.threshold).toBe(3)
    }
  })

  it('brings back a contribution the facilitator removed (removing is the tab\'s own change)', () => {
    const doc = new Y.Doc()
    initBoardDoc(doc, stakeholderMap)
    const mine = Symbol('this tab')
    const undo = new Y.UndoManager(boardTypes(doc, stakeholderMap), { trackedOrigins: new Set([mine]), captureTimeout: 0 })
    contribute(doc, stakeholderMap, 'stakeholders', person('p1', 'From a phone'), 'visible')
    removeRow(doc, stakeholderMap, 'stakeholders', 'p1', mine)
    expect(liveEntries(doc, stakeholderMap)).toEqual([])
    undo.undo()
    expect(liveEntries(doc, stakeholderMap).map(e => [e.id, e.name, e.contributed])).toEqual([['p1', 'Ana', true]])
  })
})

describe('charter proposals', () => {
  it('are not part of the board; "Use" puts one in its field, marks it used, and undo restores the text', () => {
    const doc = new Y.Doc()
    initBoardDoc(doc, charterBuilder)
    const mine = Symbol('this tab')
    const undo = new Y.UndoManager(boardTypes(doc, charterBuilder), { trackedOrigins: new Set([mine]), captureTimeout: 0 })
    setField(doc, charterBuilder, ['mission', 'with'], 'librarians', mine)
    propose(doc, 'q1', 'mission.with', 'research software engineers', 1)
    propose(doc, 'q2', 'values', 'Openness', 2)
    propose(doc, 'q3', 'no.such.field', 'x', 3)
    const before = readBoard(doc, charterBuilder)
    expect(before.issues).toEqual([])
    expect(JSON.stringify(before.data)).not.toContain('research software')
    expect(proposals(doc).map(p => [p.id, p.path.join('.'), p.text, p.name, p.status])).toEqual([
      ['q1', 'mission.with', 'research software engineers', 'Bea', 'visible'],
      ['q2', 'values', 'Openness', 'Bea', 'visible'],
      ['q3', 'no.such.field', 'x', 'Bea', 'visible'],
    ])

    expect(useProposal(doc, charterBuilder, 'q1', mine)).toBe(true)
    expect(useProposal(doc, charterBuilder, 'q2', mine)).toBe(true)
    expect(useProposal(doc, charterBuilder, 'q2', mine)).toBe(true) // twice: the value is listed once
    expect(useProposal(doc, charterBuilder, 'q3', mine)).toBe(false)
    expect(useProposal(doc, charterBuilder, 'gone', mine)).toBe(false)
    let data = readBoard(doc, charterBuilder).data
    expect(data.mission.with).toBe('research software engineers')
    expect(data.values).toEqual(['Openness'])
    expect(proposals(doc).map(p => p.status)).toEqual(['hidden', 'hidden', 'visible'])

    undo.undo() // the second "Use" changed nothing; the first values one is undone
    undo.undo()
    data = readBoard(doc, charterBuilder).data
    expect([data.mission.with, data.values]).toEqual(['librarians', []])
    expect(setProposalStatus(doc, 'q1', 'visible')).toBe(true)
    expect(proposals(doc)[0].status).toBe('visible')
  })
})

describe('imports and resets in a live session', () => {
  it('replace the board the room sees, and leave queued and hidden contributions to the moderation', () => {
    const doc = new Y.Doc()
    initBoardDoc(doc, stakeholderMap)
    contribute(doc, stakeholderMap, 'stakeholders', person('p-shown', 'Shown'), 'visible')
    contribute(doc, stakeholderMap, 'stakeholders', person('p-queued', 'Queued'), 'pending')
    contribute(doc, stakeholderMap, 'stakeholders', person('p-hidden', 'Hidden'), 'visible')
    setRowStatus(doc, stakeholderMap, 'stakeholders', 'p-hidden', 'hidden')
    expect(importBoard(doc, stakeholderMap, { threshold: 3, stakeholders: [person('s1', 'Imported')] }).ok).toBe(true)
    expect(readBoard(doc, stakeholderMap).data.stakeholders.map(s => s.id)).toEqual(['s1'])
    expect(liveEntries(doc, stakeholderMap).map(e => `${e.id} ${e.status}`).sort()).toEqual(['p-hidden hidden', 'p-queued pending', 's1 visible'])
    resetBoard(doc, stakeholderMap)
    expect(readBoard(doc, stakeholderMap).data.stakeholders).toEqual([])
    expect(liveEntries(doc, stakeholderMap).map(e => e.id).sort()).toEqual(['p-hidden', 'p-queued'])
  })
})
