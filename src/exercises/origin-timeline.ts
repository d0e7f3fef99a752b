// Module 1: the community's origin story as events on a timeline, each tagged with its
// public-narrative layer (after Marshall Ganz: self, us, now).
import type { z } from 'zod'
import { defineListBoard } from './board'
import { type FieldDef, LIMITS, options, rowSchema } from './fields'

export const EVENT_TYPES = ['founding', 'milestone', 'challenge', 'pivot'] as const
export const LAYERS = ['self', 'us', 'now'] as const

export const EVENT_FIELDS = [
  { key: 'date', label: 'When (YYYY-MM)', kind: 'month' },
  { key: 'title', label: 'What happened', kind: 'text', max: LIMITS.short, required: true },
  { key: 'type', label: 'Type', kind: 'choice', options: options(EVENT_TYPES), required: true },
  { key: 'actors', label: 'Who was involved', kind: 'list', max: 60, maxItems: 10, hint: 'one per line; roles if names are private' },
  { key: 'whyItMattered', label: 'Why it mattered', kind: 'text', max: LIMITS.medium, multiline: true },
  { key: 'layer', label: 'Layer', kind: 'choice', options: options(LAYERS, { self: 'self (why I got involved)', us: 'us (what we share)', now: 'now (the urgent challenge)' }) },
] as const satisfies readonly FieldDef[]

export const eventSchema = rowSchema(EVENT_FIELDS)
export type TimelineEvent = z.infer<typeof eventSchema>
export interface OriginTimelineData { events: TimelineEvent[] }

/** Events in time order; undated ones last, in the order they were added. */
export function sortedEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => (a.date || '9999-99').localeCompare(b.date || '9999-99'))
}

export function layerCounts(events: readonly TimelineEvent[]): Record<typeof LAYERS[number], number> {
  return { self: events.filter(e => e.layer === 'self').length, us: events.filter(e => e.layer === 'us').length, now: events.filter(e => e.layer === 'now').length }
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
  listKey: 'events',
  fields: EVENT_FIELDS,
  rowSchema: eventSchema,
  instructions: [
    'Add 5-8 moments: the founding, milestones, challenges and pivots.',
    'Give each a month (YYYY-MM) and say who was involved (roles if private).',
    'Write in one or two sentences why it mattered.',
    'Tag each with its layer: self, us or now. Whose voices are missing?',
  ],
  order: sortedEvents,
  summary: (d) => {
    const c = layerCounts(d.events)
    return `Layers: self ${c.self}, us ${c.us}, now ${c.now}.`
  },
})
