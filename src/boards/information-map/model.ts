// Module 3: what information each audience needs, through which channel, how often, with
// which flow (after the CSCCE Community Participation Model) and who owns it.
import type { z } from 'zod'
import { defineListBoard } from '../kit/board'
import { type FieldDef, LIMITS, options, rowSchema } from '../kit/fields'

export const FLOW_TYPES = ['transmissive', 'transactional', 'transformational'] as const

export const INFORMATION_FIELDS = [
  { key: 'infoItem', label: 'Information', kind: 'text', max: LIMITS.short, required: true, hint: 'e.g. decisions, event dates, calls for help' },
  { key: 'audience', label: 'Audience', kind: 'text', max: LIMITS.short, hint: 'from your stakeholder map' },
  { key: 'channel', label: 'Channel', kind: 'text', max: LIMITS.short },
  { key: 'frequency', label: 'Frequency', kind: 'text', max: LIMITS.short },
  { key: 'flowType', label: 'Flow', kind: 'choice', options: options(FLOW_TYPES) },
  { key: 'owner', label: 'Owner', kind: 'text', max: LIMITS.short },
] as const satisfies readonly FieldDef[]

export const informationSchema = rowSchema(INFORMATION_FIELDS)
export type InformationItem = z.infer<typeof informationSchema>
export interface InformationMapData { items: InformationItem[] }

export function flowCounts(data: InformationMapData): Record<typeof FLOW_TYPES[number] | 'unset', number> {
  const counts = { transmissive: 0, transactional: 0, transformational: 0, unset: 0 }
  for (const item of data.items)
    counts[item.flowType || 'unset']++
  return counts
}

export const itemFlags = (item: InformationItem): string[] => (item.owner.trim() ? [] : ['no owner'])

export const informationMap = defineListBoard({
  kind: 'information-map',
  title: 'Information map',
  credit: 'No single standard framework: the kit combines The Turing Way\'s synchronous and asynchronous channels (online book, CC BY 4.0) with the CSCCE Community Participation Model\'s information flows (Woodley and Pratt, 2020).',
  listKey: 'items',
  fields: INFORMATION_FIELDS,
  rowSchema: informationSchema,
  instructions: [
    'Start from your persona\'s next step: what must they know to take it?',
    'For each item, name the audience, the channel from your channel audit and how often it goes out.',
    'Optional: its flow: transmissive (one way), transactional (input on your terms) or transformational (members create).',
    'Give every item an owner, then copy the rows into your channel audit.',
  ],
  extra: { header: 'Flags', value: i => itemFlags(i).join('; ') },
  summary: (d) => {
    const c = flowCounts(d)
    return `${c.transmissive} transmissive, ${c.transactional} transactional, ${c.transformational} transformational.`
  },
})
