// A group's results file: it must fill the boards being exported, or nothing is exported.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { exportJson } from '../../src/boards/kit/board'
import { raciMatrix } from '../../src/boards/raci-matrix/model'
import { stakeholderMap } from '../../src/boards/stakeholder-map/model'
import { UserError } from '../../src/errors'
import { checkResultsFit, loadBoardResults } from '../../src/handouts/results'

const dir = mkdtempSync(join(tmpdir(), 'kit-results-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const boards = [{ boardId: 'm2-board-stakeholder-map', kind: 'stakeholder-map', module: 2 }, { boardId: 'm2-board-raci-matrix', kind: 'raci-matrix', module: 2 }]

describe('results files', () => {
  it('refuses another module\'s board instead of printing blank worksheets', () => {
    const file = join(dir, 'raci.json')
    writeFileSync(file, exportJson(raciMatrix, 'm2-board-raci-matrix', raciMatrix.empty()))
    const results = loadBoardResults(file)
    expect(() => checkResultsFit(file, results, [{ boardId: 'm1-board-origin-timeline', kind: 'origin-timeline', module: 1 }]))
      .toThrow(/raci\.json: the results for board "m2-board-raci-matrix" \(raci-matrix\) fit no board of the module\(s\) being exported\. Their boards: m1-board-origin-timeline \(origin-timeline, module 1\)/)
    expect(() => checkResultsFit(file, results, boards)).not.toThrow()
  })

  it('refuses an export of one kind of board given for a board of another kind', () => {
    const file = join(dir, 'wrong-kind.json')
    writeFileSync(file, exportJson(stakeholderMap, 'm2-board-raci-matrix', stakeholderMap.empty()))
    expect(() => checkResultsFit(file, loadBoardResults(file), boards)).toThrow(/board "m2-board-raci-matrix" is a raci-matrix board, but the results are a stakeholder-map export/)
  })

  it('refuses the same board twice in one file', () => {
    const file = join(dir, 'twice.json')
    const one = JSON.parse(exportJson(raciMatrix, 'm2-board-raci-matrix', raciMatrix.empty()))
    writeFileSync(file, JSON.stringify([one, one]))
    expect(() => loadBoardResults(file)).toThrow(/a second export for board "m2-board-raci-matrix"/)
  })

  it('refuses a folder with a user error', () => {
    expect(() => loadBoardResults(dir)).toThrow(UserError)
    expect(() => loadBoardResults(dir)).toThrow(/is a folder; give a board's JSON export/)
  })
})
