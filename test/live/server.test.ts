// The live server with real WebSocket clients on loopback: it is the authority over what
// participants may write, it never sends hidden entries to phones, it limits per participant
// (not per address), and a SIGKILL loses nothing it acknowledged.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { importJson } from '../../src/boards/kit/board'
import { ideaVote } from '../../src/boards/idea-vote/model'
import { exportSession } from '../../src/live/export'
import { type LiveServer, startLiveServer } from '../../src/live/server'
import { Facilitator, Participant, spawnServer, synced, until, waitFor, seenIdeas, sessionToken, voteFor } from '../support/live-clients'

const TOKEN = 'test-facilitator-token-0123456789abcdef'
const ideasOf = seenIdeas
// The ideas on the board's own document (the core's layout), not the phones' projection.
const boardIdeasOf = (doc: Y.Doc) => [...doc.getMap<Y.Map<unknown>>('rows:ideas').values()].map(r => r.toJSON() as Record<string, any>)
const texts = (doc: Y.Doc) => ideasOf(doc).map(i => i.text).sort()

describe('the live server', () => {
  let dir: string
  let server: LiveServer
  let facilitator: Facilitator
  const clients: Participant[] = []
  const participant = async (name = '') => {
    const p = new Participant(server.wsUrl, undefined, name)
    clients.push(p)
    await p.ready()
    return p
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kit-live-'))
    server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Module 2 <live>', host: '127.0.0.1', port: 0, limits: { entriesPerParticipant: 5, burst: 8, perSecond: 2 } })
    facilitator = new Facilitator(server.wsUrl, TOKEN)
    await facilitator.ready()
    facilitator.show('m2-ideas', 'idea-vote', 'Which channel first?')
  })
  afterAll(async () => {
    for (const c of clients)
      c.destroy()
    facilitator.destroy()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('tells participants the session title and the current board', async () => {
    const p = await participant()
    await until(p.controlDoc, () => p.controlDoc.getMap('current').get('boardId') === 'm2-ideas')
    expect(p.controlDoc.getMap('session').get('title')).toBe('Module 2 <live>')
    await waitFor(() => facilitator.joined >= 1, 5000, 'the join count')
    const before = facilitator.joined
    const more = await participant()
    await waitFor(() => facilitator.joined === before + 1, 5000, 'one more joined')
    more.destroy()
    await waitFor(() => facilitator.joined === before, 5000, 'one fewer joined')
  })

  it('writes a valid contribution and shows it to every phone, without its author', async () => {
    const a = await participant('Ana')
    const b = await participant()
    const boardB = await b.open('m2-ideas')
    const r = await a.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: 'idea-forum', text: 'Start a forum' } })
    expect(r).toMatchObject({ ok: true })
    await until(boardB, () => texts(boardB).includes('Start a forum'))
    const idea = ideasOf(boardB).find(i => i.id === 'idea-forum')!
    expect(idea).toEqual({ id: 'idea-forum', text: 'Start a forum', by: 'Ana', votes: 0 })
    expect(JSON.stringify(boardB.toJSON())).not.toContain('_author')
  })

  it('refuses what the board model refuses, and writes nothing', async () => {
    const p = await participant()
    const cases = [
      { op: 'add', list: 'ideas', row: { id: 'long', text: 'x'.repeat(141) } },
      { op: 'add', list: 'ideas', row: { id: 'empty', text: '   ' } },
      { op: 'add', list: 'ideas', row: { id: 'extra', text: 'ok', _status: 'visible' } },
      { op: 'explode', id: 'x' },
      'not an object',
    ]
    for (const body of cases) {
      const r = await p.contribute('m2-ideas', body)
      expect(r, JSON.stringify(body)).toMatchObject({ ok: false, code: 'invalid' })
    }
    const { doc } = await facilitator.board('m2-ideas')
    expect(boardIdeasOf(doc).map(i => i.id)).not.toContain('long')
    expect(boardIdeasOf(doc).map(i => i.id)).not.toContain('extra')
    expect((await p.contribute('no-such-board', { op: 'add', list: 'ideas', row: { id: 'x1', text: 'hi' } }))).toMatchObject({ ok: false, code: 'no-board' })
  })

  it('keeps participants read-only: their document writes reach no one, and they cannot open the full board', async () => {
    const p = await participant()
    const pub = await p.open('m2-ideas')
    pub.getMap<Y.Map<unknown>>('ideas').set('forged', new Y.Map())
    p.controlDoc.getMap('session').set('title', 'Hacked')
    const witness = await participant()
    const witnessBoard = await witness.open('m2-ideas')
    // A later real contribution reaches the witness; the forged writes never do.
    const q = await participant()
    await q.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: 'after-forgery', text: 'Real idea' } })
    await until(witnessBoard, () => texts(witnessBoard).includes('Real idea'))
    expect(ideasOf(witnessBoard).map(i => i.id)).not.toContain('forged')
    expect(witness.controlDoc.getMap('session').get('title')).toBe('Module 2 <live>')

    const denied = await new Promise<string>((resolve) => {
      const prov = new HocuspocusProvider({ websocketProvider: p.socket, name: 'board/m2-ideas', token: `p:${p.secret}`, document: new Y.Doc(), awareness: null, onAuthenticationFailed: ({ reason }: { reason: string }) => resolve(reason) })
      prov.attach()
    })
    expect(denied).toBeTruthy()
    const unopened = await new Promise<string>((resolve) => {
      const prov = new HocuspocusProvider({ websocketProvider: p.socket, name: 'public/never-opened', token: `p:${p.secret}`, document: new Y.Doc(), awareness: null, onAuthenticationFailed: ({ reason }: { reason: string }) => resolve(reason) })
      prov.attach()
    })
    expect(unopened).toBeTruthy()
  })

  it('lets a participant change only their own ideas, and retries are idempotent', async () => {
    const owner = await participant()
    const other = await participant()
    await owner.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: 'idea-mine', text: 'Mine' } })
    // The same message twice, and the same idea id again: still one idea.
    await owner.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: 'idea-mine', text: 'Mine' } }, 'retry-message-1')
    await owner.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: 'idea-mine', text: 'Mine' } }, 'retry-message-1')
    expect(await other.contribute('m2-ideas', { op: 'edit', list: 'ideas', row: { id: 'idea-mine', text: 'Yours now' } })).toMatchObject({ ok: false, code: 'not-yours' })
    expect(await other.contribute('m2-ideas', { op: 'withdraw', list: 'ideas', id: 'idea-mine' })).toMatchObject({ ok: false, code: 'not-yours' })
    expect(await other.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: 'idea-mine', text: 'Take over' } })).toMatchObject({ ok: false, code: 'not-yours' })
    const { doc } = await facilitator.board('m2-ideas')
    expect(boardIdeasOf(doc).filter(i => i.id === 'idea-mine')).toEqual([expect.objectContaining({ text: 'Mine' })])
    expect(await owner.contribute('m2-ideas', { op: 'edit', list: 'ideas', row: { id: 'idea-mine', text: 'Mine, better' } })).toMatchObject({ ok: true })
    expect(owner.lastMine).toMatchObject({ lists: { ideas: [{ id: 'idea-mine', row: { text: 'Mine, better' }, status: 'visible' }] } })
  })

  it('counts votes, a few per person, one per idea', async () => {
    const author = await participant()
    await author.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: 'v1', text: 'One' } })
    await author.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: 'v2', text: 'Two' } })
    await author.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: 'v3', text: 'Three' } })
    await author.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: 'v4', text: 'Four' } })
    const voter = await participant()
    const board = await voter.open('m2-ideas')
    // The same vote sent twice is one vote; a second vote for an idea is refused.
    for (const idea of ['v1', 'v1', 'v2', 'v3'])
      expect(await voter.contribute('m2-ideas', voteFor(idea, `vote-${idea}`))).toMatchObject({ ok: true })
    expect(await voter.contribute('m2-ideas', voteFor('v1'))).toMatchObject({ ok: false, code: 'limit' })
    expect(await voter.contribute('m2-ideas', voteFor('v4'))).toMatchObject({ ok: false, code: 'limit', error: 'You have used all your 3 votes. Take one back to vote for another idea.' })
    await until(board, () => ideasOf(board).find(i => i.id === 'v3')?.votes === 1)
    expect(ideasOf(board).find(i => i.id === 'v1')?.votes).toBe(1)
    expect(await voter.contribute('m2-ideas', { op: 'withdraw', list: 'votes', id: 'vote-v1' })).toMatchObject({ ok: true })
    expect(await voter.contribute('m2-ideas', voteFor('v4'))).toMatchObject({ ok: true })
    expect(voter.lastMine).toMatchObject({ left: { votes: 0 } })
  })

  it('does not send a hidden or removed idea to participants at all', async () => {
    const author = await participant()
    const watcher = await participant()
    const board = await watcher.open('m2-ideas')
    await author.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: 'rude', text: 'SECRET-RUDE-WORDS' } })
    await author.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: 'spam', text: 'SPAM-SPAM-SPAM' } })
    await until(board, () => texts(board).includes('SECRET-RUDE-WORDS') && texts(board).includes('SPAM-SPAM-SPAM'))
    const { doc } = await facilitator.board('m2-ideas')
    doc.transact(() => {
      doc.getMap<Y.Map<unknown>>('rows:ideas').get('rude')!.set('_status', 'hidden')
      doc.getMap<Y.Map<unknown>>('rows:ideas').delete('spam')
    })
    await until(board, () => !texts(board).includes('SECRET-RUDE-WORDS') && !texts(board).includes('SPAM-SPAM-SPAM'))
    // A phone that joins now receives the board's whole state: the words are not in it.
    const late = await participant()
    const lateBoard = await late.open('m2-ideas')
    await until(lateBoard, () => texts(lateBoard).includes('Start a forum'))
    const bytes = Buffer.from(Y.encodeStateAsUpdate(lateBoard)).toString('latin1')
    expect(bytes).not.toContain('SECRET-RUDE-WORDS')
    expect(bytes).not.toContain('SPAM-SPAM-SPAM')
    // The author cannot edit it back onto the screen, and is not sent its text either.
    expect(await author.contribute('m2-ideas', { op: 'edit', list: 'ideas', row: { id: 'rude', text: 'Nice words' } })).toMatchObject({ ok: false, code: 'gone' })
    expect(JSON.stringify(author.lastMine)).not.toContain('SECRET-RUDE-WORDS')
    // The facilitator still has it.
    expect(boardIdeasOf(doc).find(i => i.id === 'rude')).toMatchObject({ text: 'SECRET-RUDE-WORDS', _status: 'hidden' })
  })

  it('holds contributions in a queue until the facilitator approves them', async () => {
    facilitator.show('m2-queue', 'idea-vote', 'Queued board')
    const { doc } = await facilitator.board('m2-queue')
    doc.getMap('meta').set('moderation', 'queue')
    const p = await participant()
    await until(p.controlDoc, () => p.controlDoc.getMap('current').get('boardId') === 'm2-queue')
    const watcher = await participant()
    const board = await watcher.open('m2-queue')
    await until(doc, () => doc.getMap('meta').get('kind') === 'idea-vote')
    expect(await p.contribute('m2-queue', { op: 'add', list: 'ideas', row: { id: 'q1', text: 'Queued idea' } })).toMatchObject({ ok: true })
    expect(p.lastMine).toMatchObject({ lists: { ideas: [{ id: 'q1', status: 'pending' }] } })
    await until(doc, () => boardIdeasOf(doc).some(i => i.id === 'q1'))
    expect(texts(board)).not.toContain('Queued idea')
    doc.getMap<Y.Map<unknown>>('rows:ideas').get('q1')!.set('_status', 'visible')
    await until(board, () => texts(board).includes('Queued idea'))
  })

  it('refuses every change on a locked board, with a reason, and tells phones it is locked', async () => {
    const p = await participant()
    const board = await p.open('m2-ideas')
    const { doc } = await facilitator.board('m2-ideas')
    doc.getMap('meta').set('locked', true)
    await until(board, () => board.getMap('meta').get('locked') === true)
    const r = await p.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: 'late-idea', text: 'Too late' } })
    expect(r).toMatchObject({ ok: false, code: 'locked' })
    expect((r as any).error).toMatch(/locked/)
    expect(await p.contribute('m2-ideas', voteFor('idea-forum'))).toMatchObject({ ok: false, code: 'locked' })
    doc.getMap('meta').set('locked', false)
    await until(board, () => board.getMap('meta').get('locked') === false)
    expect(await p.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: 'late-idea', text: 'Just in time' } })).toMatchObject({ ok: true })
  })

  it('limits each participant, not the address: a room behind one router keeps working', async () => {
    // 40 phones, all from 127.0.0.1 as behind a venue's router.
    const room = await Promise.all(Array.from({ length: 40 }, () => participant()))
    const greedy = room[0]
    // One participant over the count limit is told why…
    const answers = []
    for (let i = 0; i < 7; i++)
      answers.push(await greedy.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: `greedy-${i}`, text: `Greedy ${i}` } }))
    expect(answers.filter(a => a.ok)).toHaveLength(5)
    expect(answers.at(-1)).toMatchObject({ ok: false, code: 'limit' })
    expect((answers.at(-1) as any).error).toMatch(/5 ideas/)
    // …and over the rate limit, too (a burst of 8, then 2 a second).
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => greedy.contribute('m2-ideas', { op: 'edit', list: 'ideas', row: { id: 'greedy-0', text: `Edit ${i}` } })))
    expect(burst.some(a => !a.ok && a.code === 'rate')).toBe(true)
    // Everyone else in the room is unaffected.
    const rest = await Promise.all(room.slice(1).map((p, i) => p.contribute('m2-ideas', { op: 'add', list: 'ideas', row: { id: `room-${i}`, text: `Room idea ${i}` } })))
    expect(rest.every(a => a.ok)).toBe(true)
  })

  it('exports the board as the kit\'s envelope, Markdown and CSV, with participant text as text', async () => {
    const p = await participant('<img src=x onerror=alert(1)>')
    facilitator.show('m2-export', 'idea-vote', 'Export board')
    await until(p.controlDoc, () => p.controlDoc.getMap('current').get('boardId') === 'm2-export')
    expect(await p.contribute('m2-export', { op: 'add', list: 'ideas', row: { id: 'xss', text: '<script>alert(1)</script> | =SUM(A1)' } })).toMatchObject({ ok: true })
    expect(await p.contribute('m2-export', voteFor('xss'))).toMatchObject({ ok: true })
    const out = mkdtempSync(join(tmpdir(), 'kit-live-export-'))
    const written = await exportSession(join(dir, 'live.sqlite'), out, new Date('2026-11-25T10:00:00Z'))
    expect(written.boards).toBeGreaterThanOrEqual(2)
    const imported = importJson(ideaVote, readFileSync(join(out, 'm2-export.json'), 'utf8'))
    expect(imported).toEqual({ ok: true, data: { votesPerPerson: 3, ideas: [{ id: 'xss', text: '<script>alert(1)</script> | =SUM(A1)', by: '<img src=x onerror=alert(1)>', votes: 1, at: expect.stringMatching(/^\d{4}-/) }] } })
    const md = readFileSync(join(out, 'm2-export.md'), 'utf8')
    expect(md).not.toContain('<script>')
    expect(md).toContain('\\<script\\>')
    expect(readFileSync(join(out, 'm2-export.csv'), 'utf8')).toContain('Rank,Idea,By,Votes')
    const all = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'))
    expect(all.map((e: any) => e.id)).toContain('m2-ideas')
    // Hidden ideas stay out of the results, as they stayed off the screen.
    expect(readFileSync(join(out, 'm2-ideas.json'), 'utf8')).not.toContain('SECRET-RUDE-WORDS')
    rmSync(out, { recursive: true, force: true })
  })
})

describe('an anonymous live session', () => {
  it('drops the names participants send', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-live-anon-'))
    const server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Anonymous', names: false, host: '127.0.0.1', port: 0 })
    const boss = new Facilitator(server.wsUrl, TOKEN)
    await boss.ready()
    boss.show('anon')
    const p = new Participant(server.wsUrl, undefined, 'Ana Real-Name')
    await p.ready()
    await until(p.controlDoc, () => p.controlDoc.getMap('current').get('boardId') === 'anon')
    expect(p.controlDoc.getMap('session').get('names')).toBe(false)
    expect(await p.contribute('anon', { op: 'add', list: 'ideas', row: { id: 'a1', text: 'No name here' } })).toMatchObject({ ok: true })
    const { doc } = await boss.board('anon')
    await until(doc, () => boardIdeasOf(doc).length === 1)
    expect(JSON.stringify(doc.toJSON())).not.toContain('Ana Real-Name')
    p.destroy()
    boss.destroy()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  })
})

describe('a live session in Spanish', () => {
  it('tells phones why, in the session\'s language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-live-es-'))
    const server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Sesión', language: 'es', host: '127.0.0.1', port: 0, limits: { burst: 20, perSecond: 10 } })
    const boss = new Facilitator(server.wsUrl, TOKEN)
    await boss.ready()
    boss.show('es')
    const p = new Participant(server.wsUrl)
    await p.ready()
    await until(p.controlDoc, () => p.controlDoc.getMap('current').get('boardId') === 'es')
    for (const n of [1, 2, 3, 4])
      await p.contribute('es', { op: 'add', list: 'ideas', row: { id: `es-${n}`, text: `Idea ${n}` } })
    for (const n of [1, 2, 3])
      await p.contribute('es', voteFor(`es-${n}`))
    expect(await p.contribute('es', voteFor('es-4'))).toMatchObject({ ok: false, error: 'Has usado tus 3 votos. Retira uno para votar otra idea.' })
    expect(await p.contribute('es', { op: 'add', list: 'ideas', row: { id: 'es-5', text: 'x'.repeat(141) } })).toMatchObject({ ok: false, error: 'Idea: escribe de 1 a 140 caracteres.' })
    const { doc } = await boss.board('es')
    doc.getMap('meta').set('locked', true)
    const board = await p.open('es')
    await until(board, () => board.getMap('meta').get('locked') === true)
    expect(await p.contribute('es', { op: 'add', list: 'ideas', row: { id: 'es-6', text: 'Tarde' } })).toMatchObject({ ok: false, error: 'La persona facilitadora ha cerrado este tablero: se acabó el tiempo.' })
    p.destroy()
    boss.destroy()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  })
})

describe('the live server killed with SIGKILL', () => {
  it('loses nothing it acknowledged; phones reconnect and send what they made offline once', async () => {
    const sessions = mkdtempSync(join(tmpdir(), 'kit-live-kill-'))
    const env = { KIT_SESSIONS_DIR: sessions }
    const token = sessionToken(sessions, 'kill-test', { title: 'Kill test' })
    const args = ['--session', 'kill-test', '--host', '127.0.0.1', '--port', '0', '--limits', JSON.stringify({ entriesPerParticipant: 50, burst: 100, perSecond: 50 })]
    let server = await spawnServer(env, args)
    const facilitator = new Facilitator(server.wsUrl, token)
    await facilitator.ready()
    facilitator.show('ideas')
    await until(facilitator.controlDoc, () => facilitator.controlDoc.getMap('boards').has('ideas'))
    const phones = await Promise.all(Array.from({ length: 10 }, async () => {
      const p = new Participant(server.wsUrl)
      await p.ready()
      return p
    }))
    // Every phone adds ideas as fast as it can; the server is killed right after the last ack.
    const acked: string[] = []
    await Promise.all(phones.map(async (p, n) => {
      for (let i = 0; i < 8; i++) {
        const r = await p.contribute('ideas', { op: 'add', list: 'ideas', row: { id: `p${n}-i${i}`, text: `Idea ${i} of phone ${n}` } })
        if (r.ok)
          acked.push(`p${n}-i${i}`)
      }
    }))
    server.child.kill('SIGKILL')
    await new Promise(resolve => server.child.once('exit', resolve))
    expect(acked).toHaveLength(80)

    // Made while the server is down: kept by the phone, sent after it reconnects on its own.
    const offline = phones[0].contribute('ideas', { op: 'add', list: 'ideas', row: { id: 'offline-idea', text: 'Written while offline' } })
    server = await spawnServer(env, [...args.slice(0, 4), '--port', String(server.port), ...args.slice(6)])
    expect(await offline).toMatchObject({ ok: true })

    const check = new Facilitator(server.wsUrl, token)
    await check.ready()
    const { doc, provider } = await check.board('ideas')
    await synced(provider)
    const ids = boardIdeasOf(doc).map(i => i.id)
    expect(acked.filter(id => !ids.includes(id))).toEqual([])
    expect(ids.filter(id => id === 'offline-idea')).toHaveLength(1)
    expect(ids).toHaveLength(81)
    for (const p of phones)
      p.destroy()
    facilitator.destroy()
    check.destroy()
    await server.stop()
    rmSync(sessions, { recursive: true, force: true })
  })
})
