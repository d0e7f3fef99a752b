import { describe, expect, it } from 'vitest'
import { exportJson, importJson, validate } from '../kit/board'
import { worksheetModel } from '../worksheet-model'
import { translate } from '../../i18n/labels'
import { boardByKind } from '..'
import { leaders, poll, type PollData, tally } from './model'

const vote = (id: string, choice: string) => ({ id, choice: choice as PollData['votes'][number]['choice'] })
const data = (options: string[], ...votes: PollData['votes']): PollData => ({ question: 'Your hope: met?', options, votes })

describe('the poll', () => {
  it('counts a bar per option in the slide\'s order, with whole percentages of all votes', () => {
    const { bars, total } = tally(['Met', 'Partly', 'Not yet'], [vote('a', '1'), vote('b', '1'), vote('c', '3')])
    expect(total).toBe(3)
    expect(bars.map(b => [b.label, b.count, b.percent])).toEqual([['Met', 2, 67], ['Partly', 0, 0], ['Not yet', 1, 33]])
    expect(leaders(bars).map(b => b.label)).toEqual(['Met'])
    expect(leaders(tally(['a', 'b'], []).bars)).toEqual([])
  })

  it('keeps a vote for an option the slide no longer has, as its own bar', () => {
    const { bars } = tally(['Yes'], [vote('a', '1'), vote('b', '3')])
    expect(bars.map(b => [b.label, b.count])).toEqual([['Yes', 1], ['Option 3', 1]])
  })

  it('refuses a vote that is not an option number, more than eight options and long options', () => {
    expect(validate(poll, data(['a', 'b'], vote('a', '2'))).ok).toBe(true)
    expect(validate(poll, data(['a'], vote('a', '9'))).ok).toBe(false)
    expect(validate(poll, data(Array.from({ length: 9 }, (_, i) => `o${i}`))).ok).toBe(false)
    const long = validate(poll, data(['x'.repeat(61)]))
    expect(long.ok).toBe(false)
    expect(!long.ok && long.error).toMatch(/options.0: An option is at most 60 characters/)
  })

  it('exports JSON that imports back, and Markdown and CSV with the question and each option\'s votes and share, text kept as text', () => {
    const d = { ...data(['<b>Met</b> | fully', 'No'], vote('a', '1')), question: '<i>Hope</i> met?' }
    expect(importJson(poll, exportJson(poll, 'm4-hopes', d))).toMatchObject({ ok: true, data: d })
    const md = poll.toMarkdown(d)
    expect(md).toContain('\\<i\\>Hope\\</i\\> met?')
    expect(md).toContain('| \\<b\\>Met\\</b\\> \\| fully | 1 | 100% |')
    expect(md).toContain('Votes: 1')
    expect(poll.toCsv(d).split(/\r?\n/)[2]).toBe('No,0,0%')
  })

  it('prints a worksheet: the question and a line per option to count in; filled, the votes and shares', () => {
    const blank = worksheetModel('poll', poll.empty())
    expect(blank.tables).toEqual([{ columns: ['Option', 'Votes', '% of votes'], rows: [], blankRows: 6 }])
    const filled = worksheetModel('poll', data(['Sí', 'No'], vote('a', '1'), vote('b', '1'), vote('c', '2'), vote('d', '2')), 'es')
    expect(filled.title).toBe('Encuesta')
    expect(filled.tables).toEqual([{ caption: 'Your hope: met? · Votos: 4', columns: ['Opción', 'Votos', '% de votos'], rows: [['Sí', '2', '50%'], ['No', '2', '50%']], blankRows: 0 }])
  })

  it('is in the registry with a phone form of one vote a person, its options named by the slide, and its Spanish', () => {
    const entry = boardByKind('poll')!
    expect(entry.component).toBe('Poll')
    const phone = entry.phone!
    expect(phone.onePer).toEqual([{ list: 'votes' }])
    expect(phone.view!(data(['Met', 'Partly']))).toEqual({ prompt: 'Your hope: met?', choices: { votes: { choice: ['Met', 'Partly'] } } })
    expect(translate('Choose one option; you can change your vote until the poll is locked.', 'es')).toMatch(/^Elijan una opción/)
  })
})
