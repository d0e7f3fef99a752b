import { describe, expect, it } from 'vitest'
import { blockRange, buildAgenda, parseModuleMinutes } from '../../src/content/timing'

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
})
