// The live store's SQLite engine: Node's own where this Node has one, better-sqlite3 on Node 20,
// and the same behaviour from both: an append survives closing the file and opening it again.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LiveStore } from '../../src/live/store'
import { sqliteEngine } from '../../src/live/sqlite'

let dir: string
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }) })

it('uses Node\'s built-in SQLite where it exists, else better-sqlite3', () => {
  const [major, minor] = process.versions.node.split('.').map(Number)
  const hasBuiltin = major > 22 || (major === 22 && minor >= 13)
  expect(sqliteEngine()).toBe(hasBuiltin ? 'node:sqlite' : 'better-sqlite3')
})

it('keeps every appended update across a reopen, compacting a long log into one', () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-sqlite-'))
  const file = join(dir, 'live.sqlite')
  const doc = new Y.Doc()
  let store = new LiveStore(file)
  doc.on('update', (u: Uint8Array) => store.append('board/a', u))
  for (let i = 0; i < 250; i++)
    doc.getMap('rows').set(`r${i}`, i)
  store.close()
  store = new LiveStore(file)
  const again = new Y.Doc()
  Y.applyUpdate(again, store.read('board/a')!)
  expect(again.getMap('rows').size).toBe(250)
  expect(store.documents()).toEqual(['board/a'])
  store.close()
  // The compacted log reads back the same.
  store = new LiveStore(file)
  const compacted = new Y.Doc()
  Y.applyUpdate(compacted, store.read('board/a')!)
  expect(compacted.getMap('rows').get('r249')).toBe(249)
  store.close()
})
