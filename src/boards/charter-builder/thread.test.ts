// The thread into module 4: the charter builder fed the example groups' exports of modules 1-3.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportJson, importJson } from '../kit/board'
import { charterBuilder, type CharterData } from './model'
import { threadCharter, type ThreadFile } from './thread'
import { STAGE_LABELS } from '../lifecycle-compass/model'
import { raciMatrix } from '../raci-matrix/model'
import { type LedgerRow, valueExchangeLedger } from '../value-exchange-ledger/model'
import { ROOT } from '../../paths'

const EXAMPLES = join(ROOT, 'examples')
const slugs = readdirSync(EXAMPLES, { withFileTypes: true }).filter(d => d.isDirectory()).map(d => d.name)
const files = (slug: string): ThreadFile[] => readdirSync(join(EXAMPLES, slug))
  .filter(f => /^m[123]-board-.*\.json$/.test(f))
  .map(f => ({ name: f, text: readFileSync(join(EXAMPLES, slug, f), 'utf8') }))
const charterOf = (slug: string): CharterData => {
  const r = importJson(charterBuilder, readFileSync(join(EXAMPLES, slug, 'm4-board-charter-builder.json'), 'utf8'))
  if (!r.ok)
    throw new Error(r.error)
  return r.data
}

describe.each(slugs)('the thread from %s\'s boards of modules 1-3', (slug) => {
  const example = charterOf(slug)
  const thread = threadCharter(charterBuilder.empty(), files(slug))

  it('reads every file, refusing none', () => {
    expect(thread.results.filter(r => !r.ok)).toEqual([])
    expect(thread.results.length).toBe(files(slug).length)
  })

  it('gives the example charter\'s roles and channels', () => {
    expect(thread.data.waysOfWorking.roles).toEqual(expect.arrayContaining(example.waysOfWorking.roles))
    expect(thread.data.waysOfWorking.channels).toEqual(expect.arrayContaining(example.waysOfWorking.channels))
  })

  it('gives a long-term milestone at the example charter\'s target stage, short-term ones owned as the mountain says', () => {
    const long = thread.milestones.filter(m => m.horizon === 'long')
    expect(long).toHaveLength(1)
    const stageWord = example.milestones.find(m => m.horizon === 'long')!.title.split(':')[0].toLowerCase()
    expect(long[0].title.toLowerCase()).toContain(stageWord)
    expect(Object.values(STAGE_LABELS).map(l => l.toLowerCase()).some(l => long[0].title.toLowerCase().includes(l))).toBe(true)
    const short = thread.milestones.filter(m => m.horizon === 'short')
    expect(short.length).toBeGreaterThan(0)
    // The example's short-term milestones are owned by roles the thread's ones are owned by.
    const owners = new Set(short.map(m => m.owner))
    for (const m of example.milestones.filter(m => m.horizon === 'short'))
      expect(owners).toContain(m.owner)
    expect(thread.data.milestones.length).toBeLessThanOrEqual(12)
  })

  it('suggests who to consult and what to recognise', () => {
    expect(thread.data.takeBack.consultWith.length).toBeGreaterThan(0)
    expect(thread.data.recognition).toContain('What we offer in return')
    expect(thread.data.recognition).toContain('We recognise')
    expect(thread.set.map(s => s.path.join('.'))).toEqual(expect.arrayContaining(['waysOfWorking.roles', 'waysOfWorking.channels', 'takeBack.consultWith', 'recognition']))
  })

  it('keeps what is in the charter already, and adds nothing the second time', () => {
    const merged = threadCharter(example, files(slug))
    expect(merged.data.mission).toEqual(example.mission)
    expect(merged.data.waysOfWorking.roles.slice(0, example.waysOfWorking.roles.length)).toEqual(example.waysOfWorking.roles)
    expect(merged.data.milestones.slice(0, example.milestones.length)).toEqual(example.milestones)
    const again = threadCharter(thread.data, files(slug))
    expect(again.set).toEqual([])
    expect(again.milestones).toEqual([])
    expect(again.results.every(r => r.ok && r.added.length === 0)).toBe(true)
  })

  it('reads all-boards.json as its single files', () => {
    const all = threadCharter(charterBuilder.empty(), [{ name: 'all-boards.json', text: readFileSync(join(EXAMPLES, slug, 'all-boards.json'), 'utf8') }])
    expect(all.results.filter(r => !r.ok)).toEqual([])
    expect(all.data.waysOfWorking.roles).toEqual(thread.data.waysOfWorking.roles)
    expect(all.milestones).toEqual(thread.milestones)
  })
})

describe('a wrong file', () => {
  it('is refused by name, and changes nothing', () => {
    const start = charterBuilder.empty()
    const raci = JSON.parse(exportJson(raciMatrix, 'r', { ...raciMatrix.empty(), roles: [{ id: 'a', name: 'Chair' }] }))
    raci.data.roles[0].name = ''
    const t = threadCharter(start, [
      { name: 'notes.txt', text: 'hello' },
      { name: 'photo.json', text: '{"width": 3}' },
      { name: 'broken-raci.json', text: JSON.stringify(raci) },
    ])
    expect(t.results).toEqual([
      { file: 'notes.txt', ok: false, error: expect.stringMatching(/^notes\.txt: not valid JSON/) },
      { file: 'photo.json', ok: false, error: expect.stringMatching(/^photo\.json: not an export of a board the charter reads/) },
      { file: 'broken-raci.json', ok: false, error: expect.stringMatching(/^broken-raci\.json: The board data is not valid:\nroles\.0\.name/) },
    ])
    expect(t.data).toEqual(start)
    expect(t.set).toEqual([])
  })
})

describe('the ledger\'s recognition sentences', () => {
  it('go into the charter\'s recognition section, each once, after what the ledger offers', () => {
    const sentence = 'We recognise reviewers by naming them in every release\'s notes, decided by the release manager, reviewed yearly.'
    const row: LedgerRow = { id: 'r1', contributionAsked: 'Review pull requests', valueOffered: ['recognition'], canDeliver: 'yes', fairness: 4, recognition: sentence, persona: '', cpmMode: '', costToCommunity: 2 }
    const ledger = exportJson(valueExchangeLedger, 'm3-board-value-exchange-ledger', { rows: [row, { ...row, id: 'r2', recognition: '' }] })
    const file = { name: 'm3-board-value-exchange-ledger.json', text: ledger }
    const thread = threadCharter(charterBuilder.empty(), [file])
    expect(thread.data.recognition.split('\n')).toEqual(['What we offer in return (value-exchange ledger): recognition.', sentence])
    expect(threadCharter(thread.data, [file]).set).toEqual([])
  })
})

