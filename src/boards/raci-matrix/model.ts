// Module 2: who is Responsible, Accountable, Consulted and Informed for each activity.
// Rules: exactly one A and at least one R per activity; no role should hold more than a set
// share of all the A's.
import { z } from 'zod'
import type { BoardDefinition } from '../kit/board'
import { LIMITS, rowId } from '../kit/fields'
import { mdTable, mdText, toCsv } from '../kit/formats'

export const RACI = ['R', 'A', 'C', 'I'] as const
export type RaciLetter = typeof RACI[number]
export const RACI_MEANING: Record<RaciLetter, string> = {
  R: 'Responsible: does the work',
  A: 'Accountable: owns the outcome (exactly one per activity)',
  C: 'Consulted: gives input before',
  I: 'Informed: told after',
}

// Messages name the field by its label ("Role: fill this in"), never by its path in the data.
const named = (label: string) => z.object({ id: rowId, name: z.string().trim().min(1, `${label}: fill this in`).max(LIMITS.short, `${label}: at most ${LIMITS.short} characters`) }).strict()

export const raciMatrixSchema = z.object({
  roles: z.array(named('Role')).max(30, 'Roles: at most 30').default([]),
  activities: z.array(named('Activity')).max(60, 'Activities: at most 60').default([]),
  cells: z.record(z.string().regex(/^[^:]+:[^:]+$/), z.enum(RACI, 'RACI letter: use R, A, C or I')).default({}),
  maxAccountableShare: z.number().min(0.1).max(1).default(0.4),
}).strict()

/** Cells are keyed `${activityId}:${roleId}`; a blank cell has no key. */
export type RaciMatrixData = z.infer<typeof raciMatrixSchema>

export const cellKey = (activityId: string, roleId: string) => `${activityId}:${roleId}`

/**
 * Cells whose activity or role is no longer on the board (removed, or an undo in another tab
 * took it away). They are kept and shown as such: they never make the board invalid.
 */
export function orphanCells(d: RaciMatrixData): { key: string, letter: RaciLetter }[] {
  const roles = new Set(d.roles.map(r => r.id))
  const activities = new Set(d.activities.map(a => a.id))
  return Object.entries(d.cells)
    .filter(([key]) => {
      const [activity, role] = key.split(':')
      return !activities.has(activity) || !roles.has(role)
    })
    .map(([key, letter]) => ({ key, letter }))
}

export interface RowCheck { activityId: string, accountable: number, responsible: number, flags: string[] }

/** True once any cell of the matrix holds a letter: until then the board is untouched. */
export function started(d: RaciMatrixData): boolean {
  return d.activities.some(a => d.roles.some(r => d.cells[cellKey(a.id, r.id)]))
}

/**
 * Each activity's A and R counts and what is wrong with them. A matrix nobody has started
 * (no letter in any cell) is not wrong: it has no flags yet.
 */
export function checkRows(d: RaciMatrixData): RowCheck[] {
  const checking = started(d)
  return d.activities.map((a) => {
    const letters = d.roles.map(r => d.cells[cellKey(a.id, r.id)])
    const accountable = letters.filter(l => l === 'A').length
    const responsible = letters.filter(l => l === 'R').length
    const flags: string[] = []
    if (!checking)
      return { activityId: a.id, accountable, responsible, flags }
    if (accountable === 0)
      flags.push('no A')
    if (accountable > 1)
      flags.push('more than one A')
    if (responsible === 0)
      flags.push('no R')
    return { activityId: a.id, accountable, responsible, flags }
  })
}

/** Roles holding more than the allowed share of all A's (once there are at least two). */
export function overloadedRoles(d: RaciMatrixData): { roleId: string, share: number }[] {
  // Orphan cells (their role or activity gone) do not count.
  const total = d.activities.reduce((n, a) => n + d.roles.filter(r => d.cells[cellKey(a.id, r.id)] === 'A').length, 0)
  if (total < 2)
    return []
  return d.roles
    .map(r => ({ roleId: r.id, share: d.activities.filter(a => d.cells[cellKey(a.id, r.id)] === 'A').length / total }))
    .filter(x => x.share > d.maxAccountableShare)
}

export const DEFAULT_ACTIVITIES = [
  ['act-onboarding', 'Onboarding'],
  ['act-calls', 'Community calls'],
  ['act-moderation', 'Moderation'],
  ['act-coc', 'Code of conduct response'],
  ['act-docs', 'Documentation'],
  ['act-funders', 'Funder reports'],
] as const

function table(d: RaciMatrixData) {
  const checks = checkRows(d)
  return {
    headers: ['Activity', ...d.roles.map(r => r.name), 'Flags'],
    rows: d.activities.map((a, i) => [a.name, ...d.roles.map(r => d.cells[cellKey(a.id, r.id)] ?? ''), checks[i].flags.join('; ')]),
  }
}

export const raciMatrix: BoardDefinition<RaciMatrixData> = {
  kind: 'raci-matrix',
  title: 'RACI matrix',
  credit: 'RACI is common project-management practice with no single owner. Roles after The Turing Way, "Roles and Responsibilities" (online book, CC BY 4.0); its Chair and Secretary texts, adapted from Volunteer Now\'s DIY Committee Guide (CC BY-NC-SA 2.0), are not reproduced.',
  version: 1,
  schema: raciMatrixSchema,
  empty: () => ({ roles: [], activities: DEFAULT_ACTIVITIES.map(([id, name]) => ({ id, name })), cells: {}, maxAccountableShare: 0.4 }),
  instructions: [
    'Add the roles in your community as columns, including unofficial ones.',
    'Make the critical tasks from your bus-factor list the rows; rename or delete the starters.',
    'One letter a cell: every task needs exactly one A and at least one R.',
    'Fix the flags, then look at who holds the most A\'s: what happens when they are away?',
  ],
  toMarkdown: (d) => {
    const t = table(d)
    const heavy = overloadedRoles(d).map(o => `${mdText(d.roles.find(r => r.id === o.roleId)!.name)} holds ${Math.round(o.share * 100)}% of the A's`)
    return `# RACI matrix\n\n${mdTable(t.headers, t.rows)}${heavy.length ? `\n${heavy.join('; ')} (more than ${Math.round(d.maxAccountableShare * 100)}%).\n` : ''}`
  },
  toCsv: (d) => {
    const t = table(d)
    return toCsv(t.headers, t.rows)
  },
}
