// The nine exercise boards' live adapter, on a bare Yjs document: rows checked with each board's
// own field schemas, own rows only, a queue, hidden rows kept out of the projection and the
// results, and results the board's JSON format accepts. RACI letters and charter proposals too.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { validate } from '../../src/boards/kit/board'
import { addRow, readBoard } from '../../src/board-doc'
import { liveBoard } from '../../src/live/adapters'
import type { Contributor } from '../../src/live/boards'
import type { BoardFormView } from '../../src/live/protocol'
import { SAMPLES } from './board-samples'

const who = (participantId: string, moderation: 'open' | 'queue' = 'open', language = 'en'): Contributor => ({ participantId, name: participantId, moderation, maxEntries: 2, maxRows: 100, now: Date.now(), language })

function board(kind: string) {
  const adapter = liveBoard(kind)!
  const doc = new Y.Doc()
  const out = new Y.Doc()
  doc.transact(() => adapter.init!(doc))
  const apply = (body: unknown, by: Contributor) => {
    const parsed = adapter.op.safeParse(body)
    if (!parsed.success)
      return { code: 'invalid', error: parsed.error.message }
    let refusal
    doc.transact(() => { refusal = adapter.apply(doc, parsed.data, by) })
    return refusal
  }
  const projected = (list: string) => {
    adapter.project(doc, out)
    return out.getMap<Y.Map<unknown>>(`rows:${list}`).toJSON() as Record<string, Record<string, unknown>>
  }
  return { adapter, doc, out, apply, projected }
}

describe.each(SAMPLES)('the $kind board, live', (sample) => {
  it('takes valid rows from their authors only, keeps queued and hidden rows off phones, and exports valid results', () => {
    const { adapter, doc, out, apply, projected } = board(sample.kind)
    const row = (id: string, extra: Record<string, unknown> = {}) => ({ id, ...sample.row, ...extra })
    expect(apply({ op: 'add', list: sample.list, row: row('a1') }, who('ana'))).toBeUndefined()
    expect(apply({ op: 'add', list: sample.list, row: row('bad', sample.invalid) }, who('ana'))).toMatchObject({ code: 'invalid', error: expect.stringMatching(sample.says) })
    expect(apply({ op: 'add', list: sample.list, row: row('extra', { _status: 'visible' }) }, who('ana'))).toMatchObject({ code: 'invalid' })
    expect(apply({ op: 'edit', list: sample.list, row: row('a1', { [sample.title]: 'Taken over' }) }, who('bob'))).toMatchObject({ code: 'not-yours' })
    expect(apply({ op: 'withdraw', list: sample.list, id: 'a1' }, who('bob'))).toMatchObject({ code: 'not-yours' })
    expect(apply({ op: 'edit', list: sample.list, row: row('a1', { [sample.title]: 'Edited by Ana' }) }, who('ana'))).toBeUndefined()
    expect(apply({ op: 'add', list: sample.list, row: row('a2') }, who('ana'))).toBeUndefined()
    expect(apply({ op: 'add', list: sample.list, row: row('a3') }, who('ana'))).toMatchObject({ code: 'limit', params: { n: 2 } })
    expect(apply({ op: 'add', list: sample.list, row: row('q1', { [sample.title]: 'Queued' }) }, who('bob', 'queue'))).toBeUndefined()

    const shown = projected(sample.list)
    const form = JSON.parse(String(out.getMap('meta').get('form'))) as BoardFormView
    expect(form.lists[0]).toMatchObject({ key: sample.list, title: sample.title })
    expect(form.lists[0].fields.map(f => f.key)).toEqual(expect.arrayContaining(Object.keys(sample.row)))
    expect(shown.a1).toMatchObject({ [sample.title]: 'Edited by Ana', _by: 'ana' })
    expect(Object.keys(shown)).not.toContain('q1')
    expect(JSON.stringify(out.toJSON())).not.toContain('_author')
    expect(adapter.mine(doc, 'bob')).toEqual({ lists: expect.objectContaining({ [sample.list]: [{ id: 'q1', status: 'pending', row: expect.objectContaining({ [sample.title]: 'Queued' }) }] }), ...(sample.kind === 'raci-matrix' ? { cells: {} } : {}) })

    // Hidden: gone from the projection, the results and the author's own view of its text.
    doc.getMap<Y.Map<unknown>>(`rows:${sample.list}`).get('a2')!.set('_status', 'hidden')
    expect(Object.keys(projected(sample.list))).not.toContain('a2')
    expect(apply({ op: 'edit', list: sample.list, row: row('a2', { [sample.title]: 'Back' }) }, who('ana'))).toMatchObject({ code: 'gone' })
    expect(JSON.stringify(adapter.mine(doc, 'ana'))).not.toContain(String(sample.row[sample.title]))

    // Approved: on the phones.
    doc.getMap<Y.Map<unknown>>(`rows:${sample.list}`).get('q1')!.set('_status', 'visible')
    expect(projected(sample.list).q1).toMatchObject({ [sample.title]: 'Queued' })

    const results = adapter.results(doc) as Record<string, any>
    const checked = validate(adapter.def, results)
    expect(checked.ok, JSON.stringify(checked)).toBe(true)
    const ids = results[sample.list].map((r: any) => r.id)
    expect(ids).toEqual(expect.arrayContaining(['a1', 'q1']))
    expect(ids).not.toContain('a2')
    // Rows the facilitator typed (no author) stay the facilitator's.
    expect(readBoard(doc, adapter.def).rowCount).toBeGreaterThanOrEqual(3)

    expect(apply({ op: 'withdraw', list: sample.list, id: 'a1' }, who('ana'))).toBeUndefined()
    expect(Object.keys(projected(sample.list))).not.toContain('a1')
  })
})

describe('the RACI matrix, live', () => {
  it('lets a participant set letters only on their own activity, for the board\'s roles; a hidden activity\'s letters stay out', () => {
    const { adapter, doc, out, apply } = board('raci-matrix')
    addRow(doc, adapter.def, 'roles', { id: 'host', name: 'Host' })
    expect(apply({ op: 'add', list: 'activities', row: { id: 'act-ana', name: 'Write minutes' } }, who('ana'))).toBeUndefined()
    expect(apply({ op: 'cell', activity: 'act-ana', role: 'host', letter: 'A' }, who('ana'))).toBeUndefined()
    expect(apply({ op: 'cell', activity: 'act-ana', role: 'host', letter: 'R' }, who('bob'))).toMatchObject({ code: 'not-yours' })
    expect(apply({ op: 'cell', activity: 'act-onboarding', role: 'host', letter: 'R' }, who('ana'))).toMatchObject({ code: 'not-yours' })
    expect(apply({ op: 'cell', activity: 'act-ana', role: 'nobody', letter: 'R' }, who('ana'))).toMatchObject({ code: 'gone' })
    expect(apply({ op: 'cell', activity: 'act-ana', role: 'host', letter: 'Z' }, who('ana'))).toMatchObject({ code: 'invalid' })
    adapter.project(doc, out)
    expect(out.getMap('record:cells').toJSON()).toEqual({ 'act-ana:host': 'A' })
    expect(out.getMap('rows:roles').toJSON()).toEqual({ host: expect.objectContaining({ name: 'Host' }) })
    expect(adapter.mine(doc, 'ana')).toMatchObject({ cells: { 'act-ana:host': 'A' } })
    expect((adapter.results(doc) as any).cells).toEqual({ 'act-ana:host': 'A' })
    doc.getMap<Y.Map<unknown>>('rows:activities').get('act-ana')!.set('_status', 'hidden')
    adapter.project(doc, out)
    expect(out.getMap('record:cells').toJSON()).toEqual({})
    expect((adapter.results(doc) as any).cells).toEqual({})
    expect(validate(adapter.def, adapter.results(doc)).ok).toBe(true)
  })
})

describe('the charter, live', () => {
  it('takes proposals for its single-value sections, checked with each section\'s own length', () => {
    const { adapter, doc, out, apply } = board('charter-builder')
    expect(apply({ op: 'add', list: 'proposals', row: { id: 'p1', path: 'vision', text: 'A world where <b>data</b> is shared' } }, who('ana'))).toBeUndefined()
    expect(apply({ op: 'add', list: 'proposals', row: { id: 'p2', path: 'mission.with', text: 'x'.repeat(81) } }, who('ana'))).toMatchObject({ code: 'invalid', error: expect.stringMatching(/Your proposal: write 1 to 80 characters/) })
    expect(apply({ op: 'add', list: 'proposals', row: { id: 'p3', path: 'milestones', text: 'Nope' } }, who('ana'))).toMatchObject({ code: 'invalid', error: expect.stringMatching(/Section: choose one of the options/) })
    expect(apply({ op: 'edit', list: 'proposals', row: { id: 'p1', path: 'vision', text: 'Mine now' } }, who('bob'))).toMatchObject({ code: 'not-yours' })
    adapter.project(doc, out)
    expect(out.getMap<Y.Map<unknown>>('rows:proposals').toJSON()).toEqual({ p1: { path: 'vision', text: 'A world where <b>data</b> is shared', _by: 'ana', _order: expect.any(Number) } })
    // The facilitator uses it: the section gets the text, the proposal is hidden.
    doc.transact(() => {
      doc.getMap('fields').set('vision', 'A world where <b>data</b> is shared')
      doc.getMap<Y.Map<unknown>>('proposals').get('p1')!.set('_status', 'hidden')
    })
    adapter.project(doc, out)
    expect(out.getMap('rows:proposals').size).toBe(0)
    expect(out.getMap('fields').get('vision')).toBe('A world where <b>data</b> is shared')
    const results = adapter.results(doc) as any
    expect(results.vision).toBe('A world where <b>data</b> is shared')
    expect(results.proposals).toBeUndefined()
    expect(validate(adapter.def, results).ok).toBe(true)
  })

  it('refuses a thirteenth milestone: the charter holds twelve', () => {
    const { apply } = board('charter-builder')
    for (let i = 0; i < 12; i++)
      expect(apply({ op: 'add', list: 'milestones', row: { id: `m${i}`, ...SAMPLES.find(s => s.kind === 'charter-builder')!.row } }, { ...who(`p${i}`) })).toBeUndefined()
    expect(apply({ op: 'add', list: 'milestones', row: { id: 'm12', ...SAMPLES.find(s => s.kind === 'charter-builder')!.row } }, who('late'))).toMatchObject({ code: 'limit', params: { n: 12 } })
  })

  it('speaks Spanish to a Spanish session', () => {
    const { adapter, out, doc, apply } = board('stakeholder-map')
    expect(apply({ op: 'add', list: 'stakeholders', row: { id: 's1', name: 'Biblioteca', power: 9, interest: 1 } }, who('ana', 'open', 'es'))).toMatchObject({ error: 'Poder (1-5): un número entero de 1 a 5.' })
    adapter.project(doc, out, 'es')
    const form = JSON.parse(String(out.getMap('meta').get('form'))) as BoardFormView
    expect(form.lists[0].label).toBe('Partes interesadas')
    expect(form.lists[0].fields.find(f => f.key === 'name')).toMatchObject({ label: 'Parte interesada', kind: 'text', max: 80, required: true })
  })
})
