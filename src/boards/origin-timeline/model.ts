// Module 1: the community's origin story as events on a timeline.
//
// Version 1 tagged each event with a Ganz public-narrative layer (self, us, now); that misused
// the framework (a story of self is about the speaker, not an event of the community), so
// version 2 has no layer: `migrateTimeline` reads version 1 exports and drops the value.
import type { z } from 'zod'
import { defineListBoard } from '../kit/board'
import { type FieldDef, LIMITS, options, rowSchema } from '../kit/fields'

export const EVENT_TYPES = ['founding', 'milestone', 'challenge', 'pivot'] as const

export const EVENT_FIELDS = [
  { key: 'date', label: 'When', kind: 'month', hint: 'year and month, like 2024-03' },
  { key: 'title', label: 'What happened', kind: 'text', max: LIMITS.short, required: true },
  { key: 'type', label: 'Type', kind: 'choice', options: options(EVENT_TYPES), required: true },
  { key: 'actors', label: 'Who was involved', kind: 'list', max: 60, maxItems: 10, hint: 'one per line; roles if names are private' },
  { key: 'whyItMattered', label: 'Why it mattered', kind: 'text', max: LIMITS.medium, multiline: true },
] as const satisfies readonly FieldDef[]

export const eventSchema = rowSchema(EVENT_FIELDS)
export type TimelineEvent = z.infer<typeof eventSchema>
export interface OriginTimelineData { events: TimelineEvent[] }

/** Events in time order; undated ones last, in the order they were added. */
export function sortedEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => (a.date || '9999-99').localeCompare(b.date || '9999-99'))
}

export function typeCounts(events: readonly TimelineEvent[]): Record<typeof EVENT_TYPES[number], number> {
  return Object.fromEntries(EVENT_TYPES.map(t => [t, events.filter(e => e.type === t).length])) as Record<typeof EVENT_TYPES[number], number>
}

/** Version 1 data as version 2: each event's `layer` is dropped. */
export function migrateTimeline(from: number, data: unknown): unknown {
  if (from >= 2 || !data || typeof data !== 'object' || !Array.isArray((data as any).events))
    return data
  return { ...data, events: (data as any).events.map((e: unknown) => {
    if (!e || typeof e !== 'object')
      return e
    const { layer: _, ...rest } = e as Record<string, unknown>
    return rest
  }) }
}

/** Where each event sits along the timeline, 0-100, by its month; undated events are spread at the end. */
export function timelinePositions(events: readonly TimelineEvent[]): { event: TimelineEvent, at: number }[] {
  const sorted = sortedEvents(events)
  const months = sorted.filter(e => e.date).map(e => Number(e.date.slice(0, 4)) * 12 + Number(e.date.slice(5, 7)))
  const [first, last] = [Math.min(...months), Math.max(...months)]
  const span = Math.max(1, last - first)
  return sorted.map((event, i) => {
    if (!event.date)
      return { event, at: 100 }
    const m = Number(event.date.slice(0, 4)) * 12 + Number(event.date.slice(5, 7))
    return { event, at: months.length > 1 ? Math.round(((m - first) / span) * 100) : (i === 0 ? 0 : 50) }
  })
}

export const originTimeline = defineListBoard({
  kind: 'origin-timeline',
  title: 'Origin timeline',
  credit: 'The kit\'s own exercise (CC BY 4.0).',
  listKey: 'events',
  fields: EVENT_FIELDS,
  rowSchema: eventSchema,
  version: 2,
  migrate: migrateTimeline,
  instructions: [
    'Alone: start from your three moments; add more if you can, up to 8.',
    'For each event, at least: what happened, when (YYYY-MM), its type and who was involved (roles if private).',
    'Time left? Add why it mattered, in one sentence.',
    'Then: whose voice is missing? Add one event that names them.',
  ],
  order: sortedEvents,
  summary: (d) => {
    const c = typeCounts(d.events)
    return `Founding ${c.founding}, milestones ${c.milestone}, challenges ${c.challenge}, pivots ${c.pivot}.`
  },
})
