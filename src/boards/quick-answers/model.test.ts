import { describe, expect, it } from 'vitest'
import { exportJson, importJson, validate } from '../kit/board'
import { worksheetModel } from '../worksheet-model'
import { translate } from '../../i18n/labels'
import { boardByKind } from '..'
import { answerKey, answersOf, cloudOrder, quickAnswers, type QuickAnswersData, SIZES, wordCloud } from './model'

const row = (id: string, first: string, second = '', third = '') => ({ id, first, second, third })
const data = (...answers: QuickAnswersData['answers']): QuickAnswersData => ({ answers })

describe('quick answers', () => {
  it('counts an answer whatever its case and spacing', () => {
    expect(answerKey('  Open   Data ')).toBe('open data')
    const cloud = wordCloud(data(row('a', 'Open data', 'care'), row('b', 'open  DATA '), row('c', 'Care', 'time')))
    expect(cloud.map(w => [w.text, w.count])).toEqual([['care', 2], ['Open data', 2], ['time', 1]]) // ties: A to Z
  })

  it('counts a person once for an answer they give twice, and skips empty answers', () => {
    expect(answersOf(row('a', 'Care', ' care', ''))).toEqual(['Care'])
    expect(wordCloud(data(row('a', 'Care', 'CARE', 'care')))).toEqual([{ key: 'care', text: 'Care', count: 1, size: 1 }])
  })

  it('sizes by frequency: the most given is the biggest, once-given the smallest', () => {
    const answers = [row('a', 'x'), row('b', 'x'), row('c', 'x'), row('d', 'x'), row('e', 'x', 'y'), row('f', 'z', 'y')]
    const cloud = wordCloud(data(...answers))
    expect(cloud.map(w => [w.text, w.count, w.size])).toEqual([['x', 5, SIZES], ['y', 2, 2], ['z', 1, 1]])
    // Drawn with the most given in the middle.
    expect(cloudOrder(cloud).map(w => w.text)).toEqual(['z', 'x', 'y'])
  })

  it('refuses an empty first answer and answers longer than 40 characters', () => {
    expect(validate(quickAnswers, data(row('a', 'ok'))).ok).toBe(true)
    expect(validate(quickAnswers, data(row('a', '  '))).ok).toBe(false)
    expect(validate(quickAnswers, data(row('a', 'ok', 'x'.repeat(41)))).ok).toBe(false)
  })

  it('exports JSON that imports back, and Markdown with the cloud, participants\' text kept as text', () => {
    const d = data(row('a', '<b>Open</b> | data'), row('b', '<b>open</b> |  DATA'))
    const back = importJson(quickAnswers, exportJson(quickAnswers, 'm2-exit-ticket', d))
    expect(back).toMatchObject({ ok: true, data: d })
    const md = quickAnswers.toMarkdown(d)
    expect(md).toContain('## Word cloud')
    expect(md).toContain('| \\<b\\>Open\\</b\\> \\| data | 2 |')
    expect(md).not.toContain('<b>')
  })

  it('prints a worksheet: blank lines to write on, or the answers and the cloud with counts', () => {
    const blank = worksheetModel('quick-answers', quickAnswers.empty())
    expect(blank.tables).toEqual([{ columns: ['Answer', 'Second answer', 'Third answer'], rows: [], blankRows: 12 }])
    const filled = worksheetModel('quick-answers', data(row('a', 'Care'), row('b', 'care', 'time')), 'es')
    expect(filled.title).toBe('Respuestas rápidas')
    expect(filled.tables[1]).toEqual({ caption: 'Nube de palabras', columns: ['Respuesta', 'Personas'], rows: [['Care', '2'], ['time', '1']], blankRows: 0 })
  })

  it('is in the registry with its phone form and its Spanish', () => {
    const entry = boardByKind('quick-answers')!
    expect(entry.component).toBe('QuickAnswers')
    expect(entry.phone?.lists[0].key).toBe('answers')
    expect(translate('Give one to three short answers: a word or a short phrase each.', 'es')).toMatch(/^Den de una a tres/)
  })
})
