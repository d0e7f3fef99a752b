// "Take from this browser's boards": the charter reads the boards of modules 1-3 that this
// browser keeps for the same cohort (IndexedDB, here fake-indexeddb), without files, and
// merges them like imported files: only what the charter lacks is added.
import 'fake-indexeddb/auto'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { charterBuilder } from './model'
import { browserBoardFiles, browserBoardsToRead } from './browser'
import { threadCharter } from './thread'
import type { BoardDefinition } from '../kit/board'
import { raciMatrix } from '../raci-matrix/model'
import { stakeholderMap } from '../stakeholder-map/model'
import { addRow, initBoardDoc } from '../../board-doc'
import { LocalStore } from '../../state/local-store'
import { documentName } from '../../state/useExerciseState'

/** A board as a participant's browser saved it: loaded, started, filled, saved. */
async function saveBoard(cohort: string, id: string, def: BoardDefinition, fill: (doc: Y.Doc) => void) {
  const doc = new Y.Doc()
  const store = new LocalStore(documentName(cohort, id), doc)
  await store.loaded
  initBoardDoc(doc, def)
  fill(doc)
  expect((await store.whenSaved()).state).toBe('saved')
  store.destroy()
}

const person = (id: string, name: string, power: number, interest: number) => ({ id, name, category: '', power, interest, currentEngagement: '', preferredChannel: '', relationshipOwner: '' })

describe('taking the charter\'s material from this browser\'s boards', () => {
  it('reads the cohort\'s saved boards (not another cohort\'s), fills only what the charter lacks, and names the boards it found nothing on', async () => {
    await saveBoard('north', 'm2-board-stakeholder-map', stakeholderMap, (doc) => {
      addRow(doc, stakeholderMap, 'stakeholders', person('s1', 'Host libraries', 5, 5))
      addRow(doc, stakeholderMap, 'stakeholders', person('s2', 'Regional funder', 5, 2))
    })
    await saveBoard('north', 'm2-board-raci-matrix', raciMatrix, (doc) => {
      addRow(doc, raciMatrix, 'roles', { id: 'r1', name: 'Coordinator' })
    })
    await saveBoard('south', 'm2-board-stakeholder-map', stakeholderMap, (doc) => {
      addRow(doc, stakeholderMap, 'stakeholders', person('s9', 'Someone else\'s funder', 5, 5))
    })

    const found = await browserBoardFiles('north', browserBoardsToRead())
    expect(found.files.map(f => f.name).sort()).toEqual(['RACI matrix (m2-board-raci-matrix)', 'Stakeholder map (m2-board-stakeholder-map)'])
    expect(found.missing).toEqual(expect.arrayContaining(['Lifecycle compass', 'Channel audit', 'Mountain of engagement', 'Value-exchange ledger']))

    // What is typed stays; the stored boards add what is missing, as a file import would.
    const charter = charterBuilder.empty()
    charter.takeBack.consultWith = ['Our own members']
    charter.waysOfWorking.roles = ['Coordinator']
    const thread = threadCharter(charter, found.files)
    expect(thread.results.every(r => r.ok)).toBe(true)
    expect(thread.data.takeBack.consultWith).toEqual(['Our own members', 'Host libraries', 'Regional funder'])
    expect(thread.data.waysOfWorking.roles).toEqual(['Coordinator'])
    expect(JSON.stringify(thread.data)).not.toContain('Someone else')
  })

  it('leaves nothing behind for the boards it found nothing on, and reads boards at the ids the slide gives', async () => {
    const before = (await indexedDB.databases()).length
    const empty = await browserBoardFiles('nobody', browserBoardsToRead())
    expect(empty.files).toEqual([])
    expect(empty.missing).toHaveLength(6)
    expect((await indexedDB.databases()).length).toBe(before)

    await saveBoard('east', 'my-raci', raciMatrix, doc => addRow(doc, raciMatrix, 'roles', { id: 'r1', name: 'Chair' }))
    const custom = await browserBoardFiles('east', browserBoardsToRead({ [raciMatrix.kind]: 'my-raci' }))
    expect(custom.files.map(f => f.name)).toEqual(['RACI matrix (my-raci)'])
  })
})
