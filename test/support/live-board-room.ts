// A board's live adapter on a document of its own, with no server: what a board's live tests
// (src/boards/<kind>/live.test.ts) apply operations to and read the projection of.
import * as Y from 'yjs'
import { liveBoard } from '../../src/live/adapters'
import type { Contributor } from '../../src/live/boards'

export function liveBoardRoom(kind: string) {
  const adapter = liveBoard(kind)!
  const doc = new Y.Doc()
  const out = new Y.Doc()
  doc.transact(() => adapter.init!(doc))
  /** The adapter's answer: undefined when applied, or its refusal. */
  const apply = (body: unknown, by: Contributor) => {
    let refusal
    doc.transact(() => { refusal = adapter.apply(doc, adapter.op.parse(body), by) })
    return refusal as ReturnType<typeof adapter.apply> | undefined
  }
  return { adapter, doc, out, apply }
}
