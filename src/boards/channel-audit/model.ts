// Module 2: every communication channel, its purpose, audience and owner, sync or async
// (after The Turing Way's communication channels).
import type { z } from 'zod'
import { defineListBoard } from '../kit/board'
import { type FieldDef, LIMITS, options, rowSchema } from '../kit/fields'

export const CHANNEL_FIELDS = [
  { key: 'channel', label: 'Channel', kind: 'text', max: LIMITS.short, required: true, hint: 'e.g. forum, monthly call, newsletter' },
  { key: 'mode', label: 'Sync or async', kind: 'choice', options: options(['sync', 'async'], { sync: 'synchronous', async: 'asynchronous' }), required: true },
  { key: 'purpose', label: 'Purpose', kind: 'text', max: LIMITS.medium, multiline: true },
  { key: 'audience', label: 'Audience', kind: 'text', max: LIMITS.short },
  { key: 'owner', label: 'Owner', kind: 'text', max: LIMITS.short },
  { key: 'cadence', label: 'Cadence', kind: 'text', max: LIMITS.short, hint: 'e.g. weekly, on demand' },
  { key: 'accessibilityNotes', label: 'Accessibility notes', kind: 'text', max: LIMITS.medium, multiline: true },
] as const satisfies readonly FieldDef[]

export const channelSchema = rowSchema(CHANNEL_FIELDS)
export type Channel = z.infer<typeof channelSchema>
export interface ChannelAuditData { channels: Channel[] }

export function channelFlags(c: Channel): string[] {
  const flags: string[] = []
  if (!c.owner.trim())
    flags.push('no owner')
  if (!c.purpose.trim())
    flags.push('no purpose')
  return flags
}

export function modeCounts(data: ChannelAuditData): { sync: number, async: number } {
  return {
    sync: data.channels.filter(c => c.mode === 'sync').length,
    async: data.channels.filter(c => c.mode === 'async').length,
  }
}

export const channelAudit = defineListBoard({
  kind: 'channel-audit',
  title: 'Channel audit',
  credit: 'After The Turing Way, "Communication Platforms" (online book, CC BY 4.0), and the CSCCE Community Participation Model (Woodley and Pratt, 2020).',
  listKey: 'channels',
  fields: CHANNEL_FIELDS,
  rowSchema: channelSchema,
  instructions: [
    'Start from the channel list you made in the room; add the unofficial channels you missed.',
    'Mark each synchronous or asynchronous, and give it a purpose and an owner.',
    'If you have time: its audience, its cadence, and what makes it hard to access.',
    'Ask: which channel do newcomers find first, and where do decisions happen?',
  ],
  extra: { header: 'Flags', value: c => channelFlags(c).join('; ') },
  summary: d => `${modeCounts(d).sync} synchronous, ${modeCounts(d).async} asynchronous.`,
})
