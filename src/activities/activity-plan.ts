// The steps of a timed activity as the room sees them on the projector, from the slide's own
// frontmatter, so the script (notes, content check) and the screen never disagree:
//   steps: [{ title, minutes }]           explicit steps, in order
//   solo: 6, rounds: { owners: 3, minutes: 3 }   alone, then one consulting round an owner
//   structure: 1-2-4-All                  a published structure's steps, scaled
// Before those, the minutes the slide sets aside first: `devices` (getting everyone onto their
// devices, on the session's first board) and `intro` (explaining, reading the prompt), each its
// own step, so the clock started at the slide's 0:00 keeps time with the notes' timing cues.
// Whatever the steps leave of `duration` becomes a last step ("Debrief"); a slide with none of
// these is one step of its whole duration. Plain functions: the content check uses them too.
import { STRUCTURES, type Step, scaleSteps, structureKey } from './structures'

/** A step; `n` fills a `{n}` in the title ("Presenter {n}"), so the title translates as one phrase. */
export interface PlannedStep { title: string, n?: number, seconds: number }

interface ActivityFrontmatter {
  duration?: unknown
  devices?: unknown
  intro?: unknown
  steps?: unknown
  solo?: unknown
  rounds?: unknown
  structure?: unknown
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined)

/** The activity's steps, in seconds, adding up to its duration; [] when the slide has no duration. */
export function activityPlan(fm: ActivityFrontmatter): PlannedStep[] {
  const total = num(fm.duration)
  if (!total)
    return []
  const totalSeconds = Math.round(total * 60)
  // The minutes set aside first, each its own step.
  const first: PlannedStep[] = []
  if (num(fm.devices))
    first.push({ title: 'On devices', seconds: Math.round(num(fm.devices)! * 60) })
  if (num(fm.intro))
    first.push({ title: 'Introduction', seconds: Math.round(num(fm.intro)! * 60) })
  const firstSeconds = first.reduce((n, s) => n + s.seconds, 0)
  let steps: PlannedStep[] = [...first]
  if (Array.isArray(fm.steps)) {
    steps.push(...fm.steps
      .filter((s): s is { title: string, minutes: number } => !!s && typeof s.title === 'string' && num(s.minutes) !== undefined)
      .map(s => ({ title: s.title, seconds: Math.round(s.minutes * 60) })))
  }
  else if (num(fm.solo) || (fm.rounds && typeof fm.rounds === 'object')) {
    const solo = num(fm.solo)
    if (solo)
      steps.push({ title: 'Alone', seconds: Math.round(solo * 60) })
    const rounds = fm.rounds as { owners?: unknown, minutes?: unknown }
    const owners = num(rounds?.owners)
    const each = num(rounds?.minutes)
    if (owners && each) {
      for (let i = 1; i <= Math.floor(owners); i++)
        steps.push({ title: 'Presenter {n}', n: i, seconds: Math.round(each * 60) })
    }
  }
  else if (typeof fm.structure === 'string' && STRUCTURES[structureKey(fm.structure)] && totalSeconds > firstSeconds) {
    return [...first, ...scaleSteps(STRUCTURES[structureKey(fm.structure)].steps as Step[], (totalSeconds - firstSeconds) / 60).map(s => ({ title: s.title, seconds: s.seconds }))]
  }
  const used = steps.reduce((n, s) => n + s.seconds, 0)
  if (!steps.length)
    return [{ title: 'Activity', seconds: totalSeconds }]
  if (steps.length === first.length)
    steps.push({ title: 'Activity', seconds: Math.max(0, totalSeconds - used) })
  else if (used < totalSeconds)
    steps.push({ title: 'Debrief', seconds: totalSeconds - used })
  return steps.filter(s => s.seconds > 0)
}

/** When each step starts, in seconds from the activity's 0:00. */
export function stepStarts(steps: readonly PlannedStep[]): number[] {
  const starts: number[] = []
  let at = 0
  for (const s of steps) {
    starts.push(at)
    at += s.seconds
  }
  return starts
}

/** The step running `elapsedSeconds` into the plan: its index and the seconds left in it (index = length when over). */
export function stepAt(steps: readonly PlannedStep[], elapsedSeconds: number): { index: number, left: number } {
  let end = 0
  for (const [index, s] of steps.entries()) {
    end += s.seconds
    if (elapsedSeconds < end)
      return { index, left: end - elapsedSeconds }
  }
  return { index: steps.length, left: 0 }
}

/** The key of an activity's shared timer: the same for ExerciseTimer, ActivitySteps and the step strip. */
export function timerKey(cohort: string, slideId: string): string {
  return `${cohort}/${slideId}`
}
