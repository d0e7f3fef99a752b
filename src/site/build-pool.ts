// Builds decks in parallel: one build process per core (at most one per deck), each taking the
// next deck when it finishes one. Each process loads Vite and Slidev once for all its decks.
import { type ChildProcess, fork } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { UserError } from '../errors'

export interface DeckJob {
  id: string
  /** why it is built, for the log: no earlier build, changed … */
  why?: string
  entry: string
  outDir: string
  base: string
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'log', id: string, line: string }
  | { type: 'done', id: string }
  | { type: 'failed', id: string, message: string }

const WORKER = fileURLToPath(new URL('./build-worker.ts', import.meta.url))

/** How many decks build at once: one per core, at most one per deck. */
export function poolSize(decks: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(decks, cores))
}

function startWorker(): ChildProcess {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  // Vite sets NODE_ENV itself for a build; a value inherited from a test runner or a dev shell
  // would change what it writes.
  const env = { ...process.env }
  delete env.NODE_ENV
  // A larger young generation: Vite, Vue's compiler and UnoCSS allocate many short-lived
  // objects, and the default spends about a tenth of a build in garbage collection.
  return fork(WORKER, [], { execArgv: ['--max-semi-space-size=64', '--import', tsx], env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
}

/**
 * Builds every job; resolves when all are built. The first failure stops the other builds and
 * rejects with a message naming the deck. `onDone` reports each deck's time.
 */
export function buildInParallel(jobs: DeckJob[], log: (line: string) => void, onDone: (job: DeckJob, seconds: number) => void = () => {}): Promise<void> {
  if (!jobs.length)
    return Promise.resolve()
  // The largest decks first, so that no process is left with a large deck at the end.
  const size = (job: DeckJob) => (existsSync(job.entry) ? statSync(job.entry).size : 0)
  const queue = [...jobs].sort((a, b) => size(b) - size(a))
  const workers: ChildProcess[] = []
  const exits: Promise<void>[] = []
  return new Promise<void>((resolve, reject) => {
    let remaining = jobs.length
    let failed = false
    const stopAll = () => {
      for (const w of workers) {
        if (w.exitCode === null && w.signalCode === null)
          w.kill()
      }
    }
    const fail = (message: string) => {
      if (failed)
        return
      failed = true
      stopAll()
      reject(new UserError(message))
    }
    for (let i = 0; i < poolSize(jobs.length); i++) {
      const worker = startWorker()
      workers.push(worker)
      exits.push(new Promise(resolve => worker.once('exit', () => resolve())))
      let current: { job: DeckJob, started: number } | undefined
      let output = ''
      worker.stdout!.on('data', (d) => { output += d })
      worker.stderr!.on('data', (d) => { output += d })
      const next = () => {
        const job = queue.shift()
        if (!job) {
          current = undefined
          worker.send('stop')
          return
        }
        current = { job, started: Date.now() }
        output = ''
        log(`Building ${job.id}${job.why ? ` (${job.why})` : ''} …`)
        worker.send(job)
      }
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'ready')
          next()
        else if (m.type === 'log')
          log(m.line)
        else if (m.type === 'failed')
          fail(`Building ${m.id} failed:\n${m.message}${output.trim() ? `\n${output.trim()}` : ''}`)
        else if (m.type === 'done' && current) {
          onDone(current.job, (Date.now() - current.started) / 1000)
          current = undefined
          if (--remaining === 0) {
            // Every deck is built: resolve once each build process has ended (its time is then
            // counted, and nothing of the build is left running).
            for (const w of workers) {
              if (w.connected)
                w.send('stop', () => {})
            }
            Promise.all(exits).then(() => resolve())
          }
          else {
            next()
          }
        }
      })
      worker.on('error', e => fail(`A build process could not start: ${e.message}`))
      worker.on('exit', (code, signal) => {
        if (current && !failed)
          fail(`Building ${current.job.id} stopped unexpectedly (${signal ?? `exit code ${code}`}).${output.trim() ? `\n${output.trim()}` : ''}`)
      })
    }
  })
}
