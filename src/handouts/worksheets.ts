// Printable worksheets, one A4 page per exercise board: blank with lines to write on, or filled
// with a group's results. Rendered from the board's worksheet model (src/boards/worksheet-model.ts), the
// same one its print view renders, in the cohort's language.
import { escapeHtml } from '../output/html'
import { handoutPage } from './html'

export { isEmptyBoard } from '../boards/worksheet-model'
import { gridGeometry, type WorksheetGrid, type WorksheetModel, type WorksheetTable, worksheetModel } from '../boards/worksheet-model'
import { KIT_NAME, LICENCE_LINE } from '../content/licence'
import { translate } from '../i18n/labels'

/** What heads every page participants get: the module's name, and for a cohort its name, session date and logo. */
export interface WorksheetHeader {
  /** "Module 2: …" in the handout's language */
  moduleName: string
  cohort?: { name: string, date: string, logo?: string, accent?: string }
}

export const HEADER_CSS = `
.cohort-header { display: flex; align-items: center; gap: 4mm; border-bottom: 2px solid var(--accent, #0b5d6b); padding-bottom: 2mm; margin-bottom: 3mm; }
.cohort-header img { height: 12mm; width: auto; max-width: 40mm; object-fit: contain; }
.cohort-header p { margin: 0; }
.cohort-header .cohort-name { font-weight: 700; color: var(--accent, #0b5d6b); }
`

/** The header: the cohort's logo, name and session date (a generic kit prints none). */
export function headerHtml(header: WorksheetHeader): string {
  const c = header.cohort
  if (!c)
    return ''
  // The accent comes from cohort.yaml, checked there as a colour; only a plain hex colour is used.
  const accent = c.accent && /^#[0-9a-f]{3,8}$/i.test(c.accent) ? ` style="--accent: ${c.accent}"` : ''
  const logo = c.logo && /^data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(c.logo) ? `<img src="${c.logo}" alt="${escapeHtml(c.name)}">` : ''
  return `<header class="cohort-header"${accent} data-testid="cohort-header">${logo}<div><p class="cohort-name">${escapeHtml(c.name)}</p><p class="muted">${escapeHtml(c.date)}</p></div></header>`
}

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
  /** the cohort's name, session date and logo; its moduleName wins over the one above */
  header?: WorksheetHeader
}

const CSS = `
.sheet h1 { font-size: 16pt; }
td.blank, tr.blank td { height: 10mm; }
.lines div { border-bottom: 1px solid #8c959f; height: 8mm; }
ol.steps { margin: 0 0 4mm 0; padding-left: 5mm; }
table { margin-bottom: 4mm; font-size: 9.5pt; }
tbody th { background: #f3f6f8; }
caption { text-align: left; font-weight: 700; color: #0b5d6b; padding-bottom: 1mm; }
.plot { display: flex; gap: 5mm; align-items: flex-start; justify-content: center; margin: 0 0 3mm; }
.grid { width: 100mm; height: 100mm; display: block; flex: none; }
ol.key { margin: 0; padding-left: 7mm; font-size: 9pt; columns: 2; column-gap: 6mm; max-width: 70mm; }
ol.key li { break-inside: avoid; }
.grid text { font-family: 'Atkinson Hyperlegible', sans-serif; }
dl.legend { display: grid; grid-template-columns: auto 1fr; gap: 1mm 3mm; margin: 0 0 4mm; }
dl.legend dt { font-weight: 700; }
dl.legend dd { margin: 0; }
.section { margin-bottom: 3mm; }
.section h3 { margin-bottom: 1mm; }
.credit { margin-top: 1.2em; font-size: 8pt; color: #4a5562; }
.credit + .footer { margin-top: 0.3em; }
${HEADER_CSS}
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
  const svg = `<svg class="grid" viewBox="0 0 ${g.size} ${g.size}" role="img" aria-label="${esc(`${grid.yLabel} / ${grid.xLabel}`)}" xmlns="http://www.w3.org/2000/svg">
    <rect x="${g.left}" y="${g.top}" width="${g.width}" height="${g.height}" fill="none" stroke="#1b1f24" stroke-width="1"/>
    ${bands}
    <line x1="${g.thresholdX}" y1="${g.top}" x2="${g.thresholdX}" y2="${g.top + g.height}" stroke="#0b5d6b" stroke-width="1.6" stroke-dasharray="5 3"/>
    <line x1="${g.left}" y1="${g.thresholdY}" x2="${g.left + g.width}" y2="${g.thresholdY}" stroke="#0b5d6b" stroke-width="1.6" stroke-dasharray="5 3"/>
    ${g.quadrants.map(q => `<text class="quadrant" x="${q.x}" y="${q.y}" font-size="${q.fontSize.toFixed(2)}" font-weight="700" fill="#0b5d6b" text-anchor="${q.anchor}">${esc(q.label)}</text>`).join('')}
    ${g.points.map(p => `<g class="dot" data-number="${p.number}"><circle cx="${p.x}" cy="${p.y}" r="${p.r}" fill="#1b1f24"/><text x="${p.x}" y="${p.y}" font-size="${p.fontSize.toFixed(2)}" font-weight="700" fill="#fff" text-anchor="middle" dominant-baseline="central">${p.number}</text></g>`).join('')}
    <text x="${g.xLabel.x}" y="${g.xLabel.y}" font-size="11" text-anchor="middle">${esc(g.xLabel.text)}</text>
    <text x="${g.yLabel.x}" y="${g.yLabel.y}" font-size="11" text-anchor="middle" transform="rotate(-90 ${g.yLabel.x} ${g.yLabel.y})">${esc(g.yLabel.text)}</text>
  </svg>`
  // The names, numbered as the dots are, beside the grid.
  const key = g.key.length ? `<ol class="key">${g.key.map(k => `<li value="${k.number}">${esc(k.label)}</li>`).join('')}</ol>` : ''
  return `<div class="plot">${svg}${key}</div>`
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
  const t = (text: string) => translate(text, model.language)
  const moduleName = input.header?.moduleName ?? input.moduleName
  const body = `<div class="sheet" data-board="${esc(input.boardId)}">
    ${input.header ? headerHtml(input.header) : ''}
    <p class="kicker">${esc(moduleName)} · ${esc(model.heading)}</p>
    <h1>${esc(input.exerciseTitle)}</h1>
    <p class="muted">${esc(model.title)} · ${esc(model.group)}: ____________________ · ${esc(model.date)}: ____________</p>
    <ol class="steps">${model.instructions.map(s => `<li>${esc(s)}</li>`).join('')}</ol>
    ${worksheetBody(model)}
    <p class="credit" data-testid="credit">${esc(t('Sources'))}: ${esc(model.credit)}</p>
    <p class="footer">${esc(t(KIT_NAME))} · ${esc(t(LICENCE_LINE))}</p>
  </div>`
  return handoutPage(`${input.exerciseTitle}: ${model.heading}`, body, CSS, model.language)
}
