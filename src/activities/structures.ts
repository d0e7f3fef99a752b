// Facilitation structures as timed steps, scaled to an activity's length. Plain data.
// Text under another licence lives in its own file (liberating-structures.ts: CC BY-SA 4.0).
import { ONE_TWO_FOUR_ALL } from './liberating-structures'

export interface Step { title: string, detail: string, minutes: number }
export interface Structure {
  name: string
  credit: string
  /** the structure's text is under a ShareAlike licence: the credit is shown even with custom steps */
  shareAlike?: boolean
  steps: Step[]
}

export const STRUCTURES: Record<string, Structure> = {
  '1-2-4-all': ONE_TWO_FOUR_ALL,
  'think-pair-share': {
    name: 'Think-pair-share',
    credit: 'After Frank Lyman, University of Maryland (1981)',
    steps: [
      { title: 'Think', detail: 'On your own, in silence.', minutes: 2 },
      { title: 'Pair', detail: 'Talk it through with a partner.', minutes: 3 },
      { title: 'Share', detail: 'Pairs share with the group.', minutes: 5 },
    ],
  },
}

export function structureKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '-')
}

/** The structure's steps stretched or shrunk to `totalMinutes`, in whole seconds. */
export function scaleSteps(steps: readonly Step[], totalMinutes: number): (Step & { seconds: number })[] {
  const base = steps.reduce((n, s) => n + s.minutes, 0)
  const total = Math.round(totalMinutes * 60)
  let used = 0
  return steps.map((s, i) => {
    const seconds = i === steps.length - 1 ? total - used : Math.round((s.minutes / base) * total)
    used += seconds
    return { ...s, seconds }
  })
}

/** Which step is running after `elapsedSeconds`; -1 before the start, steps.length when over. */
export function currentStep(steps: readonly { seconds: number }[], elapsedSeconds: number | null): number {
  if (elapsedSeconds === null)
    return -1
  let end = 0
  for (const [i, s] of steps.entries()) {
    end += s.seconds
    if (elapsedSeconds < end)
      return i
  }
  return steps.length
}

export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}
