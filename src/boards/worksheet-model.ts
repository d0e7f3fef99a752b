// One worksheet per board, as data: what a printed worksheet shows, in the cohort's language,
// blank (lines to write on) or filled with a group's results. The print view of a board
// (src/boards/ui/BoardWorksheet.vue) and the worksheets PDF (src/handouts/worksheets.ts) both render this
// model, so they cannot disagree. Plain TypeScript: no Vue, no Node.
import type { BoardDefinition } from './kit/board'
import type { FieldDef } from './kit/fields'
import { displayValue } from './kit/fields'
import type { WorksheetGrid, WorksheetModel } from './kit/worksheet'
import { labelsFor, translate } from '../i18n/labels'
import { boardByKind } from './index'

export type { WorksheetGrid, WorksheetModel, WorksheetSection, WorksheetTable } from './kit/worksheet'

/** Whether a board's data is its empty state: the worksheet is then blank. */
export function isEmptyBoard(def: Pick<BoardDefinition, 'empty'>, data: unknown): boolean {
  return data === undefined || data === null || JSON.stringify(data) === JSON.stringify(def.empty())
}

/**
 * The worksheet of a board of this kind: blank without data, else filled with it. What it
 * holds beyond the title, instructions and credit is the board's own (`worksheet` in its
 * registry entry, src/boards/<kind>/entry.ts).
 */
export function worksheetModel(kind: string, data: unknown, language = 'en'): WorksheetModel {
  const entry = boardByKind(kind)
  if (!entry)
    throw new Error(`No worksheet for board kind "${kind}".`)
  const { def, worksheet } = entry
  const t = (text: string) => translate(text, language)
  const filled = !isEmptyBoard(def, data)
  const model: WorksheetModel = {
    kind,
    language,
    heading: `${labelsFor(language).worksheet}: ${t(def.title)}`,
    title: t(def.title),
    instructions: def.instructions.map(t),
    filled,
    tables: [],
    sections: [],
    legend: [],
    group: t('Group'),
    date: t('Date'),
    notes: t('Notes'),
    credit: t(def.credit),
  }
  const value = (f: FieldDef, v: unknown) => (f.kind === 'choice' || f.kind === 'multi' ? displayValue(f, v).split(', ').map(t).join(', ') : displayValue(f, v))

  const list = worksheet.list
  if (list) {
    const rows = filled ? ((data as Record<string, Record<string, unknown>[]>)[list.listKey] ?? []) : []
    model.tables.push({
      columns: list.fields.map(f => t(f.label)),
      rows: rows.map(r => list.fields.map(f => value(f, r[f.key]))),
      blankRows: filled ? 2 : (list.blankRows ?? 8),
    })
    if (list.legend)
      model.legend = Object.values(list.legend).map(label => ({ term: t(label), meaning: '' }))
  }
  worksheet.extend?.(model, filled ? data : def.empty(), t)
  return model
}

export interface GridPoint {
  /** the dot's number, printed in the dot; the key beside the grid names it */
  number: number
  /** the stakeholder's name, for the key */
  label: string
  x: number
  y: number
  r: number
  fontSize: number
}

export interface GridGeometry {
  size: number
  /** the plotting area */
  left: number
  top: number
  width: number
  height: number
  ticks: { value: number, x: number, y: number }[]
  /** the "high" lines across and down */
  thresholdX: number
  thresholdY: number
  /** quadrant names, in a strip along the top and bottom edges of the plotting area where no dot goes */
  quadrants: { label: string, x: number, y: number, anchor: 'start' | 'end', fontSize: number }[]
  points: GridPoint[]
  /** number -> name, in the order of the points */
  key: { number: number, label: string }[]
  xLabel: { text: string, x: number, y: number }
  yLabel: { text: string, x: number, y: number }
}

/** A generous estimate of a bold label's width (px) at a font size: wide enough for any Latin text. */
const labelWidth = (text: string, fontSize: number) => text.length * fontSize * 0.62

/**
 * Where everything on a plotting grid goes, in a 320 × 320 SVG: one layout for both renderers.
 * Dots never overlap and never leave the grid: each carries a number (the key beside the grid
 * names it), and the dots that share a cell are set out in rows and columns inside that cell,
 * smaller when many share it. The quadrant names sit in strips along the top and bottom edges,
 * which no dot enters, and shrink to fit beside each other.
 */
export function gridGeometry(grid: WorksheetGrid): GridGeometry {
  const size = 320
  const left = 44
  const top = 8
  const width = size - left - 8
  const height = size - top - 40
  const steps = grid.max - grid.min + 1
  const cell = { w: width / steps, h: height / steps }
  // Each value sits in the middle of its band: 1 to 5 across five bands.
  const x = (v: number) => left + ((v - grid.min + 0.5) / steps) * width
  const y = (v: number) => top + height - ((v - grid.min + 0.5) / steps) * height
  const ticks = Array.from({ length: steps }, (_, i) => grid.min + i).map(v => ({ value: v, x: x(v), y: y(v) }))
  const pad = 5
  const strip = 14
  const longest = (a: 'top' | 'bottom') => grid.quadrants.filter(q => q.corner.startsWith(a)).reduce((n, q) => n + labelWidth(q.label, 1), 0)
  const fontFor = (a: 'top' | 'bottom') => Math.min(10, (width - 2 * pad - 12) / Math.max(1, longest(a)), strip - 3)
  const corners = {
    'top-left': { x: left + pad, y: top + strip - 3.5, anchor: 'start' as const, fontSize: fontFor('top') },
    'top-right': { x: left + width - pad, y: top + strip - 3.5, anchor: 'end' as const, fontSize: fontFor('top') },
    'bottom-left': { x: left + pad, y: top + height - 4, anchor: 'start' as const, fontSize: fontFor('bottom') },
    'bottom-right': { x: left + width - pad, y: top + height - 4, anchor: 'end' as const, fontSize: fontFor('bottom') },
  }
  // The dots of each cell, in the order given.
  const clamp = (v: number) => Math.min(grid.max, Math.max(grid.min, Math.round(v)))
  const cells = new Map<string, number[]>()
  grid.points.forEach((p, i) => {
    const key = `${clamp(p.x)}:${clamp(p.y)}`
    cells.set(key, [...(cells.get(key) ?? []), i])
  })
  const points: GridPoint[] = []
  for (const [key, members] of cells) {
    const [cx, cy] = key.split(':').map(Number)
    // The cell's free area: the strips of the top and bottom rows are the quadrant names'.
    const cellLeft = left + (cx - grid.min) * cell.w + 2
    let cellTop = top + (grid.max - cy) * cell.h + 2
    let cellHeight = cell.h - 4
    if (cy === grid.max) {
      cellTop += strip
      cellHeight -= strip
    }
    if (cy === grid.min)
      cellHeight -= strip
    const cellWidth = cell.w - 4
    const columns = Math.ceil(Math.sqrt(members.length * cellWidth / cellHeight))
    const rows = Math.ceil(members.length / columns)
    const step = Math.min(18, cellWidth / columns, cellHeight / rows)
    const r = Math.max(1, Math.min(7, step / 2 - 1))
    // Centred in the free area.
    const x0 = cellLeft + (cellWidth - step * columns) / 2 + step / 2
    const y0 = cellTop + (cellHeight - step * rows) / 2 + step / 2
    members.forEach((index, k) => {
      const number = index + 1
      points.push({ number, label: grid.points[index].label, x: x0 + (k % columns) * step, y: y0 + Math.floor(k / columns) * step, r, fontSize: r * (number > 9 ? 1.15 : 1.45) })
    })
  }
  points.sort((a, b) => a.number - b.number)
  return {
    size,
    left,
    top,
    width,
    height,
    ticks,
    thresholdX: x(grid.threshold - 0.5),
    thresholdY: y(grid.threshold - 0.5),
    quadrants: grid.quadrants.map(q => ({ label: q.label, ...corners[q.corner] })),
    points,
    key: points.map(p => ({ number: p.number, label: p.label })),
    xLabel: { text: grid.xLabel, x: left + width / 2, y: size - 6 },
    yLabel: { text: grid.yLabel, x: 12, y: top + height / 2 },
  }
}
