// The poll and the 1-5 scale live: one vote a person, changed by editing it; the phone's form
// names the options with the slide's text and shows the question (src/live/adapters.ts).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { validate } from '../kit/board'
import { setField } from '../../board-doc'
import { liveBoard } from '../../live/adapters'
import type { Contributor } from '../../live/boards'
import { readPublicBoard } from '../../live/join/read'
import { poll } from './model'
import { scale } from '../scale/model'

const who = (participantId: string): Contributor => ({ participantId, name: participantId, moderation: 'open', maxEntries: 20, maxRows: 500, now: Date.now(), language: 'en' })

function live(kind: string) {
  const adapter = liveBoard(kind)!
  const doc = new Y.Doc()
  const out = new Y.Doc()
  doc.transact(() => adapter.init!(doc))
  const apply = (body: unknown, by: Contributor) => {
    const parsed = adapter.op.safeParse(body)
    expect(parsed.success).toBe(true)
    let refusal
    doc.transact(() => { refusal = adapter.apply(doc, parsed.data, by) })
    return refusal
  }
  const project = () => {
    adapter.project(doc, out)
    return readPublicBoard(out)
  }
  return { adapter, doc, apply, project }
}

describe('the poll, live', () => {
  it('takes one vote a person, changed by editing it, and counts each person once', () => {
    const { adapter, doc, apply } = live('poll')
    doc.transact(() => setField(doc, poll, ['options'], ['Met', 'Partly', 'Not yet']))
    expect(apply({ op: 'add', list: 'votes', row: { id: 'ana-1', choice: '1' } }, who('ana'))).toBeUndefined()
    expect(apply({ op: 'add', list: 'votes', row: { id: 'ana-2', choice: '2' } }, who('ana'))).toMatchObject({ code: 'limit', error: 'You have already answered here: change your answer instead.' })
    // A wrong vote is refused for what it is, first.
    expect(apply({ op: 'add', list: 'votes', row: { id: 'ana-3', choice: '9' } }, who('ana'))).toMatchObject({ code: 'invalid', error: expect.stringMatching(/Your vote: choose one of the options/) })
    expect(apply({ op: 'edit', list: 'votes', row: { id: 'ana-1', choice: '3' } }, who('ana'))).toBeUndefined()
    expect(apply({ op: 'add', list: 'votes', row: { id: 'bo-1', choice: '3' } }, who('bo'))).toBeUndefined()
    // Withdrawn, a vote can be given again.
    expect(apply({ op: 'withdraw', list: 'votes', id: 'bo-1' }, who('bo'))).toBeUndefined()
    expect(apply({ op: 'add', list: 'votes', row: { id: 'bo-2', choice: '2' } }, who('bo'))).toBeUndefined()
    const results = validate(poll, adapter.results(doc))
    expect(results).toMatchObject({ ok: true, data: { options: ['Met', 'Partly', 'Not yet'], votes: [{ id: 'ana-1', choice: '3' }, { id: 'bo-2', choice: '2' }] } })
  })

  it('shows phones the question and names the options with the slide\'s text, only as many as the slide has', () => {
    const { doc, project } = live('poll')
    doc.transact(() => {
      setField(doc, poll, ['question'], 'Your hope from the welcome?')
      setField(doc, poll, ['options'], ['Met', 'Partly', 'Not yet'])
    })
    const seen = project()
    expect(seen.view).toEqual({ prompt: 'Your hope from the welcome?', choices: { votes: { choice: ['Met', 'Partly', 'Not yet'] } }, single: ['votes'] })
    expect(seen.form!.lists[0].fields[0].options).toEqual([{ value: '1', label: 'Met' }, { value: '2', label: 'Partly' }, { value: '3', label: 'Not yet' }])
  })
})

describe('the 1-5 scale, live', () => {
  it('takes one answer a person and shows the statement, with the slide\'s words at the ends', () => {
    const { adapter, doc, apply, project } = live('scale')
    doc.transact(() => {
      setField(doc, scale, ['statement'], 'I could run a consulting round tomorrow.')
      setField(doc, scale, ['low'], 'not yet')
      setField(doc, scale, ['high'], 'tomorrow')
    })
    expect(apply({ op: 'add', list: 'scores', row: { id: 'a', score: '4' } }, who('ana'))).toBeUndefined()
    expect(apply({ op: 'add', list: 'scores', row: { id: 'b', score: '5' } }, who('ana'))).toMatchObject({ code: 'limit' })
    expect(apply({ op: 'add', list: 'scores', row: { id: 'c', score: '6' } }, who('bo'))).toMatchObject({ code: 'invalid' })
    const seen = project()
    expect(seen.view.prompt).toBe('I could run a consulting round tomorrow.')
    expect(seen.form!.lists[0].fields[0].options!.map(o => o.label)).toEqual(['1 · not yet', '2', '3', '4', '5 · tomorrow'])
    expect(validate(scale, adapter.results(doc))).toMatchObject({ ok: true, data: { scores: [{ id: 'a', score: '4' }] } })
  })
})
