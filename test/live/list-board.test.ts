// The list-board adapter, on the origin timeline's own model: rows checked with the board's
// row schema, own rows only, a queue, and results that the board's JSON format accepts.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { validate } from '../../src/exercises/board'
import { rowSchema } from '../../src/exercises/fields'
import { EVENT_FIELDS, originTimeline } from '../../src/exercises/origin-timeline'
import type { Contributor } from '../../src/live/boards'
import { listBoardAdapter } from '../../src/live/list-board'

const adapter = listBoardAdapter({ def: originTimeline, rowsKey: 'events', rowSchema: rowSchema(EVENT_FIELDS) as any })
const who = (participantId: string, moderation: 'open' | 'queue' = 'open'): Contributor => ({ participantId, name: '', moderation, maxEntries: 2, maxRows: 100, now: Date.now() })
const event = (id: string, title: string) => ({ id, title, date: '2020-01', type: 'founding', actors: [], whyItMattered: '' })

function apply(doc: Y.Doc, body: unknown, by: Contributor) {
  const parsed = adapter.op.safeParse(body)
  if (!parsed.success)
    return { code: 'invalid' }
  let refusal
  doc.transact(() => { refusal = adapter.apply(doc, parsed.data, by) })
  return refusal
}

describe('a list board, live', () => {
  it('takes rows the board\'s model accepts, from their authors only, and exports valid results', () => {
    const doc = new Y.Doc()
    const out = new Y.Doc()
    expect(apply(doc, { op: 'add', row: event('e1', 'Founded <b>') }, who('ana'))).toBeUndefined()
    expect(apply(doc, { op: 'add', row: { ...event('e2', 'Bad'), type: 'explosion' } }, who('ana'))).toEqual({ code: 'invalid' })
    expect(apply(doc, { op: 'add', row: { ...event('e3', 'Extra'), _status: 'visible' } }, who('ana'))).toEqual({ code: 'invalid' })
    expect(apply(doc, { op: 'edit', row: event('e1', 'Taken over') }, who('bob'))).toMatchObject({ code: 'not-yours' })
    expect(apply(doc, { op: 'add', row: event('e4', 'Second') }, who('ana'))).toBeUndefined()
    expect(apply(doc, { op: 'add', row: event('e5', 'Third') }, who('ana'))).toMatchObject({ code: 'limit', params: { n: 2 } })
    expect(apply(doc, { op: 'add', row: event('q1', 'Queued') }, who('bob', 'queue'))).toBeUndefined()
    adapter.project(doc, out)
    const projected = out.getMap<Y.Map<unknown>>('events').toJSON()
    expect(Object.keys(projected).sort()).toEqual(['e1', 'e4'])
    expect(JSON.stringify(projected)).not.toContain('_author')
    const results = adapter.results(doc)
    expect(validate(originTimeline, results)).toMatchObject({ ok: true, data: { events: [expect.objectContaining({ id: 'e1', title: 'Founded <b>' }), expect.objectContaining({ id: 'e4' })] } })
    expect(adapter.mine(doc, 'bob')).toEqual([{ id: 'q1', status: 'pending', row: expect.objectContaining({ title: 'Queued' }) }])
    expect(apply(doc, { op: 'withdraw', id: 'e1' }, who('ana'))).toBeUndefined()
    adapter.project(doc, out)
    expect(Object.keys(out.getMap('events').toJSON())).toEqual(['e4'])
  })
})
