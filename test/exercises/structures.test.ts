import { describe, expect, it } from 'vitest'
import { STRUCTURES, currentStep, formatSeconds, scaleSteps, structureKey } from '../../src/activities/structures'

describe('facilitation structures', () => {
  it('1-2-4-All takes about 12 minutes as Liberating Structures describe it', () => {
    expect(STRUCTURES['1-2-4-all'].steps.reduce((n, s) => n + s.minutes, 0)).toBe(12)
    expect(structureKey('1-2-4-All')).toBe('1-2-4-all')
    expect(structureKey('Think-pair-share')).toBe('think-pair-share')
  })

  it('scales steps to the activity length without losing a second', () => {
    const steps = scaleSteps(STRUCTURES['1-2-4-all'].steps, 15)
    expect(steps.map(s => s.seconds)).toEqual([75, 150, 300, 375])
    expect(steps.reduce((n, s) => n + s.seconds, 0)).toBe(900)
    const odd = scaleSteps(STRUCTURES['think-pair-share'].steps, 7)
    expect(odd.reduce((n, s) => n + s.seconds, 0)).toBe(420)
  })

  it('knows which step is running', () => {
    const steps = [{ seconds: 60 }, { seconds: 120 }]
    expect(currentStep(steps, null)).toBe(-1)
    expect(currentStep(steps, 0)).toBe(0)
    expect(currentStep(steps, 59.9)).toBe(0)
    expect(currentStep(steps, 60)).toBe(1)
    expect(currentStep(steps, 180)).toBe(2)
  })

  it('formats a countdown', () => {
    expect(formatSeconds(0)).toBe('0:00')
    expect(formatSeconds(59.2)).toBe('1:00')
    expect(formatSeconds(754)).toBe('12:34')
    expect(formatSeconds(-3)).toBe('0:00')
  })
})

describe('the Liberating Structures licence boundary', () => {
  it('keeps 1-2-4-All step text in one CC BY-SA file and credits it even when a slide gives its own steps', async () => {
    const { readFileSync, readdirSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { STRUCTURES } = await import('../../src/activities/structures')
    const ls = STRUCTURES['1-2-4-all']
    expect(ls.shareAlike).toBe(true)
    expect(ls.credit).toMatch(/CC BY-SA 4\.0/)
    // The step wording appears in no other source file.
    const phrase = 'notice similarities and differences'
    const holders = readdirSync('src', { recursive: true, encoding: 'utf8' })
      .filter(f => /\.(ts|vue)$/.test(f) && readFileSync(`src/${f}`, 'utf8').includes(phrase))
    expect(holders).toEqual([join('activities', 'liberating-structures.ts')])
    const component = readFileSync('components/ActivitySteps.vue', 'utf8')
    expect(component).toMatch(/v-if="structure && \(!steps \|\| structure\.shareAlike\)"/)
  })
})
