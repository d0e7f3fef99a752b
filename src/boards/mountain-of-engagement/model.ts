// Module 3: personas on the mountain of engagement (after the Mozilla Open Leadership
// pathway, as The Turing Way uses it), with the barrier, intervention and owner of every
// step between where a persona is and where the community hopes it goes.
import { z } from 'zod'
import type { BoardDefinition } from '../kit/board'
import { type FieldDef, LIMITS, options, rowShape } from '../kit/fields'
import { mdTable, mdText, toCsv } from '../kit/formats'

export const PATHWAY = ['discovery', 'first-contact', 'participation', 'sustained-participation', 'networked-participation', 'leadership'] as const
export type PathwayStage = typeof PATHWAY[number]
export const PATHWAY_LABELS: Record<PathwayStage, string> = {
  'discovery': 'Discovery',
  'first-contact': 'First contact',
  'participation': 'Participation',
  'sustained-participation': 'Sustained participation',
  'networked-participation': 'Networked participation',
  'leadership': 'Leadership',
}

export const PERSONA_FIELDS = [
  { key: 'name', label: 'Persona name', kind: 'text', max: LIMITS.short, required: true, hint: 'fictional, built from real observations' },
  { key: 'role', label: 'Role', kind: 'text', max: LIMITS.short },
  { key: 'currentStage', label: 'Stage now', kind: 'choice', options: options(PATHWAY, PATHWAY_LABELS), required: true },
  { key: 'targetStage', label: 'Stage to reach', kind: 'choice', options: options(PATHWAY, PATHWAY_LABELS), required: true },
  { key: 'hoursPerMonth', label: 'Hours a month', kind: 'number', min: 0, max: 200 },
  { key: 'motivations', label: 'Motivations', kind: 'list', max: 120, maxItems: 10 },
  { key: 'needs', label: 'Needs', kind: 'list', max: 120, maxItems: 10 },
  { key: 'barriers', label: 'Barriers', kind: 'list', max: 120, maxItems: 10 },
] as const satisfies readonly FieldDef[]


const stepSchema = z.object({
  stage: z.enum(PATHWAY),
  barrier: z.string().max(LIMITS.medium, `Barrier: at most ${LIMITS.medium} characters`).default(''),
  intervention: z.string().max(LIMITS.medium, `Intervention: at most ${LIMITS.medium} characters`).default(''),
  owner: z.string().max(LIMITS.short, `Owner: at most ${LIMITS.short} characters`).default(''),
}).strict()

export const personaSchema = z.object({ ...rowShape(PERSONA_FIELDS), steps: z.array(stepSchema).max(PATHWAY.length).default([]) }).strict()
export const mountainSchema = z.object({
  personas: z.array(personaSchema).max(100).default([]),
}).strict()

export type Step = z.infer<typeof stepSchema>
/** A persona, with one step per stage climbed, keyed by the stage being left. */
export type Persona = z.infer<typeof personaSchema>
export type MountainData = z.infer<typeof mountainSchema>

/** The stages a persona must leave to climb from `current` to `target` (none when not climbing). */
export function stepsBetween(current: PathwayStage, target: PathwayStage): PathwayStage[] {
  const from = PATHWAY.indexOf(current)
  const to = PATHWAY.indexOf(target)
  return to > from ? PATHWAY.slice(from, to) : []
}

export function stageCounts(personas: readonly Persona[]): { stage: PathwayStage, now: number, target: number }[] {
  return PATHWAY.map(stage => ({ stage, now: personas.filter(p => p.currentStage === stage).length, target: personas.filter(p => p.targetStage === stage).length }))
}

/** Steps still without a barrier, an intervention or an owner. */
export function missingSteps(p: Persona): PathwayStage[] {
  return stepsBetween(p.currentStage, p.targetStage).filter((stage) => {
    const step = p.steps.find(s => s.stage === stage)
    return !step || !step.barrier.trim() || !step.intervention.trim() || !step.owner.trim()
  })
}

export function stepLabel(stage: PathwayStage): string {
  const next = PATHWAY[PATHWAY.indexOf(stage) + 1]
  return `${PATHWAY_LABELS[stage]} → ${next ? PATHWAY_LABELS[next] : ''}`
}

const HEADERS = ['Persona', 'Role', 'Now', 'Target', 'Hours a month', 'Barriers', 'Step', 'Barrier', 'Intervention', 'Owner']
function rows(d: MountainData) {
  return d.personas.flatMap((p) => {
    const base = [p.name, p.role, PATHWAY_LABELS[p.currentStage], PATHWAY_LABELS[p.targetStage], p.hoursPerMonth, p.barriers]
    const climbs = stepsBetween(p.currentStage, p.targetStage)
    if (climbs.length === 0)
      return [[...base, '', '', '', '']]
    return climbs.map((stage) => {
      const s = p.steps.find(x => x.stage === stage)
      return [...base, stepLabel(stage), s?.barrier ?? '', s?.intervention ?? '', s?.owner ?? '']
    })
  })
}

export const mountainOfEngagement: BoardDefinition<MountainData> = {
  kind: 'mountain-of-engagement',
  title: 'Mountain of engagement',
  credit: 'Pathway stages and personas after Mozilla\'s Open Leadership Training Series, 3.2 "Contributor Personas & Pathways" (2016, CC BY 4.0), and The Turing Way\'s persona tool (text CC BY 4.0; its Persona Canvas figure, CC BY-SA 4.0, is not used). The "Mountain of Engagement" is Mozilla Open Leadership\'s and Open Life Science\'s (five bands, observers to owners, in Sharan et al., SSI, 2021). This board\'s drawing is the kit\'s.',
  version: 1,
  schema: mountainSchema,
  empty: () => ({ personas: [] }),
  instructions: [
    'Create one persona: a fictional member built from people you have met.',
    'Place it on the stage it is at now, and one stage up as the stage to reach.',
    'For that one step, write the barrier, the intervention and its owner (a person or a role).',
    'More personas and the whole path up: at home, the same way.',
  ],
  toMarkdown: (d) => {
    const counts = stageCounts(d.personas).map(c => `${PATHWAY_LABELS[c.stage]} ${c.now}`).join(' · ')
    const missing = d.personas.filter(p => missingSteps(p).length).map(p => mdText(p.name))
    return `# Mountain of engagement\n\nPersonas per stage now: ${counts}.${missing.length ? `\n\nSteps still to plan for: ${missing.join(', ')}.` : ''}\n\n${mdTable(HEADERS, rows(d))}`
  },
  toCsv: d => toCsv(HEADERS, rows(d)),
  rowKeys: { steps: 'stage' },
}
