// The order of acknowledged operations, as a property across reconnects and retries: phones
// add, edit and withdraw their own entries with the join page's outbox (numbered operations,
// resent after a reconnect and after a rate refusal), over a network that delays each message
// at random, delivers some twice, and reconnects phones while their earlier messages are still
// on the way (so an old message arrives after newer ones). Whatever the interleaving, the board
// ends holding, for every phone and entry, the phone's last acknowledged operation.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Facilitator, Participant, until, waitFor } from '../support/live-clients'
import { entryOf, prevIn } from '../../src/live/order'
import { randomId, type ServerMessage } from '../../src/live/protocol'
import { type LiveServer, participantIdOf, startLiveServer } from '../../src/live/server'

const TOKEN = 'order-facilitator-token-0123456789abcdef'
type Result = Extract<ServerMessage, { t: 'result' }>

type Action =
  | { a: 'op', entry: number, op: 'add' | 'edit' | 'withdraw', delay: number, dup: boolean }
  | { a: 'reconnect' }
  | { a: 'pause', ms: number }

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ a: fc.constant('op' as const), entry: fc.nat(2), op: fc.constantFrom('add' as const, 'edit' as const, 'withdraw' as const), delay: fc.nat(40), dup: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ a: 'reconnect' as const }) },
  { weight: 1, arbitrary: fc.record({ a: fc.constant('pause' as const), ms: fc.nat(30) }) },
)

interface Op { msg: string, seq: number, prev: number, entry: string, body: Record<string, unknown>, delay: number, dup: boolean }

/** A phone as the join page is one: an outbox of numbered operations over a lossy, slow network. */
class Phone {
  readonly secret = randomId(18)
  private seq = 0
  private conns: Participant[] = []
  readonly outbox = new Map<string, Op>()
  /** per operation: how the server answered in the end */
  readonly answers = new Map<string, Result>()
  readonly made: Op[] = []
  private timers = new Set<ReturnType<typeof setTimeout>>()

  constructor(readonly url: string, readonly board: string, readonly index: number) {}

  async connect() {
    const p = new Participant(this.url, this.secret)
    p.control.on('stateless', ({ payload }: { payload: string }) => this.onMessage(JSON.parse(payload) as ServerMessage))
    p.control.on('synced', () => this.flush())
    this.conns.push(p)
    await p.ready()
    // An old connection stays open a while: what was sent on it may still arrive after newer messages.
    const old = this.conns.slice(0, -1)
    if (old.length) {
      const t = setTimeout(() => {
        this.timers.delete(t)
        for (const c of old) {
          c.destroy()
          this.conns = this.conns.filter(x => x !== c)
        }
      }, 60)
      this.timers.add(t)
    }
  }

  private get current() { return this.conns.at(-1)! }

  private deliver(op: Op, delay: number) {
    // Sent on the connection that is current now; it arrives after `delay` on that connection.
    const conn = this.current
    const t = setTimeout(() => {
      this.timers.delete(t)
      if (this.conns.includes(conn))
        conn.raw(JSON.stringify({ t: 'contribute', msg: op.msg, board: this.board, name: '', body: op.body, seq: op.seq, prev: op.prev }))
    }, delay)
    this.timers.add(t)
  }

  private send(op: Op) {
    this.deliver(op, op.delay)
    if (op.dup)
      this.deliver(op, op.delay * 2 + 5)
  }

  private flush() {
    for (const op of this.outbox.values())
      this.send(op)
  }

  private onMessage(m: ServerMessage) {
    if (m.t !== 'result' || !this.outbox.has(m.msg))
      return
    const op = this.outbox.get(m.msg)!
    if (!m.ok && (m.code === 'rate' || m.code === 'unsaved' || m.code === 'early')) {
      const t = setTimeout(() => {
        this.timers.delete(t)
        if (this.outbox.has(op.msg))
          this.send(op)
      }, 30)
      this.timers.add(t)
      return
    }
    this.outbox.delete(m.msg)
    this.answers.set(m.msg, m)
  }

  make(entry: number, kind: 'add' | 'edit' | 'withdraw', delay: number, dup: boolean) {
    const id = `p${this.index}-e${entry}`
    const seq = ++this.seq
    const body = kind === 'withdraw'
      ? { op: 'withdraw', list: 'stakeholders', id }
      : { op: kind, list: 'stakeholders', row: { id, name: `${id} v${seq}`, category: 'host', power: 3, interest: 3, currentEngagement: '', preferredChannel: '', relationshipOwner: '' } }
    // As the join page: the operation builds on this entry's last one still in the outbox.
    const op: Op = { msg: randomId(12), seq, prev: prevIn([...this.outbox.values()], entryOf(body)), entry: id, body, delay, dup }
    this.made.push(op)
    this.outbox.set(op.msg, op)
    this.send(op)
  }

  /** What the board must hold for each of this phone's entries: its last acknowledged operation. */
  expected(): Map<string, string | undefined> {
    const out = new Map<string, string | undefined>()
    for (const op of this.made) {
      if (!this.answers.get(op.msg)?.ok)
        continue
      out.set(op.entry, op.body.op === 'withdraw' ? undefined : String((op.body.row as { name: string }).name))
    }
    return out
  }

  destroy() {
    for (const t of this.timers)
      clearTimeout(t)
    for (const c of this.conns)
      c.destroy()
  }
}

// A run that failed once (seed 1208000046): phone 1 withdrew p1-e0 (#8) and edited it (#9); #9
// was refused while the row was missing, then a copy of it landed after the add, and #8 was
// taken as superseded. Replayed before the random runs.
const FOUND: Action[][] = [
  [{ a: 'reconnect' }, { a: 'op', entry: 2, op: 'withdraw', delay: 8, dup: false }, { a: 'pause', ms: 11 }],
  [
    { a: 'op', entry: 2, op: 'edit', delay: 30, dup: false },
    { a: 'op', entry: 1, op: 'edit', delay: 34, dup: false },
    { a: 'op', entry: 1, op: 'edit', delay: 39, dup: false },
    { a: 'op', entry: 0, op: 'withdraw', delay: 17, dup: true },
    { a: 'op', entry: 0, op: 'add', delay: 22, dup: true },
    { a: 'op', entry: 1, op: 'add', delay: 31, dup: false },
    { a: 'op', entry: 0, op: 'add', delay: 34, dup: false },
    { a: 'op', entry: 0, op: 'withdraw', delay: 34, dup: false },
    { a: 'op', entry: 0, op: 'edit', delay: 19, dup: true },
  ],
]

describe('acknowledged operations keep the order phones made them', () => {
  let dir: string
  let server: LiveServer
  let facilitator: Facilitator
  let run = 0

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kit-live-order-'))
    // A small burst and a quick refill: many rate refusals, so many retries.
    server = await startLiveServer({ db: join(dir, 'live.sqlite'), token: TOKEN, title: 'Order', limits: { burst: 3, perSecond: 40, entriesPerParticipant: 10 } })
    facilitator = new Facilitator(server.wsUrl, TOKEN)
    await facilitator.ready()
  })
  afterAll(async () => {
    facilitator.destroy()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('holds each phone\'s last acknowledged operation per entry, across delays, duplicates, retries and reconnects', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.array(action, { minLength: 1, maxLength: 14 }), { minLength: 2, maxLength: 4 }), async (scripts) => {
      const board = `order-${++run}`
      facilitator.show(board, 'stakeholder-map', 'Stakeholders')
      const { doc } = await facilitator.board(board)
      await until(doc, () => doc.getMap('meta').get('kind') === 'stakeholder-map', 5000, 'the board')
      const phones = scripts.map((_, i) => new Phone(server.wsUrl, board, i))
      try {
        await Promise.all(phones.map(p => p.connect()))
        await Promise.all(phones.map(async (phone, i) => {
          for (const step of scripts[i]) {
            if (step.a === 'op')
              phone.make(step.entry, step.op, step.delay, step.dup)
            else if (step.a === 'reconnect')
              await phone.connect()
            else
              await new Promise(resolve => setTimeout(resolve, step.ms))
          }
        }))
        await waitFor(() => phones.every(p => p.outbox.size === 0), 30_000, 'every operation answered')
        const rows = () => doc.getMap<Y.Map<unknown>>('rows:stakeholders')
        const holds = () => phones.every(phone => [...phone.expected()].every(([id, name]) => {
          const row = rows().get(id)
          return name === undefined ? !row : row instanceof Y.Map && row.get('name') === name && row.get('_author') === participantIdOf(phone.secret)
        }))
        // The facilitator's copy follows the server's: wait for it, then compare exactly.
        await until(doc, holds, 15_000, 'the board to hold the last acknowledged operations').catch(() => {})
        for (const phone of phones) {
          for (const [id, name] of phone.expected()) {
            const row = rows().get(id)
            expect({ id, name: row instanceof Y.Map ? row.get('name') : undefined }).toEqual({ id, name })
          }
        }
      }
      finally {
        for (const p of phones)
          p.destroy()
      }
      // More runs by hand: KIT_ORDER_RUNS=200 npx vitest run test/live/order.property.test.ts
    }), { numRuns: Number(process.env.KIT_ORDER_RUNS) || 15, endOnFailure: true, examples: [[FOUND]] })
  }, 180_000)
})
