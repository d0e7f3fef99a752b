import { describe, expect, it } from 'vitest'
import { exportJson, importJson, validate } from '../kit/board'
import { worksheetModel } from '../worksheet-model'
import { boardByKind } from '..'
import { distribution, pointLabels, scale, type ScaleData } from './model'

const data = (...points: string[]): ScaleData => ({ statement: 'I could map my stakeholders tomorrow.', low: '', high: '', scores: points.map((score, i) => ({ id: `s${i}`, score: score as ScaleData['scores'][number]['score'] })) })

describe('the 1-5 scale', () => {
  it('shows the distribution, a bar per point with its count and share, and the average to one decimal', () => {
    const d = distribution(data('4', '4', '5', '2'))
    expect(d.bars.map(b => [b.label, b.count, b.percent])).toEqual([['1 · not at all', 0, 0], ['2', 1, 25], ['3', 0, 0], ['4', 2, 50], ['5 · completely', 1, 25]])
    expect(d.total).toBe(4)
    expect(d.mean).toBe(3.8)
    expect(distribution(data()).mean).toBeUndefined()
  })

  it('names its ends with the slide\'s words, or in the room\'s language', () => {
    expect(pointLabels({ low: 'not yet', high: 'tomorrow' })).toEqual(['1 · not yet', '2', '3', '4', '5 · tomorrow'])
    const es = boardByKind('scale')!.phrases.es
    expect(pointLabels({ low: '', high: '' }, s => es[s] ?? s)).toEqual(['1 · nada', '2', '3', '4', '5 · totalmente'])
  })

  it('refuses an answer outside 1 to 5', () => {
    expect(validate(scale, data('1', '5')).ok).toBe(true)
    expect(validate(scale, data('0')).ok).toBe(false)
    expect(validate(scale, data('6')).ok).toBe(false)
  })

  it('exports JSON that imports back, and Markdown with the statement, the distribution and the average', () => {
    const d = { ...data('3', '5'), low: 'no', high: 'yes' }
    expect(importJson(scale, exportJson(scale, 'm1-confidence', d))).toMatchObject({ ok: true, data: d })
    const md = scale.toMarkdown(d)
    expect(md).toContain('I could map my stakeholders tomorrow.')
    expect(md).toContain('| 5 · yes | 1 | 50% |')
    expect(md).toContain('Answers: 2 · average 4')
    expect(scale.toCsv(d).split(/\r?\n/)[0]).toBe('Answer,People,Share')
  })

  it('prints a worksheet: a line per point to count in; filled, the answers, shares and average', () => {
    expect(worksheetModel('scale', scale.empty()).tables[0].rows.map(r => r[0])).toEqual(['1 · not at all', '2', '3', '4', '5 · completely'])
    const filled = worksheetModel('scale', data('5', '4'), 'es')
    expect(filled.title).toBe('Escala del 1 al 5')
    expect(filled.tables[0].caption).toBe('I could map my stakeholders tomorrow. · Respuestas: 2 · Promedio: 4.5')
    expect(filled.tables[0].rows[4]).toEqual(['5 · totalmente', '1', '50%'])
  })
})
