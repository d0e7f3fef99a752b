// The idea board's live document: its layout, and what is read from it, as plain functions of
// the document (no Vue, no server). The live server's adapter (src/live/idea-vote.ts) writes it
// from phones and projects it; the facilitator's tab (IdeaVote.vue) reads its results and
// moderates it (./moderate.ts). Moderation fields (`_status`, `meta.locked`, `meta.moderation`)
// are the document core's, read with its decoders (src/board-doc/status.ts).
//
// board/<id>:  meta {kind, schema, locked, moderation, votesPerPerson}
//              ideas  id -> {id, text, _author, _name, _status, _at, _merged?, _mergedInto?}
//              votes  <author>~<idea> -> {idea, _author, _at}   (a vote's key makes it idempotent)
//
// This layout is kept as it is (schema 1): sessions stored in SQLite or PostgreSQL hold it. It is
// not the board's own document (the tab's saved board, schema 2 of the core, holds the results).
import * as Y from 'yjs'
import { metaMap, rowStatus, type Scalar } from '../../board-doc'
import { DEFAULT_VOTES, type IdeaVoteData, ideaText, VOTES_MAX, VOTES_MIN } from './model'

export const IDEA_VOTE_SCHEMA = 1

const rowsOf = (doc: Y.Doc, name: string) => doc.getMap<Y.Map<unknown>>(name)
export const ideas = (doc: Y.Doc) => rowsOf(doc, 'ideas')
export const votes = (doc: Y.Doc) => rowsOf(doc, 'votes')
export const voteKey = (author: string, idea: string) => `${author}~${idea}`

export function votesPerPerson(doc: Y.Doc): number {
  const n = metaMap(doc).get('votesPerPerson')
  return typeof n === 'number' && Number.isInteger(n) && n >= VOTES_MIN && n <= VOTES_MAX ? n : DEFAULT_VOTES
}

export const isVisibleIdea = (doc: Y.Doc, id: unknown) => {
  const row = typeof id === 'string' ? ideas(doc).get(id) : undefined
  return row instanceof Y.Map && rowStatus(row) === 'visible' && ideaText.safeParse(row.get('text')).success
}

/**
 * Kept up to date from the document's own change events, so a contribution costs the same on
 * an empty board and on one with thousands of ideas: who wrote which ideas, who voted for
 * what, and which ideas changed since the last projection.
 */
export interface Index {
  authorOf: Map<string, string>
  ideasBy: Map<string, Set<string>>
  /** idea -> authors of votes for it (whether or not the idea is visible now) */
  votersOf: Map<string, Set<string>>
  votedBy: Map<string, Set<string>>
  dirty: Set<string>
  all: boolean
  /** visible ideas as the projection last saw them: votes and when given (the top's order) */
  scores: Map<string, { votes: number, at: number }>
}
const indexes = new WeakMap<Y.Doc, Index>()

const add = (m: Map<string, Set<string>>, k: string, v: string) => { (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v) }
const drop = (m: Map<string, Set<string>>, k: string, v: string) => { m.get(k)?.delete(v) }

export function indexOf(doc: Y.Doc): Index {
  let ix = indexes.get(doc)
  if (ix)
    return ix
  const index: Index = { authorOf: new Map(), ideasBy: new Map(), votersOf: new Map(), votedBy: new Map(), dirty: new Set(), all: true, scores: new Map() }
  ix = index
  const noteIdea = (id: string) => {
    const row = ideas(doc).get(id)
    const before = index.authorOf.get(id)
    if (before !== undefined) {
      drop(index.ideasBy, before, id)
      index.authorOf.delete(id)
    }
    const author = row instanceof Y.Map ? row.get('_author') : undefined
    if (typeof author === 'string') {
      index.authorOf.set(id, author)
      add(index.ideasBy, author, id)
    }
    index.dirty.add(id)
  }
  const noteVote = (key: string) => {
    const at = key.indexOf('~') // author ids are base64url: the first ~ ends them
    const author = key.slice(0, at)
    const idea = key.slice(at + 1)
    const row = votes(doc).get(key)
    if (row instanceof Y.Map && row.get('_author') === author && row.get('idea') === idea) {
      add(index.votersOf, idea, author)
      add(index.votedBy, author, idea)
    }
    else {
      drop(index.votersOf, idea, author)
      drop(index.votedBy, author, idea)
    }
    index.dirty.add(idea)
  }
  for (const id of ideas(doc).keys())
    noteIdea(id)
  for (const key of votes(doc).keys())
    noteVote(key)
  ideas(doc).observeDeep((events) => {
    for (const e of events) {
      if (e.target === ideas(doc)) {
        for (const id of e.changes.keys.keys())
          noteIdea(id)
      }
      else if (typeof e.path[0] === 'string') {
        noteIdea(e.path[0])
      }
    }
  })
  votes(doc).observeDeep((events) => {
    for (const e of events) {
      if (e.target === votes(doc)) {
        for (const key of e.changes.keys.keys())
          noteVote(key)
      }
    }
  })
  indexes.set(doc, index)
  return index
}

export function votesOf(doc: Y.Doc, participantId: string): string[] {
  return [...indexOf(doc).votedBy.get(participantId) ?? []].filter(idea => isVisibleIdea(doc, idea))
}

export function tallyOf(doc: Y.Doc, idea: string): number {
  // A vote counts while its idea is visible; a vote on an idea later hidden is given back.
  return indexOf(doc).votersOf.get(idea)?.size ?? 0
}

export function publicRow(doc: Y.Doc, id: string): Record<string, Scalar> | undefined {
  if (!isVisibleIdea(doc, id))
    return undefined
  const row = ideas(doc).get(id)!
  const name = row.get('_name')
  const out: Record<string, Scalar> = { id, text: row.get('text') as string, by: typeof name === 'string' ? name.slice(0, 40) : '', votes: tallyOf(doc, id) }
  const also = mergedNames(doc, row)
  if (also)
    out.also = also
  return out
}

/**
 * Duplicates the facilitator merged into an idea (its `_merged` ids; each one hidden, with
 * `_mergedInto`): the names their senders gave (anonymous senders are not named), for the idea kept, which lists who sent it.
 */
function mergedNames(doc: Y.Doc, row: Y.Map<unknown>): string {
  const merged = row.get('_merged')
  if (!Array.isArray(merged))
    return ''
  const own = row.get('_name')
  const names = new Set<string>()
  for (const id of merged.slice(0, 500)) {
    const other = typeof id === 'string' ? ideas(doc).get(id) : undefined
    if (!(other instanceof Y.Map) || other.get('_mergedInto') !== row.get('id'))
      continue
    const name = other.get('_name')
    if (typeof name === 'string' && name.trim())
      names.add(name.trim().slice(0, 40))
  }
  if (typeof own === 'string')
    names.delete(own.trim())
  return [...names].join(', ').slice(0, 2000)
}


/** The board's results in its model's shape: visible ideas, oldest first, with their votes. */
export function ideaResults(doc: Y.Doc): IdeaVoteData {
  const at = (id: string) => Number(ideas(doc).get(id)?.get('_at') ?? 0)
  const list = [...ideas(doc).keys()].sort((a, b) => at(a) - at(b)).map((id) => {
    const row = publicRow(doc, id)
    return row && at(id) > 0 ? { ...row, at: new Date(at(id)).toISOString() } : row
  }).filter(r => r !== undefined)
  return { votesPerPerson: votesPerPerson(doc), ideas: list as unknown as IdeaVoteData['ideas'] }
}
