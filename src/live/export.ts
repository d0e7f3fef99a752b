// A session's results, read from its SQLite store (the server may still be running): per board,
// the kit's JSON export envelope, Markdown and CSV, and results.json (all boards) for
// `npm run export -- --results`. Only what participants could see is exported: hidden and
// pending contributions stay out, as they stayed off the projector.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { exportJson, validate } from '../boards/kit/board'
import { UserError } from '../errors'
import { liveBoard } from './adapters'
import { meta } from './boards'
import { LiveStore, loadDocument, type UpdateStore } from './store'

/** `from`: the session's SQLite file, or an open store (PostgreSQL), which is left open. */
export async function exportSession(from: string | UpdateStore, out: string, now = new Date()): Promise<{ boards: number, files: string[] }> {
  const store = typeof from === 'string' ? new LiveStore(from) : from
  const files: string[] = []
  const envelopes: unknown[] = []
  try {
    for (const name of await store.documentsAsync()) {
      const boardId = /^board\/(.+)$/.exec(name)?.[1]
      if (!boardId)
        continue
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
  return { boards: envelopes.length, files }
}
