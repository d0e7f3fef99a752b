// The idea board's document: the document core's layout (src/board-doc/layout.ts), the same
// as every board's, and what is read from it, as plain functions of the document (no Vue, no
// server). The live server's adapter (the generic one, src/live/list-board.ts, from the board's
// phone form in ./entry.ts) writes it from phones and projects it; the facilitator's tab shares it through the live sync provider, like every board's
// document, reads it with the core's reader (the vote rows counted into each idea by `readIdeas`,
// the board's `read`) and moderates it with the core's operations (a merge: ./moderate.ts).
// Moderation fields (`_status`, `meta.locked`, `meta.moderation`) are the core's, read with its
// decoders (src/board-doc/status.ts).
//
// board/<id>:  meta        {kind, schema: 2, version, locked, moderation, phase?}
//              fields      {votesPerPerson}
//              rows:ideas  id -> {id, text, _author, _name, _status, _at, _merged?, _mergedInto?}
//              rows:votes  id -> {id, idea, _author, _at, _order}   (a list of the board's shape: a
//                          phone's vote, one per person and idea; no `_status`, never moderated.
//                          Votes moved from an older layout keep their key, `<author>~<idea>`)
//
// Older layouts, which stored sessions (SQLite, PostgreSQL) hold, are moved once, deterministically,
// when the server loads the document (`initIdeaDoc`):
// - schema 1 (before the core): the ideas in the top-level map `ideas`, the votes per person in
//   `meta`, the votes in the top-level map `votes`;
// - schema 2 before the votes were a list: the votes in the top-level map `votes` (same keys and fields).
import * as Y from 'yjs'
import { DOC_SCHEMA, fieldsMap, INIT_ORIGIN, mergedSenders, metaMap, rowsMap } from '../../board-doc'
import { type IdeaVoteData, ideaVote } from './model'

export const ideas = (doc: Y.Doc) => rowsMap(doc, ['ideas']) as Y.Map<Y.Map<unknown>>
export const votes = (doc: Y.Doc) => rowsMap(doc, ['votes']) as Y.Map<Y.Map<unknown>>

/**
 * Moves a loaded idea board document of an older layout to the current one (the board's
 * `prepare`, called by the core's `initBoardDoc` on every load): one written before the core
 * (schema 1) to the core's layout, and votes kept in the map `votes` to rows of the list `votes`.
 * A new document is left to the core. False when this kit cannot write it (another board's kind,
 * or a newer schema): left untouched.
 */
export function initIdeaDoc(doc: Y.Doc): boolean {
  const meta = metaMap(doc)
  const kind = meta.get('kind')
  const schema = meta.get('schema')
  if (kind !== undefined && kind !== ideaVote.kind)
    return false
  if (typeof schema === 'number' && schema > DOC_SCHEMA)
    return false
  // A new document: the core starts it (initBoardDoc).
  if (kind === undefined && schema === undefined)
    return true
  if (schema === DOC_SCHEMA && kind === ideaVote.kind) {
    if (doc.share.has(OLD_VOTES) && doc.getMap(OLD_VOTES).size)
      doc.transact(() => moveOldVotes(doc), INIT_ORIGIN)
    return true
  }
  doc.transact(() => {
    // Schema 1: the rows from `ideas`; the votes from their map (schema 1 and 2).
    moveRows(doc.getMap<unknown>('ideas'), ideas(doc))
    moveOldVotes(doc)
    const n = meta.get('votesPerPerson')
    if (n !== undefined) {
      if (!fieldsMap(doc).has('votesPerPerson'))
        fieldsMap(doc).set('votesPerPerson', n)
      meta.delete('votesPerPerson')
    }
    meta.set('kind', ideaVote.kind)
    meta.set('schema', DOC_SCHEMA)
    meta.set('version', ideaVote.version)
  }, INIT_ORIGIN)
  return true
}

/** Where the votes were kept before they were a list of the board's shape. */
const OLD_VOTES = 'votes'

function moveOldVotes(doc: Y.Doc): void {
  if (doc.share.has(OLD_VOTES))
    moveRows(doc.getMap<unknown>(OLD_VOTES), votes(doc), true)
}

/**
 * Rows of an older layout moved into a list of the board's shape under the same keys, in key
 * order, each copied whole (its moderation fields and merges too), so that two server instances
 * moving them at once write the same rows; a row already in the list is kept. The votes (the
 * top-level map `votes`, `<author>~<idea>` -> {idea, _author, _at}) take their key as their id.
 */
function moveRows(before: Y.Map<unknown>, after: Y.Map<Y.Map<unknown>>, keyIsId = false): void {
  for (const [key, row] of [...before.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!(row instanceof Y.Map) || after.has(key))
      continue
    const copy = new Y.Map<unknown>()
    after.set(key, copy)
    if (keyIsId)
      copy.set('id', key)
    for (const [field, value] of row.entries())
      copy.set(field, value instanceof Y.AbstractType ? value.toJSON() : value)
  }
  before.clear()
}

/**
 * The board as the tab reads it (the core's `readBoard`, then this): each idea gets its votes
 * (the rows of `votes` that name it, added to any the facilitator gave by hand), and each idea a
 * participant sent gets its sender's name, the names of the duplicates merged into it and when
 * it was sent; ideas in the order they came. The list `votes` itself is left out of what is
 * read: exports and the projected board hold counts, never who voted for what.
 */
export function readIdeas(doc: Y.Doc, data: IdeaVoteData): IdeaVoteData {
  const { votes: given = [], ...rest } = data
  const tally = new Map<string, number>()
  for (const vote of given)
    tally.set(vote.idea, (tally.get(vote.idea) ?? 0) + 1)
  const rows = ideas(doc)
  const when = (row: Y.Map<unknown> | undefined) => {
    const order = row?.get('_order') ?? row?.get('_at')
    return typeof order === 'number' ? order : Number.MAX_SAFE_INTEGER
  }
  const counted = data.ideas.map(idea => (tally.has(idea.id) ? { ...idea, votes: idea.votes + tally.get(idea.id)! } : idea))
  if (!data.ideas.some((i) => {
    const row = rows.get(i.id)
    return row instanceof Y.Map && row.has('_author')
  }))
    return { ...rest, ideas: counted }
  const list = counted.map((idea) => {
    const row = rows.get(idea.id)
    if (!(row instanceof Y.Map) || !row.has('_author'))
      return idea
    const name = row.get('_name')
    const also = mergedSenders(rows, row, idea.id).join(', ').slice(0, 2000)
    const at = Number(row.get('_at') ?? 0)
    return {
      ...idea,
      by: idea.by || (typeof name === 'string' ? name.slice(0, 40) : ''),
      ...(also ? { also } : {}),
      ...(at > 0 ? { at: new Date(at).toISOString() } : {}),
    }
  })
  const order = new Map(data.ideas.map((i, n) => [i.id, n]))
  list.sort((a, b) => when(rows.get(a.id)) - when(rows.get(b.id)) || order.get(a.id)! - order.get(b.id)!)
  return { ...rest, ideas: list }
}
