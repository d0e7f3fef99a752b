// Module 2: stakeholders on a power/interest grid (Johnson and Scholes's adaptation of Mendelow), with the engagement
// approach of each quadrant computed from a threshold the group can move. The quadrant labels are the kit's, adapted
// from Johnson and Scholes's Key players / Keep satisfied / Keep informed / Minimal effort.
import { z } from 'zod'
import type { BoardDefinition } from '../kit/board'
import { type FieldDef, LIMITS, options, rowSchema } from '../kit/fields'
import { mdTable, toCsv } from '../kit/formats'

export const CATEGORIES = ['member', 'contributor', 'funder', 'host', 'partner', 'user', 'policy', 'other'] as const
export const ENGAGEMENT_MODES = ['none', 'convey', 'contribute', 'collaborate', 'co-create', 'champion'] as const

export const STAKEHOLDER_FIELDS = [
  { key: 'name', label: 'Stakeholder', kind: 'text', max: LIMITS.short, required: true, hint: 'A person, group or organisation' },
  { key: 'category', label: 'Category', kind: 'choice', options: options(CATEGORIES) },
  { key: 'power', label: 'Power (1-5)', kind: 'number', min: 1, max: 5, hint: 'How much they can shape what your community does' },
  { key: 'interest', label: 'Interest (1-5)', kind: 'number', min: 1, max: 5, hint: 'How much they care about it' },
  { key: 'currentEngagement', label: 'Current engagement', kind: 'choice', options: options(ENGAGEMENT_MODES, { 'none': 'none yet', 'co-create': 'co-create' }), hint: 'CSCCE participation mode they are in today' },
  { key: 'preferredChannel', label: 'Preferred channel', kind: 'text', max: LIMITS.short },
  { key: 'relationshipOwner', label: 'Relationship owner', kind: 'text', max: LIMITS.short, hint: 'Who in your community looks after this relationship' },
] as const satisfies readonly FieldDef[]

export const stakeholderSchema = rowSchema(STAKEHOLDER_FIELDS)
export type Stakeholder = z.infer<typeof stakeholderSchema>

export const stakeholderMapSchema = z.object({
  threshold: z.number().int().min(2).max(5).default(3),
  stakeholders: z.array(stakeholderSchema).max(LIMITS.rows).default([]),
}).strict()
export type StakeholderMapData = z.infer<typeof stakeholderMapSchema>

export type Quadrant = 'manage-closely' | 'keep-satisfied' | 'keep-informed' | 'monitor'

export const QUADRANTS: Record<Quadrant, { label: string, strategy: string }> = {
  'manage-closely': { label: 'Manage closely', strategy: 'High power, high interest: involve them in decisions and meet regularly.' },
  'keep-satisfied': { label: 'Keep satisfied', strategy: 'High power, lower interest: keep them content with concise updates; consult before big changes.' },
  'keep-informed': { label: 'Keep informed', strategy: 'Lower power, high interest: share news often and invite their input; they are often future contributors.' },
  'monitor': { label: 'Monitor', strategy: 'Lower power, lower interest: keep an eye on changes with light-touch communication.' },
}

/** "High" means at or above the threshold; a score equal to it is borderline. */
export function quadrantOf(s: Pick<Stakeholder, 'power' | 'interest'>, threshold: number): { quadrant: Quadrant, borderline: boolean } {
  const highPower = s.power >= threshold
  const highInterest = s.interest >= threshold
  const quadrant: Quadrant = highPower
    ? (highInterest ? 'manage-closely' : 'keep-satisfied')
    : (highInterest ? 'keep-informed' : 'monitor')
  return { quadrant, borderline: s.power === threshold || s.interest === threshold }
}

function rows(data: StakeholderMapData) {
  return data.stakeholders.map((s) => {
    const q = quadrantOf(s, data.threshold)
    return [s.name, s.category, s.power, s.interest, QUADRANTS[q.quadrant].label + (q.borderline ? ' (borderline)' : ''), s.currentEngagement, s.preferredChannel, s.relationshipOwner]
  })
}
const HEADERS = ['Stakeholder', 'Category', 'Power', 'Interest', 'Approach', 'Current engagement', 'Preferred channel', 'Relationship owner']

export const stakeholderMap: BoardDefinition<StakeholderMapData> = {
  kind: 'stakeholder-map',
  title: 'Stakeholder map',
  credit: 'Power/interest grid: Johnson and Scholes, after Mendelow (1981); the quadrant names are adapted from Johnson and Scholes\'s. After The Turing Way, "Facilitating Stakeholder Engagement" (online book, CC BY 4.0). Engagement modes: the CSCCE Community Participation Model (Woodley and Pratt, 2020).',
  version: 1,
  schema: stakeholderMapSchema,
  empty: () => ({ threshold: 3, stakeholders: [] }),
  instructions: [
    'Alone, 6 minutes: list 6 stakeholders of your community (6 is enough), as roles where names are private.',
    'Each row needs only four things: name, power (1-5), interest (1-5) and the relationship owner. The rest can wait.',
    'Trio rounds, 3 minutes a presenter: the presenter shows the map, the consultants ask and challenge the borderline scores, the presenter decides.',
    'End your round with one stakeholder you will contact differently, and who will do it.',
  ],
  toMarkdown: data => `# Stakeholder map\n\n"High" means ${data.threshold} or more.\n\n${mdTable(HEADERS, rows(data))}`,
  toCsv: data => toCsv(HEADERS, rows(data)),
}
