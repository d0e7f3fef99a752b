// The models of the RACI matrix, the mountain of engagement and the charter builder.
import { describe, expect, it } from 'vitest'
import { exportJson, importJson, validate } from '../../src/boards/kit/board'
import { CHARTER_SECTIONS, type CharterData, charterBuilder, charterMarkdown, migrateCharter, missionSentence } from '../../src/boards/charter-builder/model'
import { worksheetModel } from '../../src/boards/worksheet-model'
import { type MountainData, missingSteps, mountainOfEngagement, stageCounts, stepsBetween } from '../../src/boards/mountain-of-engagement/model'
import { type RaciMatrixData, checkRows, orphanCells, overloadedRoles, raciMatrix } from '../../src/boards/raci-matrix/model'

function raci(cells: Record<string, 'R' | 'A' | 'C' | 'I'>): RaciMatrixData {
  return {
    roles: [{ id: 'cm', name: 'Community manager' }, { id: 'lead', name: 'Lead, "chair"' }],
    activities: [{ id: 'a1', name: 'Onboarding' }, { id: 'a2', name: 'Moderation' }, { id: 'a3', name: 'Docs' }],
    cells,
    maxAccountableShare: 0.4,
  }
}

describe('RACI matrix', () => {
  it('starts with the brief\'s activities and no roles', () => {
    expect(raciMatrix.empty().activities.map(a => a.name)).toEqual(['Onboarding', 'Community calls', 'Moderation', 'Code of conduct response', 'Documentation', 'Funder reports'])
    expect(validate(raciMatrix, raciMatrix.empty()).ok).toBe(true)
  })

  it('flags rows without exactly one A or without an R', () => {
    const d = raci({ 'a1:cm': 'R', 'a1:lead': 'A', 'a2:cm': 'A', 'a2:lead': 'A', 'a3:cm': 'C' })
    expect(checkRows(d).map(r => r.flags)).toEqual([[], ['more than one A', 'no R'], ['no A', 'no R']])
  })

  it('has no flags on a matrix nobody has started, and checks every row once one letter is in', () => {
    expect(checkRows(raciMatrix.empty()).flatMap(r => r.flags)).toEqual([])
    expect(checkRows(raci({})).flatMap(r => r.flags)).toEqual([])
    expect(checkRows(raci({ 'a1:cm': 'C' })).map(r => r.flags)).toEqual([['no A', 'no R'], ['no A', 'no R'], ['no A', 'no R']])
  })

  it('flags a role holding more than its share of the A\'s, once there are two or more', () => {
    expect(overloadedRoles(raci({ 'a1:cm': 'A' }))).toEqual([])
    expect(overloadedRoles(raci({ 'a1:cm': 'A', 'a2:cm': 'A', 'a3:lead': 'A' }))).toEqual([{ roleId: 'cm', share: 2 / 3 }])
    expect(overloadedRoles(raci({ 'a1:cm': 'A', 'a2:lead': 'A' }))).toEqual([{ roleId: 'cm', share: 0.5 }, { roleId: 'lead', share: 0.5 }])
  })

  it('keeps cells of unknown roles as orphans; refuses letters other than RACI and names over the limit', () => {
    expect(validate(raciMatrix, raci({ 'a1:ghost': 'R' })).ok).toBe(true)
    expect(orphanCells(raci({ 'a1:ghost': 'R', 'a1:cm': 'A' }))).toEqual([{ key: 'a1:ghost', letter: 'R' }])
    expect(validate(raciMatrix, raci({ 'a1:cm': 'X' as any })).ok).toBe(false)
    const long = raci({})
    long.roles[0].name = 'x'.repeat(81)
    expect(validate(raciMatrix, long).ok).toBe(false)
  })

  it('names the field by its label in what it says is wrong, not by a path in the data', () => {
    const empty = raci({})
    empty.roles[0].name = ' '
    expect(validate(raciMatrix, empty)).toMatchObject({ ok: false, error: expect.stringContaining('Role: fill this in') })
    expect(validate(raciMatrix, raci({ 'a1:cm': 'X' as any }))).toMatchObject({ ok: false, error: expect.stringContaining('RACI letter: use R, A, C or I') })
  })

  it('exports a CSV with one column per role, quoted, and Markdown with the flags', () => {
    const d = raci({ 'a1:cm': 'R', 'a1:lead': 'A' })
    expect(raciMatrix.toCsv(d).split('\r\n')[0]).toBe('Activity,Community manager,"Lead, ""chair""",Flags')
    expect(raciMatrix.toCsv(d).split('\r\n')[1]).toBe('Onboarding,R,A,')
    expect(raciMatrix.toMarkdown(d)).toContain('| Moderation |  |  | no A; no R |')
    expect(importJson(raciMatrix, exportJson(raciMatrix, 'x', d))).toEqual({ ok: true, data: d })
  })
})

describe('mountain of engagement', () => {
  const d: MountainData = {
    personas: [
      { id: 'p1', name: 'Priya', role: 'PhD student', currentStage: 'first-contact', targetStage: 'sustained-participation', hoursPerMonth: 4, motivations: ['learn'], needs: [], barriers: ['time zone'], steps: [{ stage: 'first-contact', barrier: 'no mentor', intervention: 'buddy', owner: 'Ana' }] },
      { id: 'p2', name: 'Marc', role: '', currentStage: 'leadership', targetStage: 'participation', hoursPerMonth: 10, motivations: [], needs: [], barriers: [], steps: [] },
    ],
  }

  it('knows the steps between two stages, and none when not climbing', () => {
    expect(stepsBetween('first-contact', 'sustained-participation')).toEqual(['first-contact', 'participation'])
    expect(stepsBetween('leadership', 'participation')).toEqual([])
    expect(stepsBetween('discovery', 'discovery')).toEqual([])
  })

  it('counts personas per stage and finds steps still to plan', () => {
    expect(stageCounts(d.personas).filter(c => c.now || c.target).map(c => [c.stage, c.now, c.target])).toEqual([
      ['first-contact', 1, 0], ['participation', 0, 1], ['sustained-participation', 0, 1], ['leadership', 1, 0],
    ])
    expect(missingSteps(d.personas[0])).toEqual(['participation'])
    expect(missingSteps(d.personas[1])).toEqual([])
  })

  it('validates personas and their steps, and round-trips JSON', () => {
    expect(validate(mountainOfEngagement, d).ok).toBe(true)
    const bad = structuredClone(d)
    bad.personas[0].steps[0].stage = 'summit' as any
    expect(validate(mountainOfEngagement, bad)).toMatchObject({ ok: false, error: expect.stringContaining('personas.0.steps.0.stage') })
    const hours = structuredClone(d)
    hours.personas[0].hoursPerMonth = 500
    expect(validate(mountainOfEngagement, hours).ok).toBe(false)
    expect(importJson(mountainOfEngagement, exportJson(mountainOfEngagement, 'x', d))).toEqual({ ok: true, data: d })
  })

  it('exports one CSV row per step to plan', () => {
    const lines = mountainOfEngagement.toCsv(d).trim().split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[1]).toContain('First contact → Participation,no mentor,buddy,Ana')
    expect(mountainOfEngagement.toMarkdown(d)).toContain('Steps still to plan for: Priya')
  })
})

describe('charter builder', () => {
  const d: CharterData = {
    ...charterBuilder.empty(),
    mission: { with: 'librarians', do: 'run open data clinics', for: 'early-career researchers', soThat: 'their data can be found and reused.' },
    vision: 'Monthly clinics <script>alert(1)</script> in 2027',
    values: ['openness', 'care'],
    milestones: [{ id: 'm1', title: 'First clinic', type: 'event', horizon: 'short', targetDate: '2027-04-01', successIndicator: '10 people', owner: 'Ana' }],
    decisions: {
      operational: { rule: 'lazy-consensus', scope: 'hosting a clinic; a fix to the FAQ', detail: '72 hours on the mailing list' },
      collective: { rule: 'consent', scope: 'the rota; the meeting time', detail: 'at the monthly call' },
      constitutional: { rule: '', scope: '', detail: '' },
    },
    waysOfWorking: { meetingCadence: 'monthly', channels: ['Forum'], roles: ['Chair'], membershipTerms: 'Anyone can join.' },
    conduct: { link: 'https://example.org/coc', reportTo: 'the two conduct contacts', secondRoute: 'the steering group chair', responders: 'the conduct contacts', responseTime: 'within two working days' },
    takeBack: { ...charterBuilder.empty().takeBack, coverNote: 'Two hosts left; three came back to help.', consultWith: ['Host libraries', 'Funder'], consultUntil: '2027-02-01', ratifyRule: 'consent', reviewDate: '2027-12-01', reviewOwner: 'Coordinator' },
    licence: 'CC BY 4.0',
  }

  it('builds one mission sentence from with, do, for and so that', () => {
    expect(missionSentence(d.mission)).toBe('With librarians, we run open data clinics for early-career researchers so that their data can be found and reused.')
    expect(missionSentence(charterBuilder.empty().mission)).toBe('')
  })

  it('writes CHARTER.md with every section, and participant text kept as text', () => {
    const md = charterMarkdown(d, 'Data Clinic')
    expect(md).toContain('# Data Clinic charter')
    for (const heading of CHARTER_SECTIONS)
      expect(md).toContain(`\n## ${heading}\n`)
    expect(md).toContain('Lazy consensus: it stands unless someone objects in time (silence period: 72 hours on the mailing list). Covers: hosting a clinic; a fix to the FAQ.')
    expect(md).toContain('- **Collective choice: how we work**: Consent: no one has a principled objection')
    expect(md).toContain('- **Constitutional: the rules about the rules**: _not yet decided_. Covers: _not yet decided_.')
    expect(md).toContain('- **Second route** (when that person is involved): the steering group chair')
    expect(md).toContain('- **How fast**: within two working days')
    expect(md).toContain('2. **Consult**: with Host libraries, Funder; until 2027-02-01')
    expect(md).toContain('4. **Publish**: _not yet decided_')
    expect(md).toContain('## Cover note\n\nTwo hosts left; three came back to help.')
    expect(md).toContain('| First clinic | event | short term | 2027-04-01 | 10 people | Ana |')
    expect(md).toContain('\\<script\\>')
    expect(md).not.toContain('<script>')
    expect(md).toContain('We review this charter by 2027-12-01; Coordinator calls the review.')
    // An empty section says so: the charter is honest about what is still open.
    expect(md).toContain('## Not yet\n\n_Not yet decided._')
    const blank = charterMarkdown(charterBuilder.empty())
    for (const heading of CHARTER_SECTIONS)
      expect(blank).toContain(`## ${heading}\n\n_Not yet decided._`)
  })

  it('prints every field in the CSV export and on the filled worksheet', () => {
    const csv = charterBuilder.toCsv(d)
    for (const said of ['72 hours on the mailing list', 'the rota; the meeting time', 'the steering group chair', 'within two working days', 'Two hosts left', 'Host libraries', 'Coordinator'])
      expect(csv).toContain(said)
    const sheet = worksheetModel('charter-builder', d)
    const text = JSON.stringify(sheet.sections)
    for (const said of ['72 hours on the mailing list', 'hosting a clinic', 'the steering group chair', 'within two working days', 'Two hosts left', 'Host libraries, Funder', '2027-12-01 · Coordinator'])
      expect(text).toContain(said)
    const blank = worksheetModel('charter-builder', undefined)
    expect(blank.sections).toHaveLength(sheet.sections.length)
    expect(blank.sections.every(s => s.lines > 0)).toBe(true)
  })

  it('refuses a code of conduct link that is not a web address, and keeps data through JSON', () => {
    const bad = structuredClone(d)
    bad.conduct.link = 'javascript:alert(1)'
    expect(validate(charterBuilder, bad)).toMatchObject({ ok: false, error: expect.stringContaining('conduct.link') })
    expect(importJson(charterBuilder, exportJson(charterBuilder, 'x', d))).toEqual({ ok: true, data: d })
  })

  it('names each field by its label in what it says is wrong', () => {
    const bad = structuredClone(d)
    bad.conduct.link = 'javascript:alert(1)'
    bad.licence = 'x'.repeat(81)
    bad.takeBack.reviewDate = '2027-13'
    bad.decisions.operational.detail = 'x'.repeat(81)
    const result = validate(charterBuilder, bad)
    expect(result.ok).toBe(false)
    for (const said of ['Code of conduct link: must be a web address starting with https://', 'Licence: at most 80 characters', 'Review date: use year, month and day, like 2024-03-15', 'Operational: details: at most 80 characters'])
      expect(result).toMatchObject({ error: expect.stringContaining(said) })
  })

  it('reads a version 1 export: the sentence becomes the mission, the old free-text mission the vision, and the rest moves as version 3 says', () => {
    const v1 = { format: 'community-training-board', board: 'charter-builder', version: 1, id: 'x', exportedAt: '2026-01-01T00:00:00.000Z', data: {
      vision: { with: 'librarians', do: 'run clinics', for: 'researchers', soThat: 'data is reused' },
      mission: 'Open data for all',
      values: ['care'],
      milestones: [],
      waysOfWorking: { decisionRule: 'vote', meetingCadence: '', channels: ['Forum'], roles: [], cocLink: '', membershipTerms: '' },
      reviewDate: '',
      licence: 'CC0',
    } }
    const r = importJson(charterBuilder, JSON.stringify(v1))
    expect(r).toMatchObject({ ok: true, data: { mission: { with: 'librarians', soThat: 'data is reused' }, vision: 'Open data for all', values: ['care'], notYet: [], recognition: '', licence: 'CC0', decisions: { operational: { rule: 'vote' } }, waysOfWorking: { channels: ['Forum'] } } })
    expect(importJson(charterBuilder, JSON.stringify({ ...v1, version: 4 }))).toMatchObject({ ok: false, error: expect.stringContaining('newer kit') })
  })

  it('reads a version 2 export: the one rule becomes the operational level\'s, the link moves to conduct, consultation and review become take-back steps', () => {
    const v2 = { format: 'community-training-board', board: 'charter-builder', version: 2, id: 'x', exportedAt: '2026-06-01T00:00:00.000Z', data: {
      mission: { with: 'librarians', do: 'run clinics', for: 'researchers', soThat: 'data is reused' },
      vision: 'Open data for all',
      values: [],
      milestones: [],
      notYet: ['paid work'],
      recognition: 'Named in the report',
      waysOfWorking: { decisionRule: 'consent', meetingCadence: 'monthly', channels: [], roles: ['Chair'], cocLink: 'https://example.org/coc', membershipTerms: 'Anyone' },
      consultation: { who: 'Host libraries, the funder; PhD students', how: 'a shared document', until: '2027-02-01', ratifyRule: 'vote', ratifiedBy: 'steering group' },
      reviewDate: '2027-10-31',
      licence: 'CC BY 4.0',
    } }
    const r = importJson(charterBuilder, JSON.stringify(v2))
    expect(r.ok).toBe(true)
    if (!r.ok)
      return
    expect(r.data.decisions.operational).toEqual({ rule: 'consent', scope: '', detail: '' })
    expect(r.data.waysOfWorking).toEqual({ meetingCadence: 'monthly', channels: [], roles: ['Chair'], membershipTerms: 'Anyone' })
    expect(r.data.conduct).toEqual({ link: 'https://example.org/coc', reportTo: '', secondRoute: '', responders: '', responseTime: '' })
    expect(r.data.takeBack).toEqual({ coverNote: '', communicateWhere: '', consultWith: ['Host libraries', 'the funder', 'PhD students'], consultHow: 'a shared document', consultUntil: '2027-02-01', ratifyRule: 'vote', ratifiedBy: 'steering group', publishWhere: '', reviewDate: '2027-10-31', reviewOwner: '' })
    expect(r.data.notYet).toEqual(['paid work'])
    // Migrating twice changes nothing.
    expect(migrateCharter(3, r.data)).toBe(r.data)
    expect(migrateCharter(2, migrateCharter(2, v2.data))).toEqual(migrateCharter(2, v2.data))
  })
})
