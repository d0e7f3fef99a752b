// Charters made before version 3 (the decision levels, conduct route and take-back steps):
// the worked examples' version 2 exports as they shipped (test/fixtures/charter-v2/), and a
// version 2 board saved in this browser, both read by this kit with nothing lost.
import 'fake-indexeddb/auto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { importJson } from '../kit/board'
import { charterBuilder, charterMarkdown, type CharterData } from './model'
import { initBoardDoc, readBoard } from '../../board-doc'
import { LocalStore } from '../../state/local-store'
import { documentName } from '../../state/useExerciseState'
import { ROOT } from '../../paths'

const FIXTURES = join(ROOT, 'test', 'fixtures', 'charter-v2')
const fixtures = readdirSync(FIXTURES).filter(f => f.endsWith('.json')).sort()

function read(file: string): { envelope: any, data: CharterData } {
  const text = readFileSync(join(FIXTURES, file), 'utf8')
  const r = importJson(charterBuilder, text)
  if (!r.ok)
    throw new Error(`${file}: ${r.error}`)
  return { envelope: JSON.parse(text), data: r.data }
}

/** A version 2 charter as the kit before this one saved it: plain fields by path, rows apart. */
function savedVersion2(doc: Y.Doc, old: Record<string, any>) {
  doc.transact(() => {
    const meta = doc.getMap('meta')
    meta.set('kind', 'charter-builder')
    meta.set('schema', 2)
    meta.set('version', 2)
    const fields = doc.getMap('fields')
    const walk = (value: Record<string, any>, prefix: string[]) => {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'milestones')
          continue
        if (v && typeof v === 'object' && !Array.isArray(v))
          walk(v, [...prefix, k])
        else
          fields.set([...prefix, k].join('.'), v)
      }
    }
    walk(old, [])
    old.milestones.forEach((m: Record<string, unknown>, i: number) => {
      const row = new Y.Map<unknown>()
      for (const [k, v] of Object.entries(m))
        row.set(k, v)
      row.set('_order', i)
      doc.getMap('rows:milestones').set(m.id as string, row)
    })
  })
}

describe.each(fixtures)('the version 2 export %s', (file) => {
  const { envelope, data } = read(file)
  const old = envelope.data

  it('is version 2, and loads: the one decision rule, the link, the consultation and the review move, the rest is kept', () => {
    expect(envelope.version).toBe(2)
    expect(data.mission).toEqual(old.mission)
    expect(data.vision).toBe(old.vision)
    expect(data.values).toEqual(old.values)
    expect(data.milestones).toEqual(old.milestones)
    expect(data.decisions.operational.rule).toBe(old.waysOfWorking.decisionRule)
    expect(data.conduct.link).toBe(old.waysOfWorking.cocLink)
    expect(data.waysOfWorking).toEqual({ meetingCadence: old.waysOfWorking.meetingCadence, channels: old.waysOfWorking.channels, roles: old.waysOfWorking.roles, membershipTerms: old.waysOfWorking.membershipTerms })
    expect(data.takeBack.reviewDate).toBe(old.reviewDate)
    expect(data.licence).toBe(old.licence)
    // CHARTER.md prints what it had, and says what is still open.
    const md = charterMarkdown(data)
    expect(md).toContain(old.waysOfWorking.cocLink)
    expect(md).toContain('_Not yet decided._')
  })

  it('loads the same when this browser saved it as a version 2 board, and the board is upgraded once', async () => {
    const name = documentName('migration-test', `charter-${file}`)
    const before = new Y.Doc()
    const store = new LocalStore(name, before)
    await store.loaded
    savedVersion2(before, old)
    expect((await store.whenSaved()).state).toBe('saved')
    store.destroy()

    const doc = new Y.Doc()
    const again = new LocalStore(name, doc)
    await again.loaded
    expect(initBoardDoc(doc, charterBuilder)).toEqual({ state: 'ready' })
    const read = readBoard(doc, charterBuilder)
    expect(read.issues).toEqual([])
    expect(read.data).toEqual(data)
    expect(doc.getMap('meta').get('version')).toBe(3)
    expect(doc.getMap('fields').has('waysOfWorking.decisionRule')).toBe(false)
    expect(doc.getMap('fields').get('decisions.operational.rule')).toBe(old.waysOfWorking.decisionRule)
    initBoardDoc(doc, charterBuilder)
    expect(readBoard(doc, charterBuilder).data).toEqual(data)
    again.destroy()
  })
})
