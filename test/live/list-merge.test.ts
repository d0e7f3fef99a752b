// Merging duplicates on an exercise board's list (the moderation panel's "Merge", issue 20 item
// 2): the duplicates leave the board, each sender keeps their entry, the exports name everyone
// who sent the one kept, and one undo puts everything back. Live (a real server and clients): a
// helper merges from their phone as the facilitator does, on the board on the slide only, and
// each sender's phone shows their entry as merged, with its text and the entry kept.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardByKind } from '../../src/boards'
import { liveBoard } from '../../src/live/adapters'
import { exportSession } from '../../src/live/export'
import { readBoard } from '../../src/board-doc'
import { mergedEntries, mergeEntries } from '../../src/board-doc'
import type { BoardMine } from '../../src/live/protocol'
import { helperTokenOf, type LiveServer, startLiveServer } from '../../src/live/server'
import { Facilitator, Helper, Participant, synced, until, waitFor } from '../support/live-clients'
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

describe('merging duplicates on a list board, live (real server and clients)', () => {
  const TOKEN = 'list-merge-facilitator-token-0123456789abcdef'
  const BOARD = 'm2-audit-live'
  let dir: string
  let server: LiveServer
  let facilitator: Facilitator
  let helper: Helper
  let ana: Participant, bo: Participant, cy: Participant
  let seen: Y.Doc
  const channel = (id: string, name: string) => ({ op: 'add', list: 'channels', row: { id, channel: name, mode: 'async', purpose: '', audience: '', owner: '', cadence: '', accessibilityNotes: '' } })
  const onPhones = () => Object.values(seen.getMap('rows:channels').toJSON()).map(r => (r as { channel: string }).channel).sort()
  const mineOf = (p: Participant) => (p.lastMine as BoardMine | undefined)?.lists.channels ?? []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kit-list-merge-live-'))
    server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Merge', host: '127.0.0.1', port: 0, limits: { burst: 100, perSecond: 50 } })
    facilitator = new Facilitator(server.wsUrl, TOKEN)
    await facilitator.ready()
    facilitator.show(BOARD, 'channel-audit', 'Our channels')
    ana = new Participant(server.wsUrl, undefined, 'Ana')
    bo = new Participant(server.wsUrl, undefined, 'Bo')
    cy = new Participant(server.wsUrl, undefined, 'Cy')
    await Promise.all([ana.ready(), bo.ready(), cy.ready()])
    seen = await ana.open(BOARD)
    helper = new Helper(server.wsUrl, helperTokenOf(TOKEN))
    await synced(helper.control)
    await until(helper.controlDoc, () => helper.controlDoc.getMap('current').get('boardId') === BOARD, 10_000, 'the board on the helper\'s phone')
  }, 30_000)
  afterAll(async () => {
    for (const c of [ana, bo, cy, helper])
      c?.destroy()
    facilitator?.destroy()
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('a helper merges from a phone; the sender sees their entry as merged, with the entry kept', async () => {
    expect(await ana.contribute(BOARD, channel('ana-1', 'Forum'))).toMatchObject({ ok: true })
    expect(await bo.contribute(BOARD, channel('bo-1', 'forum!'))).toMatchObject({ ok: true })
    expect(await cy.contribute(BOARD, channel('cy-1', 'Chat'))).toMatchObject({ ok: true })
    await until(seen, () => onPhones().length === 3, 10_000, 'three channels on the phones')
    // The helper's list names each entry by its list's title field (here `channel`).
    helper.control.sendStateless(JSON.stringify({ t: 'queue', board: BOARD }))
    await waitFor(() => helper.view?.entries.length === 3, 10_000, 'the entries on the helper\'s phone')
    expect(helper.view!.entries.find(e => e.id === 'bo-1')).toMatchObject({ list: 'channels', text: 'forum!', name: 'Bo', status: 'visible' })

    expect(await helper.moderate(BOARD, 'merge', { into: 'ana-1', ids: ['bo-1'], list: 'channels' })).toMatchObject({ ok: true })
    await until(seen, () => onPhones().join() === 'Chat,Forum', 10_000, 'the duplicate off the phones')
    expect(helper.view!.entries.map(e => e.id).sort()).toEqual(['ana-1', 'cy-1'])
    const { doc } = await facilitator.board(BOARD)
    await until(doc, () => row(doc, 'bo-1')?.get('_mergedInto') === 'ana-1', 10_000, 'the merge in the board')
    expect(row(doc, 'bo-1').toJSON()).toMatchObject({ channel: 'forum!', _name: 'Bo', _status: 'hidden', _mergedInto: 'ana-1' })
    expect(row(doc, 'ana-1').get('_merged')).toEqual(['bo-1'])
    expect([...mergedEntries(doc, ['channels'])]).toEqual([['channels/bo-1', 'ana-1']])

    // Bo's phone is told (without asking): his entry, its text, merged with Ana's.
    await waitFor(() => mineOf(bo)[0]?.merged !== undefined, 10_000, 'the merge on Bo\'s phone')
    expect(mineOf(bo)).toEqual([{ id: 'bo-1', status: 'hidden', row: expect.objectContaining({ id: 'bo-1', channel: 'forum!' }), merged: { id: 'ana-1', row: expect.objectContaining({ id: 'ana-1', channel: 'Forum' }) } }])
    expect(JSON.stringify(bo.lastMine)).not.toMatch(/_author|"ana"/)
    // A merged entry is off the board: it cannot be edited back onto it.
    expect(await bo.contribute(BOARD, { ...channel('bo-1', 'forum!!'), op: 'edit' })).toMatchObject({ ok: false, code: 'gone' })
    expect(mineOf(ana)).toEqual([{ id: 'ana-1', status: 'visible', row: expect.objectContaining({ channel: 'Forum' }) }])

    // Hidden by the helper (not merged): its text is not sent back, not even to its sender.
    expect(await helper.moderate(BOARD, 'hide', { ids: ['cy-1'] })).toMatchObject({ ok: true })
    await waitFor(() => mineOf(cy)[0]?.status === 'hidden', 10_000, 'the hide on Cy\'s phone')
    expect(mineOf(cy)).toEqual([{ id: 'cy-1', status: 'hidden' }])
    // The entry kept hidden in turn: Bo's phone says merged, without the hidden entry's text.
    expect(await helper.moderate(BOARD, 'hide', { ids: ['ana-1'] })).toMatchObject({ ok: true })
    await waitFor(() => mineOf(bo)[0]?.merged?.row === undefined, 10_000, 'the kept entry hidden on Bo\'s phone')
    expect(mineOf(bo)[0]).toMatchObject({ id: 'bo-1', status: 'hidden', row: { channel: 'forum!' }, merged: { id: 'ana-1' } })
    expect(JSON.stringify(bo.lastMine)).not.toContain('"Forum"')
  })

  it('refuses a merge without entries shown in one list, and any moderation of a board not on the slide', async () => {
    expect(await ana.contribute(BOARD, channel('ana-2', 'Mail'))).toMatchObject({ ok: true })
    expect(await cy.contribute(BOARD, channel('cy-2', 'mail'))).toMatchObject({ ok: true })
    const { doc } = await facilitator.board(BOARD)
    await until(doc, () => !!row(doc, 'cy-2'), 10_000, 'the new entries in the board')
    const was = JSON.stringify(doc.getMap('rows:channels').toJSON())
    for (const bad of [
      { into: 'bo-1', ids: ['ana-2'] }, // merged already: not shown
      { into: 'ana-1', ids: ['ana-2'] }, // hidden
      { into: 'ana-2', ids: ['cy-1'] }, // the only duplicate hidden
      { into: 'ana-2', ids: ['cy-2'], list: 'other' }, // not its list
      { into: 'ana-2', ids: [] },
      { ids: ['cy-2'] },
    ]) {
      const answer = await helper.moderate(BOARD, 'merge', bad)
      expect(answer, JSON.stringify(bad)).toMatchObject({ ok: false, code: 'invalid' })
      expect((answer as { error: string }).error).toMatch(/Merging takes entries shown on the board, in one list/)
    }
    expect(JSON.stringify(doc.getMap('rows:channels').toJSON())).toBe(was)

    // The slide moves on: the board that was on it is no longer the helper's to moderate.
    facilitator.show('m2-elsewhere', 'idea-vote', 'Elsewhere')
    await until(helper.controlDoc, () => helper.controlDoc.getMap('current').get('boardId') === 'm2-elsewhere', 10_000, 'the next slide on the helper\'s phone')
    const attempts: [string, { ids?: string[], into?: string }][] = [['merge', { into: 'ana-2', ids: ['cy-2'] }], ['hide', { ids: ['ana-2'] }], ['lock', {}]]
    for (const [action, more] of attempts) {
      const answer = await helper.moderate(BOARD, action, more)
      expect(answer).toMatchObject({ ok: false, code: 'no-board' })
      expect((answer as { error: string }).error).toBe('A helper moderates only the board on the slide.')
    }
    expect(JSON.stringify(doc.getMap('rows:channels').toJSON())).toBe(was)
    expect(doc.getMap('meta').get('locked')).not.toBe(true)
    // Back on the slide: the same merge goes through.
    facilitator.show(BOARD, 'channel-audit', 'Our channels')
    await until(helper.controlDoc, () => helper.controlDoc.getMap('current').get('boardId') === BOARD)
    expect(await helper.moderate(BOARD, 'merge', { into: 'ana-2', ids: ['cy-2'] })).toMatchObject({ ok: true })
    await until(doc, () => row(doc, 'cy-2')?.get('_mergedInto') === 'ana-2', 10_000, 'the merge in the board')
    await waitFor(() => mineOf(cy).some(e => e.id === 'cy-2' && e.merged?.row?.channel === 'Mail'), 10_000, 'the merge on Cy\'s phone')
  })
})
