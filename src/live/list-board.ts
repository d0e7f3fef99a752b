// A live adapter for any board whose data is one list of rows (defineListBoard: the origin
// timeline, channel audit, ledger …), for when their documents hold live rows: each row a
// Y.Map under its id in the `rowsKey` map. A participant adds, edits and withdraws their own
// rows; every row is checked with the board's own row schema. Not registered yet: the join
// page needs a form per board, which comes with the boards' live documents (src/state/board-doc).
import { z } from 'zod'
import * as Y from 'yjs'
import type { BoardDefinition } from '../exercises/board'
import { rowId } from '../exercises/fields'
import { type LiveBoardAdapter, meta, rowsOf, setFields, statusOf } from './boards'

type Row = { id: string } & Record<string, unknown>

const isInternal = (key: string) => key.startsWith('_')

function fieldsOf(row: Y.Map<unknown>): Row {
  return Object.fromEntries([...row.entries()].filter(([k]) => !isInternal(k))) as Row
}

export function listBoardAdapter<D>(spec: { def: BoardDefinition<D>, rowsKey: string, rowSchema: z.ZodType<Row> }): LiveBoardAdapter {
  const op = z.discriminatedUnion('op', [
    z.object({ op: z.literal('add'), row: spec.rowSchema }).strict(),
    z.object({ op: z.literal('edit'), row: spec.rowSchema }).strict(),
    z.object({ op: z.literal('withdraw'), id: rowId }).strict(),
  ])
  const rows = (doc: Y.Doc) => rowsOf(doc, spec.rowsKey)
  const visible = (doc: Y.Doc) => [...rows(doc).entries()]
    .filter(([, r]) => r instanceof Y.Map && statusOf(r) === 'visible' && spec.rowSchema.safeParse(fieldsOf(r)).success)
    .sort(([, a], [, b]) => Number(a.get('_at') ?? 0) - Number(b.get('_at') ?? 0))

  return {
    kind: spec.def.kind,
    def: spec.def,
    op,
    apply(doc, o: z.infer<typeof op>, who) {
      const id = o.op === 'withdraw' ? o.id : o.row.id
      const existing = rows(doc).get(id)
      if (existing && existing.get('_author') !== who.participantId)
        return { code: 'not-yours', error: 'You can change only your own entries.' }
      if (o.op === 'withdraw') {
        rows(doc).delete(id)
        return undefined
      }
      if (o.op === 'edit' && !existing)
        return { code: 'gone', error: 'This entry is no longer on the board.' }
      if (existing && statusOf(existing) === 'hidden')
        return { code: 'gone', error: 'The facilitator has hidden this entry; it cannot be changed.' }
      const fields = Object.fromEntries(Object.entries(o.row).map(([k, v]) => [k, v as any]))
      if (!existing) {
        let own = 0
        for (const r of rows(doc).values())
          own += r.get('_author') === who.participantId ? 1 : 0
        if (own >= who.maxEntries)
          return { code: 'limit', error: 'You have added {n} entries, the most one person can add here.', params: { n: who.maxEntries } }
        if (rows(doc).size >= who.maxRows)
          return { code: 'limit', error: 'The board is full ({n} entries).', params: { n: who.maxRows } }
        const row = new Y.Map<unknown>()
        rows(doc).set(id, row)
        for (const [k, v] of Object.entries(fields))
          row.set(k, v)
        setFields(row, { _author: who.participantId, _name: who.name, _status: who.moderation === 'queue' ? 'pending' : 'visible', _at: who.now })
        return undefined
      }
      let changed = false
      for (const [k, v] of Object.entries(fields)) {
        if (JSON.stringify(existing.get(k)) !== JSON.stringify(v)) {
          existing.set(k, v)
          changed = true
        }
      }
      if (changed && who.moderation === 'queue')
        existing.set('_status', 'pending')
      return undefined
    },
    project(doc, out) {
      setFields(meta(out), { kind: spec.def.kind, locked: meta(doc).get('locked') === true })
      const target = rowsOf(out, spec.rowsKey)
      const keep = new Set<string>()
      for (const [id, row] of visible(doc)) {
        keep.add(id)
        const fields = fieldsOf(row)
        let copy = target.get(id)
        if (!(copy instanceof Y.Map)) {
          copy = new Y.Map<unknown>()
          target.set(id, copy)
        }
        for (const [k, v] of Object.entries(fields)) {
          if (JSON.stringify(copy.get(k)) !== JSON.stringify(v))
            copy.set(k, v)
        }
      }
      for (const id of [...target.keys()]) {
        if (!keep.has(id))
          target.delete(id)
      }
    },
    mine(doc, participantId) {
      return [...rows(doc).entries()]
        .filter(([, r]) => r.get('_author') === participantId)
        .map(([id, r]) => ({ id, status: statusOf(r), row: statusOf(r) === 'hidden' ? undefined : fieldsOf(r) }))
    },
    results(doc) {
      return { [spec.rowsKey]: visible(doc).map(([, r]) => fieldsOf(r)) }
    },
  }
}
