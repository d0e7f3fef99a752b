// The helper role against a real live server: a second token (derived from the facilitator's)
// lets a phone moderate (see the queue with the names given, approve, hide, approve all, hide
// all, merge, lock) but never move the slides or write a document; a wrong token is refused.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import WebSocket from 'ws'
import { helperToken, helperUrl } from '../../src/live/helper-token'
import { helperTokenOf, type LiveServer, startLiveServer } from '../../src/live/server'
import { Facilitator, Helper, Participant, seenIdeas, synced, until, waitFor, voteFor } from '../support/live-clients'

const TOKEN = 'test-facilitator-token-helper-0123456789abcdef'
const BOARD = 'm3-helper'

describe('a helper moderating from a phone (real server)', () => {
  let dir: string
  let server: LiveServer
  let facilitator: Facilitator
  let helper: Helper
  let ana: Participant, bo: Participant
  let seen: Y.Doc
  const ideas = () => seenIdeas(seen)

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kit-live-helper-'))
    server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Helper', host: '127.0.0.1', port: 0 })
    facilitator = new Facilitator(server.wsUrl, TOKEN)
    await facilitator.ready()
    facilitator.show(BOARD, 'idea-vote', 'What first?')
    ana = new Participant(server.wsUrl, undefined, 'Ana')
    bo = new Participant(server.wsUrl, undefined, 'Bo')
    await Promise.all([ana.ready(), bo.ready()])
    await until(ana.controlDoc, () => ana.controlDoc.getMap('current').get('boardId') === BOARD)
    seen = await ana.open(BOARD)
    helper = new Helper(server.wsUrl, helperTokenOf(TOKEN))
    await synced(helper.control)
  }, 30_000)
  afterAll(async () => {
    for (const c of [ana, bo, helper])
      c?.destroy()
    facilitator?.destroy()
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('is a token of its own: not the facilitator\'s, refused when wrong', async () => {
    expect(helperTokenOf(TOKEN)).not.toBe(TOKEN)
    expect(helperTokenOf(TOKEN)).toMatch(/^[\w-]{32}$/)
    // The presenter view computes the same token in the browser (Web Crypto) for its QR code.
    expect(await helperToken(TOKEN)).toBe(helperTokenOf(TOKEN))
    expect(helperUrl('http://192.168.1.20:4321/', 'abc')).toBe('http://192.168.1.20:4321/#helper=abc')
    const wrong = new Helper(server.wsUrl, 'x'.repeat(32))
    await waitFor(() => wrong.failed, 10_000, 'a wrong helper token refused')
    wrong.destroy()
  })

  it('sees the queue with the names given; approves one, approves all, hides all', async () => {
    const { doc } = await facilitator.board(BOARD)
    doc.getMap('meta').set('moderation', 'queue')
    const watcher = new Facilitator(server.wsUrl, TOKEN)
    const onServer = (await watcher.board(BOARD)).doc
    await until(onServer, () => onServer.getMap('meta').get('moderation') === 'queue', 10_000, 'the queue on the server')
    watcher.destroy()
    for (const [p, id] of [[ana, 'q-1'], [ana, 'q-2'], [bo, 'q-3'], [bo, 'q-4'], [bo, 'q-5']] as const)
      expect(await p.contribute(BOARD, { op: 'add', list: 'ideas', row: { id, text: `Queued ${id}` } })).toMatchObject({ ok: true })
    helper.control.sendStateless(JSON.stringify({ t: 'queue', board: BOARD }))
    await waitFor(() => helper.view?.entries.filter(e => e.status === 'pending').length === 5, 10_000, 'the queue on the helper\'s phone')
    expect(helper.view!.entries.find(e => e.id === 'q-3')).toMatchObject({ text: 'Queued q-3', name: 'Bo', status: 'pending' })

    expect(await helper.moderate(BOARD, 'approve', { ids: ['q-1'] })).toMatchObject({ ok: true })
    await until(seen, () => ideas().some(i => i.id === 'q-1'), 10_000, 'q-1 on the phones')
    expect(await helper.moderate(BOARD, 'hide', { ids: ['q-2'] })).toMatchObject({ ok: true })
    expect(await helper.moderate(BOARD, 'approve-all')).toMatchObject({ ok: true })
    await until(seen, () => ['q-3', 'q-4', 'q-5'].every(id => ideas().some(i => i.id === id)), 10_000, 'the queue approved on the phones')
    expect(ideas().some(i => i.id === 'q-2')).toBe(false)
    expect(helper.view!.entries.filter(e => e.status === 'pending')).toEqual([])
  })

  it('merges duplicates and locks the board', async () => {
    expect(await ana.contribute(BOARD, voteFor('q-3'))).toMatchObject({ ok: true })
    expect(await bo.contribute(BOARD, voteFor('q-1'))).toMatchObject({ ok: true })
    await until(seen, () => ideas().find(i => i.id === 'q-1')?.votes === 1 && ideas().find(i => i.id === 'q-3')?.votes === 1)
    expect(await helper.moderate(BOARD, 'merge', { into: 'q-1', ids: ['q-3'] })).toMatchObject({ ok: true })
    await until(seen, () => ideas().find(i => i.id === 'q-1')?.votes === 2, 10_000, 'the merged votes on the phones')
    expect(ideas().find(i => i.id === 'q-1')).toMatchObject({ by: 'Ana', also: 'Bo' })
    expect(ideas().some(i => i.id === 'q-3')).toBe(false)

    expect(await helper.moderate(BOARD, 'lock')).toMatchObject({ ok: true })
    await until(seen, () => seen.getMap('meta').get('locked') === true, 10_000, 'the lock on the phones')
    expect(await bo.contribute(BOARD, { op: 'add', list: 'ideas', row: { id: 'late', text: 'Too late' } })).toMatchObject({ ok: false, code: 'locked' })
    expect(await helper.moderate(BOARD, 'unlock')).toMatchObject({ ok: true })
    await until(seen, () => seen.getMap('meta').get('locked') === false)
  })

  it('cannot move the slides, nor write any document, nor moderate with a bad message', async () => {
    // The control document is read-only for a helper: a change made on the phone never reaches the server.
    helper.controlDoc.getMap('current').set('boardId', 'elsewhere')
    expect(await helper.moderate(BOARD, 'approve', { ids: ['q-1'] })).toMatchObject({ ok: true })
    expect(ana.controlDoc.getMap('current').get('boardId')).toBe(BOARD)
    const watcher = new Facilitator(server.wsUrl, TOKEN)
    await watcher.ready()
    expect(watcher.controlDoc.getMap('current').get('boardId')).toBe(BOARD)
    watcher.destroy()
    // The full board document (with authors) is not the helper's to open.
    const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl, WebSocketPolyfill: WebSocket })
    let refused = false
    const full = new HocuspocusProvider({ websocketProvider: socket, name: `board/${BOARD}`, token: `h:${helperTokenOf(TOKEN)}`, onAuthenticationFailed: () => { refused = true } })
    full.attach()
    await waitFor(() => refused, 10_000, 'the full board refused to a helper')
    full.destroy()
    socket.destroy()
    expect(await helper.moderate(BOARD, 'merge', { ids: ['q-1'] })).toMatchObject({ ok: false, code: 'invalid' })
    expect(await helper.moderate(BOARD, 'explode' as string)).toMatchObject({ ok: false, code: 'invalid' })
  })
})
