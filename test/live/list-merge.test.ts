// Merging duplicates on an exercise board's list (the moderation panel's "Merge", issue 20 item
// 2): the duplicates leave the board, each sender keeps their entry, the exports name everyone
// who sent the one kept, and one undo puts everything back.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardByKind } from '../../src/boards'
import { liveBoard } from '../../src/live/adapters'
import { exportSession } from '../../src/live/export'
import { readBoard } from '../../src/board-doc'
import { mergedEntries, mergeEntries } from '../../src/board-doc'
import { AT, auditDoc, removeStoredSessions, storedSession } from '../support/stored-session'

afterAll(removeStoredSessions)

const def = boardByKind('channel-audit')!.def
const people = () => auditDoc([
  { channel: 'Forum', extra: { _author: 'ana', _name: 'Ana', _status: 'visible', _at: AT } },
  { channel: 'forum!', extra: { _author: 'bo', _name: 'Bo', _status: 'visible', _at: AT + 1000 } },
  { channel: 'The forum', extra: { _author: 'cy', _name: 'Cy', _status: 'visible', _at: AT + 2000 } },
  { channel: 'Chat', extra: { _author: 'dee', _name: '', _status: 'visible', _at: AT + 3000 } },
])
const row = (doc: Y.Doc, id: string) => doc.getMap('rows:channels').get(id) as Y.Map<unknown>
const onBoard = (doc: Y.Doc) => (readBoard(doc, def).data as { channels: { channel: string }[] }).channels.map(c => c.channel)

describe('merging duplicates on a list board', () => {
  it('takes the duplicates off the board; each sender keeps their entry; one undo puts it back', () => {
    const doc = people()
    const before = JSON.stringify(doc.toJSON())
    const undo = mergeEntries(doc, 'channels', 'c0', ['c1'])
    expect(onBoard(doc)).toEqual(['Forum', 'The forum', 'Chat'])
    expect(row(doc, 'c1').toJSON()).toMatchObject({ channel: 'forum!', _author: 'bo', _name: 'Bo', _status: 'hidden', _mergedInto: 'c0' })
    expect(row(doc, 'c0').get('_merged')).toEqual(['c1'])
    expect([...mergedEntries(doc, ['channels'])]).toEqual([['channels/c1', 'c0']])
    // Bo's phone still lists his entry (the live adapter's `mine`).
    const mine = liveBoard('channel-audit')!.mine(doc, 'bo')
    expect(JSON.stringify(mine)).toContain('"id":"c1"')

    // A second merge into the one kept: the first duplicate stays merged, the new one joins it.
    mergeEntries(doc, 'channels', 'c0', ['c2'])
    expect(row(doc, 'c0').get('_merged')).toEqual(['c1', 'c2'])
    expect(onBoard(doc)).toEqual(['Forum', 'Chat'])
    undo()
    // The first undo puts back only what its step changed: c2 stays merged.
    expect(row(doc, 'c1').get('_mergedInto')).toBeUndefined()
    expect(row(doc, 'c1').get('_status')).toBe('visible')
    expect(onBoard(doc)).toEqual(['Forum', 'forum!', 'Chat'])

    const fresh = people()
    mergeEntries(fresh, 'channels', 'c0', ['c1', 'c2'])()
    expect(JSON.stringify(fresh.toJSON())).toBe(before)
  })

  it('brings a duplicate\'s own duplicates along; never merges into an entry that is merged itself', () => {
    const doc = people()
    mergeEntries(doc, 'channels', 'c1', ['c2'])
    mergeEntries(doc, 'channels', 'c0', ['c1'])
    expect(row(doc, 'c2').get('_mergedInto')).toBe('c0')
    expect(row(doc, 'c0').get('_merged')).toEqual(['c1', 'c2'])
    const was = JSON.stringify(doc.toJSON())
    mergeEntries(doc, 'channels', 'c1', ['c3'])
    mergeEntries(doc, 'channels', 'c0', ['nope', 'c0'])
    expect(JSON.stringify(doc.toJSON())).toBe(was)
  })

  it('exports the one kept with the names of everyone who sent it, and counts the duplicates', async () => {
    const doc = people()
    mergeEntries(doc, 'channels', 'c0', ['c1', 'c2'])
    const out = mkdtempSync(join(tmpdir(), 'kit-list-merge-'))
    try {
      await exportSession(storedSession({ 'm2-audit': doc }, { 'm2-audit': 'Our channels' }), out)
      const md = readFileSync(join(out, 'm2-audit.md'), 'utf8')
      expect(md).toContain('2 entries shown, 2 duplicates merged into others; 4 participants contributed.')
      expect(md).toContain('| channels | Forum | Ana (merged: also Bo, Cy) |')
      expect(md).not.toMatch(/forum!|The forum/)
      const envelope = JSON.parse(readFileSync(join(out, 'm2-audit.json'), 'utf8'))
      expect(envelope.live.contributions[0]).toMatchObject({ id: 'c0', by: 'Ana', also: ['Bo', 'Cy'] })
      expect(envelope.data.channels.map((c: { channel: string }) => c.channel)).toEqual(['Forum', 'Chat'])
    }
    finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
