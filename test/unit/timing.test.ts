import { describe, expect, it } from 'vitest'
import { blockRange, buildAgenda, minimumBuffer, parseModuleMinutes, sessionPlan } from '../../src/content/timing'

describe('module timing', () => {
  it('reads the session length in Slidev duration syntax', () => {
    expect(parseModuleMinutes('75min')).toBe(75)
    expect(parseModuleMinutes(' 90 min ')).toBe(90)
    expect(parseModuleMinutes('1h')).toBeUndefined()
    expect(parseModuleMinutes(75)).toBeUndefined()
  })

  it('groups slide durations into agenda blocks with start times', () => {
    const agenda = buildAgenda([
      { id: 'm1-title', duration: '75min' },
      { id: 'm1-a', section: 'Welcome', duration: 2 },
      { id: 'm1-b', duration: 3 },
      { id: 'm1-c', section: 'Timeline', duration: 5, layout: 'activity', title: 'Build it' },
      { id: 'm1-d', duration: 10 },
      { id: 'm1-refs' },
    ])
    expect(agenda.map(b => [b.title, b.start, b.minutes, b.slideIndex])).toEqual([
      ['Welcome', 0, 5, 1],
      ['Timeline', 5, 15, 3],
    ])
    expect(agenda[1].activities).toEqual([{ id: 'm1-c', title: 'Build it', minutes: 5 }])
    expect(blockRange(agenda[1])).toBe('5–20')
  })

  it('never counts the headmatter duration (the module length) as slide time', () => {
    const agenda = buildAgenda([{ section: 'All', duration: '75min' } as any, { duration: 4 }])
    expect(agenda[0].minutes).toBe(4)
  })

  it('keeps at least 5 minutes of slack per 90, rounded up', () => {
    expect([10, 20, 60, 75, 90].map(minimumBuffer)).toEqual([1, 2, 4, 5, 5])
    expect(sessionPlan({ duration: '90min', buffer: 6, short: { duration: '60min', buffer: 4 } }, 'short')).toEqual({ minutes: 60, buffer: 4 })
  })

  it('builds the short version from the same slides: optional ones left out, short minutes used', () => {
    const slides = [
      { id: 'm1-title' },
      { id: 'm1-a', section: 'Welcome', duration: 4, short: 2 },
      { id: 'm1-b', section: 'Extra', duration: 10, optional: true },
      { id: 'm1-c', duration: 5, optional: true },
      { id: 'm1-d', section: 'Close', duration: 3 },
      { id: 'm1-prep', prep: true, duration: 9 },
    ]
    expect(buildAgenda(slides).map(b => [b.title, b.minutes])).toEqual([['Welcome', 4], ['Extra', 15], ['Close', 3]])
    expect(buildAgenda(slides, 'short').map(b => [b.title, b.start, b.minutes])).toEqual([['Welcome', 0, 2], ['Close', 2, 3]])
  })
})
