// Printable worksheets, one A4 page per exercise board: blank with lines to write on, or filled
// with a group's results. Rendered from the board's worksheet model (worksheet-model.ts), the
// same one its print view renders, in the cohort's language.
import { escapeHtml, handoutPage } from './html'

export { isEmptyBoard } from './worksheet-model'
import { gridGeometry, type WorksheetGrid, type WorksheetModel, type WorksheetTable, worksheetModel } from './worksheet-model'
import { KIT_NAME, LICENCE_LINE } from '../content/licence'
import { translate } from '../i18n/labels'

export interface WorksheetInput {
  boardId: string
  /** the board's kind (or its definition) */
  kind?: string
  def?: { kind: string }
  /** the group's results; absent for a blank worksheet */
  data?: unknown
  language?: string
  moduleName: string
  exerciseTitle: string
}

const CSS = `
.sheet h1 { font-size: 16pt; }
td.blank, tr.blank td { height: 10mm; }
.lines div { border-bottom: 1px solid #8c959f; height: 8mm; }
ol.steps { margin: 0 0 4mm 0; padding-left: 5mm; }
table { margin-bottom: 4mm; font-size: 9.5pt; }
tbody th { background: #f3f6f8; }
caption { text-align: left; font-weight: 700; color: #0b5d6b; padding-bottom: 1mm; }
.grid { width: 110mm; height: 110mm; display: block; margin: 0 auto 3mm; }
.grid text { font-family: 'Atkinson Hyperlegible', sans-serif; }
dl.legend { display: grid; grid-template-columns: auto 1fr; gap: 1mm 3mm; margin: 0 0 4mm; }
dl.legend dt { font-weight: 700; }
dl.legend dd { margin: 0; }
.section { margin-bottom: 3mm; }
.section h3 { margin-bottom: 1mm; }
`

const esc = (s: string) => escapeHtml(s)

function table(t: WorksheetTable): string {
  const cell = (text: string, i: number) => (t.rowHeaders && i === 0 ? `<th scope="row">${esc(text)}</th>` : `<td>${esc(text)}</td>`)
  return `<table>${t.caption ? `<caption>${esc(t.caption)}</caption>` : ''}
    <thead><tr>${t.columns.map(c => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>
    <tbody>${t.rows.map(r => `<tr>${r.map(cell).join('')}</tr>`).join('')}
    ${Array.from({ length: t.blankRows }, () => `<tr class="blank">${t.columns.map(() => '<td></td>').join('')}</tr>`).join('')}</tbody></table>`
}

/** The plotting grid as SVG: bands, the "high" lines, quadrant names, and any plotted names. */
export function gridSvg(grid: WorksheetGrid): string {
  const g = gridGeometry(grid)
  const bands = g.ticks.map(tk => `<line x1="${tk.x}" y1="${g.top}" x2="${tk.x}" y2="${g.top + g.height}" stroke="#d0d7de" stroke-width="0.6"/><line x1="${g.left}" y1="${tk.y}" x2="${g.left + g.width}" y2="${tk.y}" stroke="#d0d7de" stroke-width="0.6"/>
    <text x="${tk.x}" y="${g.top + g.height + 14}" font-size="10" text-anchor="middle">${tk.value}</text><text x="${g.left - 8}" y="${tk.y + 3}" font-size="10" text-anchor="end">${tk.value}</text>`).join('')
  return `<svg class="grid" viewBox="0 0 ${g.size} ${g.size}" role="img" aria-label="${esc(`${grid.yLabel} / ${grid.xLabel}`)}" xmlns="http://www.w3.org/2000/svg">
    <rect x="${g.left}" y="${g.top}" width="${g.width}" height="${g.height}" fill="none" stroke="#1b1f24" stroke-width="1"/>
    ${bands}
    <line x1="${g.thresholdX}" y1="${g.top}" x2="${g.thresholdX}" y2="${g.top + g.height}" stroke="#0b5d6b" stroke-width="1.6" stroke-dasharray="5 3"/>
    <line x1="${g.left}" y1="${g.thresholdY}" x2="${g.left + g.width}" y2="${g.thresholdY}" stroke="#0b5d6b" stroke-width="1.6" stroke-dasharray="5 3"/>
    ${g.quadrants.map(q => `<text x="${q.x}" y="${q.y}" font-size="10" font-weight="700" fill="#0b5d6b" text-anchor="${q.anchor}">${esc(q.label)}</text>`).join('')}
    ${g.points.map(p => `<circle cx="${p.x}" cy="${p.y}" r="3.5" fill="#1b1f24"/><text x="${p.x + 6}" y="${p.y + 3}" font-size="9">${esc(p.label)}</text>`).join('')}
    <text x="${g.xLabel.x}" y="${g.xLabel.y}" font-size="11" text-anchor="middle">${esc(g.xLabel.text)}</text>
    <text x="${g.yLabel.x}" y="${g.yLabel.y}" font-size="11" text-anchor="middle" transform="rotate(-90 ${g.yLabel.x} ${g.yLabel.y})">${esc(g.yLabel.text)}</text>
  </svg>`
}

/** The body of a worksheet, from its model. */
export function worksheetBody(model: WorksheetModel): string {
  const lines = (n: number) => `<div class="lines">${'<div></div>'.repeat(n)}</div>`
  return `${model.grid ? gridSvg(model.grid) : ''}
    ${model.legend.length ? `<dl class="legend">${model.legend.map(l => `<dt>${esc(l.term)}</dt><dd>${esc(l.meaning)}</dd>`).join('')}</dl>` : ''}
    ${model.sections.map(s => `<div class="section"><h3>${esc(s.heading)}</h3>${s.text ? `<p>${esc(s.text)}</p>` : lines(s.lines)}</div>`).join('')}
    ${model.tables.map(table).join('')}
    ${model.filled ? '' : `<h3>${esc(model.notes)}</h3>${lines(4)}`}`
}

export function renderWorksheet(input: WorksheetInput): string {
  const model = worksheetModel(input.kind ?? input.def!.kind, input.data, input.language)
  const body = `<div class="sheet" data-board="${esc(input.boardId)}">
    <p class="kicker">${esc(input.moduleName)} · ${esc(model.heading)}</p>
    <h1>${esc(input.exerciseTitle)}</h1>
    <p class="muted">${esc(model.title)} · ${esc(model.group)}: ____________________ · ${esc(model.date)}: ____________</p>
    <ol class="steps">${model.instructions.map(s => `<li>${esc(s)}</li>`).join('')}</ol>
    ${worksheetBody(model)}
    <p class="footer">${esc(KIT_NAME)} · ${esc(translate(LICENCE_LINE, model.language))}</p>
  </div>`
  return handoutPage(`${input.exerciseTitle}: ${model.heading}`, body, CSS, model.language)
}
