// A session's results, read from its SQLite store (the server may still be running): per board,
// the kit's JSON export envelope, Markdown and CSV, and results.json (all boards) for
// `npm run export -- --results`. Only what participants could see is exported: hidden and
// pending contributions stay out, as they stayed off the projector.
import { writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { exportJson, validate } from '../boards/kit/board'
import { UserError } from '../errors'
import { liveBoard } from './adapters'
import { meta } from './boards'
import { BOARD_ID } from './protocol'
import { LiveStore, loadDocument, type UpdateStore } from './store'

/** `from`: the session's SQLite file, or an open store (PostgreSQL), which is left open. */
/**
 * A board's file name, from its stored document name: only a board id (lower-case letters,
 * digits, dashes) names a file. A store is data: a document named `board/../x` (a damaged or
 * forged store) must not write outside `out`, so anything else is refused.
 */
export function boardFileName(documentName: string): string | undefined {
  const id = /^board\/(.+)$/s.exec(documentName)?.[1]
  return id !== undefined && BOARD_ID.test(id) ? id : undefined
}

export async function exportSession(from: string | UpdateStore, out: string, now = new Date()): Promise<{ boards: number, files: string[], refused: string[] }> {
  const store = typeof from === 'string' ? new LiveStore(from) : from
  const files: string[] = []
  const refused: string[] = []
  const envelopes: unknown[] = []
  try {
    for (const name of await store.documentsAsync()) {
      if (!name.startsWith('board/'))
        continue
      const boardId = boardFileName(name)
      if (!boardId) {
        refused.push(name)
        continue
      }
      const doc = await loadDocument(store, name)
      const adapter = liveBoard(String(meta(doc).get('kind')))
      if (!adapter)
        continue
      const checked = validate(adapter.def, adapter.results(doc))
      if (!checked.ok)
        throw new UserError(`Board ${boardId} cannot be exported: ${checked.error}`)
      const json = exportJson(adapter.def, boardId, checked.data, now)
      envelopes.push(JSON.parse(json))
      for (const [ext, text] of [['json', json], ['md', adapter.def.toMarkdown(checked.data)], ['csv', adapter.def.toCsv(checked.data)]] as const) {
        const file = join(out, `${boardId}.${ext}`)
        if (relative(resolve(out), resolve(file)).startsWith('..'))
          throw new Error(`export: ${file} is outside ${out}`)
        writeFileSync(file, text)
        files.push(file)
      }
    }
  }
  finally {
    if (typeof from === 'string')
      await store.close()
  }
  if (envelopes.length) {
    const file = join(out, 'results.json')
    writeFileSync(file, `${JSON.stringify(envelopes, null, 2)}\n`)
    files.push(file)
  }
  return { boards: envelopes.length, files, refused }
}
