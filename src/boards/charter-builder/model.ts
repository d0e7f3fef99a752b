// Module 4: the community charter, from a mission sentence (Mozilla's Open Leadership "vision
// or mission" statement: with, do, for, so that; by the deck's definitions a mission) and a
// one-line vision, to milestones, recognition, ways of working (after The Turing Way's working
// group charter template) and how the draft is taken back to the community (consultation and
// ratification), written out as CHARTER.md.
//
// Version 2 (this kit) swapped version 1's keys: the sentence was `vision` and the free text
// `mission`. `migrateCharter` reads version 1 exports and saved boards; nothing is dropped.
import { z } from 'zod'
import type { BoardDefinition } from '../kit/board'
import { DAY, displayValue, type FieldDef, LIMITS, options, rowSchema } from '../kit/fields'
import { mdTable, mdText, toCsv } from '../kit/formats'

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

// Every message names the field by its label, as the board shows it ("Licence: at most 80
// characters"), never by its path in the data.
const text = (label: string, max: number) => z.string().max(max, `${label}: at most ${max} characters`).default('')
const list = (label: string) => z.array(z.string().trim().min(1).max(LIMITS.short, `${label}: each at most ${LIMITS.short} characters`)).max(30, `${label}: at most 30 items`).default([])
const LINK = 'Code of conduct link: must be a web address starting with https://'
const link = z.union([z.literal(''), z.string().max(LIMITS.medium, `Code of conduct link: at most ${LIMITS.medium} characters`).regex(/^https?:\/\/\S+$/, LINK)], LINK).default('')

const day = (label: string) => {
  const message = `${label}: use year, month and day, like 2024-03-15`
  return z.union([z.literal(''), z.string().regex(DAY, message)], message).default('')
}
const rule = (label: string) => z.union([z.enum(DECISION_RULES), z.literal('')], `${label}: choose one of the options`).default('')

export const charterSchema = z.object({
  mission: z.object({ with: text('With', LIMITS.short), do: text('we', LIMITS.medium), for: text('for', LIMITS.short), soThat: text('so that', LIMITS.medium) }).strict(),
  // One line on screen; as long as version 1's free-text mission, which becomes it.
  vision: text('Vision', LIMITS.long),
  values: list('Values'),
  milestones: z.array(milestoneSchema).max(12).default([]),
  notYet: list('Not yet'),
  recognition: text('Recognition', LIMITS.long),
  waysOfWorking: z.object({
    decisionRule: rule('Decision rule'),
    meetingCadence: text('Meetings', LIMITS.short),
    channels: list('Channels'),
    roles: list('Roles'),
    cocLink: link,
    membershipTerms: text('Membership terms', LIMITS.long),
  }).strict(),
  consultation: z.object({
    who: text('Who is consulted', LIMITS.medium),
    how: text('How', LIMITS.medium),
    until: day('Until'),
    ratifyRule: rule('Decision rule for ratifying'),
    ratifiedBy: text('Who ratifies', LIMITS.short),
  }).strict().default({ who: '', how: '', until: '', ratifyRule: '', ratifiedBy: '' }),
  reviewDate: day('Review date'),
  licence: text('Licence', LIMITS.short),
}).strict()

/**
 * Version 1 data (or part of it: a saved board's plain fields) as version 2: the sentence moves
 * from `vision` to `mission`, the free-text mission to `vision`. Data already in version 2's
 * shape is returned as is, so running it twice changes nothing.
 */
export function migrateCharter(from: number, data: unknown): unknown {
  if (from >= 2 || !data || typeof data !== 'object')
    return data
  const { vision, mission, ...rest } = data as Record<string, unknown>
  const v1 = (vision !== undefined && typeof vision === 'object') || typeof mission === 'string'
  if (!v1)
    return data
  return {
    ...rest,
    ...(vision !== undefined ? { mission: vision } : {}),
    ...(mission !== undefined ? { vision: mission } : {}),
  }
}

export type CharterData = z.infer<typeof charterSchema>

/** "With librarians, we run data clinics for early-career researchers so that their data is reused." */
export function missionSentence(v: CharterData['mission']): string {
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

function consultationText(c: CharterData['consultation']): string {
  if (!c.who.trim() && !c.how.trim() && !c.until && !c.ratifyRule && !c.ratifiedBy.trim())
    return ''
  return [
    `- **Who is consulted**: ${mdText(c.who) || '_to be agreed_'}`,
    `- **How**: ${mdText(c.how) || '_to be agreed_'}${c.until ? `, until ${c.until}` : ''}`,
    `- **Ratified by**: ${mdText(c.ratifiedBy) || '_to be agreed_'}`,
    `- **Decision rule for ratifying**: ${c.ratifyRule ? DECISION_LABELS[c.ratifyRule] : '_to be agreed_'}`,
  ].join('\n')
}

export function charterMarkdown(d: CharterData, name = 'Our community'): string {
  const w = d.waysOfWorking
  const milestones = mdTable(
    MILESTONE_FIELDS.map(f => f.label),
    d.milestones.map(m => MILESTONE_FIELDS.map(f => displayValue(f, m[f.key]))),
  )
  return [
    `# ${mdText(name)} charter\n`,
    section('Mission', mdText(missionSentence(d.mission))),
    section('Vision', mdText(d.vision)),
    section('Values', bullets(d.values)),
    section('Milestones and roadmap', d.milestones.length ? milestones : ''),
    section('Not yet', bullets(d.notYet)),
    section('Recognition', mdText(d.recognition)),
    section('Ways of working', [
      `- **Decisions**: ${w.decisionRule ? DECISION_LABELS[w.decisionRule] : '_to be agreed_'}`,
      `- **Meetings**: ${mdText(w.meetingCadence) || '_to be agreed_'}`,
      `- **Channels**: ${w.channels.map(mdText).join(', ') || '_to be listed_'}`,
      `- **Roles**: ${w.roles.map(mdText).join(', ') || '_to be listed_'}`,
      `- **Code of conduct**: ${w.cocLink ? `<${w.cocLink}>` : '_to be linked_'}`,
    ].join('\n')),
    section('Membership', mdText(w.membershipTerms)),
    section('Consultation and ratification', consultationText(d.consultation)),
    section('Review', d.reviewDate ? `We review this charter by ${d.reviewDate}.` : ''),
    section('Licence', mdText(d.licence)),
  ].join('\n')
}

export const charterBuilder: BoardDefinition<CharterData> = {
  kind: 'charter-builder',
  title: 'Charter builder',
  version: 2,
  migrate: migrateCharter,
  schema: charterSchema,
  empty: () => ({
    mission: { with: '', do: '', for: '', soThat: '' },
    vision: '',
    values: [],
    milestones: [],
    notYet: [],
    recognition: '',
    waysOfWorking: { decisionRule: '', meetingCadence: '', channels: [], roles: [], cocLink: '', membershipTerms: '' },
    consultation: { who: '', how: '', until: '', ratifyRule: '', ratifiedBy: '' },
    reviewDate: '',
    licence: '',
  }),
  instructions: [
    'Mission in one sentence: with whom, we do what, for whom, so that what changes.',
    'Vision in one line: the world you want. Then two to five values.',
    'One to three milestones, each with a type, horizon, target date, indicator and owner; what you will not do yet.',
    'Recognition: how contributions are credited. Ways of working: decision rule, meetings, channels, roles, code of conduct, membership.',
    'Consultation: who is consulted, how and until when; who ratifies the charter, by which rule.',
    'Set a review date and a licence, then publish CHARTER.md where newcomers look first.',
  ],
  toMarkdown: d => charterMarkdown(d),
  toCsv: d => toCsv(['Section', 'Value'], [
    ['Mission', missionSentence(d.mission)],
    ['Vision', d.vision],
    ['Values', d.values],
    ...d.milestones.map(m => [`Milestone: ${m.title}`, [m.type, m.horizon, m.targetDate, m.successIndicator, m.owner].filter(Boolean).join(' · ')]),
    ['Decision rule', d.waysOfWorking.decisionRule],
    ['Meetings', d.waysOfWorking.meetingCadence],
    ['Channels', d.waysOfWorking.channels],
    ['Roles', d.waysOfWorking.roles],
    ['Code of conduct', d.waysOfWorking.cocLink],
    ['Membership', d.waysOfWorking.membershipTerms],
    ['Not yet', d.notYet],
    ['Recognition', d.recognition],
    ['Consulted', d.consultation.who],
    ['Consultation', [d.consultation.how, d.consultation.until].filter(Boolean).join(' · ')],
    ['Ratified by', d.consultation.ratifiedBy],
    ['Ratification rule', d.consultation.ratifyRule],
    ['Review date', d.reviewDate],
    ['Licence', d.licence],
  ]),
}
