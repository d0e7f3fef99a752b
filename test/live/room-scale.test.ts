// A full room of phones: a phone's cost does not grow with the board. At 6,000 entries a late
// joiner downloads at most 100 KB of the board's public document, and each update a phone gets
// is a few KB at most, whatever the board's size: the cost in bytes, counted, not timed (the time
// a phone takes per update is measured by `npm run bench:live`, never by a unit test).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { liveBoard } from '../../src/live/adapters'
import type { Contributor } from '../../src/live/boards'
import { readPublicBoard } from '../../src/live/join/read'
import { PHONE_PAGE } from '../../src/live/list-board'

const ENTRIES = 6000
/** The most a phone may get for one update: a page or a top, never the board (bytes). */
const MAX_UPDATE = 4 * 1024
const PHONES = 300
const who = (i: number, now: number): Contributor => ({ participantId: `participant-${i % PHONES}`, name: `Person ${i % PHONES}`, moderation: 'open', maxEntries: 100, maxRows: ENTRIES * 2, now })

/** A board driven as the server drives it: each contribution its own change, projected in batches. */
function room(kind: string) {
  const adapter = liveBoard(kind)!
  const doc = new Y.Doc()
  const out = new Y.Doc()
  doc.transact(() => adapter.init?.(doc))
  const phone = new Y.Doc()
  const apply = (body: unknown, by: Contributor) => {
    let refusal
    doc.transact(() => { refusal = adapter.apply(doc, adapter.op.parse(body), by) }, { source: 'local' })
    expect(refusal).toBeUndefined()
  }
  const project = () => out.transact(() => adapter.project(doc, out, 'en'))
  return { doc, out, phone, apply, project }
}

/** What a phone gets per update, as the join page takes it: apply the update, read the view. Sizes in bytes, sorted. */
function measurePhone(out: Y.Doc, phone: Y.Doc, read: (doc: Y.Doc) => unknown, step: () => void, n: number): number[] {
  const sizes: number[] = []
  const onUpdate = (update: Uint8Array) => {
    Y.applyUpdate(phone, update)
    read(phone)
    sizes.push(update.byteLength)
  }
  out.on('update', onUpdate)
  for (let i = 0; i < n; i++)
    step()
  out.off('update', onUpdate)
  return sizes.sort((a, b) => a - b)
}
const p95 = (sorted: number[]) => sorted[Math.floor(sorted.length * 0.95)]

describe('a phone\'s cost at 6,000 entries', () => {
  // The idea board's ideas are a ranked list (src/boards/kit/phone.ts): phones get the most voted, counted.
  it('on the idea vote: the top of the vote, under 100 KB for a late joiner, a few KB an update', () => {
    const { out, phone, apply, project } = room('idea-vote')
    let now = Date.now()
    for (let i = 0; i < ENTRIES; i++) {
      apply({ op: 'add', list: 'ideas', row: { id: `idea-${String(i).padStart(6, '0')}`, text: `Idea number ${i}: a sentence of ordinary length for a room` } }, who(i, now++))
      if (i % 20 === 19)
        project()
    }
    project()
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(out))
    // The vote: three votes each, spread over the board, projected as the server coalesces them.
    const votes: [number, number][] = []
    for (let p = 0; p < PHONES; p++) {
      for (let v = 0; v < 3; v++)
        votes.push([p, (p * 37 + v * 1009) % ENTRIES])
    }
    let k = 0
    const times = measurePhone(out, phone, readPublicBoard, () => {
      for (let j = 0; j < 5 && k < votes.length; j++, k++) {
        const [p, idea] = votes[k]
        apply({ op: 'add', list: 'votes', row: { id: `vote-${k}`, idea: `idea-${String(idea).padStart(6, '0')}` } }, who(p, now++))
      }
      project()
    }, votes.length / 5)
    const late = Y.encodeStateAsUpdate(out).length
    const shown = readPublicBoard(phone).rows.ideas
    console.log(`idea vote at ${ENTRIES}: late joiner ${(late / 1024).toFixed(1)} KB, per update p95 ${p95(times)} bytes (max ${times.at(-1)})`)
    expect(shown).toHaveLength(PHONE_PAGE)
    // The most voted: every idea shown has at least as many votes as any left out (three at most here).
    expect(Math.min(...shown.map(r => r.count ?? 0))).toBeGreaterThan(0)
    expect(JSON.parse(String(out.getMap('meta').get('totals'))).ideas).toBe(ENTRIES)
    expect(late).toBeLessThanOrEqual(100 * 1024)
    expect(times.at(-1)).toBeLessThanOrEqual(MAX_UPDATE)
  })

  // An exercise board's list holds at most 500 rows (the boards' own limit): its fullest.
  it('on an exercise board: a page of the list, under 100 KB for a late joiner, a few KB an update', () => {
    const ROWS = 500
    const { out, phone, apply, project } = room('stakeholder-map')
    let now = Date.now()
    const row = (i: number, name = `Stakeholder ${i}`) => ({ id: `row-${i}`, name, category: 'host', power: 1 + (i % 5), interest: 1 + (i % 4), currentEngagement: '', preferredChannel: 'email', relationshipOwner: '' })
    for (let i = 0; i < ROWS; i++) {
      apply({ op: 'add', list: 'stakeholders', row: row(i) }, who(i, now++))
      if (i % 20 === 19)
        project()
    }
    project()
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(out))
    // Edits and withdrawals across the board.
    let k = 0
    const times = measurePhone(out, phone, readPublicBoard, () => {
      const i = (k++ * 53) % ROWS
      if (k % 4 === 0)
        apply({ op: 'withdraw', list: 'stakeholders', id: `row-${i}` }, who(i, now++))
      else
        apply({ op: 'edit', list: 'stakeholders', row: row(i, `Stakeholder ${i}, edited`) }, who(i, now++))
      project()
    }, 1000)
    const late = Y.encodeStateAsUpdate(out).length
    console.log(`list board at ${ROWS}: late joiner ${(late / 1024).toFixed(1)} KB, per update p95 ${p95(times)} bytes (max ${times.at(-1)})`)
    expect(readPublicBoard(phone).rows.stakeholders).toHaveLength(PHONE_PAGE)
    expect(JSON.parse(String(out.getMap('meta').get('totals'))).stakeholders).toBeGreaterThan(PHONE_PAGE)
    expect(late).toBeLessThanOrEqual(100 * 1024)
    expect(times.at(-1)).toBeLessThanOrEqual(MAX_UPDATE)
  })
})
