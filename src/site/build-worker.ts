// One build process of src/site/build-pool.ts: builds the decks it is sent, one at a time,
// with Slidev's in-process build (src/slidev/build.ts), and answers each with done or failed.
// A process of its own per core: Vite's build is mostly single-threaded JavaScript, and it sets
// NODE_ENV=production for the process it runs in, which must not leak into the kit's.
// The pool runs this file bundled into plain JavaScript (build-pool.ts, workerBundle), so the
// process loads Vite and Slidev without tsx's loader; the kit's preparser is bundled with it.
import { join } from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import kitPreparser from '../content/slidev-preparser'
import { UserError } from '../errors'
import { ROOT } from '../paths'
import { buildDeck, registerPreparsers } from '../slidev/build'
import type { DeckJob, WorkerMessage } from './build-pool'

const KIT_PREPARSER = join(ROOT, 'setup', 'preparser.ts')

function send(message: WorkerMessage): void {
  process.send?.(message)
}

// The kit's preparser is this process's own copy; any other root's is imported as before.
const ready = registerPreparsers(file => (file === KIT_PREPARSER ? Promise.resolve({ default: kitPreparser }) : import(pathToFileURL(file).href)))
  // Load Vite and Slidev while the pool hands out the first deck.
  .then(() => Promise.all([import('vite'), import('@slidev/cli')]))

process.on('message', (job: DeckJob | 'stop') => {
  // Vite and Rolldown may keep handles open after a build: the pool is done with this process.
  if (job === 'stop')
    process.exit(0)
  ready.then(() => buildDeck(job.entry, job.outDir, job.base, line => send({ type: 'log', id: job.id, line }), {
    // Vite's table of gzip sizes is not printed (the build logs warnings only): skip computing it.
    build: { reportCompressedSize: false },
  })).then(
    () => send({ type: 'done', id: job.id }),
    (e: unknown) => send({ type: 'failed', id: job.id, message: e instanceof UserError ? e.message : String((e as Error)?.message ?? e) }),
  )
})
send({ type: 'ready' })
