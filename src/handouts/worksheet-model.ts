// One worksheet per board, as data: what a printed worksheet shows, in the cohort's language,
// blank (lines to write on) or filled with a group's results. The print view of a board
// (src/boards/ui/BoardWorksheet.vue) and the worksheets PDF (worksheets.ts) both render this
// model, so they cannot disagree. Plain TypeScript: no Vue, no Node.
import type { BoardDefinition } from '../boards/kit/board'
import type { FieldDef } from '../boards/kit/fields'
import { displayValue } from '../boards/kit/fields'
import { channelAudit, CHANNEL_FIELDS } from '../boards/channel-audit/model'
import { charterBuilder, type CharterData, DECISION_LABELS, DECISION_LEVELS, LEVEL_LABELS, MILESTONE_FIELDS } from '../boards/charter-builder/model'
import { INFORMATION_FIELDS, informationMap } from '../boards/information-map/model'
import { labelsFor, translate } from '../i18n/labels'
import { COMPASS_FIELDS, lifecycleCompass, STAGE_LABELS } from '../boards/lifecycle-compass/model'
import { mountainOfEngagement, PATHWAY_LABELS, PERSONA_FIELDS } from '../boards/mountain-of-engagement/model'
import { EVENT_FIELDS, originTimeline } from '../boards/origin-timeline/model'
import { BOARDS } from '../boards'
import { cellKey, RACI, RACI_MEANING, raciMatrix, type RaciMatrixData } from '../boards/raci-matrix/model'
import { QUADRANTS, quadrantOf, stakeholderMap, STAKEHOLDER_FIELDS, type StakeholderMapData } from '../boards/stakeholder-map/model'
import { IDEA_FIELDS, ideaVote } from '../boards/idea-vote/model'
import { LEDGER_FIELDS, valueExchangeLedger } from '../boards/value-exchange-ledger/model'

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


interface ListSpec { fields: readonly FieldDef[], listKey: string, legend?: Record<string, string> }

const LIST_BOARDS: Record<string, ListSpec> = {
  [originTimeline.kind]: { fields: EVENT_FIELDS, listKey: 'events' },
  [lifecycleCompass.kind]: { fields: COMPASS_FIELDS, listKey: 'entries', legend: STAGE_LABELS },
  [stakeholderMap.kind]: { fields: STAKEHOLDER_FIELDS, listKey: 'stakeholders' },
  [channelAudit.kind]: { fields: CHANNEL_FIELDS, listKey: 'channels' },
  [mountainOfEngagement.kind]: { fields: PERSONA_FIELDS, listKey: 'personas', legend: PATHWAY_LABELS },
  [valueExchangeLedger.kind]: { fields: LEDGER_FIELDS, listKey: 'rows' },
  [informationMap.kind]: { fields: INFORMATION_FIELDS, listKey: 'items' },
  [ideaVote.kind]: { fields: IDEA_FIELDS, listKey: 'ideas' },
}

/** Whether a board's data is its empty state: the worksheet is then blank. */
export function isEmptyBoard(def: Pick<BoardDefinition, 'empty'>, data: unknown): boolean {
  return data === undefined || data === null || JSON.stringify(data) === JSON.stringify(def.empty())
}

/** The worksheet of a board of this kind: blank without data, else filled with it. */
export function worksheetModel(kind: string, data: unknown, language = 'en'): WorksheetModel {
  const def = BOARDS.find(b => b.def.kind === kind)?.def
  if (!def)
    throw new Error(`No worksheet for board kind "${kind}".`)
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

  const list = LIST_BOARDS[kind]
  if (list) {
    const rows = filled ? ((data as Record<string, Record<string, unknown>[]>)[list.listKey] ?? []) : []
    model.tables.push({
      columns: list.fields.map(f => t(f.label)),
      rows: rows.map(r => list.fields.map(f => value(f, r[f.key]))),
      blankRows: filled ? 2 : 8,
    })
    if (list.legend)
      model.legend = Object.values(list.legend).map(label => ({ term: t(label), meaning: '' }))
  }
  if (kind === stakeholderMap.kind)
    addStakeholderGrid(model, (filled ? data : stakeholderMap.empty()) as StakeholderMapData, t)
  if (kind === raciMatrix.kind)
    addRaci(model, (filled ? data : raciMatrix.empty()) as RaciMatrixData, t)
  if (kind === charterBuilder.kind)
    addCharter(model, (filled ? data : charterBuilder.empty()) as CharterData, t)
  return model
}

function addStakeholderGrid(model: WorksheetModel, data: StakeholderMapData, t: (s: string) => string): void {
  const corner = { 'manage-closely': 'top-right', 'keep-satisfied': 'top-left', 'keep-informed': 'bottom-right', 'monitor': 'bottom-left' } as const
  model.grid = {
    xLabel: `${t('Interest')} (1-5)`,
    yLabel: `${t('Power')} (1-5)`,
    min: 1,
    max: 5,
    threshold: data.threshold,
    quadrants: (Object.keys(QUADRANTS) as (keyof typeof QUADRANTS)[]).map(q => ({ label: t(QUADRANTS[q].label), corner: corner[q] })),
    points: data.stakeholders.map(s => ({ label: s.name, x: s.interest, y: s.power })),
  }
  model.legend = (Object.keys(QUADRANTS) as (keyof typeof QUADRANTS)[]).map(q => ({ term: t(QUADRANTS[q].label), meaning: t(QUADRANTS[q].strategy) }))
  // The table also says where each stakeholder lands.
  if (model.tables[0] && data.stakeholders.length) {
    model.tables[0].columns.push(t('Approach by quadrant'))
    model.tables[0].rows.forEach((row, i) => row.push(t(QUADRANTS[quadrantOf(data.stakeholders[i], data.threshold).quadrant].label)))
  }
}

function addRaci(model: WorksheetModel, data: RaciMatrixData, t: (s: string) => string): void {
  // At least five role columns: blank ones are headed "Role: ____" to write a role in.
  const blankRoles = Math.max(0, 5 - data.roles.length)
  model.tables.push({
    columns: [t('Activity'), ...data.roles.map(r => r.name), ...Array.from({ length: blankRoles }, () => `${t('Role')}: ________`)],
    rowHeaders: true,
    rows: data.activities.map(a => [t(a.name), ...data.roles.map(r => data.cells[cellKey(a.id, r.id)] ?? ''), ...Array.from({ length: blankRoles }, () => '')]),
    blankRows: model.filled ? 2 : 10,
  })
  model.legend = RACI.map(letter => ({ term: letter, meaning: t(RACI_MEANING[letter]) }))
}

function addCharter(model: WorksheetModel, d: CharterData, t: (s: string) => string): void {
  const w = d.waysOfWorking
  const text = (value: string, lines: number) => ({ text: value.trim() || undefined, lines: value.trim() ? 0 : lines })
  const c = d.conduct
  const b = d.takeBack
  const m = d.mission
  const mission = [m.with, m.do, m.for, m.soThat].some(v => v.trim())
    ? [m.with && `${m.with},`, m.do, m.for, m.soThat].filter(Boolean).join(' ')
    : ''
  const rule = (r: CharterData['takeBack']['ratifyRule'], detail = '') => [r ? t(DECISION_LABELS[r]) : '', detail.trim()].filter(Boolean).join(' · ')
  model.sections = [
    { heading: `${t('Cover note')} (${t('your story of now (module 1): the challenge, the hope, and what you ask of people by when')})`, ...text(b.coverNote, 3) },
    { heading: `${t('Mission')} (${t('With whom, we do what, for whom, so that what changes')})`, ...text(mission, 2) },
    { heading: `${t('Vision')} (${t('one line')})`, ...text(d.vision, 1) },
    { heading: t('Values'), ...text(d.values.join(' · '), 2) },
    { heading: t('Not yet'), ...text(d.notYet.join(' · '), 2) },
    { heading: t('Recognition'), ...text(d.recognition, 2) },
    // One line per level: the rule (and its silence period, voters or decider), and what it covers.
    ...DECISION_LEVELS.map(k => ({
      heading: `${t('Decisions')}: ${t(LEVEL_LABELS[k])} (${t('rule')} · ${t('what it covers')})`,
      ...text([rule(d.decisions[k].rule, d.decisions[k].detail), d.decisions[k].scope.trim()].filter(Boolean).join(' · '), 1),
    })),
    { heading: t('Meetings'), ...text(w.meetingCadence, 1) },
    { heading: t('Channels'), ...text(w.channels.join(', '), 1) },
    { heading: t('Roles'), ...text(w.roles.join(', '), 1) },
    { heading: t('Membership'), ...text(w.membershipTerms, 2) },
    { heading: `${t('Conduct')}: ${t('Report to')}`, ...text(c.reportTo, 1) },
    { heading: `${t('Conduct')}: ${t('Second route, if that person is involved')}`, ...text(c.secondRoute, 1) },
    { heading: `${t('Conduct')}: ${t('Who responds')} · ${t('How fast')}`, ...text([c.responders, c.responseTime].filter(v => v.trim()).join(' · '), 1) },
    { heading: t('Code of conduct link'), ...text(c.link, 1) },
    { heading: `1 ${t('Communicate: where')}`, ...text(b.communicateWhere, 1) },
    { heading: `2 ${t('Consult: with whom')}`, ...text(b.consultWith.join(', '), 1) },
    { heading: `${t('Consult: how')} (${t('until')} ${b.consultUntil || '…'})`, ...text(b.consultHow, 1) },
    { heading: `3 ${t('Ratify: decision rule')} · ${t('Ratify: who decides')}`, ...text([rule(b.ratifyRule), b.ratifiedBy.trim()].filter(Boolean).join(' · '), 1) },
    { heading: `4 ${t('Publish: where')}`, ...text(b.publishWhere, 1) },
    { heading: `5 ${t('Review date')} · ${t('Review: owner')}`, ...text([b.reviewDate, b.reviewOwner.trim()].filter(Boolean).join(' · '), 1) },
    { heading: t('Licence'), ...text(d.licence, 1) },
  ]
  model.tables.push({
    caption: t('Milestones'),
    columns: MILESTONE_FIELDS.map(f => t(f.label)),
    rows: d.milestones.map((m) => {
      const row = m as unknown as Record<string, unknown>
      return MILESTONE_FIELDS.map(f => (f.kind === 'choice' ? t(displayValue(f, row[f.key])) : displayValue(f, row[f.key])))
    }),
    blankRows: d.milestones.length ? 0 : 3,
  })
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
