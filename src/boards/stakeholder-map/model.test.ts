import { describe, expect, it } from 'vitest'
import { exportJson, importJson, validate } from '../kit/board'
import { LIMITS } from '../kit/fields'
import { quadrantOf, stakeholderMap, type StakeholderMapData } from './model'

const sample: StakeholderMapData = {
  threshold: 3,
  stakeholders: [
    { id: 's1', name: 'Funder, "Big" Trust', category: 'funder', power: 5, interest: 2, currentEngagement: 'convey', preferredChannel: 'email', relationshipOwner: 'Ana' },
    { id: 's2', name: 'New members', category: 'member', power: 1, interest: 5, currentEngagement: '', preferredChannel: '', relationshipOwner: '' },
  ],
}

describe('stakeholder map model', () => {
  it.each([
    [5, 5, 'manage-closely', false],
    [5, 1, 'keep-satisfied', false],
    [1, 5, 'keep-informed', false],
    [2, 2, 'monitor', false],
    [3, 3, 'manage-closely', true],
    [3, 2, 'keep-satisfied', true],
    [2, 3, 'keep-informed', true],
  ])('power %i, interest %i is %s (borderline: %s) at threshold 3', (power, interest, quadrant, borderline) => {
    expect(quadrantOf({ power, interest }, 3)).toEqual({ quadrant, borderline })
  })

  it('moves stakeholders between quadrants when the threshold moves', () => {
    expect(quadrantOf({ power: 3, interest: 3 }, 4).quadrant).toBe('monitor')
    expect(quadrantOf({ power: 4, interest: 4 }, 4)).toEqual({ quadrant: 'manage-closely', borderline: true })
  })

  it('validates scores, categories, lengths and unknown fields', () => {
    expect(validate(stakeholderMap, sample).ok).toBe(true)
    const bad = (change: (d: any) => void) => {
      const d = structuredClone(sample) as any
      change(d)
      return validate(stakeholderMap, d)
    }
    expect(bad(d => { d.stakeholders[0].power = 6 })).toMatchObject({ ok: false, error: expect.stringContaining('stakeholders.0.power') })
    expect(bad(d => { d.stakeholders[0].category = 'alien' })).toMatchObject({ ok: false, error: expect.stringContaining('stakeholders.0.category') })
    expect(bad(d => { d.stakeholders[0].name = 'x'.repeat(LIMITS.short + 1) })).toMatchObject({ ok: false, error: expect.stringContaining('at most 80 characters') })
    expect(bad(d => { d.stakeholders[0].name = '  ' })).toMatchObject({ ok: false, error: expect.stringContaining('Stakeholder is required') })
    expect(bad(d => { d.stakeholders[0].extra = 1 })).toMatchObject({ ok: false })
    expect(bad(d => { d.threshold = 1 })).toMatchObject({ ok: false })
  })

  it('exports Markdown and CSV with the computed approach', () => {
    const md = stakeholderMap.toMarkdown(sample)
    expect(md).toContain('| Funder, "Big" Trust | funder | 5 | 2 | Keep satisfied |')
    expect(md).toContain('Keep informed')
    const csv = stakeholderMap.toCsv(sample)
    expect(csv.split('\r\n')[1]).toBe('"Funder, ""Big"" Trust",funder,5,2,Keep satisfied,convey,email,Ana')
  })
})

describe('board JSON export and import', () => {
  it('gives back the same board', () => {
    const text = exportJson(stakeholderMap, 'm2-board-stakeholder-map', sample, new Date('2026-11-24T10:00:00Z'))
    expect(JSON.parse(text)).toMatchObject({ format: 'community-training-board', board: 'stakeholder-map', version: 1, exportedAt: '2026-11-24T10:00:00.000Z' })
    expect(importJson(stakeholderMap, text)).toEqual({ ok: true, data: sample })
  })

  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['another format', JSON.stringify({ hello: 1 }), /not a board export/],
    ['another board', JSON.stringify({ format: 'community-training-board', board: 'raci-matrix', version: 1, data: {} }), /of a raci-matrix board, not of a stakeholder-map board/],
    ['a newer version', JSON.stringify({ format: 'community-training-board', board: 'stakeholder-map', version: 2, data: {} }), /version 2, made by a newer kit/],
    ['a missing version', JSON.stringify({ format: 'community-training-board', board: 'stakeholder-map', data: {} }), /version undefined/],
    ['a wrong shape', JSON.stringify({ format: 'community-training-board', board: 'stakeholder-map', version: 1, data: { stakeholders: 'many' } }), /not valid:\nstakeholders:/],
    ['too much', JSON.stringify({ format: 'community-training-board', board: 'stakeholder-map', version: 1, data: { pad: 'x'.repeat(1_100_000) } }), /too large/],
  ])('refuses %s with a clear message', (_, text, message) => {
    const result = importJson(stakeholderMap, text)
    expect(result.ok).toBe(false)
    expect((result as { error: string }).error).toMatch(message)
  })
})
