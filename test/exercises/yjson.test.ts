import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { readMap, writeMap } from '../../src/state/yjson'

function docWith(value: any) {
  const doc = new Y.Doc()
  doc.transact(() => writeMap(doc.getMap('board'), value))
  return doc
}

describe('JSON in Yjs documents', () => {
  it('round-trips nested objects, lists of rows and plain lists', () => {
    const value = { threshold: 3, vision: { with: 'a', do: 'b' }, rows: [{ id: 'r1', tags: ['x', 'y'] }, { id: 'r2', tags: [] }], values: ['open'] }
    expect(readMap(docWith(value).getMap('board'))).toEqual(value)
  })

  it('keeps two people\'s edits to different rows when their documents merge', () => {
    const a = docWith({ rows: [{ id: 'r1', name: 'one' }, { id: 'r2', name: 'two' }] })
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    a.transact(() => writeMap(a.getMap('board'), { rows: [{ id: 'r1', name: 'ONE' }, { id: 'r2', name: 'two' }] }))
    b.transact(() => writeMap(b.getMap('board'), { rows: [{ id: 'r1', name: 'one' }, { id: 'r2', name: 'two' }, { id: 'r3', name: 'three' }] }))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const expected = { rows: [{ id: 'r1', name: 'ONE' }, { id: 'r2', name: 'two' }, { id: 'r3', name: 'three' }] }
    expect(readMap(a.getMap('board'))).toEqual(expected)
    expect(readMap(b.getMap('board'))).toEqual(expected)
  })

  it('removes, reorders and clears rows', () => {
    const doc = docWith({ rows: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] })
    const map = doc.getMap('board')
    doc.transact(() => writeMap(map, { rows: [{ id: 'c' }, { id: 'a' }] }))
    expect(readMap(map)).toEqual({ rows: [{ id: 'c' }, { id: 'a' }] })
    doc.transact(() => writeMap(map, { rows: [] }))
    expect(readMap(map)).toEqual({ rows: [] })
  })
})
