// What the two scale-out tests (Redis with a shared SQLite file, Redis with PostgreSQL) do the
// same way: a session opened in a scratch folder, phones joined across two instances, and every
// phone adding ideas to the board the facilitator shows.
import { execFileSync } from 'node:child_process'
import * as Y from 'yjs'
import { Participant, seenIdeas, type ServerProcess, until } from '../support/live-clients'

export const hasRedisServer = (() => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' })
    return true
  }
  catch {
    return false
  }
})()

/** The ideas a phone sees on the idea board. */
export const ideasOf = seenIdeas
// The ideas on the board's own document (the core's layout), not the phones' projection.
export const boardIdeasOf = (doc: Y.Doc) => [...doc.getMap<Y.Map<unknown>>('rows:ideas').values()].map(r => r.toJSON() as Record<string, any>)

/** `count` phones, alternately on each instance, each once it shows `boardId`. */
export function joinPhones(instances: [ServerProcess, ServerProcess], count: number, boardId: string): Promise<Participant[]> {
  return Promise.all(Array.from({ length: count }, async (_, i) => {
    const p = new Participant(instances[i % 2 ? 1 : 0].wsUrl)
    await p.ready()
    await until(p.controlDoc, () => p.controlDoc.getMap('current').get('boardId') === boardId, 10_000, 'the board on every phone')
    return p
  }))
}

/** Every phone adds `each` ideas; the ids the server acknowledged. */
export async function addIdeas(phones: Participant[], boardId: string, each: number): Promise<string[]> {
  const acked: string[] = []
  await Promise.all(phones.map(async (p, n) => {
    for (let i = 0; i < each; i++) {
      const id = `p${n}-i${i}`
      if ((await p.contribute(boardId, { op: 'add', list: 'ideas', row: { id, text: `Idea ${i} from phone ${n}` } })).ok)
        acked.push(id)
    }
  }))
  return acked
}
