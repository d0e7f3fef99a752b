// The steps the projector's clock shows, from a slide's frontmatter: the minutes set aside first
// (devices, introduction) are steps of their own, so the clock keeps time with the notes.
import { describe, expect, it } from 'vitest'
import { activityPlan, stepStarts } from '../../src/activities/activity-plan'

const shape = (fm: Record<string, unknown>) => activityPlan(fm).map(s => `${s.title.replace('{n}', String(s.n ?? ''))} ${s.seconds / 60}`)

describe('activityPlan', () => {
  it('puts the devices step first, then alone, the rounds and the rest as the debrief', () => {
    const fm = { duration: 19, devices: 3, solo: 6, rounds: { owners: 3, minutes: 3 } }
    expect(shape(fm)).toEqual(['On devices 3', 'Alone 6', 'Presenter 1 3', 'Presenter 2 3', 'Presenter 3 3', 'Debrief 1'])
    expect(stepStarts(activityPlan(fm)).map(s => s / 60)).toEqual([0, 3, 9, 12, 15, 18])
  })

  it('gives an introduction its own step before explicit steps and before a structure', () => {
    expect(shape({ duration: 12, intro: 2, steps: [{ title: 'Read', minutes: 4 }] })).toEqual(['Introduction 2', 'Read 4', 'Debrief 6'])
    const structured = activityPlan({ duration: 14, intro: 2, structure: '1-2-4-All' })
    expect(structured[0]).toEqual({ title: 'Introduction', seconds: 120 })
    expect(structured.slice(1).reduce((n, s) => n + s.seconds, 0)).toBe(12 * 60)
  })

  it('keeps a slide with only minutes set aside whole: the rest is the activity', () => {
    expect(shape({ duration: 10, devices: 3 })).toEqual(['On devices 3', 'Activity 7'])
    expect(shape({ duration: 10 })).toEqual(['Activity 10'])
  })
})
