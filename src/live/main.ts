// `npm run live -- …`: a workshop where participants join from their phones.
//   live <module> [--cohort <id>] [--session <name>] [--port 4321] [--host <address>] [--anonymous] [--slides-port 3030]
//       the live server on this laptop's network address, and the presentation
//       (--anonymous: participants cannot give names; --slides-port: Slidev's port)
//   live serve --session <name> [--cohort <id>] [--host 127.0.0.1] [--port 4321] [--redis host:port] [--store postgres://…]
//       the live server alone (restarts, several instances behind a load balancer); --cohort:
//       the phones' page in the cohort's look (accent, logo) and a new session in its language
//   live export <session> [--out <folder>] [--store postgres://…]   each board's results: JSON, Markdown, CSV
//   live record <session> [--out <folder>] [--store postgres://…] [--no-pdf]   the session record (Markdown, PDF)
//   live delete <session>                       removes a session's data
//   live build                                  builds the join page
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import QRCode from 'qrcode'
import { findModule } from '../content/decks'
import { parseCommandLine, parsePort } from '../args'
import { UserError } from '../errors'
import { SLIDEV_BIN } from '../paths'
import { spawnChild } from '../spawn'
import { z } from 'zod'
import { joinLines, lanAddresses, laptopName, shortRedirect } from './address'
import { exportSession } from './export'
import { cohortBrand } from './join-brand'
import { describeServer, lockSession, runningServers } from './lock'
import { LiveStore } from './store'
import { buildJoinPage, JOIN_DIST, joinPageIsCurrent } from './join-build'
import { DEFAULT_LIMITS, type LiveLimits, type LiveServerOptions, startLiveServer } from './server'
import { checkSessionName, deleteSession, openSession, readSession, sessionsDir } from './session'
import { ownPgSession, ownStoreFile } from './own-boards'

export const LIVE_USAGE = `Usage:
  npm run live -- <module> [--cohort <id>] [--session <name>] [--port 4321] [--host <address>] [--anonymous] [--slides-port 3030]
  npm run live -- export <session> [--out <folder>] [--store postgres://…]
  npm run live -- record <session> [--out <folder>] [--store postgres://…] [--no-pdf]
  npm run live -- delete <session>
  npm run live -- serve --session <name> [--cohort <id>] [--host 127.0.0.1] [--port 4321] [--redis host:port] [--store postgres://…] [--origin https://…]`

export async function live(args: string[]): Promise<number> {
  const [first, ...rest] = args
  switch (first) {
    case 'export': return exportCommand(rest)
    case 'record': return recordCommand(rest)
    case 'delete': return deleteCommand(rest)
    case 'serve': return serveCommand(rest)
    case 'build':
      await buildJoinPage()
      console.log(`Join page built into ${JOIN_DIST}.`)
      return 0
    case undefined:
    case 'help':
    case '--help':
      console.log(LIVE_USAGE)
      return 0
    default: return present(args)
  }
}

/** The laptop's address on the room's network: the first IPv4 address that is not loopback. */
export function lanAddress(): string | undefined {
  return lanAddresses()[0]
}

function deckTitle(entry: string): string {
  const head = /^---\n([\s\S]*?)\n---/.exec(readFileSync(entry, 'utf8'))?.[1] ?? ''
  return /^title:\s*(.+)$/m.exec(head)?.[1].replace(/^['"]|['"]$/g, '').trim() ?? 'Workshop'
}

async function ensureJoinPage() {
  if (!joinPageIsCurrent()) {
    console.log('Building the join page…')
    await buildJoinPage()
  }
}

const today = () => new Date().toISOString().slice(0, 10)

/** Starts the server; a port in use is the user's to fix, so it gets a message, not a stack trace. */
async function listen(options: LiveServerOptions) {
  try {
    return await startLiveServer(options)
  }
  catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new UserError(`Port ${options.port} is in use (another live session?). Stop it, or choose another port: --port ${(options.port ?? 4321) + 1}`)
    throw e
  }
}

async function present(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args,
    options: { 'cohort': { type: 'string' }, 'session': { type: 'string' }, 'port': { type: 'string' }, 'host': { type: 'string' }, 'anonymous': { type: 'boolean' }, 'slides-port': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  }, LIVE_USAGE)
  // Loaded only here: the cohort composer and Slidev's parser are not needed to serve.
  const { resolveKit } = await import('../site/kit')
  const kit = await resolveKit(values.cohort)
  const deck = findModule(kit.decks, positionals[0])
  const name = checkSessionName(values.session ?? `${values.cohort ? `${values.cohort}-` : ''}m${deck.number}-${today()}`)
  const language = kit.cohort?.cohort?.language ?? 'en'
  const slidesPort = values['slides-port'] === undefined ? undefined : parsePort(values['slides-port'])
  const session = openSession(name, { title: deckTitle(deck.entry), module: deck.name, cohort: values.cohort, language })
  const lock = lockSession(session.dir, name, false)
  await ensureJoinPage()
  const address = values.host ?? lanAddress()
  if (!address)
    console.warn('No network address found (is Wi-Fi on?). Participants on other devices cannot join; the server listens on this computer only.')
  const server = await listen({
    db: session.db,
    token: session.token,
    title: session.title,
    language: session.language,
    host: address ? '0.0.0.0' : '127.0.0.1',
    port: parsePort(values.port ?? '4321', { anyFree: true }),
    joinDir: JOIN_DIST,
    names: !values.anonymous,
    // The cohort's accent (kept at AA contrast) and logo on the phones' page.
    brand: await cohortBrand(kit.cohort),
    // Participants' own boards: the cohort's, so they are there again in its next session.
    ownFile: ownStoreFile(sessionsDir(), session.dir, session.cohort),
  })
  lock.listening(address ?? '127.0.0.1', server.port)
  // The address to type: the laptop's name when the room's network resolves it, else the IP.
  const laptop = address && !values.host ? await laptopName(address) : undefined
  // Without --port, port 80 too where the laptop allows it: a redirect, so the address has no port.
  const redirect = address && values.port === undefined ? await shortRedirect({ names: laptop ? [laptop] : [], address, port: server.port }) : undefined
  const joinAt = joinLines({ name: laptop, address: address ?? '127.0.0.1', port: server.port, typedPort: redirect?.port })
  const joinUrl = joinAt.url
  const qr = await QRCode.toString(joinUrl, { type: 'terminal', small: true })
  const bold = (text: string) => (process.stdout.isTTY ? `\x1B[1m${text}\x1B[22m` : text)
  console.log(`\nLive session "${name}": ${session.title}\n\n${bold(joinAt.lines[0])}\n${joinAt.lines.slice(1).join('\n')}\n${qr}\nFacilitator token (keep it on this laptop): ${session.token}\n`)
  const child = spawnChild(process.execPath, [SLIDEV_BIN, deck.entry, ...(slidesPort ? ['--port', String(slidesPort)] : [])], {
    stdio: 'inherit',
    // Vite hands VITE_* variables to the deck's client: only this laptop's Slidev gets them.
    env: { VITE_KIT_LIVE_URL: `ws://127.0.0.1:${server.port}`, VITE_KIT_LIVE_TOKEN: session.token, VITE_KIT_LIVE_JOIN: joinUrl, VITE_KIT_LIVE_TYPE: joinAt.typed, VITE_KIT_LIVE_SESSION: name },
  })
  const stop = () => child.kill('SIGTERM')
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  const code = await new Promise<number>(resolve => child.on('exit', c => resolve(c ?? 0)))
  await redirect?.close()
  await server.stop()
  lock.release()
  console.log(`Session "${name}" saved. Results: npm run live -- export ${name}`)
  return code
}

/**
 * `serve --cohort <id>`: the cohort (cohorts/<id>/cohort.yaml) read and checked, for the phones'
 * page. Only the cohort file is read (no deck is composed): a server needs its look, not its slides.
 */
async function cohortToServe(id: string) {
  const { formatCohortProblem, loadCohort } = await import('../cohort/load')
  const loaded = await loadCohort(id)
  if (loaded.problems.length || !loaded.cohort)
    throw new UserError(`--cohort ${id}: the cohort cannot be used, so the server was not started:\n${loaded.problems.map(p => `  ${formatCohortProblem(p)}`).join('\n')}`)
  return loaded
}

function parseRedis(value: string | undefined): { host: string, port: number } | undefined {
  if (!value)
    return undefined
  const m = /^([\w.-]+|\[[\d:a-f]+\]):(\d+)$/i.exec(value)
  if (!m)
    throw new UserError(`--redis must be host:port, for example --redis 127.0.0.1:6379, not "${value}".`)
  return { host: m[1].replace(/^\[|\]$/g, ''), port: Number(m[2]) }
}

async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseCommandLine({
    args,
    options: { session: { type: 'string' }, cohort: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, redis: { type: 'string' }, store: { type: 'string' }, title: { type: 'string' }, limits: { type: 'string' }, name: { type: 'string' }, anonymous: { type: 'boolean' }, origin: { type: 'string', multiple: true } },
    strict: true,
  }, LIVE_USAGE)
  const name = checkSessionName(values.session)
  const limits = parseLimits(values.limits)
  const origins = parseOrigins(values.origin)
  const redis = parseRedis(values.redis)
  // Read (and checked) before the session is opened: a bad cohort starts and creates nothing.
  const cohort = values.cohort === undefined ? undefined : await cohortToServe(values.cohort)
  const session = openSession(name, { title: values.title ?? name, ...(cohort ? { cohort: cohort.id, language: cohort.cohort!.language } : {}) })
  const lock = lockSession(session.dir, name, !!redis)
  if (!existsSync(join(JOIN_DIST, 'index.html')))
    console.warn('The join page is not built: npm run live -- build')
  const pg = await pgStore(values.store, name)
  const server = await listen({
    db: session.db,
    store: pg,
    // With PostgreSQL, participants' own boards are kept there too (every instance reads them).
    ...(pg ? { ownStore: pg.scoped(ownPgSession(name, session.cohort)) } : {}),
    token: session.token,
    title: session.title,
    language: session.language,
    host: values.host ?? '127.0.0.1',
    port: parsePort(values.port ?? '4321', { anyFree: true }),
    joinDir: JOIN_DIST,
    redis,
    limits,
    origins,
    name: values.name,
    names: !values.anonymous,
    ownFile: ownStoreFile(sessionsDir(), session.dir, session.cohort),
    // The cohort's accent (kept at AA contrast) and logo on the phones' page, as `live <module> --cohort`.
    brand: await cohortBrand(cohort),
  })
  lock.listening(values.host ?? '127.0.0.1', server.port)
  // Listening for a stop before saying "ready": whoever reads that line may stop us at once.
  // A second signal during the goodbye must not kill the process before its lock is released.
  const stopped = new Promise<void>((resolve) => {
    process.on('SIGINT', resolve)
    process.on('SIGTERM', resolve)
  })
  // One line a script can read (tests, the benchmark, a process manager).
  console.log(JSON.stringify({ ready: true, url: server.url, port: server.port, session: name, pid: process.pid }))
  await stopped
  // Every update is on disk already: a slow goodbye to connections need not hold the exit.
  await Promise.race([server.stop(), new Promise(resolve => setTimeout(resolve, 3000).unref())])
  lock.release()
  return 0
}

const limitsSchema = z.object({
  entriesPerParticipant: z.number().int().min(1).max(10_000),
  rowsPerBoard: z.number().int().min(1).max(100_000),
  burst: z.number().int().min(1).max(10_000),
  perSecond: z.number().positive().max(10_000),
  participants: z.number().int().min(1).max(100_000),
  joinBurst: z.number().int().min(1).max(100_000),
  joinsPerSecond: z.number().positive().max(10_000),
  newcomerSeconds: z.number().min(0).max(86_400),
  newcomerBurst: z.number().int().min(1).max(10_000),
  newcomerPerSecond: z.number().positive().max(10_000),
}).partial().strict()

/** `--limits '{"burst":20}'`: JSON, each value a number in its range, or a clear error naming the key. */
export function parseLimits(text: string | undefined): Partial<LiveLimits> | undefined {
  if (text === undefined)
    return undefined
  const example = `--limits '${JSON.stringify({ burst: DEFAULT_LIMITS.burst, perSecond: DEFAULT_LIMITS.perSecond })}'`
  let json: unknown
  try {
    json = JSON.parse(text)
  }
  catch (e) {
    throw new UserError(`--limits is not JSON (${(e as Error).message}): give an object of numbers, for example ${example}. Nothing was started.`)
  }
  const parsed = limitsSchema.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      if (i.code === 'unrecognized_keys')
        return `unknown key ${i.keys.map(k => `"${k}"`).join(', ')}`
      const key = i.path.join('.')
      return key ? `"${key}" ${i.code === 'invalid_type' ? `must be a number, not ${JSON.stringify((json as Record<string, unknown>)[key])}` : i.message.replace(/^Too (big|small): expected number to be /, 'must be ')}` : i.message
    })
    throw new UserError(`--limits: ${problems.join('; ')}. The keys are ${Object.keys(DEFAULT_LIMITS).join(', ')}, each a number, for example ${example}. Nothing was started.`)
  }
  return parsed.data
}

/**
 * `--origin https://live.example.org` (repeatable): a page address that may open the session
 * besides the join page and this computer's pages, for a proxy that changes the Host header.
 */
function parseOrigins(list: string[] | undefined): ((origin: string) => boolean) | undefined {
  if (!list?.length)
    return undefined
  const allowed = new Set(list.map((value) => {
    try {
      const url = new URL(value)
      if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash)
        throw new Error('not an origin')
      return url.origin
    }
    catch {
      throw new UserError(`--origin must be a page's address without a path, for example --origin https://live.example.org, not "${value}".`)
    }
  }))
  return origin => allowed.has(origin)
}

/** A PostgreSQL address with its password left out, for messages. */
const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')

/** `--store postgres://…`: the session's updates in PostgreSQL, shared by instances on several machines. */
async function pgStore(url: string | undefined, session: string) {
  if (!url)
    return undefined
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new UserError(`--store must be a PostgreSQL address, for example --store postgres://user@db-host:5432/training, not "${url}".`)
  const { PgStore } = await import('./pg-store')
  const store = new PgStore(url, session)
  try {
    await store.check()
  }
  catch (e) {
    await store.close().catch(() => {})
    throw new UserError(`PostgreSQL at ${redact(url)} cannot be reached (${(e as Error).message || (e as { code?: string }).code}). Start it, or check the address, user and password in --store, then run the command again. Nothing was written.`)
  }
  return store
}

async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine({ args, options: { out: { type: 'string' }, store: { type: 'string' } }, allowPositionals: true, strict: true }, LIVE_USAGE)
  const session = readSession(checkSessionName(positionals[0]))
  const out = values.out ?? join(session.dir, 'results')
  if (!values.store && !existsSync(session.db)) {
    console.log(`Session "${session.name}" has no board with contributions; nothing written.`)
    return 0
  }
  // The store is opened (and checked) before anything is written.
  const store = await pgStore(values.store, session.name) ?? new LiveStore(session.db)
  mkdirSync(out, { recursive: true, mode: 0o700 })
  const written = await exportSession(store, out).finally(() => store.close())
  for (const name of written.refused)
    console.warn(`Skipped a stored document named ${JSON.stringify(name)}: it is not a board id (lower-case letters, digits, dashes), so it names no file.`)
  if (written.boards === 0) {
    console.log(`Session "${session.name}" has no board with contributions; nothing written.`)
    return 0
  }
  console.log(`Wrote ${written.files.length} files for ${written.boards} board(s) into ${out}/.\nFilled worksheets: npm run export -- ${session.module ? `${session.module} ` : ''}--results ${join(out, 'results.json')}\nSession record (boards, questions, counts; hidden entries left out): ${join(out, 'session.md')}`)
  return 0
}

/** The session record for a host or funder: Markdown and PDF, from the session's stored boards. */
async function recordCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine({ args, options: { 'out': { type: 'string' }, 'store': { type: 'string' }, 'no-pdf': { type: 'boolean' } }, allowPositionals: true, strict: true }, LIVE_USAGE)
  if (positionals.length !== 1)
    throw new UserError(`Name one session: npm run live -- record <session>, for example npm run live -- record lisbon-m2.${positionals.length ? ` Got ${positionals.length}: ${positionals.join(' ')}.` : ''}`)
  const session = readSession(checkSessionName(positionals[0]))
  const out = values.out ?? join(session.dir, 'results')
  if (!values.store && !existsSync(session.db))
    throw new UserError(`Session "${session.name}" has no stored boards yet (no ${session.db}): nothing to record. Run the session first (npm run live -- <module> --session ${session.name}), or give --store for a session kept in PostgreSQL.`)
  const store = await pgStore(values.store, session.name) ?? new LiveStore(session.db)
  const { readSessionRecord, writeSessionRecord } = await import('./record')
  const record = await readSessionRecord(store, session).finally(() => store.close())
  for (const name of record.refused)
    console.warn(`Skipped a stored document named ${JSON.stringify(name)}: it is not a board id (lower-case letters, digits, dashes).`)
  const files = await writeSessionRecord(record, out, { pdf: !values['no-pdf'] })
  console.log(`Session record of "${session.name}" (${record.boards.length} board(s); hidden and waiting entries left out):\n${files.map(f => `  ${f}`).join('\n')}`)
  return 0
}

async function deleteCommand(args: string[]): Promise<number> {
  const name = checkSessionName(args[0])
  const running = runningServers(readSession(name).dir)[0]
  if (running)
    throw new UserError(`The live session "${name}" is being served (${describeServer(running)}): stop that server first (kill ${running.pid}), then delete the session. Nothing was deleted.`)
  const dir = deleteSession(name)
  console.log(`Deleted ${dir}.`)
  return 0
}

// Run directly (`tsx src/live/main.ts serve …`), a server process loads only what it needs.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  live(process.argv.slice(2)).then(
    code => process.exit(code),
    (error) => {
      console.error(error instanceof UserError ? error.message : error)
      process.exit(error instanceof UserError ? error.exitCode : 1)
    },
  )
}
