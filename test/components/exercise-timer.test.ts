// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import ActivitySteps from '../../components/ActivitySteps.vue'
import ExerciseTimer from '../../components/ExerciseTimer.vue'
import { LANGUAGE_KEY } from '../../src/state/useLabels'

describe('ExerciseTimer and ActivitySteps', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] })
    vi.setSystemTime(new Date('2026-11-24T10:00:00Z'))
    localStorage.clear()
  })
  afterEach(() => vi.useRealTimers())

  async function tick(ms: number) {
    vi.advanceTimersByTime(ms)
    await nextTick()
  }

  it('counts down, shows the end in words, and steps advance with it', async () => {
    const timer = mount(ExerciseTimer, { props: { minutes: 12, id: 't1' } })
    const steps = mount(ActivitySteps, { props: { structure: '1-2-4-All', minutes: 12, id: 't1' } })
    expect(timer.text()).toContain('12:00')
    expect(steps.find('[aria-current="step"]').exists()).toBe(false)

    await timer.findAll('button').find(b => b.text().includes('Start'))!.trigger('click')
    await tick(30_000)
    expect(timer.text()).toContain('11:30')
    expect(steps.find('[aria-current="step"]').text()).toContain('1: alone')

    await tick(3 * 60_000) // 3:30 in: past 1 min alone and 2 min in pairs
    expect(steps.find('[aria-current="step"]').text()).toContain('4: in fours')

    await tick(10 * 60_000)
    expect(timer.text()).toContain('0:00')
    expect(timer.text()).toContain('Time is up')
    expect(timer.find('[aria-live="assertive"]').text()).toBe('Time is up.')
    expect(steps.findAll('li').every(li => li.text().includes('✓'))).toBe(true)
  })

  it('pauses, resumes and adds a minute', async () => {
    const timer = mount(ExerciseTimer, { props: { minutes: 2, id: 't2' } })
    const click = (label: string) => timer.findAll('button').find(b => b.text().includes(label))!.trigger('click')
    await click('Start')
    await tick(60_000)
    await click('Pause')
    await tick(60_000)
    expect(timer.text()).toContain('1:00')
    await click('1 min')
    await click('Resume')
    await tick(30_000)
    expect(timer.text()).toContain('1:30')
  })

  it('keeps one state for every view of the same activity (slide and presenter view)', async () => {
    const a = mount(ExerciseTimer, { props: { minutes: 5, id: 't3' } })
    const b = mount(ExerciseTimer, { props: { minutes: 5, id: 't3' } })
    await a.findAll('button').find(x => x.text().includes('Start'))!.trigger('click')
    await tick(60_000)
    expect(b.text()).toContain('4:00')
  })

  it('announces the time to screen readers at start, each minute of the last five and the end, not every second', async () => {
    const timer = mount(ExerciseTimer, { props: { minutes: 7, id: 't4' } })
    const polite = () => timer.find('[aria-live="polite"]').text()
    expect(polite()).toBe('')
    await timer.findAll('button').find(b => b.text().includes('Start'))!.trigger('click')
    await nextTick()
    const heard: string[] = [polite()]
    for (let s = 0; s < 7 * 60; s++) {
      await tick(1000)
      if (polite() && polite() !== heard.at(-1))
        heard.push(polite())
    }
    expect(heard).toEqual(['Timer started: 7 minutes.', '5 minutes left.', '4 minutes left.', '3 minutes left.', '2 minutes left.', '1 minute left.'])
    expect(timer.find('[aria-live="assertive"]').text()).toBe('Time is up.')
    expect(polite()).toBe('')
    // The visible countdown itself is not live: the role=timer region is silent by default.
    expect(timer.find('[role="timer"]').attributes('aria-live')).toBeUndefined()
  })

  it('announces in the cohort\'s language', async () => {
    const timer = mount(ExerciseTimer, { props: { minutes: 2, id: 't5' }, global: { provide: { [LANGUAGE_KEY]: 'es' } } })
    await timer.findAll('button')[0].trigger('click')
    await nextTick()
    expect(timer.find('[aria-live="polite"]').text()).toBe('Temporizador en marcha: 2 minutos.')
    await tick(61_000)
    expect(timer.find('[aria-live="polite"]').text()).toBe('Queda 1 minuto.')
  })
})
