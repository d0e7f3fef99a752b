// "Take from this browser's boards": the charter reads the boards of modules 1-3 that this
// browser keeps for the same cohort (IndexedDB, one document per cohort and board: see
// src/state/useExerciseState.ts), without files. Each saved board is read as it is stored
// (migrated in memory, never written back) and handed to the thread as that board's JSON
// export, so it is checked and merged exactly like an imported file: only what the charter
// lacks is added. Files stay the way to bring work from another device or browser.
import * as Y from 'yjs'
import { type BoardDefinition, exportJson } from '../kit/board'
import { BOARDS } from '../index'
import { initBoardDoc, readBoard } from '../../board-doc'
import { readSaved } from '../../state/local-store'
import { documentName } from '../../state/useExerciseState'
import { READS, type ThreadFile } from './thread'

export interface BrowserBoard { def: BoardDefinition, id: string }

export interface BrowserBoards {
  /** the saved boards with something on them, as exports */
  files: ThreadFile[]
  /** the boards this browser has nothing on (their titles), or cannot read (with why) */
  missing: string[]
}

/** The boards the charter reads, at their deck ids (the registry's, unless the slide gives others). */
export function browserBoardsToRead(ids: Record<string, string | undefined> = {}): BrowserBoard[] {
  return READS.map(def => ({ def, id: ids[def.kind] ?? BOARDS.find(b => b.def === def)!.defaultId }))
}

const isEmpty = (def: BoardDefinition, data: unknown) => JSON.stringify(data) === JSON.stringify(def.empty())

/** Reads each board's saved document for `cohort` (outside any live session: your own boards). */
export async function browserBoardFiles(cohort: string, boards: readonly BrowserBoard[]): Promise<BrowserBoards> {
  const files: ThreadFile[] = []
  const missing: string[] = []
  for (const { def, id } of boards) {
    const updates = await readSaved(documentName(cohort, id))
    if (!updates?.length) {
      missing.push(def.title)
      continue
    }
    const doc = new Y.Doc()
    try {
      Y.transact(doc, () => updates.forEach(u => Y.applyUpdate(doc, u)))
      const status = initBoardDoc(doc, def)
      if (status.state === 'unreadable') {
        missing.push(`${def.title} (${status.reason})`)
        continue
      }
      const { data } = readBoard(doc, def)
      if (isEmpty(def, data))
        missing.push(def.title)
      else
        files.push({ name: `${def.title} (${id})`, text: exportJson(def, id, data) })
    }
    catch (e) {
      missing.push(`${def.title} (${e instanceof Error ? e.message : String(e)})`)
    }
    finally {
      doc.destroy()
    }
  }
  return { files, missing }
}
