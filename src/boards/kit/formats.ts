// The one module that writes boards as CSV and Markdown. JSON (lossless) is in board.ts.

/** RFC 4180 CSV. Text that a spreadsheet would run as a formula is prefixed with a quote. */
export function toCsv(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (value: unknown): string => {
    if (value === undefined || value === null)
      return ''
    if (typeof value === 'number')
      return String(value)
    let text = Array.isArray(value) ? value.join('; ') : String(value)
    if (/^[=+\-@\t\r]/.test(text))
      text = `'${text}`
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  return [headers, ...rows].map(r => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

/** Participant text inside Markdown: kept as text, never as markup or a table break. */
export function mdText(value: unknown): string {
  const text = Array.isArray(value) ? value.join('; ') : String(value ?? '')
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]<>|#]/g, c => `\\${c}`)
    .trim()
}

export function mdTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  if (rows.length === 0)
    return '_Nothing recorded yet._\n'
  const line = (cells: readonly unknown[]) => `| ${cells.map(mdText).join(' | ')} |`
  return [line(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n') + '\n'
}
