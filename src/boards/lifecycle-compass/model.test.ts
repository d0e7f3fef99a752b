import { describe, expect, it } from 'vitest'
import { boardByKind } from '..'
import { type CompassEntry, describeDirection, lifecycleCompass } from './model'

const entry = (currentStage: CompassEntry['currentStage'], targetStage: CompassEntry['targetStage']): CompassEntry =>
  ({ id: 'c1', name: 'Data clinic', currentStage, targetStage, evidence: '', oneChangeNeeded: '' })

describe('the lifecycle compass\'s direction', () => {
  it('counts the stages by the language\'s plural rules, in English by default (the exports)', () => {
    expect(boardByKind(lifecycleCompass.kind)).toBeDefined()
    expect(describeDirection(entry('maturing', 'coalescing'))).toBe('back 1 stage')
    expect(describeDirection(entry('potential', 'maturing'))).toBe('forward 2 stages')
    expect(describeDirection(entry('maturing', 'maturing'))).toBe('stay')
    expect(describeDirection(entry('maturing', 'coalescing'), 'es')).toBe('retroceder 1 etapa')
    expect(describeDirection(entry('potential', 'maturing'), 'es')).toBe('avanzar 2 etapas')
    expect(describeDirection(entry('maturing', 'maturing'), 'es')).toBe('quedarse')
  })
})
