// Property: two or three replicas of one board (tabs, or a tab and the live server) apply
// random adds, edits, removes, undos, imports and resets, and exchange their updates in
// random order and with delays. Whatever happens, they converge; no row is lost unless some
// replica removed it (by remove, import, reset or undo); and a board never reads as empty,
// or drops a row, while its document holds rows.
import fc from 'fast-check'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { BoardDefinition } from '../../src/boards/kit/board'
import { raciMatrix } from '../../src/boards/raci-matrix/model'
import { stakeholderMap } from '../../src/boards/stakeholder-map/model'
import { addRow, boardTypes, importBoard, initBoardDoc, readBoard, removeRow, resetBoard, setField, updateRow } from '../../src/board-doc'

interface Replica { doc: Y.Doc, undo: Y.UndoManager, origin: symbol, inbox: Uint8Array[][] }

type Op =
  | { kind: 'add', r: number, power: number }
  | { kind: 'edit', r: number, pick: number, name: string, power: number }
  | { kind: 'remove', r: number, pick: number }
  | { kind: 'undo', r: number }
  | { kind: 'import', r: number, keep: boolean[], extra: number }
  | { kind: 'reset', r: number }
  | { kind: 'threshold', r: number, value: number }
  | { kind: 'deliver', from: number, to: number, count: number, shuffle: number }
  | { kind: 'cell', r: number, pick: number, letter: string }

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), r: fc.nat(2), power: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), r: fc.nat(2), pick: fc.nat(), name: fc.string({ maxLength: 12 }), power: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), r: fc.nat(2), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), r: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('import' as const), r: fc.nat(2), keep: fc.array(fc.boolean(), { maxLength: 8 }), extra: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reset' as const), r: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('threshold' as const), r: fc.nat(2), value: fc.integer({ min: 2, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cell' as const), r: fc.nat(2), pick: fc.nat(), letter: fc.constantFrom('R', 'A', 'C', 'I', '') }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('deliver' as const), from: fc.nat(2), to: fc.nat(2), count: fc.integer({ min: 1, max: 4 }), shuffle: fc.nat() }) },
)

function replicas(n: number, def: BoardDefinition): Replica[] {
  const all: Replica[] = []
  for (let i = 0; i < n; i++) {
    const doc = new Y.Doc()
    const origin = Symbol(`replica ${i}`)
    all.push({ doc, origin, undo: new Y.UndoManager(boardTypes(doc, def), { trackedOrigins: new Set([origin]), captureTimeout: 0 }), inbox: all.map(() => []) })
  }
  all.forEach((r, i) => {
    r.inbox = all.map(() => [])
    // Every update a replica makes or receives goes into every other replica's inbox from it.
    r.doc.on('update', (u: Uint8Array, from: unknown) => {
      if (from === 'network')
        return
      all.forEach((other, j) => { if (j !== i) other.inbox[i].push(u) })
    })
  })
  // Each replica starts the board after "loading", before hearing from the others.
  for (const r of all) initBoardDoc(r.doc, def)
  return all
}

/** Delivers up to `count` queued updates from one replica to another, out of order. */
function deliver(all: Replica[], from: number, to: number, count: number, shuffle: number) {
  const queue = all[to].inbox[from]
  for (let k = 0; k < count && queue.length; k++) {
    const u = queue.splice(shuffle % queue.length, 1)[0]
    Y.applyUpdate(all[to].doc, u, 'network')
  }
}

function deliverAll(all: Replica[]) {
  for (const r of all) {
    r.inbox.forEach((queue, from) => {
      for (const u of queue.splice(0)) Y.applyUpdate(r.doc, u, 'network')
      void from
    })
  }
}

function storedRows(doc: Y.Doc, name: string): string[] {
  return [...doc.getMap(`rows:${name}`).entries()].filter(([, v]) => v instanceof Y.Map).map(([k]) => k)
}

function run(def: BoardDefinition<any>, list: string, n: number, ops: Op[], makeRow: (id: string, op: { power: number }) => Record<string, unknown>) {
  const all = replicas(n, def)
  const added = new Set<string>()
  const removed = new Set<string>()
  let counter = 0
  const ids = (r: Replica) => readBoard(r.doc, def).data[list].map((x: any) => x.id) as string[]
  for (const o of ops) {
    if (o.kind === 'deliver') {
      deliver(all, o.from % n, o.to % n, o.count, o.shuffle)
    }
    else {
      const r = all[o.r % n]
      const before = new Set(storedRows(r.doc, list))
      const rows = ids(r)
      switch (o.kind) {
        case 'add': {
          const id = `row-${o.r % n}-${++counter}`
          addRow(r.doc, def, list, makeRow(id, o), r.origin)
          added.add(id)
          break
        }
        case 'edit':
          if (rows.length)
            updateRow(r.doc, def, list, rows[o.pick % rows.length], def === raciMatrix ? { name: o.name || 'x' } : { name: o.name || 'x', power: o.power }, r.origin)
          break
        case 'remove':
          if (rows.length)
            removeRow(r.doc, def, list, rows[o.pick % rows.length], r.origin)
          break
        case 'undo':
          r.undo.undo()
          break
        case 'import': {
          const data = structuredClone(readBoard(r.doc, def).data)
          data[list] = data[list].filter((_: unknown, i: number) => o.keep[i] ?? true)
          for (let k = 0; k < o.extra; k++) {
            const id = `import-${o.r % n}-${++counter}`
            data[list].push(makeRow(id, { power: 2 }))
            added.add(id)
          }
          expect(importBoard(r.doc, def, data, r.origin).ok).toBe(true)
          break
        }
        case 'reset':
          resetBoard(r.doc, def, r.origin)
          break
        case 'threshold':
          if (def === stakeholderMap)
            setField(r.doc, def, ['threshold'], o.value, r.origin)
          break
        case 'cell':
          if (def === raciMatrix && rows.length) {
            const activity = readBoard(r.doc, def).data.activities[0]?.id ?? 'gone'
            setField(r.doc, def, ['cells', `${activity}:${rows[o.pick % rows.length]}`], o.letter || undefined, r.origin)
          }
          break
      }
      // What this replica's own operation took away counts as removed (an undo of an add too).
      const after = new Set(storedRows(r.doc, list))
      for (const id of before) if (!after.has(id)) removed.add(id)
    }
    // Never an empty or shortened board while the document holds rows, on any replica.
    for (const r of all)
      expect(readBoard(r.doc, def).data[list]).toHaveLength(storedRows(r.doc, list).length)
  }
  deliverAll(all)
  const reads = all.map(r => readBoard(r.doc, def))
  for (const read of reads.slice(1))
    expect(read.data).toEqual(reads[0].data)
  const present = new Set(reads[0].data[list].map((x: any) => x.id))
  const lost = [...added].filter(id => !removed.has(id) && !present.has(id))
  expect(lost).toEqual([])
  expect(reads[0].rowCount).toBeGreaterThanOrEqual(present.size)
}

const person = (id: string, o: { power: number }) => ({ id, name: `name ${id}`, category: '', power: o.power, interest: 3, currentEngagement: '', preferredChannel: '', relationshipOwner: '' })

describe('replicas of one board', () => {
  it('converge and lose no stakeholder unless one of them removed it', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 3 }), fc.array(op, { minLength: 1, maxLength: 60 }), (n, ops) => {
      run(stakeholderMap, 'stakeholders', n, ops, person)
    }), { numRuns: 300 })
  })

  it('converge on a RACI matrix whose roles come and go under its cells', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 3 }), fc.array(op, { minLength: 1, maxLength: 60 }), (n, ops) => {
      run(raciMatrix, 'roles', n, ops, id => ({ id, name: `role ${id}` }))
    }), { numRuns: 200 })
  })
})
