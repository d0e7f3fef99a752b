// What a printed worksheet is, as data (the model both renderers draw: the print view,
// src/boards/ui/BoardWorksheet.vue, and the worksheets PDF, src/handouts/worksheets.ts), and
// what a board says about its own worksheet (`worksheet` in its registry entry). The model is
// built by src/boards/worksheet-model.ts from the registry. Plain TypeScript: no Vue, no Node.
import type { FieldDef } from './fields'

export interface WorksheetTable {
  caption?: string
  columns: string[]
  /** the first cell of each row names it (a RACI activity) */
  rowHeaders?: boolean
  rows: string[][]
  /** empty rows to write on, after the filled ones */
  blankRows: number
}

/** A grid to plot on: the stakeholder map's power (up) against interest (across). */
export interface WorksheetGrid {
  xLabel: string
  yLabel: string
  min: number
  max: number
  /** where "high" starts on both axes */
  threshold: number
  quadrants: { label: string, corner: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' }[]
  points: { label: string, x: number, y: number }[]
}

export interface WorksheetSection { heading: string, text?: string, lines: number }

export interface WorksheetModel {
  kind: string
  language: string
  /** "Worksheet: Stakeholder map" */
  heading: string
  title: string
  instructions: string[]
  filled: boolean
  grid?: WorksheetGrid
  tables: WorksheetTable[]
  sections: WorksheetSection[]
  legend: { term: string, meaning: string }[]
  /** what a group writes its name and the date on; and the blank notes lines */
  group: string
  date: string
  notes: string
  /** the frameworks and licences behind what the worksheet prints (the board's `credit`) */
  credit: string
}

/**
 * A board's worksheet: a table of its list (one column per field, `legend` terms below it),
 * and/or `extend`, which adds the board's own parts (a grid, a matrix, sections) to the model.
 */
export interface WorksheetSpec<T = any> {
  list?: { fields: readonly FieldDef[], listKey: string, legend?: Record<string, string>, blankRows?: number }
  /** `data` is the group's data, or the board's empty state on a blank worksheet; `t` translates */
  extend?: (model: WorksheetModel, data: T, t: (text: string) => string) => void
}
