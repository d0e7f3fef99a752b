// Moderation that keeps up, and exports that keep what the room did, against a real live
// server on loopback: approve all and hide all (one step each, one undo), merging duplicates
// (votes add up, each sender keeps their entry and is named on the one kept), and the session's
// export: each board names its question, the names given, the moderation and the times; the
// session record (session.md) counts hidden entries and leaves them out.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mergeIdeas, setIdeasStatus } from '../../src/boards/idea-vote/moderate'
import { exportSession } from '../../src/live/export'
import type { BoardMine } from '../../src/live/protocol'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { Facilitator, Participant, seenIdeas, until, waitFor, voteFor } from '../support/live-clients'

const TOKEN = 'test-facilitator-token-moderation-0123456789'
const BOARD = 'm2-channels'
const QUESTION = 'Which channel should we open first?'
const shownIdeas = seenIdeas
const status = (doc: Y.Doc, id: string) => (doc.getMap('rows:ideas').get(id) as Y.Map<unknown> | undefined)?.get('_status')

describe('moderation in bulk and merging duplicates (real server)', () => {
  let dir: string
  let server: LiveServer
  let facilitator: Facilitator
  let board: Y.Doc
  /** the board as the server holds it: a second facilitator connection */
  let server2: Facilitator
  let onServer: Y.Doc
  let ana: Participant, bo: Participant, anon: Participant
  let seen: Y.Doc

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kit-live-moderation-'))
    // One participant sends more than a newcomer's 5 at once here; the limits are not what is tested.
    server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Lisbon, module 2', host: '127.0.0.1', port: 0, limits: { burst: 20, perSecond: 10 } })
    facilitator = new Facilitator(server.wsUrl, TOKEN)
    await facilitator.ready()
    facilitator.show(BOARD, 'idea-vote', QUESTION)
    ana = new Participant(server.wsUrl, undefined, 'Ana')
    bo = new Participant(server.wsUrl, undefined, 'Bo')
    anon = new Participant(server.wsUrl)
    await Promise.all([ana.ready(), bo.ready(), anon.ready()])
    await until(ana.controlDoc, () => ana.controlDoc.getMap('current').get('boardId') === BOARD)
    board = (await facilitator.board(BOARD)).doc
    server2 = new Facilitator(server.wsUrl, TOKEN)
    await server2.ready()
    onServer = (await server2.board(BOARD)).doc
    seen = await anon.open(BOARD)
  }, 30_000)
  afterAll(async () => {
    for (const p of [ana, bo, anon])
      p?.destroy()
    facilitator?.destroy()
    server2?.destroy()
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('approves a whole queue in one step and undoes it in one; hides a whole queue', async () => {
    board.getMap('meta').set('moderation', 'queue')
    await until(onServer, () => onServer.getMap('meta').get('moderation') === 'queue', 10_000, 'the queue on the server')
    for (const n of [1, 2, 3])
      expect(await anon.contribute(BOARD, { op: 'add', list: 'ideas', row: { id: `queued-${n}`, text: `Queued ${n}` } })).toMatchObject({ ok: true })
    await until(board, () => [1, 2, 3].every(n => status(board, `queued-${n}`) === 'pending'))
    expect(shownIdeas(seen)).toEqual([])

    const undo = setIdeasStatus(board, ['queued-1', 'queued-2', 'queued-3'], 'visible')
    await until(seen, () => shownIdeas(seen).length === 3, 10_000, 'the queue approved on the phones')
    undo()
    await until(seen, () => shownIdeas(seen).length === 0, 10_000, 'the approval undone on the phones')
    expect([1, 2, 3].map(n => status(board, `queued-${n}`))).toEqual(['pending', 'pending', 'pending'])

    setIdeasStatus(board, ['queued-1', 'queued-2', 'queued-3'], 'hidden')
    await until(board, () => [1, 2, 3].every(n => status(board, `queued-${n}`) === 'hidden'))
    board.getMap('meta').set('moderation', 'open')
    // Nothing hidden ever reached the phones' copy.
    expect(JSON.stringify(seen.toJSON())).not.toContain('Queued')
  })

  it('merges duplicates: the votes add up, the senders are named, each keeps their entry; undone in one', async () => {
    await until(onServer, () => onServer.getMap('meta').get('moderation') === 'open', 10_000, 'the board open on the server')
    expect(await ana.contribute(BOARD, { op: 'add', list: 'ideas', row: { id: 'ana-forum', text: 'A forum' } })).toMatchObject({ ok: true })
    expect(await bo.contribute(BOARD, { op: 'add', list: 'ideas', row: { id: 'bo-forum', text: 'Forum!' } })).toMatchObject({ ok: true })
    expect(await anon.contribute(BOARD, { op: 'add', list: 'ideas', row: { id: 'anon-chat', text: 'A chat' } })).toMatchObject({ ok: true })
    // Ana votes for both forums, Bo for his, the anonymous participant for Ana's.
    for (const [p, idea] of [[ana, 'ana-forum'], [ana, 'bo-forum'], [bo, 'bo-forum'], [anon, 'ana-forum']] as const)
      expect(await p.contribute(BOARD, voteFor(idea))).toMatchObject({ ok: true })
    await until(seen, () => shownIdeas(seen).find(i => i.id === 'bo-forum')?.votes === 2)
    await until(board, () => board.getMap('rows:votes').size === 4)

    const undo = mergeIdeas(board, 'ana-forum', ['bo-forum'])
    await until(seen, () => shownIdeas(seen).find(i => i.id === 'ana-forum')?.votes === 3, 10_000, 'the merged votes on the phones')
    const kept = shownIdeas(seen).find(i => i.id === 'ana-forum')!
    expect(kept).toMatchObject({ text: 'A forum', by: 'Ana', also: 'Bo', votes: 3 })
    expect(shownIdeas(seen).some(i => i.id === 'bo-forum')).toBe(false)
    // Ana voted for both: one vote stays on the idea kept, the other is hers to spend again.
    ana.raw(JSON.stringify({ t: 'mine', board: BOARD }))
    await waitFor(() => (ana.lastMine as BoardMine | undefined)?.left?.votes === 2, 10_000, 'Ana\'s vote given back')
    // Bo keeps his entry: his phone still lists it.
    bo.raw(JSON.stringify({ t: 'mine', board: BOARD }))
    await waitFor(() => (bo.lastMine as BoardMine | undefined)?.lists.ideas?.some(i => i.id === 'bo-forum' && i.merged?.id === 'ana-forum' && i.row?.text === 'Forum!') === true, 10_000, 'Bo\'s own entry')

    undo()
    await until(seen, () => shownIdeas(seen).find(i => i.id === 'bo-forum')?.votes === 2 && shownIdeas(seen).find(i => i.id === 'ana-forum')?.votes === 2, 10_000, 'the merge undone')
    expect(shownIdeas(seen).find(i => i.id === 'ana-forum')?.also).toBeUndefined()
    // Merged again for the export below.
    mergeIdeas(board, 'ana-forum', ['bo-forum'])
    await until(seen, () => shownIdeas(seen).find(i => i.id === 'ana-forum')?.votes === 3)
  })

  it('exports each board with its question, the names given, the moderation and the times, and a session record without hidden entries', async () => {
    expect(await anon.contribute(BOARD, { op: 'add', list: 'ideas', row: { id: 'rude', text: 'SECRET-RUDE-WORDS' } })).toMatchObject({ ok: true })
    await until(board, () => status(board, 'rude') === 'visible')
    setIdeasStatus(board, ['rude'], 'hidden')
    await until(onServer, () => status(onServer, 'rude') === 'hidden', 10_000, 'hidden on the server')
    const out = mkdtempSync(join(tmpdir(), 'kit-live-moderation-export-'))
    const written = await exportSession(join(dir, 'live.sqlite'), out, new Date('2026-11-25T10:00:00Z'))
    expect(written.files).toContain(join(out, 'session.md'))

    const md = readFileSync(join(out, `${BOARD}.md`), 'utf8')
    expect(md.split('\n')[0]).toBe(`# ${QUESTION}`)
    expect(md).toContain('Board: Collect ideas and vote (`m2-channels`), exported 2026-11-25 10:00 UTC.')
    expect(md).toMatch(/Moderation: open \(shown at once\); 2 entries shown, 4 hidden \(left out\), 1 duplicate merged into others; 3 participants contributed\./)
    expect(md).toMatch(/Contributions from \d{4}-\d\d-\d\d \d\d:\d\d UTC to/)
    expect(md).toContain('| 1 | A forum | Ana, Bo | 3 |')
    expect(md).toMatch(/\| ideas \| A forum \| Ana \(merged: also Bo\) \| [^|]* \| \d{4}-\d\d-\d\d \d\d:\d\d UTC \|/)
    expect(md).toContain('| ideas | A chat | (anonymous) |')
    expect(md).not.toContain('SECRET-RUDE-WORDS')
    expect(md).not.toContain('Queued')

    const envelope = JSON.parse(readFileSync(join(out, `${BOARD}.json`), 'utf8'))
    expect(envelope.live).toMatchObject({ question: QUESTION, moderation: 'open', locked: false, counts: { shown: 2, waiting: 0, hidden: 4, merged: 1, contributors: 3 } })
    expect(envelope.live.contributions.map((c: any) => [c.id, c.by])).toEqual([['ana-forum', 'Ana'], ['anon-chat', '']])
    expect(envelope.data.ideas.find((i: any) => i.id === 'ana-forum')).toMatchObject({ by: 'Ana', also: 'Bo', votes: 3, at: expect.stringMatching(/^\d{4}-/) })

    const record = readFileSync(join(out, 'session.md'), 'utf8')
    expect(record.split('\n')[0]).toBe('# Session record: Lisbon, module 2')
    expect(record).toContain('1 board, 2 entries shown.')
    expect(record).toContain(`| ${QUESTION} | Collect ideas and vote | 2 | 0 | 4 | 3 | no |`)
    expect(record).toContain(`## ${QUESTION}`)
    expect(record).toContain('| 1 | A forum | Ana, Bo | 3 |')
    expect(record).not.toContain('SECRET-RUDE-WORDS')
    expect(record).not.toContain('Queued')
    rmSync(out, { recursive: true, force: true })
  })
})
