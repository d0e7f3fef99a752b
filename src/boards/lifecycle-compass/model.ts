// Module 1: where each community is in its lifecycle and where it wants to go (after
// Wenger, McDermott and Snyder's stages of development), and the room's spread.
import type { z } from 'zod'
import { defineListBoard } from '../kit/board'
import { type FieldDef, LIMITS, options, rowSchema } from '../kit/fields'
import { count, translate } from '../../i18n/labels'

export const STAGES = ['potential', 'coalescing', 'maturing', 'stewardship', 'transformation'] as const
export type Stage = typeof STAGES[number]
export const STAGE_LABELS: Record<Stage, string> = { potential: 'Potential', coalescing: 'Coalescing', maturing: 'Maturing', stewardship: 'Stewardship / sustaining', transformation: 'Transformation' }

export const COMPASS_FIELDS = [
  { key: 'name', label: 'Community (or your name)', kind: 'text', max: LIMITS.short, required: true },
  { key: 'currentStage', label: 'Stage now', kind: 'choice', options: options(STAGES, STAGE_LABELS), required: true },
  { key: 'targetStage', label: 'Stage to reach', kind: 'choice', options: options(STAGES, STAGE_LABELS), required: true },
  { key: 'evidence', label: 'Evidence', kind: 'text', max: LIMITS.medium, multiline: true, hint: 'what tells you it is at that stage' },
  { key: 'oneChangeNeeded', label: 'One change needed', kind: 'text', max: LIMITS.medium, multiline: true },
] as const satisfies readonly FieldDef[]

export const compassSchema = rowSchema(COMPASS_FIELDS)
export type CompassEntry = z.infer<typeof compassSchema>
export interface LifecycleCompassData { entries: CompassEntry[] }

export function spread(entries: readonly CompassEntry[]): { stage: Stage, now: number, target: number }[] {
  return STAGES.map(stage => ({ stage, now: entries.filter(e => e.currentStage === stage).length, target: entries.filter(e => e.targetStage === stage).length }))
}

/** forward 2, stay, back 1: how far each entry wants to move. */
export function direction(e: Pick<CompassEntry, 'currentStage' | 'targetStage'>): { kind: 'forward' | 'stay' | 'back', steps: number } {
  const d = STAGES.indexOf(e.targetStage) - STAGES.indexOf(e.currentStage)
  return { kind: d > 0 ? 'forward' : d < 0 ? 'back' : 'stay', steps: Math.abs(d) }
}

/** The room disagrees when the current stages it names span three stages or more. */
export function roomDisagrees(entries: readonly CompassEntry[]): boolean {
  const used = entries.map(e => STAGES.indexOf(e.currentStage))
  return used.length > 1 && Math.max(...used) - Math.min(...used) >= 2
}

/** "back 1 stage", "forward 2 stages", "stay", in `language` (English by default: the exports). */
export function describeDirection(e: CompassEntry, language?: string): string {
  const d = direction(e)
  if (d.kind === 'stay')
    return translate('stay', language)
  return d.kind === 'forward'
    ? count(d.steps, 'forward {n} stage', 'forward {n} stages', language)
    : count(d.steps, 'back {n} stage', 'back {n} stages', language)
}

export const lifecycleCompass = defineListBoard({
  kind: 'lifecycle-compass',
  title: 'Lifecycle compass',
  credit: 'Stages: Wenger, McDermott and Snyder, Cultivating Communities of Practice (2002), paraphrased.',
  listKey: 'entries',
  fields: COMPASS_FIELDS,
  rowSchema: compassSchema,
  instructions: [
    'Alone: your community, its stage now and the stage to reach in a year or two.',
    'Add your evidence: what would a newcomer see?',
    'Name the one change that would move it on, small enough to start within a month.',
    'Then the room\'s spread: where do most of us sit?',
  ],
  extra: { header: 'Direction', value: describeDirection },
  summary: (d) => {
    const s = spread(d.entries).map(x => `${STAGE_LABELS[x.stage]}: ${x.now} now, ${x.target} target`).join('; ')
    return `The room: ${s}.${roomDisagrees(d.entries) ? ' The room disagrees: current stages span three stages or more.' : ''}`
  },
})
