// The models of the list boards: validation, computed rules and flags, Markdown and CSV, and
// a lossless JSON round trip.
import { describe, expect, it } from 'vitest'
import { type BoardDefinition, exportJson, importJson, validate } from '../../src/boards/kit/board'
import { channelAudit, channelFlags, modeCounts } from '../../src/boards/channel-audit/model'
import { flowCounts, informationMap, itemFlags } from '../../src/boards/information-map/model'
import { describeDirection, direction, lifecycleCompass, roomDisagrees, spread } from '../../src/boards/lifecycle-compass/model'
import { originTimeline, typeCounts, sortedEvents, timelinePositions } from '../../src/boards/origin-timeline/model'
import { ledgerFlags, valueExchangeLedger } from '../../src/boards/value-exchange-ledger/model'

const tricky = 'Smith, "Jo" | *lead*\nnext line'

const samples: [BoardDefinition, any, (d: any) => void][] = [
  [originTimeline, { events: [
    { id: 'e2', date: '2021-06', title: 'First sprint', type: 'milestone', actors: ['organiser'], whyItMattered: tricky },
    { id: 'e1', date: '2019-03', title: 'Founded', type: 'founding', actors: ['two postdocs'], whyItMattered: 'no docs' },
    { id: 'e3', date: '', title: 'Funding ends', type: 'challenge', actors: [], whyItMattered: '' },
  ] }, d => { d.events[0].date = '2021-13' }],
  [lifecycleCompass, { entries: [
    { id: 'c1', name: tricky.slice(0, 20), currentStage: 'potential', targetStage: 'maturing', evidence: 'few meetings', oneChangeNeeded: 'regular calls' },
    { id: 'c2', name: 'B', currentStage: 'maturing', targetStage: 'coalescing', evidence: '', oneChangeNeeded: '' },
  ] }, d => { d.entries[0].currentStage = 'thriving' }],
  [channelAudit, { channels: [
    { id: 'c1', channel: 'Forum', mode: 'async', purpose: tricky, audience: 'all', owner: 'Ana', cadence: 'daily', accessibilityNotes: '' },
    { id: 'c2', channel: 'Call', mode: 'sync', purpose: '', audience: 'core', owner: '', cadence: 'monthly', accessibilityNotes: 'captions' },
  ] }, d => { d.channels[0].mode = 'both' }],
  [valueExchangeLedger, { rows: [
    { id: 'v1', contributionAsked: tricky, persona: 'Newcomer', cpmMode: 'contribute', valueOffered: ['recognition', 'mentorship'], canDeliver: 'yes', costToCommunity: 2, fairness: 4 },
    { id: 'v2', contributionAsked: 'Weekly reviews', persona: 'Maintainer', cpmMode: 'collaborate', valueOffered: ['swag'], canDeliver: 'no', costToCommunity: 1, fairness: 2 },
  ] }, d => { d.rows[0].fairness = 6 }],
  [informationMap, { items: [
    { id: 'i1', infoItem: 'Decisions', audience: tricky.slice(0, 30), channel: 'forum', frequency: 'weekly', flowType: 'transmissive', owner: 'Ana' },
    { id: 'i2', infoItem: 'Call for help', audience: 'members', channel: 'chat', frequency: 'ad hoc', flowType: 'transactional', owner: '' },
  ] }, d => { d.items[0].flowType = 'telepathic' }],
]

describe.each(samples)('%s board model', (def, sample, breakIt) => {
  it(`${def.kind}: accepts a valid board and refuses a broken one with the field's path`, () => {
    expect(validate(def, sample).ok).toBe(true)
    const broken = structuredClone(sample)
    breakIt(broken)
    const result = validate(def, broken)
    expect(result.ok).toBe(false)
    expect((result as { error: string }).error).toMatch(/^\w+\.0\.\w+: /)
    const extra = structuredClone(sample)
    Object.values(extra).find(Array.isArray)![0].surprise = 1
    expect(validate(def, extra).ok).toBe(false)
  })

  it(`${def.kind}: refuses text over its length limit`, () => {
    const long = structuredClone(sample)
    const row = Object.values(long).find(Array.isArray)![0]
    const textKey = Object.keys(row).find(k => typeof row[k] === 'string' && k !== 'id' && !/date|Stage|mode|flowType|type|layer|canDeliver|cpmMode/.test(k))!
    row[textKey] = 'x'.repeat(2001)
    expect(validate(def, long).ok).toBe(false)
  })

  it(`${def.kind}: exports JSON that imports back to the same board`, () => {
    const text = exportJson(def, 'board-1', sample)
    expect(importJson(def, text)).toEqual({ ok: true, data: validate(def, sample).ok && (validate(def, sample) as any).data })
    expect(importJson(def, text.replace(`"board": "${def.kind}"`, '"board": "other"')).ok).toBe(false)
  })

  it(`${def.kind}: writes Markdown that keeps participant text as text, and quoted CSV`, () => {
    const md = def.toMarkdown(sample)
    expect(md).not.toContain('*lead*')
    expect(md).toMatch(/\\\|/)
    expect(md).not.toMatch(/\n(?!\|)[^|\n#"A-Z_]*next line/)
    const csv = def.toCsv(sample)
    expect(csv).toContain('"Smith, ""Jo"" | *lead*')
    expect(csv.endsWith('\r\n')).toBe(true)
  })
})

describe('computed rules', () => {
  it('orders the timeline by month, undated last, and counts types', () => {
    const events = samples[0][1].events
    expect(sortedEvents(events).map((e: any) => e.id)).toEqual(['e1', 'e2', 'e3'])
    expect(timelinePositions(events).map(p => p.at)).toEqual([0, 100, 100])
    expect(typeCounts(events)).toEqual({ founding: 1, milestone: 1, challenge: 1, pivot: 0 })
  })

  it('reads a version 1 timeline export, dropping the Ganz layer and keeping every event', () => {
    const v1 = { format: 'community-training-board', board: 'origin-timeline', version: 1, id: 't', exportedAt: '2026-01-01T00:00:00.000Z', data: { events: [
      { id: 'e1', date: '2019-03', title: 'Founded', type: 'founding', actors: ['two postdocs'], whyItMattered: 'no docs', layer: 'self' },
      { id: 'e2', date: '', title: 'Funding ends', type: 'challenge', actors: [], whyItMattered: '', layer: '' },
    ] } }
    const r = importJson(originTimeline, JSON.stringify(v1))
    expect(r).toEqual({ ok: true, data: { events: [
      { id: 'e1', date: '2019-03', title: 'Founded', type: 'founding', actors: ['two postdocs'], whyItMattered: 'no docs' },
      { id: 'e2', date: '', title: 'Funding ends', type: 'challenge', actors: [], whyItMattered: '' },
    ] } })
    expect(originTimeline.version).toBe(2)
  })

  it('reads the room\'s spread and each direction on the lifecycle compass', () => {
    const entries = samples[1][1].entries
    expect(spread(entries).map(s => [s.stage, s.now, s.target])).toEqual([
      ['potential', 1, 0], ['coalescing', 0, 1], ['maturing', 1, 1], ['stewardship', 0, 0], ['transformation', 0, 0],
    ])
    expect(direction(entries[0])).toEqual({ kind: 'forward', steps: 2 })
    expect(describeDirection(entries[1])).toBe('back 1 stage')
    expect(roomDisagrees(entries)).toBe(true)
    expect(roomDisagrees([entries[0]])).toBe(false)
  })

  it('flags channels without owner or purpose and counts sync and async', () => {
    const d = samples[2][1]
    expect(channelFlags(d.channels[0])).toEqual([])
    expect(channelFlags(d.channels[1])).toEqual(['no owner', 'no purpose'])
    expect(modeCounts(d)).toEqual({ sync: 1, async: 1 })
  })

  it('flags undeliverable, unfair and empty value exchanges', () => {
    const rows = samples[3][1].rows
    expect(ledgerFlags(rows[0])).toEqual([])
    expect(ledgerFlags(rows[1])).toEqual(['undeliverable', 'unfair'])
    expect(ledgerFlags({ ...rows[0], valueOffered: [], fairness: 3 })).toEqual(['no value offered'])
  })

  it('counts information flows and flags items without an owner', () => {
    const d = samples[4][1]
    expect(flowCounts(d)).toEqual({ transmissive: 1, transactional: 1, transformational: 0, unset: 0 })
    expect(itemFlags(d.items[1])).toEqual(['no owner'])
  })
})

describe('value-exchange ledger taxonomy', () => {
  it('offers eighteen kinds of value, as module 3\'s references slide credits ("18 of its 24 kinds")', async () => {
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { LEDGER_FIELDS } = await import('../../src/boards/value-exchange-ledger/model')
    const { ROOT } = await import('../../src/paths')
    const deck = readFileSync(join(ROOT, 'decks', '03-community-engagement', 'slides.md'), 'utf8')
    const references = /id: m3-references[\s\S]*?<\/div>/.exec(deck)![0]
    const field = LEDGER_FIELDS.find(f => f.key === 'valueOffered')!
    const [, offered, listed] = /(\d+) of its (\d+) kinds/.exec(references)!
    expect(field.options).toHaveLength(Number(offered))
    expect(Number(listed)).toBe(24)
    expect(new Set(field.options.map(o => o.value)).size).toBe(field.options.length)
  })

  it('asks for the minimum row first and gives the recognition sentence a field of its own', async () => {
    const { LEDGER_FIELDS } = await import('../../src/boards/value-exchange-ledger/model')
    expect(LEDGER_FIELDS.slice(0, 5).map(f => f.key)).toEqual(['contributionAsked', 'valueOffered', 'canDeliver', 'fairness', 'recognition'])
  })
})
