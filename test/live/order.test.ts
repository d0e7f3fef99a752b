// The order of one phone's operations on one entry, with the races forced message by message
// (the property test, order.property.test.ts, finds them at random): an operation that overtook
// the one it builds on waits for it, and a refused operation never lands through a resend.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Facilitator, Participant, until } from '../support/live-clients'
import { OwnPhone } from '../support/own-clients'
import { ownStoreFile } from '../../src/live/own-boards'
import { type BoardMine, randomId } from '../../src/live/protocol'
import { type LiveServer, startLiveServer } from '../../src/live/server'

const TOKEN = 'order-facilitator-token-0123456789abcdef'
const row = (id: string, name: string) => ({ id, name, category: 'host', power: 3, interest: 3, currentEngagement: '', preferredChannel: '', relationshipOwner: '' })

describe('one phone\'s operations on one entry, delivered out of order', () => {
  let dir: string
  let server: LiveServer
  let facilitator: Facilitator
  let n = 0

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kit-live-order1-'))
    server = await startLiveServer({ db: join(dir, 'live.sqlite'), ownFile: ownStoreFile(dir, dir, 'order'), token: TOKEN, title: 'Order' })
    facilitator = new Facilitator(server.wsUrl, TOKEN)
    await facilitator.ready()
  })
  afterAll(async () => {
    facilitator.destroy()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  async function board() {
    const id = `order1-${++n}`
    facilitator.show(id, 'stakeholder-map', 'Stakeholders')
    const { doc } = await facilitator.board(id)
    await until(doc, () => doc.getMap('meta').get('kind') === 'stakeholder-map', 5000, 'the board')
    const rows = () => doc.getMap<Y.Map<unknown>>('rows:stakeholders')
    return { id, doc, rows }
  }

  it('holds an edit that overtook the withdraw it follows, and lands neither out of order', async () => {
    const { id, doc, rows } = await board()
    const phone = new Participant(server.wsUrl)
    try {
      await phone.ready()
      expect(await phone.contribute(id, { op: 'add', list: 'stakeholders', row: row('e0', 'v1') }, randomId(12), 1, 0)).toMatchObject({ ok: true })
      // The phone withdrew the entry (#2), then edited it (#3, built on #2); #3 arrives first.
      const early = await phone.contribute(id, { op: 'edit', list: 'stakeholders', row: row('e0', 'v3') }, randomId(12), 3, 2)
      expect(early).toMatchObject({ ok: false, code: 'early' })
      expect((rows().get('e0') as Y.Map<unknown>).get('name')).toBe('v1')
      expect(await phone.contribute(id, { op: 'withdraw', list: 'stakeholders', id: 'e0' }, randomId(12), 2, 0)).toMatchObject({ ok: true })
      await until(doc, () => !rows().has('e0'), 5000, 'the withdraw')
      // Sent again after the withdraw, the edit is refused as an edit of a withdrawn entry.
      const again = await phone.contribute(id, { op: 'edit', list: 'stakeholders', row: row('e0', 'v3') }, randomId(12), 3, 2)
      expect(again.ok).toBe(false)
      expect(rows().has('e0')).toBe(false)
    }
    finally {
      phone.destroy()
    }
  })

  it('never applies a refused operation when a copy of it arrives later, and goes on with the next', async () => {
    const { id, doc, rows } = await board()
    const phone = new Participant(server.wsUrl)
    try {
      await phone.ready()
      // #1 adds e1 and is answered; the facilitator locks the board, so #2 (an edit, nothing before it waiting: prev 0) is refused.
      expect(await phone.contribute(id, { op: 'add', list: 'stakeholders', row: row('e1', 'v1') }, randomId(12), 1, 0)).toMatchObject({ ok: true })
      const seen = await phone.open(id)
      doc.getMap('meta').set('locked', true)
      await until(seen, () => seen.getMap('meta').get('locked') === true, 5000, 'the lock on the phone')
      const msg = randomId(12)
      expect(await phone.contribute(id, { op: 'edit', list: 'stakeholders', row: row('e1', 'v2') }, msg, 2, 0)).toMatchObject({ ok: false, code: 'locked' })
      doc.getMap('meta').set('locked', false)
      await until(seen, () => seen.getMap('meta').get('locked') === false, 5000, 'the unlock on the phone')
      // A duplicate of #2 (another connection's copy, a resend whose answer was lost) after the unlock.
      expect(await phone.contribute(id, { op: 'edit', list: 'stakeholders', row: row('e1', 'v2') }, msg, 2, 0)).toMatchObject({ ok: false, code: 'refused' })
      expect((rows().get('e1') as Y.Map<unknown>).get('name')).toBe('v1')
      // #3, made while #2 waited in the outbox (prev 2), goes on once #2 is refused.
      expect(await phone.contribute(id, { op: 'edit', list: 'stakeholders', row: row('e1', 'v3') }, randomId(12), 3, 2)).toMatchObject({ ok: true })
      await until(doc, () => (rows().get('e1') as Y.Map<unknown> | undefined)?.get('name') === 'v3', 5000, 'the edit')
    }
    finally {
      phone.destroy()
    }
  })

  it('keeps the same order on a participant\'s own copy of an individual board', async () => {
    const { id } = await board()
    const phone = new OwnPhone(server.wsUrl, randomId(18), 'Ana')
    const own = async (body: unknown, seq: number, prev: number, msg = randomId(12)) => {
      phone.raw(JSON.stringify({ t: 'own', msg, board: id, name: 'Ana', body, seq, prev }))
      return phone.answer(msg)
    }
    const names = (m: { mine: BoardMine }) => (m.mine.lists.stakeholders ?? []).map(e => (e.row as { name: string }).name)
    try {
      await phone.ready()
      expect(await own({ op: 'add', list: 'stakeholders', row: row('o1', 'v1') }, 1, 0)).toMatchObject({ ok: true })
      // The edit (#3) made after the withdraw (#2) arrives first: it waits, and the copy is unchanged.
      expect(await own({ op: 'edit', list: 'stakeholders', row: row('o1', 'v3') }, 3, 2)).toMatchObject({ ok: false, code: 'early' })
      expect(names(await phone.mine(id))).toEqual(['v1'])
      expect(await own({ op: 'withdraw', list: 'stakeholders', id: 'o1' }, 2, 0)).toMatchObject({ ok: true })
      const msg = randomId(12)
      expect((await own({ op: 'edit', list: 'stakeholders', row: row('o1', 'v3') }, 3, 2, msg)).ok).toBe(false)
      expect(names(await phone.mine(id))).toEqual([])
      // A copy of the refused #3 (its answer lost with a connection, say) is refused again, never applied.
      phone.messages.length = 0
      expect(await own({ op: 'edit', list: 'stakeholders', row: row('o1', 'v3') }, 3, 2, msg)).toMatchObject({ ok: false, code: 'refused' })
      expect(names(await phone.mine(id))).toEqual([])
    }
    finally {
      phone.destroy()
    }
  })
})
