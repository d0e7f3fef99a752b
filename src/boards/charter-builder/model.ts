// Module 4: the community charter, from a mission sentence (Mozilla's Open Leadership "vision
// or mission" statement: with, do, for, so that; by the deck's definitions a mission) and a
// one-line vision, to milestones, recognition, a decision rule per level of decision with its
// scope, ways of working (after The Turing Way's working group charter template), conduct as a
// reporting route, and the five steps that take the draft back to the community (with its
// cover note), written out as CHARTER.md: every section, an empty one as "Not yet decided".
//
// Version 2 swapped version 1's keys: the sentence was `vision` and the free text `mission`.
// Version 3 added the decision levels, conduct and the take-back steps (the one decision rule
// became the operational level's, the code of conduct link moved to conduct, consultation and
// the review date became take-back steps). `migrateCharter` reads version 1 and 2 exports and
// saved boards; nothing is dropped.
import { z } from 'zod'
import type { BoardDefinition } from '../kit/board'
import { displayValue, isCalendarDay, type FieldDef, LIMITS, options, rowSchema } from '../kit/fields'
import { mdTable, mdText, toCsv } from '../kit/formats'

export const MILESTONE_TYPES = ['status', 'date', 'event', 'timeframe'] as const
export const HORIZONS = ['short', 'medium', 'long'] as const
export const DECISION_RULES = ['consensus', 'consent', 'lazy-consensus', 'vote', 'lead-decides'] as const
export type DecisionRule = typeof DECISION_RULES[number]
export const DECISION_LABELS: Record<DecisionRule, string> = {
  'consensus': 'Consensus: everyone agrees',
  'consent': 'Consent: no one has a principled objection',
  'lazy-consensus': 'Lazy consensus: it stands unless someone objects in time',
  'vote': 'Vote: the majority decides',
  'lead-decides': 'A named person or role decides, after consulting',
}
/** What the line beside a rule asks for: the silence period, who votes, who decides. */
export const DECISION_DETAIL_LABELS: Record<DecisionRule | '', string> = {
  '': 'Details',
  'consensus': 'Among whom, and where',
  'consent': 'Among whom, and where',
  'lazy-consensus': 'Silence period (e.g. 72 hours)',
  'vote': 'Who votes, and the majority needed',
  'lead-decides': 'Who decides',
}

// The three levels of decision (Kiser and Ostrom 1982; Ostrom 1990, 2005), as module 4 teaches them.
export const DECISION_LEVELS = ['operational', 'collective', 'constitutional'] as const
export type DecisionLevel = typeof DECISION_LEVELS[number]
export const LEVEL_LABELS: Record<DecisionLevel, string> = {
  operational: 'Operational: everyday work',
  collective: 'Collective choice: how we work',
  constitutional: 'Constitutional: the rules about the rules',
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
  return z.union([z.literal(''), z.string().refine(isCalendarDay, message)], message).default('')
}
const rule = (label: string) => z.union([z.enum(DECISION_RULES), z.literal('')], `${label}: choose one of the options`).default('')
const level = (name: string) => z.object({
  rule: rule(`${name}: decision rule`),
  scope: text(`${name}: what it covers`, LIMITS.medium),
  detail: text(`${name}: details`, LIMITS.short),
}).strict().default({ rule: '', scope: '', detail: '' })

export const charterSchema = z.object({
  mission: z.object({ with: text('With', LIMITS.short), do: text('we', LIMITS.medium), for: text('for', LIMITS.short), soThat: text('so that', LIMITS.medium) }).strict(),
  // One line on screen; as long as version 1's free-text mission, which becomes it.
  vision: text('Vision', LIMITS.long),
  values: list('Values'),
  milestones: z.array(milestoneSchema).max(12).default([]),
  notYet: list('Not yet'),
  recognition: text('Recognition', LIMITS.long),
  // A rule per level of decision, with its scope (version 3).
  decisions: z.object({
    operational: level('Operational'),
    collective: level('Collective choice'),
    constitutional: level('Constitutional'),
  }).strict().default({ operational: { rule: '', scope: '', detail: '' }, collective: { rule: '', scope: '', detail: '' }, constitutional: { rule: '', scope: '', detail: '' } }),
  waysOfWorking: z.object({
    meetingCadence: text('Meetings', LIMITS.short),
    channels: list('Channels'),
    roles: list('Roles'),
    membershipTerms: text('Membership terms', LIMITS.long),
  }).strict(),
  // Conduct as a route, not only a link (version 3).
  conduct: z.object({
    link: link,
    reportTo: text('Report to', LIMITS.medium),
    secondRoute: text('Second route', LIMITS.medium),
    responders: text('Who responds', LIMITS.medium),
    responseTime: text('How fast', LIMITS.short),
  }).strict().default({ link: '', reportTo: '', secondRoute: '', responders: '', responseTime: '' }),
  // The five take-back steps (version 3): communicate, consult, ratify, publish, review.
  takeBack: z.object({
    coverNote: text('Cover note', LIMITS.long),
    communicateWhere: text('Communicate: where', LIMITS.medium),
    consultWith: list('Consult: with whom'),
    consultHow: text('Consult: how', LIMITS.medium),
    consultUntil: day('Consult: until'),
    ratifyRule: rule('Ratify: decision rule'),
    ratifiedBy: text('Ratify: who decides', LIMITS.short),
    publishWhere: text('Publish: where', LIMITS.medium),
    reviewDate: day('Review date'),
    reviewOwner: text('Review: owner', LIMITS.short),
  }).strict().default({ coverNote: '', communicateWhere: '', consultWith: [], consultHow: '', consultUntil: '', ratifyRule: '', ratifiedBy: '', publishWhere: '', reviewDate: '', reviewOwner: '' }),
  licence: text('Licence', LIMITS.short),
}).strict()

/**
 * Version 1 data (or part of it: a saved board's plain fields) as version 2: the sentence moves
 * from `vision` to `mission`, the free-text mission to `vision`. Data already in version 2's
 * shape is returned as is, so running it twice changes nothing.
 */
function fromVersion1(data: Record<string, unknown>): Record<string, unknown> {
  const { vision, mission, ...rest } = data
  const v1 = (vision !== undefined && typeof vision === 'object') || typeof mission === 'string'
  if (!v1)
    return data
  return {
    ...rest,
    ...(vision !== undefined ? { mission: vision } : {}),
    ...(mission !== undefined ? { vision: mission } : {}),
  }
}

/** "Library staff, PhD students; the funder" as a list of names, each at most a short line. */
function namesOf(text: string): string[] {
  return text.split(/[,;\n]/).map(s => s.trim()).filter(Boolean).map(s => (s.length > LIMITS.short ? `${s.slice(0, LIMITS.short - 1).trimEnd()}…` : s)).slice(0, 30)
}

/**
 * Version 2 data (or a saved board's plain fields) as version 3: the one decision rule becomes
 * the operational level's, the code of conduct link moves to Conduct, and Consultation and the
 * review date become the take-back steps ("who is consulted", a line of text, becomes a list
 * of names). Nothing is dropped; data already in version 3's shape is returned as is.
 */
function fromVersion2(data: Record<string, unknown>): Record<string, unknown> {
  const { consultation, reviewDate, waysOfWorking, ...rest } = data as Record<string, any>
  const ways = waysOfWorking && typeof waysOfWorking === 'object' ? { ...waysOfWorking } : undefined
  const out: Record<string, any> = { ...rest }
  const decisionRule = ways?.decisionRule
  const cocLink = ways?.cocLink
  if (ways) {
    delete ways.decisionRule
    delete ways.cocLink
    out.waysOfWorking = ways
  }
  if (decisionRule !== undefined)
    out.decisions = { ...out.decisions, operational: { ...out.decisions?.operational, rule: decisionRule } }
  if (cocLink !== undefined)
    out.conduct = { ...out.conduct, link: cocLink }
  const c = consultation && typeof consultation === 'object' ? consultation as Record<string, unknown> : {}
  const take: Record<string, unknown> = {
    ...(typeof c.who === 'string' ? { consultWith: namesOf(c.who) } : {}),
    ...(c.how !== undefined ? { consultHow: c.how } : {}),
    ...(c.until !== undefined ? { consultUntil: c.until } : {}),
    ...(c.ratifyRule !== undefined ? { ratifyRule: c.ratifyRule } : {}),
    ...(c.ratifiedBy !== undefined ? { ratifiedBy: c.ratifiedBy } : {}),
    ...(reviewDate !== undefined ? { reviewDate } : {}),
  }
  if (Object.keys(take).length)
    out.takeBack = { ...out.takeBack, ...take }
  return out
}

/** Data of an older version (an export, or a saved board's plain fields) as this version's. */
export function migrateCharter(from: number, data: unknown): unknown {
  if (from >= 3 || !data || typeof data !== 'object' || Array.isArray(data))
    return data
  let d = data as Record<string, unknown>
  if (from < 2)
    d = fromVersion1(d)
  return fromVersion2(d)
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

/** What a section left empty says in CHARTER.md: the charter is honest about what is open. */
export const NOT_DECIDED = 'Not yet decided'
const open = `_${NOT_DECIDED.toLowerCase()}_`
const section = (title: string, body: string) => `## ${title}\n\n${body.trim() || `_${NOT_DECIDED}._`}\n`
const bullets = (items: string[]) => items.map(i => `- ${mdText(i)}`).join('\n')
const or = (value: string) => mdText(value) || open

/** "Lazy consensus: it stands unless someone objects in time (silence period: 72 hours)" */
export function ruleText(rule: DecisionRule | '', detail: string): string {
  if (!rule)
    return detail.trim() ? `${open} (${mdText(detail)})` : ''
  const label = DECISION_DETAIL_LABELS[rule].replace(/ \(e\.g\..*\)$/, '').toLowerCase()
  return `${DECISION_LABELS[rule]}${detail.trim() ? ` (${label}: ${mdText(detail)})` : ''}`
}

const levelEmpty = (l: CharterData['decisions'][DecisionLevel]) => !l.rule && !l.scope.trim() && !l.detail.trim()

function decisionsText(d: CharterData['decisions']): string {
  if (DECISION_LEVELS.every(k => levelEmpty(d[k])))
    return ''
  return DECISION_LEVELS.map((k) => {
    const l = d[k]
    return `- **${LEVEL_LABELS[k]}**: ${ruleText(l.rule, l.detail) || open}. Covers: ${or(l.scope)}.`
  }).join('\n')
}

function conductText(c: CharterData['conduct']): string {
  if (!c.link && !c.reportTo.trim() && !c.secondRoute.trim() && !c.responders.trim() && !c.responseTime.trim())
    return ''
  return [
    `- **Report to**: ${or(c.reportTo)}`,
    `- **Second route** (when that person is involved): ${or(c.secondRoute)}`,
    `- **Who responds**: ${or(c.responders)}`,
    `- **How fast**: ${or(c.responseTime)}`,
    `- **Code of conduct**: ${c.link ? `<${c.link}>` : open}`,
    '',
    'Reports are handled in confidence, to stop harm and repair it.',
  ].join('\n')
}

/** The five take-back steps, each on its own line (an empty step says it is not yet decided). */
export function takeBackText(t: CharterData['takeBack']): string {
  const consult = [t.consultWith.map(mdText).join(', ') && `with ${t.consultWith.map(mdText).join(', ')}`, mdText(t.consultHow), t.consultUntil && `until ${t.consultUntil}`].filter(Boolean).join('; ')
  const ratify = [t.ratifyRule && DECISION_LABELS[t.ratifyRule], t.ratifiedBy.trim() && `who decides: ${mdText(t.ratifiedBy)}`].filter(Boolean).join('; ')
  const review = [t.reviewDate && `by ${t.reviewDate}`, t.reviewOwner.trim() && `owner: ${mdText(t.reviewOwner)}`].filter(Boolean).join('; ')
  const steps = [mdText(t.communicateWhere), consult, ratify, mdText(t.publishWhere), review]
  if (steps.every(s => !s))
    return ''
  return [
    `1. **Communicate**: ${steps[0] || open}`,
    `2. **Consult**: ${steps[1] || open}`,
    `3. **Ratify**: ${steps[2] || open}`,
    `4. **Publish**: ${steps[3] || open}`,
    `5. **Review**: ${steps[4] || open}`,
  ].join('\n')
}

/** The sections of CHARTER.md, in order: every one is printed, filled or not. */
export const CHARTER_SECTIONS = [
  'Cover note',
  'Mission',
  'Vision',
  'Values',
  'Milestones and roadmap',
  'Not yet',
  'Recognition',
  'Decisions',
  'Ways of working',
  'Conduct',
  'Membership',
  'Taking this draft back to the community',
  'Review',
  'Licence',
] as const

export function charterMarkdown(d: CharterData, name = 'Our community'): string {
  const w = d.waysOfWorking
  const t = d.takeBack
  const milestones = mdTable(
    MILESTONE_FIELDS.map(f => f.label),
    d.milestones.map(m => MILESTONE_FIELDS.map(f => displayValue(f, m[f.key]))),
  )
  const body: Record<typeof CHARTER_SECTIONS[number], string> = {
    'Cover note': mdText(t.coverNote),
    'Mission': mdText(missionSentence(d.mission)),
    'Vision': mdText(d.vision),
    'Values': bullets(d.values),
    'Milestones and roadmap': d.milestones.length ? milestones : '',
    'Not yet': bullets(d.notYet),
    'Recognition': mdText(d.recognition),
    'Decisions': decisionsText(d.decisions),
    'Ways of working': !w.meetingCadence.trim() && !w.channels.length && !w.roles.length
      ? ''
      : [
          `- **Meetings**: ${or(w.meetingCadence)}`,
          `- **Channels**: ${w.channels.map(mdText).join(', ') || open}`,
          `- **Roles**: ${w.roles.map(mdText).join(', ') || open}`,
        ].join('\n'),
    'Conduct': conductText(d.conduct),
    'Membership': mdText(w.membershipTerms),
    'Taking this draft back to the community': takeBackText(t),
    'Review': t.reviewDate ? `We review this charter by ${t.reviewDate}${t.reviewOwner.trim() ? `; ${mdText(t.reviewOwner)} calls the review` : ''}.` : '',
    'Licence': mdText(d.licence),
  }
  return [`# ${mdText(name)} charter\n`, ...CHARTER_SECTIONS.map(s => section(s, body[s])), CHARTER_CREDIT].join('\n')
}

/** A printed charter travels alone: it says whose structure, mission sentence and milestones it follows (CC BY asks for the credit) and what drafted it. */
export const CHARTER_CREDIT = '---\n\n*Structure after The Turing Way\'s working-group charter template (online book, https://book.the-turing-way.org), itself revised from the Collaborative Leaders Network\'s sample charter. Mission sentence after Mozilla\'s Open Leadership Training Series 1.4, milestone types after OLTS 2.3 (Mozilla Foundation and contributors, https://mozilla.github.io/open-leadership-training-series/). The Turing Way and OLTS: CC BY 4.0, https://creativecommons.org/licenses/by/4.0/. Drafted with the Foundational Community Building and Engagement Training (CC BY 4.0).*\n'

const emptyLevel = () => ({ rule: '' as const, scope: '', detail: '' })

export const charterBuilder: BoardDefinition<CharterData> = {
  kind: 'charter-builder',
  title: 'Charter builder',
  credit: 'After The Turing Way\'s working-group charter template (online book, CC BY 4.0), revised from the Collaborative Leaders Network\'s sample charter ("Collaborative Leader Network" in The Turing Way); mission sentence after Mozilla\'s Open Leadership Training Series, 1.4 "Your Project Vision", which calls it a vision or mission statement; milestone types after OLTS 2.3 (both CC BY 4.0).',
  version: 3,
  migrate: migrateCharter,
  schema: charterSchema,
  empty: () => ({
    mission: { with: '', do: '', for: '', soThat: '' },
    vision: '',
    values: [],
    milestones: [],
    notYet: [],
    recognition: '',
    decisions: { operational: emptyLevel(), collective: emptyLevel(), constitutional: emptyLevel() },
    waysOfWorking: { meetingCadence: '', channels: [], roles: [], membershipTerms: '' },
    conduct: { link: '', reportTo: '', secondRoute: '', responders: '', responseTime: '' },
    takeBack: { coverNote: '', communicateWhere: '', consultWith: [], consultHow: '', consultUntil: '', ratifyRule: '', ratifiedBy: '', publishWhere: '', reviewDate: '', reviewOwner: '' },
    licence: '',
  }),
  instructions: [
    'Mission in one sentence: with whom, we do what, for whom, so that what changes.',
    'Vision in one line: the world you want. Then two to five values.',
    'One to three milestones, each with a type, horizon, target date, indicator and owner; what you will not do yet.',
    'Decisions: for each level (operational, collective choice, constitutional) a rule and what it covers.',
    'Ways of working: meetings, channels, roles, membership. Conduct: where to report (two routes), who responds, how fast.',
    'Take it back: a cover note from your story of now; communicate, consult (with whom, how, until), ratify (rule, who), publish (where), review (date, owner).',
    'A licence, then publish CHARTER.md where newcomers look first.',
  ],
  toMarkdown: d => charterMarkdown(d),
  toCsv: d => toCsv(['Section', 'Value'], [
    ['Cover note', d.takeBack.coverNote],
    ['Mission', missionSentence(d.mission)],
    ['Vision', d.vision],
    ['Values', d.values],
    ...d.milestones.map(m => [`Milestone: ${m.title}`, [m.type, m.horizon, m.targetDate, m.successIndicator, m.owner].filter(Boolean).join(' · ')]),
    ['Not yet', d.notYet],
    ['Recognition', d.recognition],
    ...DECISION_LEVELS.flatMap(k => [
      [`Decisions: ${k}: rule`, d.decisions[k].rule],
      [`Decisions: ${k}: details`, d.decisions[k].detail],
      [`Decisions: ${k}: covers`, d.decisions[k].scope],
    ]),
    ['Meetings', d.waysOfWorking.meetingCadence],
    ['Channels', d.waysOfWorking.channels],
    ['Roles', d.waysOfWorking.roles],
    ['Membership', d.waysOfWorking.membershipTerms],
    ['Conduct: report to', d.conduct.reportTo],
    ['Conduct: second route', d.conduct.secondRoute],
    ['Conduct: who responds', d.conduct.responders],
    ['Conduct: how fast', d.conduct.responseTime],
    ['Code of conduct', d.conduct.link],
    ['Communicate: where', d.takeBack.communicateWhere],
    ['Consult: with whom', d.takeBack.consultWith],
    ['Consult: how', d.takeBack.consultHow],
    ['Consult: until', d.takeBack.consultUntil],
    ['Ratify: rule', d.takeBack.ratifyRule],
    ['Ratify: who decides', d.takeBack.ratifiedBy],
    ['Publish: where', d.takeBack.publishWhere],
    ['Review date', d.takeBack.reviewDate],
    ['Review: owner', d.takeBack.reviewOwner],
    ['Licence', d.licence],
  ]),
}
