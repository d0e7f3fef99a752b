// One build process of src/site/build-pool.ts: builds the decks it is sent, one at a time,
// with Slidev's in-process build (src/slidev/build.ts), and answers each with done or failed.
// A process of its own per core: Vite's build is mostly single-threaded JavaScript, and it sets
// NODE_ENV=production for the process it runs in, which must not leak into the kit's.
import process from 'node:process'
import { UserError } from '../errors'
import { buildDeck } from '../slidev/build'
import type { DeckJob, WorkerMessage } from './build-pool'

function send(message: WorkerMessage): void {
  process.send?.(message)
}

process.on('message', (job: DeckJob | 'stop') => {
  // Vite and Rolldown may keep handles open after a build: the pool is done with this process.
  if (job === 'stop')
    process.exit(0)
  buildDeck(job.entry, job.outDir, job.base, line => send({ type: 'log', id: job.id, line })).then(
    () => send({ type: 'done', id: job.id }),
    (e: unknown) => send({ type: 'failed', id: job.id, message: e instanceof UserError ? e.message : String((e as Error)?.message ?? e) }),
  )
})
send({ type: 'ready' })
