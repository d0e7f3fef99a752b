// Module 4: the community charter, from a vision sentence (after Mozilla's Open Leadership
// vision statement: with, do, for, so that) to milestones and ways of working (after The
// Turing Way's working group charter template), written out as CHARTER.md.
import { z } from 'zod'
import type { BoardDefinition } from './board'
import { DAY, displayValue, type FieldDef, LIMITS, options, rowSchema } from './fields'
import { mdTable, mdText, toCsv } from './formats'

export const MILESTONE_TYPES = ['status', 'date', 'event', 'timeframe'] as const
export const HORIZONS = ['short', 'medium', 'long'] as const
export const DECISION_RULES = ['consensus', 'consent', 'vote', 'lead-decides'] as const
export const DECISION_LABELS: Record<typeof DECISION_RULES[number], string> = {
  'consensus': 'Consensus: everyone agrees',
  'consent': 'Consent: no one has a principled objection',
  'vote': 'Vote: the majority decides',
  'lead-decides': 'Lead decides, after consulting',
}

export const MILESTONE_FIELDS = [
  { key: 'title', label: 'Milestone', kind: 'text', max: LIMITS.short, required: true },
  { key: 'type', label: 'Type', kind: 'choice', options: options(MILESTONE_TYPES, { status: 'project status goal', date: 'date', event: 'event', timeframe: 'timeframe' }) },
  { key: 'horizon', label: 'Horizon', kind: 'choice', options: options(HORIZONS, { short: 'short term', medium: 'medium term', long: 'long term' }) },
  { key: 'targetDate', label: 'Target date', kind: 'date' },
  { key: 'successIndicator', label: 'How we know it is done', kind: 'text', max: LIMITS.medium },
  { key: 'owner', label: 'Owner', kind: 'text', max: LIMITS.short },
] as const satisfies readonly FieldDef[]

export const milestoneSchema = rowSchema(MILESTONE_FIELDS)
export type Milestone = z.infer<typeof milestoneSchema>

const text = (max: number) => z.string().max(max, `at most ${max} characters`).default('')
const list = z.array(z.string().trim().min(1).max(LIMITS.short, `each at most ${LIMITS.short} characters`)).max(30).default([])
const link = z.union([z.literal(''), z.string().max(LIMITS.medium).regex(/^https?:\/\/\S+$/, 'must be a web address starting with https://')]).default('')

export const charterSchema = z.object({
  vision: z.object({ with: text(LIMITS.short), do: text(LIMITS.medium), for: text(LIMITS.short), soThat: text(LIMITS.medium) }).strict(),
  mission: text(LIMITS.long),
  values: list,
  milestones: z.array(milestoneSchema).max(12).default([]),
  waysOfWorking: z.object({
    decisionRule: z.union([z.enum(DECISION_RULES), z.literal('')]).default(''),
    meetingCadence: text(LIMITS.short),
    channels: list,
    roles: list,
    cocLink: link,
    membershipTerms: text(LIMITS.long),
  }).strict(),
  reviewDate: z.union([z.literal(''), z.string().regex(DAY, 'must be YYYY-MM-DD')]).default(''),
  licence: text(LIMITS.short),
}).strict()

export type CharterData = z.infer<typeof charterSchema>

/** "With librarians, we run data clinics for early-career researchers so that their data is reused." */
export function visionSentence(v: CharterData['vision']): string {
  const parts = [
    v.with.trim() && `With ${v.with.trim()},`,
    v.do.trim() && `we ${v.do.trim()}`,
    v.for.trim() && `for ${v.for.trim()}`,
    v.soThat.trim() && `so that ${v.soThat.trim()}`,
  ].filter(Boolean).join(' ')
  return parts ? `${parts.replace(/[.\s]+$/, '')}.` : ''
}

const section = (title: string, body: string) => `## ${title}\n\n${body.trim() || '_To be written._'}\n`
const bullets = (items: string[]) => items.map(i => `- ${mdText(i)}`).join('\n')

export function charterMarkdown(d: CharterData, name = 'Our community'): string {
  const w = d.waysOfWorking
  const milestones = mdTable(
    MILESTONE_FIELDS.map(f => f.label),
    d.milestones.map(m => MILESTONE_FIELDS.map(f => displayValue(f, m[f.key]))),
  )
  return [
    `# ${mdText(name)} charter\n`,
    section('Vision', mdText(visionSentence(d.vision))),
    section('Mission', mdText(d.mission)),
    section('Values', bullets(d.values)),
    section('Milestones and roadmap', d.milestones.length ? milestones : ''),
    section('Ways of working', [
      `- **Decisions**: ${w.decisionRule ? DECISION_LABELS[w.decisionRule] : '_to be agreed_'}`,
      `- **Meetings**: ${mdText(w.meetingCadence) || '_to be agreed_'}`,
      `- **Channels**: ${w.channels.map(mdText).join(', ') || '_to be listed_'}`,
      `- **Roles**: ${w.roles.map(mdText).join(', ') || '_to be listed_'}`,
      `- **Code of conduct**: ${w.cocLink ? `<${w.cocLink}>` : '_to be linked_'}`,
    ].join('\n')),
    section('Membership', mdText(w.membershipTerms)),
    section('Review', d.reviewDate ? `We review this charter by ${d.reviewDate}.` : ''),
    section('Licence', mdText(d.licence)),
  ].join('\n')
}

export const charterBuilder: BoardDefinition<CharterData> = {
  kind: 'charter-builder',
  title: 'Charter builder',
  version: 1,
  schema: charterSchema,
  empty: () => ({
    vision: { with: '', do: '', for: '', soThat: '' },
    mission: '',
    values: [],
    milestones: [],
    waysOfWorking: { decisionRule: '', meetingCadence: '', channels: [], roles: [], cocLink: '', membershipTerms: '' },
    reviewDate: '',
    licence: '',
  }),
  instructions: [
    'Vision in one sentence: with whom, we do what, for whom, so that what changes.',
    'Mission: what you are doing now to get there. Then two to five values.',
    'One to three milestones, each with a type, horizon, target date, indicator and owner.',
    'Ways of working: decision rule, meetings, channels, roles, code of conduct, membership.',
    'Set a review date and a licence, then publish CHARTER.md where newcomers look first.',
  ],
  toMarkdown: d => charterMarkdown(d),
  toCsv: d => toCsv(['Section', 'Value'], [
    ['Vision', visionSentence(d.vision)],
    ['Mission', d.mission],
    ['Values', d.values],
    ...d.milestones.map(m => [`Milestone: ${m.title}`, [m.type, m.horizon, m.targetDate, m.successIndicator, m.owner].filter(Boolean).join(' · ')]),
    ['Decision rule', d.waysOfWorking.decisionRule],
    ['Meetings', d.waysOfWorking.meetingCadence],
    ['Channels', d.waysOfWorking.channels],
    ['Roles', d.waysOfWorking.roles],
    ['Code of conduct', d.waysOfWorking.cocLink],
    ['Membership', d.waysOfWorking.membershipTerms],
    ['Review date', d.reviewDate],
    ['Licence', d.licence],
  ]),
}
