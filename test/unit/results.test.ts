// A group's results file: it must fill the boards being exported, or nothing is exported.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { exportJson } from '../../src/boards/kit/board'
import { raciMatrix } from '../../src/boards/raci-matrix/model'
import { stakeholderMap } from '../../src/boards/stakeholder-map/model'
import { UserError } from '../../src/errors'
import { checkResultsFit, loadBoardResults, loadResultsFiles } from '../../src/handouts/results'

const dir = mkdtempSync(join(tmpdir(), 'kit-results-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const boards = [{ boardId: 'm2-board-stakeholder-map', kind: 'stakeholder-map', module: 2 }, { boardId: 'm2-board-raci-matrix', kind: 'raci-matrix', module: 2 }]

describe('results files', () => {
  const kit = [...boards, { boardId: 'm1-board-origin-timeline', kind: 'origin-timeline', module: 1 }]

  it('leaves aside the boards of modules not exported, and says which', () => {
    const file = join(dir, 'raci.json')
    writeFileSync(file, exportJson(raciMatrix, 'm2-board-raci-matrix', raciMatrix.empty()))
    const results = loadResultsFiles([file])
    expect(checkResultsFit(results, kit, [1])).toEqual(['m2-board-raci-matrix'])
    expect(checkResultsFit(results, kit, [2])).toEqual([])
  })

  it('still refuses a board id that belongs to no module, naming it and the file', () => {
    const file = join(dir, 'typo.json')
    writeFileSync(file, exportJson(raciMatrix, 'm2-board-raci-matrx', raciMatrix.empty()))
    expect(() => checkResultsFit(loadResultsFiles([file]), kit, [2]))
      .toThrow(/typo\.json: board "m2-board-raci-matrx" \(raci-matrix\) belongs to no module of this kit\. Its boards: .*m2-board-raci-matrix \(raci-matrix, module 2\)/)
  })

  it('refuses an export of one kind of board given for a board of another kind', () => {
    const file = join(dir, 'wrong-kind.json')
    writeFileSync(file, exportJson(stakeholderMap, 'm2-board-raci-matrix', stakeholderMap.empty()))
    expect(() => checkResultsFit(loadResultsFiles([file]), kit, [2])).toThrow(/board "m2-board-raci-matrix" is a raci-matrix board, but the results are a stakeholder-map export/)
  })

  it('reads several files in order: the later wins for the same board, with a one-line note', () => {
    const first = join(dir, 'first.json')
    const second = join(dir, 'second.json')
    writeFileSync(first, JSON.stringify([
      JSON.parse(exportJson(raciMatrix, 'm2-board-raci-matrix', { ...raciMatrix.empty(), roles: [{ id: 'r', name: 'Old host' }] })),
      JSON.parse(exportJson(stakeholderMap, 'm2-board-stakeholder-map', stakeholderMap.empty())),
    ]))
    writeFileSync(second, exportJson(raciMatrix, 'm2-board-raci-matrix', { ...raciMatrix.empty(), roles: [{ id: 'r', name: 'New host' }] }))
    const notes: string[] = []
    const results = loadResultsFiles([first, second], line => notes.push(line))
    expect((results.get('m2-board-raci-matrix')!.data as { roles: { name: string }[] }).roles[0].name).toBe('New host')
    expect(results.get('m2-board-raci-matrix')!.file).toBe(second)
    expect(results.has('m2-board-stakeholder-map')).toBe(true)
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatch(/^Board "m2-board-raci-matrix": the results in .*second\.json replace those in .*first\.json/)
    expect(notes[0]).not.toContain('\n')
  })

  it('reports the problems of every file at once', () => {
    const bad1 = join(dir, 'bad1.json')
    const bad2 = join(dir, 'bad2.json')
    writeFileSync(bad1, '{ not json')
    writeFileSync(bad2, JSON.stringify({ format: 'community-training-board', board: 'no-such-board', version: 1, data: {} }))
    expect(() => loadResultsFiles([bad1, bad2])).toThrow(/bad1\.json is not valid JSON[\s\S]*bad2\.json: unknown board "no-such-board"/)
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
