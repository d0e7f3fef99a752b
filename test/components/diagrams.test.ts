// @vitest-environment happy-dom
// Every framework diagram: an accessible name and description, its labels as real text in
// the DOM (in the cohort's language), and the framework's credit in its caption.
import { mount } from '@vue/test-utils'
import type { Component } from 'vue'
import { describe, expect, it } from 'vitest'
import CopElementsDiagram from '../../components/diagrams/CopElementsDiagram.vue'
import DecisionLevelsDiagram from '../../components/diagrams/DecisionLevelsDiagram.vue'
import GoldenCircleDiagram from '../../components/diagrams/GoldenCircleDiagram.vue'
import LifecycleDiagram from '../../components/diagrams/LifecycleDiagram.vue'
import MountainDiagram from '../../components/diagrams/MountainDiagram.vue'
import ParticipationLevelsDiagram from '../../components/diagrams/ParticipationLevelsDiagram.vue'
import ParticipationModelDiagram from '../../components/diagrams/ParticipationModelDiagram.vue'
import PowerInterestDiagram from '../../components/diagrams/PowerInterestDiagram.vue'
import PublicNarrativeDiagram from '../../components/diagrams/PublicNarrativeDiagram.vue'
import RoadmapHorizonsDiagram from '../../components/diagrams/RoadmapHorizonsDiagram.vue'
import { COP_ELEMENTS, type Credit, DECISION_LEVELS, GOLDEN_CIRCLE, LIFECYCLE, MOUNTAIN, PARTICIPATION_LEVELS, PARTICIPATION_MODEL, POWER_INTEREST, PUBLIC_NARRATIVE, ROADMAP_HORIZONS } from '../../src/diagrams/frameworks'
import { translate } from '../../src/i18n/labels'
import { LANGUAGE_KEY } from '../../src/state/useLabels'

interface Case { name: string, component: Component, title: string, labels: readonly string[], credit: Credit, creditWords: string }

const CASES: Case[] = [
  { name: 'Golden Circle', component: GoldenCircleDiagram, title: GOLDEN_CIRCLE.title, labels: GOLDEN_CIRCLE.parts.flatMap(p => [p.label, p.meaning]), credit: GOLDEN_CIRCLE.credit, creditWords: 'Sinek' },
  { name: 'public narrative', component: PublicNarrativeDiagram, title: PUBLIC_NARRATIVE.title, labels: PUBLIC_NARRATIVE.parts.flatMap(p => [p.label, p.meaning]), credit: PUBLIC_NARRATIVE.credit, creditWords: 'Ganz' },
  { name: 'lifecycle', component: LifecycleDiagram, title: LIFECYCLE.title, labels: LIFECYCLE.parts.flatMap(p => [p.label, p.meaning]), credit: LIFECYCLE.credit, creditWords: 'Wenger, McDermott' },
  { name: 'domain, community, practice', component: CopElementsDiagram, title: COP_ELEMENTS.title, labels: COP_ELEMENTS.parts.flatMap(p => [p.label, p.meaning]), credit: COP_ELEMENTS.credit, creditWords: 'Wenger-Trayner' },
  { name: 'levels of participation', component: ParticipationLevelsDiagram, title: PARTICIPATION_LEVELS.title, labels: PARTICIPATION_LEVELS.parts.flatMap(p => [p.label, p.meaning, p.example]), credit: PARTICIPATION_LEVELS.credit, creditWords: 'Wenger-Trayner' },
  { name: 'power/interest grid', component: PowerInterestDiagram, title: POWER_INTEREST.title, labels: [...POWER_INTEREST.quadrants.map(q => q.label), POWER_INTEREST.axes.power, POWER_INTEREST.axes.interest, POWER_INTEREST.axes.lower, POWER_INTEREST.axes.higher], credit: POWER_INTEREST.credit, creditWords: 'Mendelow (1981)' },
  { name: 'mountain of engagement', component: MountainDiagram, title: MOUNTAIN.title, labels: MOUNTAIN.parts.flatMap(p => [p.label, p.meaning]), credit: MOUNTAIN.credit, creditWords: 'Mozilla' },
  { name: 'CSCCE participation model', component: ParticipationModelDiagram, title: PARTICIPATION_MODEL.title, labels: [...[...PARTICIPATION_MODEL.modes, PARTICIPATION_MODEL.champion].flatMap(m => [m.label, m.meaning]), ...PARTICIPATION_MODEL.flows.map(f => f.label)], credit: PARTICIPATION_MODEL.credit, creditWords: 'Woodley and Pratt' },
  { name: 'three levels of decisions', component: DecisionLevelsDiagram, title: DECISION_LEVELS.title, labels: DECISION_LEVELS.parts.flatMap(p => [p.label, p.meaning, p.example]), credit: DECISION_LEVELS.credit, creditWords: 'Ostrom (1990, 2005)' },
  { name: 'roadmap horizons', component: RoadmapHorizonsDiagram, title: ROADMAP_HORIZONS.title, labels: [ROADMAP_HORIZONS.now, ...ROADMAP_HORIZONS.parts.flatMap(p => [p.label, p.meaning])], credit: ROADMAP_HORIZONS.credit, creditWords: 'Start Your Roadmap' },
]

const flat = (s: string) => s.replace(/\s+/g, ' ').trim()
/** The SVG's words: wrapped labels are split into tspans, so compare with spaces normalised. */
const svgText = (w: ReturnType<typeof mount>) => flat(w.findAll('svg text').map(n => n.findAll('tspan').length ? n.findAll('tspan').map(s => s.text()).join(' ') : n.text()).join(' | '))

function mountIn(c: Case, language: string) {
  return mount(c.component, { global: { provide: { [LANGUAGE_KEY]: language } } })
}

describe.each(CASES)('the $name diagram', (c) => {
  it('has an accessible name and description from its own title and desc', () => {
    const w = mountIn(c, 'en')
    const svg = w.find('svg')
    expect(svg.attributes('role')).toBe('img')
    const ids = svg.attributes('aria-labelledby')!.split(' ')
    expect(ids).toHaveLength(2)
    expect(w.find(`[id="${ids[0]}"]`).element.tagName.toLowerCase()).toBe('title')
    expect(w.find(`[id="${ids[0]}"]`).text()).toBe(c.title)
    const desc = w.find(`[id="${ids[1]}"]`)
    expect(desc.element.tagName.toLowerCase()).toBe('desc')
    // A screen reader hears every part the sighted room sees.
    for (const label of c.labels.filter(l => !l.endsWith('→') && l !== 'lower' && l !== 'higher'))
      expect(desc.text().toLowerCase()).toContain(label.toLowerCase())
  })

  it('draws its labels as text, not paths', () => {
    const text = svgText(mountIn(c, 'en'))
    for (const label of c.labels)
      expect(text).toContain(label)
    expect(mountIn(c, 'en').findAll('path').length).toBeLessThan(3)
  })

  it('speaks the cohort\'s language: Spanish labels, title and caption', () => {
    const w = mountIn(c, 'es')
    const text = svgText(w)
    for (const label of c.labels) {
      expect(translate(label, 'es'), label).not.toBe(label)
      expect(text).toContain(translate(label, 'es'))
    }
    expect(w.find('title').text()).toBe(translate(c.title, 'es'))
    expect(w.find('figcaption').text()).toContain(translate(c.credit.find(p => typeof p === 'string') as string, 'es').trim())
  })

  it('credits the framework in its caption', () => {
    const w = mountIn(c, 'en')
    expect(w.find('figure > figcaption').exists()).toBe(true)
    expect(w.find('figcaption').text()).toContain(c.creditWords)
  })
})
