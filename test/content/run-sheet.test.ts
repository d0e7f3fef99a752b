import { describe, expect, it } from 'vitest'
import { clockTime, paceAdvice, runSheet, type RunSheetInput } from '../../src/content/run-sheet'

const slides: RunSheetInput[] = [
  { id: 'm9-title' },
  { id: 'm9-check-in', section: 'Check-in', duration: 5 },
  { id: 'm9-map', section: 'Map', duration: 20, checkpoint: 'More than 5 minutes behind here: make the audit homework' },
  { id: 'm9-map-debrief', duration: 5 },
  { id: 'm9-audit', section: 'Audit', duration: 15, cut: 1 },
  { id: 'm9-stories', section: 'Stories', duration: 10, cut: 2 },
  { id: 'm9-wrap', section: 'Wrap-up', duration: 5 },
  { id: 'm9-references' },
  { id: 'm9-prep-room', prep: true },
]
const head = { duration: '65min', buffer: 5 }

describe('the run sheet', () => {
  it('lists the blocks with their minutes, checkpoints and the cut list in order', () => {
    const sheet = runSheet(slides, head)
    expect(sheet.blocks.map(b => [b.title, b.start, b.end])).toEqual([['Check-in', 0, 5], ['Map', 5, 30], ['Audit', 30, 45], ['Stories', 45, 55], ['Wrap-up', 55, 60]])
    expect(sheet.blocks[1].checkpoint).toMatch(/homework/)
    expect(sheet.cutList.map(b => b.title)).toEqual(['Audit', 'Stories'])
    expect(sheet.minutes).toBe(65)
  })

  it('gives clock times from the session\'s start', () => {
    expect(clockTime('16:00', 0)).toBe('16:00')
    expect(clockTime('16:50', 15)).toBe('17:05')
    expect(clockTime('not a time', 5)).toBe('')
  })
})

describe('the pace coach', () => {
  const sheet = runSheet(slides, head)
  it('says how far ahead or behind the current slide is', () => {
    expect(paceAdvice(sheet, slides, 3, 25)).toMatchObject({ block: { title: 'Map' }, behind: 0 })
    expect(paceAdvice(sheet, slides, 3, 22).behind).toBe(-3)
    expect(paceAdvice(sheet, slides, 2, 9).behind).toBe(4)
  })

  it('keeps every block while the buffer covers the delay, then names the next block of the cut list', () => {
    expect(paceAdvice(sheet, slides, 3, 30).drop).toBeUndefined() // 5 behind, buffer 5
    expect(paceAdvice(sheet, slides, 3, 31).drop?.title).toBe('Audit')
    // Once in the audit, the next block to drop is the stories.
    expect(paceAdvice(sheet, slides, 4, 40).drop?.title).toBe('Stories')
    // Past every cut block, nothing is left to drop.
    expect(paceAdvice(sheet, slides, 6, 70).drop).toBeUndefined()
  })
})
