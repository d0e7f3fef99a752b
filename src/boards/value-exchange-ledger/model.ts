// Module 3: what the community asks of people and what it offers back (after Mozilla's
// 2019 taxonomy of open value exchanges and the CSCCE participation modes).
import type { z } from 'zod'
import { defineListBoard } from '../kit/board'
import { type FieldDef, LIMITS, options, rowSchema } from '../kit/fields'

export const CPM_MODES = ['convey', 'contribute', 'collaborate', 'co-create', 'champion'] as const
// The eighteen kinds of value of module 3's slide (m3-value-taxonomy), adapted from Mozilla's
// "Taxonomy of open value exchanges"; the slide and this list must stay the same.
export const VALUE_TAXONOMY = ['agency', 'altruism', 'coaching', 'compensation', 'delegation', 'early-access', 'feedback', 'free-access', 'in-kind-support', 'introductions', 'mentorship', 'onboarding', 'professional-development', 'recognition', 'reputation', 'resourcing', 'storytelling', 'swag'] as const

export const LEDGER_FIELDS = [
  { key: 'contributionAsked', label: 'Contribution asked', kind: 'text', max: LIMITS.medium, required: true, multiline: true },
  { key: 'persona', label: 'Persona', kind: 'text', max: LIMITS.short },
  { key: 'cpmMode', label: 'Participation mode', kind: 'choice', options: options(CPM_MODES) },
  { key: 'valueOffered', label: 'Value offered', kind: 'multi', options: options(VALUE_TAXONOMY, { 'early-access': 'early access', 'free-access': 'free or discounted access', 'in-kind-support': 'in-kind support', 'introductions': 'introductions and networking', 'professional-development': 'professional development' }) },
  { key: 'canDeliver', label: 'Can we deliver it?', kind: 'choice', options: options(['yes', 'partly', 'no']), required: true },
  { key: 'costToCommunity', label: 'Cost to the community (1-5)', kind: 'number', min: 1, max: 5 },
  { key: 'fairness', label: 'Fairness (1-5)', kind: 'number', min: 1, max: 5 },
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
  credit: 'Kinds of value adapted and shortened from Mozilla\'s "Taxonomy of open value exchanges" (2019, CC BY Mozilla).',
  listKey: 'rows',
  fields: LEDGER_FIELDS,
  rowSchema: ledgerRowSchema,
  instructions: [
    'List what your community asks of people, and of which persona.',
    'Name the participation mode and the value you offer in exchange.',
    'Be honest: can you deliver it? What does it cost? How fair is it (1-5)?',
    'Fix the flagged rows: undeliverable, unfair (under 3) or nothing offered.',
  ],
  extra: { header: 'Flags', value: r => ledgerFlags(r).join('; ') },
  summary: d => `${d.rows.filter(r => ledgerFlags(r).length).length} of ${d.rows.length} rows flagged.`,
})
