// Printable worksheets, one A4 page per exercise board: blank with instructions, or filled
// with a group's results. Built from each board's own model (its instructions, its Markdown
// and the columns of its CSV), so a worksheet always matches its board.
import MarkdownIt from 'markdown-it'
import type { BoardDefinition } from '../exercises/board'
import { escapeHtml, handoutPage } from './html'

const md = new MarkdownIt({ html: false })

export interface WorksheetInput {
  boardId: string
  def: BoardDefinition
  /** the group's results; absent or empty for a blank worksheet */
  data?: unknown
  moduleName: string
  exerciseTitle: string
}

/** The column names of a board's CSV export: the blank worksheet's columns. */
export function csvHeaders(csv: string): string[] {
  const line = csv.split(/\r?\n/)[0] ?? ''
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; i++ }
    else if (c === '"') { quoted = !quoted }
    else if (c === ',' && !quoted) { cells.push(cell); cell = '' }
    else { cell += c }
  }
  cells.push(cell)
  return cells.filter(Boolean)
}

const CSS = `
.sheet h1 { font-size: 16pt; }
.blank td { height: 11mm; }
.lines { margin-top: 4mm; }
.lines div { border-bottom: 1px solid #8c959f; height: 8mm; }
ol.steps { margin: 0 0 4mm 0; padding-left: 5mm; }
.filled table { font-size: 9pt; }
`

export function isEmptyBoard(def: BoardDefinition, data: unknown): boolean {
  return data === undefined || JSON.stringify(data) === JSON.stringify(def.empty())
}

export function renderWorksheet(input: WorksheetInput): string {
  const { def, data } = input
  const blank = isEmptyBoard(def, data)
  const headers = csvHeaders(def.toCsv(def.empty()))
  const content = blank
    ? `<table class="blank"><thead><tr>${headers.map(h => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
       <tbody>${Array.from({ length: 10 }, () => `<tr>${headers.map(() => '<td></td>').join('')}</tr>`).join('')}</tbody></table>
       <h3 style="margin-top:5mm">Notes</h3><div class="lines">${'<div></div>'.repeat(5)}</div>`
    : `<div class="filled">${md.render(def.toMarkdown(data).replace(/^# .*\n/, ''))}</div>`
  const body = `<div class="sheet">
    <p class="kicker">${escapeHtml(input.moduleName)} · worksheet</p>
    <h1>${escapeHtml(input.exerciseTitle)}</h1>
    <p class="muted">${escapeHtml(def.title)}${blank ? '' : ' · filled in by your group'} · Group: ____________________ · Date: ____________</p>
    <h3>Instructions</h3>
    <ol class="steps">${def.instructions.map(s => `<li>${escapeHtml(s)}</li>`).join('')}</ol>
    ${content}
    <p class="footer">Foundational Community Building and Engagement Training · CC BY 4.0</p>
  </div>`
  return handoutPage(`${input.exerciseTitle}: worksheet`, body, CSS)
}
