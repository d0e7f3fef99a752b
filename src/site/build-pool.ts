// Builds decks in parallel: one build process per core (at most one per deck), each taking the
// next deck when it finishes one. Each process loads Vite and Slidev once for all its decks.
import { type ChildProcess, fork } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { UserError } from '../errors'
import { ROOT } from '../paths'

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

/** Where the bundled build process is kept (git-ignored), one file per version of the kit's sources. */
export const WORKER_BUNDLE_DIR = join(ROOT, '.scratch', 'build-worker')

/**
 * The build process as one plain JavaScript file: build-worker.ts with the kit's own modules it
 * imports (the Slidev adapter, the kit's preparser and what it imports) bundled in, and every
 * package left as an import. Node then loads Vite, Slidev and their plugins without tsx's loader
 * hooks, which cost each build process about a second of CPU time more than Slidev's own
 * command pays (every import goes through the loader's thread on Node 20). `key` is a hash of
 * the kit's sources (build-cache.ts, addonHash): the bundle is made once per version of them,
 * with Vite's build, and kept in .scratch/build-worker/. Undefined when it cannot be made: the
 * pool then runs build-worker.ts under tsx, as before.
 */
export async function workerBundle(key: string): Promise<string | undefined> {
  const file = join(WORKER_BUNDLE_DIR, `${key.slice(0, 24)}.mjs`)
  if (existsSync(file))
    return file
  // Vite's build sets NODE_ENV in the process it runs in: keep the kit's as it was.
  const nodeEnv = process.env.NODE_ENV
  try {
    const { build } = await import('vite')
    const isPackage = (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Z]:/i.test(id)
    const out = await build({
      configFile: false,
      envFile: false,
      logLevel: 'silent',
      root: ROOT,
      plugins: [{
        // src/paths.ts finds the kit from its own URL: keep each module's own.
        name: 'kit:module-url',
        transform: (code: string, id: string) => (code.includes('import.meta.url') ? code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(id).href)) : null),
      }],
      build: { ssr: WORKER, write: false, minify: false, copyPublicDir: false, reportCompressedSize: false, rollupOptions: { external: isPackage } },
    })
    const chunks = (Array.isArray(out) ? out : [out]).flatMap(o => ('output' in o ? o.output : []))
    const entry = chunks.find(c => c.type === 'chunk' && c.isEntry)
    if (!entry || entry.type !== 'chunk' || chunks.filter(c => c.type === 'chunk').length !== 1)
      return undefined
    mkdirSync(dirname(file), { recursive: true })
    const partial = `${file}.${process.pid}.partial`
    writeFileSync(partial, `// Bundled from src/site/build-worker.ts by src/site/build-pool.ts; made again when the kit's sources change.\n${entry.code}`)
    renameSync(partial, file)
    // Bundles of earlier versions of the kit's sources: removed once no build can be starting from them.
    for (const old of readdirSync(WORKER_BUNDLE_DIR)) {
      const path = join(WORKER_BUNDLE_DIR, old)
      if (path !== file && Date.now() - statSync(path).mtimeMs > 3_600_000)
        rmSync(path, { force: true })
    }
    return file
  }
  catch {
    return undefined
  }
  finally {
    if (nodeEnv === undefined)
      delete process.env.NODE_ENV
    else
      process.env.NODE_ENV = nodeEnv
  }
}

function startWorker(bundle: string | undefined): ChildProcess {
  // Vite sets NODE_ENV itself for a build; a value inherited from a test runner or a dev shell
  // would change what it writes.
  const env = { ...process.env }
  delete env.NODE_ENV
  // A larger young generation: Vite, Vue's compiler and UnoCSS allocate many short-lived
  // objects, and the default spends about a tenth of a build in garbage collection.
  const execArgv = ['--max-semi-space-size=64']
  if (!bundle)
    execArgv.push('--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href)
  return fork(bundle ?? WORKER, [], { execArgv, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
}

/**
 * Builds every job; resolves when all are built. The first failure stops the other builds and
 * rejects with a message naming the deck. `onDone` reports each deck's time.
 */
export async function buildInParallel(jobs: DeckJob[], log: (line: string) => void, onDone: (job: DeckJob, seconds: number) => void = () => {}, options: { workerKey?: string } = {}): Promise<void> {
  if (!jobs.length)
    return
  // A deck with a preparser of its own needs tsx to import it: the bundle carries the kit's only.
  const ownPreparser = jobs.some(job => existsSync(join(dirname(job.entry), 'setup', 'preparser.ts')))
  const bundle = options.workerKey && !ownPreparser ? await workerBundle(options.workerKey) : undefined
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
      const worker = startWorker(bundle)
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
