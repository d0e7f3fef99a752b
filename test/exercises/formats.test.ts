import { describe, expect, it } from 'vitest'
import { mdTable, mdText, toCsv } from '../../src/boards/kit/formats'

describe('CSV export', () => {
  it('quotes commas, double quotes and newlines as RFC 4180 says', () => {
    const csv = toCsv(['Name', 'Note'], [['Smith, Jo', 'said "hi"\nthen left'], ['plain', 3]])
    expect(csv).toBe('Name,Note\r\n"Smith, Jo","said ""hi""\nthen left"\r\nplain,3\r\n')
  })
  it('keeps a spreadsheet from running participant text as a formula', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://evil")'], ['-1+2'], ['@cmd']])).toBe('x\r\n"\'=HYPERLINK(""http://evil"")"\r\n\'-1+2\r\n\'@cmd\r\n')
  })
  it('writes lists joined and empty values as empty cells', () => {
    expect(toCsv(['a', 'b', 'c'], [[['x', 'y'], undefined, null]])).toBe('a,b,c\r\nx; y,,\r\n')
  })
})

describe('Markdown export', () => {
  it('keeps participant text as text: no table breaks, markup or HTML', () => {
    expect(mdText('a | b *bold* <script>\nnext')).toBe('a \\| b \\*bold\\* \\<script\\> next')
  })
  it('writes a table, or says when there is nothing', () => {
    expect(mdTable(['A', 'B'], [['1', 'x|y']])).toBe('| A | B |\n| --- | --- |\n| 1 | x\\|y |\n')
    expect(mdTable(['A'], [])).toBe('_Nothing recorded yet._\n')
  })
})

describe('board dates', () => {
  it('refuse days that are not in the calendar, with a clear message', async () => {
    const { isCalendarDay } = await import('../../src/boards/kit/fields')
    expect(isCalendarDay('2024-02-29')).toBe(true)
    expect(isCalendarDay('2027-02-29')).toBe(false)
    expect(isCalendarDay('2026-02-31')).toBe(false)
    expect(isCalendarDay('2026-04-31')).toBe(false)
    const { charterBuilder } = await import('../../src/boards/charter-builder/model')
    const withReview = (day: string) => {
      const data = charterBuilder.empty() as { takeBack: Record<string, unknown> }
      return charterBuilder.schema.safeParse({ ...data, takeBack: { ...data.takeBack, reviewDate: day } })
    }
    expect(withReview('2026-03-31').success).toBe(true)
    const refused = withReview('2026-02-31')
    expect(refused.success).toBe(false)
    expect(JSON.stringify(refused.error?.issues)).toMatch(/Review date/)
  })
})
