// Module 3: what the community asks of people, what it offers back, and how it recognises the
// work (after Mozilla's 2019 taxonomy of open value exchanges; the participation mode after the
// CSCCE Community Participation Model). The minimum row asked in the room comes first:
// contribution, value offered, deliverable?, fairness; the recognition sentence on the row fixed.
import type { z } from 'zod'
import { defineListBoard } from '../kit/board'
import { type FieldDef, LIMITS, options, rowSchema } from '../kit/fields'

export const CPM_MODES = ['convey', 'contribute', 'collaborate', 'co-create', 'champion'] as const
// Eighteen of the 24 kinds of value in Mozilla's "Taxonomy of open value exchanges" (2019), as
// module 3's references slide says (m3-references: "18 of its 24 kinds").
export const VALUE_TAXONOMY = ['agency', 'altruism', 'coaching', 'compensation', 'delegation', 'early-access', 'feedback', 'free-access', 'in-kind-support', 'introductions', 'mentorship', 'onboarding', 'professional-development', 'recognition', 'reputation', 'resourcing', 'storytelling', 'swag'] as const

export const LEDGER_FIELDS = [
  { key: 'contributionAsked', label: 'Contribution asked', kind: 'text', max: LIMITS.medium, required: true, multiline: true },
  { key: 'valueOffered', label: 'Value offered', kind: 'multi', options: options(VALUE_TAXONOMY, { 'early-access': 'early access', 'free-access': 'free or discounted access', 'in-kind-support': 'in-kind contributions to their projects', 'introductions': 'introductions and networking', 'professional-development': 'professional development' }) },
  { key: 'canDeliver', label: 'Can we deliver it?', kind: 'choice', options: options(['yes', 'partly', 'no']), required: true },
  { key: 'fairness', label: 'Fairness (1-5)', kind: 'number', min: 1, max: 5 },
  { key: 'recognition', label: 'How we recognise it', kind: 'text', max: LIMITS.medium, multiline: true, hint: 'one sentence: we recognise … by …, decided by …, reviewed …' },
  { key: 'persona', label: 'Persona', kind: 'text', max: LIMITS.short },
  { key: 'cpmMode', label: 'Participation mode', kind: 'choice', options: options(CPM_MODES) },
  { key: 'costToCommunity', label: 'Cost to the community (1-5)', kind: 'number', min: 1, max: 5 },
] as const satisfies readonly FieldDef[]

export const ledgerRowSchema = rowSchema(LEDGER_FIELDS)
export type LedgerRow = z.infer<typeof ledgerRowSchema>
export interface ValueExchangeLedgerData { rows: LedgerRow[] }

/** What a facilitator should look at again: promises we cannot keep, unfair asks, nothing offered. */
export function ledgerFlags(row: LedgerRow): string[] {
  const flags: string[] = []
  if (row.canDeliver === 'no')
    flags.push('undeliverable')
  if (row.fairness < 3)
    flags.push('unfair')
  if (row.valueOffered.length === 0)
    flags.push('no value offered')
  return flags
}

export const valueExchangeLedger = defineListBoard({
  kind: 'value-exchange-ledger',
  title: 'Value-exchange ledger',
  credit: 'Kinds of value adapted and shortened from Mozilla\'s "Taxonomy of open value exchanges" (2019, github.com/semioticrobotic/resources; CC BY, version not stated by the source).',
  listKey: 'rows',
  fields: LEDGER_FIELDS,
  rowSchema: ledgerRowSchema,
  instructions: [
    'One row at least: what your community asks of your persona at their next step; a second row only if you have time.',
    'For each: the value you offer back, whether you can deliver it, how fair it is (1-5). Persona, mode and cost are optional.',
    'Fix one flagged row: undeliverable, unfair (under 3) or nothing offered.',
    'On that row, write how you recognise it: "We recognise … by …, decided by …, reviewed …".',
  ],
  extra: { header: 'Flags', value: r => ledgerFlags(r).join('; ') },
  summary: d => `${d.rows.filter(r => ledgerFlags(r).length).length} of ${d.rows.length} rows flagged.`,
})
