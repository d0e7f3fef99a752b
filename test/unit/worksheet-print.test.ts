// What a printed worksheet carries beyond the exercise: the numbered dots of the stakeholder
// grid laid out so none overlap or leave the grid, the credits of what it prints, and a
// cohort's name, session date and logo, in the cohort's language only.
import { describe, expect, it } from 'vitest'
import { BOARDS } from '../../src/boards'
import { stakeholderMap } from '../../src/boards/stakeholder-map/model'
import { LICENCE_LINE } from '../../src/content/licence'
import { handoutInfo, moduleName } from '../../src/handouts/pdf'
import { gridGeometry, worksheetModel } from '../../src/boards/worksheet-model'
import { renderWorksheet } from '../../src/handouts/worksheets'
import { renderNotesHandout } from '../../src/handouts/notes'
import { WORKSHEET_PHRASEBOOK_ES } from '../../src/i18n/es/worksheets'

const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, '\'').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ')
const person = (name: string, power: number, interest: number) => ({ id: name, name, category: 'partner' as const, power, interest, currentEngagement: '' as const, preferredChannel: '', relationshipOwner: '' })

describe('the stakeholder grid', () => {
  // Worst cases: everyone in one cell, a full corner cell under the quadrant names, and a spread.
  const crowds = {
    'one cell': Array.from({ length: 30 }, (_, i) => person(`P${i}`, 5, 5)),
    'the corners': [1, 5].flatMap(p => [1, 5].flatMap(i => Array.from({ length: 9 }, (_, k) => person(`C${p}${i}${k}`, p, i)))),
    'a spread': Array.from({ length: 25 }, (_, i) => person(`S${i}`, 1 + (i % 5), 1 + Math.floor(i / 5))),
  }
  for (const [name, stakeholders] of Object.entries(crowds)) {
    it(`numbers every dot, keeps the dots apart and inside the grid, clear of the quadrant names: ${name}`, () => {
      const g = gridGeometry(worksheetModel(stakeholderMap.kind, { threshold: 3, stakeholders }).grid!)
      expect(g.points.map(p => p.number)).toEqual(stakeholders.map((_, i) => i + 1))
      expect(g.key.map(k => k.label)).toEqual(stakeholders.map(s => s.name))
      for (const p of g.points) {
        expect(p.x - p.r).toBeGreaterThanOrEqual(g.left)
        expect(p.x + p.r).toBeLessThanOrEqual(g.left + g.width)
        expect(p.y - p.r).toBeGreaterThanOrEqual(g.top)
        expect(p.y + p.r).toBeLessThanOrEqual(g.top + g.height)
        // Quadrant names sit in 14-unit strips along the top and bottom edges.
        expect(p.y - p.r).toBeGreaterThanOrEqual(g.top + 14)
        expect(p.y + p.r).toBeLessThanOrEqual(g.top + g.height - 14)
        expect(p.r).toBeGreaterThan(1.5)
      }
      for (const [i, a] of g.points.entries()) {
        for (const b of g.points.slice(i + 1))
          expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.number} and ${b.number}`).toBeGreaterThanOrEqual(a.r + b.r)
      }
      // Each dot stays in the cell of its scores.
      const cell = g.width / 5
      for (const [i, p] of g.points.entries())
        expect(Math.floor((p.x - g.left) / cell) + 1).toBe(stakeholders[i].interest)
    })
  }

  it('prints the names in a key beside the grid, numbered as the dots', () => {
    const html = renderWorksheet({ boardId: 'm2-board-stakeholder-map', kind: stakeholderMap.kind, data: { threshold: 3, stakeholders: [person('Library', 4, 5), person('Funder', 4, 5)] }, moduleName: 'Module 2', exerciseTitle: 'Map' })
    expect(html).toMatch(/<ol class="key"><li value="1">Library<\/li><li value="2">Funder<\/li><\/ol>/)
    expect(html).toMatch(/<g class="dot" data-number="2">/)
  })
})

describe('credits on every worksheet', () => {
  it.each(BOARDS.map(b => [b.def.kind, b.def.credit]))('%s has a credit, printed above the licence footer', (kind, credit) => {
    expect(credit.length).toBeGreaterThan(20)
    const html = renderWorksheet({ boardId: 'x', kind, moduleName: 'Module 2', exerciseTitle: 'T' })
    const words = text(html)
    expect(words).toContain(`Sources: ${credit}`)
    expect(words.indexOf(credit)).toBeLessThan(words.indexOf(LICENCE_LINE))
  })

  it('agrees with the decks on the stakeholder map: Johnson and Scholes\'s grid, after Mendelow', () => {
    expect(stakeholderMap.credit).toMatch(/Johnson and Scholes, after Mendelow \(1981\)/)
    expect(stakeholderMap.credit).toContain('The Turing Way')
    expect(stakeholderMap.credit).toContain('CC BY 4.0')
  })

  it('has Spanish for every credit and the licence line', () => {
    for (const b of BOARDS)
      expect(WORKSHEET_PHRASEBOOK_ES[b.def.credit], b.def.kind).toBeTruthy()
    expect(WORKSHEET_PHRASEBOOK_ES[LICENCE_LINE]).toMatch(/^Contenido CC BY 4\.0/)
  })
})

describe('a cohort\'s worksheets', () => {
  const logo = `data:image/png;base64,${Buffer.from('png').toString('base64')}`
  const deck = { number: 2, title: 'Comunidad de práctica', cohort: { name: 'Red Bogotá', start: '2027-03-04T09:00', language: 'es', logo } }

  it('carry the cohort\'s name, session date and logo, and the module\'s name in its language', () => {
    const header = { moduleName: moduleName(deck), cohort: { name: 'Red Bogotá', date: '4 de marzo de 2027', logo } }
    const html = renderWorksheet({ boardId: 'm2-board-stakeholder-map', kind: stakeholderMap.kind, language: 'es', moduleName: 'Module 2: ignored', header, exerciseTitle: 'Mapa de actores' })
    const words = text(html)
    expect(header.moduleName).toBe('Módulo 2: Comunidad de práctica')
    expect(words).toContain('Módulo 2: Comunidad de práctica · Hoja de trabajo: ')
    expect(words).toContain('Red Bogotá')
    expect(words).toContain('4 de marzo de 2027')
    expect(html).toContain(`<img src="${logo}" alt="Red Bogotá">`)
    expect(handoutInfo('filled worksheets', deck).title).toBe('Comunidad de práctica: hojas de trabajo completadas · Red Bogotá, 4 de marzo de 2027')
  })

  it('mix no English into a Spanish page: header, footer, credit and the notes handout', () => {
    const html = renderWorksheet({ boardId: 'm2-board-stakeholder-map', kind: stakeholderMap.kind, language: 'es', moduleName: 'Módulo 2', exerciseTitle: 'Mapa' })
    const words = text(html)
    for (const english of ['Module', 'Worksheet', 'Sources', 'Content CC BY', 'Group', 'Date', 'Power/interest grid', 'Foundational Community'])
      expect(words, english).not.toContain(english)
    const notes = text(renderNotesHandout({ slides: [{ title: 'Uno', image: 'data:image/png;base64,AA==' }], header: { moduleName: 'Módulo 2' }, title: 'T', language: 'es' }))
    expect(notes).toContain('Diapositiva 1')
    expect(notes).toContain('Notas')
    expect(notes).not.toMatch(/\bSlide\b|\bNotes\b|Content CC BY/)
  })

  it('refuses to put anything but an image data URL in the logo', () => {
    const html = renderWorksheet({ boardId: 'x', kind: stakeholderMap.kind, moduleName: 'M', exerciseTitle: 'T', header: { moduleName: 'M', cohort: { name: 'C', date: 'D', logo: 'javascript:alert(1)' } } })
    expect(html).not.toContain('javascript:')
    expect(html).not.toContain('<img')
  })
})
