// @vitest-environment happy-dom
// One worksheet model per board, rendered by the print view and the PDF alike: in the cohort's
// language, with what each board needs to be filled in on paper.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BoardWorksheet from '../../src/boards/ui/BoardWorksheet.vue'
import { BOARDS } from '../../src/boards'
import { raciMatrix } from '../../src/boards/raci-matrix/model'
import { stakeholderMap } from '../../src/boards/stakeholder-map/model'
import { worksheetModel } from '../../src/boards/worksheet-model'
import { renderWorksheet } from '../../src/handouts/worksheets'
import { LANGUAGE_KEY } from '../../src/state/useLabels'

const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

const raciData = {
  roles: [{ id: 'r1', name: 'Coordinator' }, { id: 'r2', name: 'Steering group' }],
  activities: [{ id: 'a1', name: 'Onboard members' }],
  cells: { 'a1:r1': 'R' as const, 'a1:r2': 'A' as const },
  maxAccountableShare: 0.4,
}
const stakeholders = { threshold: 3, stakeholders: [{ id: 's1', name: 'Regional library', category: 'partner' as const, power: 4, interest: 5, currentEngagement: '' as const, preferredChannel: '', relationshipOwner: '' }] }

describe('the worksheet model', () => {
  it.each(BOARDS.map(b => [b.def.kind]))('exists for %s, blank and in Spanish', (kind) => {
    const en = worksheetModel(kind, undefined, 'en')
    const es = worksheetModel(kind, undefined, 'es')
    expect(en.filled).toBe(false)
    expect(en.instructions.length).toBeGreaterThan(0)
    expect(en.tables.length + en.sections.length).toBeGreaterThan(0)
    expect(es.heading).toMatch(/^Hoja de trabajo: /)
    expect(es.instructions).not.toEqual(en.instructions)
  })

  it('gives the RACI worksheet role columns to write in and a legend of the letters', () => {
    const blank = worksheetModel(raciMatrix.kind, undefined)
    expect(blank.tables[0].columns).toEqual(['Activity', ...Array.from({ length: 5 }, () => 'Role: ________')])
    expect(blank.tables[0].blankRows).toBeGreaterThanOrEqual(8)
    expect(blank.legend.map(l => l.term)).toEqual(['R', 'A', 'C', 'I'])
    expect(blank.legend[1].meaning).toMatch(/Accountable/)
    const filled = worksheetModel(raciMatrix.kind, raciData)
    expect(filled.tables[0].columns.slice(0, 3)).toEqual(['Activity', 'Coordinator', 'Steering group'])
    expect(filled.tables[0].rows[0].slice(0, 3)).toEqual(['Onboard members', 'R', 'A'])
  })

  it('gives the stakeholder worksheet a power/interest grid to plot on, and plots a group\'s stakeholders', () => {
    const blank = worksheetModel(stakeholderMap.kind, undefined)
    expect(blank.grid).toMatchObject({ xLabel: 'Interest (1-5)', yLabel: 'Power (1-5)', min: 1, max: 5, threshold: 3, points: [] })
    expect(blank.grid!.quadrants.map(q => q.label)).toContain('Manage closely')
    const filled = worksheetModel(stakeholderMap.kind, stakeholders)
    expect(filled.grid!.points).toEqual([{ label: 'Regional library', x: 5, y: 4 }])
  })
})

describe('the PDF and the print view render the same model', () => {
  it('the PDF page: Spanish for a Spanish cohort, with the RACI legend and role columns', () => {
    const html = renderWorksheet({ boardId: 'm2-board-raci-matrix', kind: raciMatrix.kind, language: 'es', moduleName: 'Módulo 2', exerciseTitle: 'Quién hace qué' })
    const words = text(html)
    expect(html).toContain('<html lang="es">')
    expect(words).toContain('Hoja de trabajo: ')
    expect(words).toContain('Rol: ________')
    expect(words).toContain('A Aprobador (A): responde del resultado')
    expect(words).not.toContain('Worksheet:')
  })

  it('the PDF page of the stakeholder map has the grid as SVG, and escapes participant text', () => {
    const html = renderWorksheet({ boardId: 'm2-board-stakeholder-map', kind: stakeholderMap.kind, data: { ...stakeholders, stakeholders: [{ ...stakeholders.stakeholders[0], name: '<img src=x onerror=alert(1)>' }] }, moduleName: 'Module 2', exerciseTitle: 'Map' })
    expect(html).toMatch(/<svg class="grid"[^>]*aria-label="Power \(1-5\) \/ Interest \(1-5\)"/)
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('the print view shows the same words as the PDF', () => {
    for (const [kind, data] of [[raciMatrix.kind, raciData], [stakeholderMap.kind, stakeholders]] as const) {
      const view = mount(BoardWorksheet, { props: { kind, data }, global: { provide: { [LANGUAGE_KEY]: 'es' } } })
      const model = worksheetModel(kind, data, 'es')
      const shown = view.text()
      // On a slide the grid's key names the stakeholders; the table is on the printed page.
      const listed = model.grid ? model.grid.points.map(p => p.label) : model.tables[0].columns
      for (const word of [model.heading, ...model.instructions, ...listed, ...model.legend.map(l => l.meaning)])
        expect(shown).toContain(word)
      expect(view.find('svg').exists()).toBe(Boolean(model.grid))
      const pdf = text(renderWorksheet({ boardId: 'x', kind, data, language: 'es', moduleName: 'M', exerciseTitle: 'T' }))
      for (const word of [model.heading, ...model.tables[0].columns])
        expect(pdf).toContain(word)
    }
  })
})
