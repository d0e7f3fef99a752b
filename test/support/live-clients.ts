// Real WebSocket clients of the live server, in Node (ws): participants (read-only documents and
// stateless contributions) and the facilitator (token, read-write). The live tests' harness, also
// used by `npm run bench:live`.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { spawnChild } from '../../src/spawn'
import { existsSync, readdirSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { ADMISSION_DOC, boardDocName, CONTROL_DOC, type ModerationView, publicDocName, randomId, type ServerMessage } from '../../src/live/protocol'
import { ROOT } from '../../src/paths'
import { openSession } from '../../src/live/session'

type Result = Extract<ServerMessage, { t: 'result' }>

/**
 * ws emits an 'error' when a socket is closed while still connecting (a client destroyed while
 * the server is down): the provider reconnects or gives up on its own, so it is not a crash.
 */
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => {})
  }
}

function provider(socket: HocuspocusProviderWebsocket, name: string, token: string, doc = new Y.Doc()) {
  const p = new HocuspocusProvider({ websocketProvider: socket, name, token, document: doc, awareness: null })
  p.attach()
  return p
}

export function synced(p: HocuspocusProvider): Promise<void> {
  if (p.isSynced)
    return Promise.resolve()
  return new Promise<void>((resolve) => {
    const done = () => {
      p.off('synced', done)
      resolve()
    }
    p.on('synced', done)
  })
}

/** Waits until `check` holds, re-checking on every document update (no fixed sleeps). */
export function until(doc: Y.Doc, check: () => boolean, timeout = 10_000, what = 'a condition'): Promise<void> {
  if (check())
    return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { doc.off('update', onUpdate); reject(new Error(`Timed out waiting for ${what}`)) }, timeout)
    const onUpdate = () => {
      if (check()) {
        clearTimeout(timer)
        doc.off('update', onUpdate)
        resolve()
      }
    }
    doc.on('update', onUpdate)
  })
}

/** Waits until `check` holds, for state that is not in a document (counts sent as messages). */
export async function waitFor(check: () => boolean, timeout = 10_000, what = 'a condition'): Promise<void> {
  const end = Date.now() + timeout
  while (!check()) {
    if (Date.now() > end)
      throw new Error(`Timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

export class Participant {
  readonly socket: HocuspocusProviderWebsocket
  readonly control: HocuspocusProvider
  readonly controlDoc = new Y.Doc()
  readonly boards = new Map<string, { provider: HocuspocusProvider, doc: Y.Doc }>()
  private waiting = new Map<string, (r: Result) => void>()
  readonly results: Result[] = []
  lastMine: unknown

  /** `reconnect`: the socket's backoff (the join page's, for a room's reconnect after a restart) */
  constructor(url: string, readonly secret = randomId(18), readonly name = '', reconnect: { delay?: number, minDelay?: number, maxDelay?: number, factor?: number } = { maxDelay: 500, minDelay: 50, delay: 50 }) {
    this.socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: QuietWebSocket, ...reconnect })
    this.control = provider(this.socket, CONTROL_DOC, `p:${secret}`, this.controlDoc)
    this.control.on('stateless', ({ payload }: { payload: string }) => {
      const m = JSON.parse(payload) as ServerMessage
      if (m.t === 'result') {
        this.results.push(m)
        this.waiting.get(m.msg)?.(m)
        this.waiting.delete(m.msg)
      }
      if (m.t === 'mine')
        this.lastMine = m.mine
    })
  }

  ready() { return synced(this.control) }

  /** Opens a board's public document (what this phone may see). */
  async open(boardId: string): Promise<Y.Doc> {
    const doc = new Y.Doc()
    const p = provider(this.socket, publicDocName(boardId), `p:${this.secret}`, doc)
    this.boards.set(boardId, { provider: p, doc })
    await synced(p)
    return doc
  }

  /** Sends a contribution and waits for the server's answer; resends it after a reconnect. `seq` and `prev` as in src/live/order.ts. */
  contribute(board: string, body: unknown, msg = randomId(12), seq?: number, prev?: number): Promise<Result> {
    return new Promise((resolve) => {
      this.waiting.set(msg, resolve)
      const send = () => this.control.sendStateless(JSON.stringify({ t: 'contribute', msg, board, name: this.name, body, ...(seq ? { seq } : {}), ...(prev !== undefined ? { prev } : {}) }))
      send()
      const onSynced = () => { if (this.waiting.has(msg)) send(); else this.control.off('synced', onSynced) }
      this.control.on('synced', onSynced)
    })
  }

  raw(payload: string) { this.control.sendStateless(payload) }

  destroy() {
    for (const b of this.boards.values())
      b.provider.destroy()
    this.control.destroy()
    this.socket.destroy()
  }
}

export class Facilitator {
  readonly socket: HocuspocusProviderWebsocket
  readonly control: HocuspocusProvider
  readonly controlDoc = new Y.Doc()
  joined = 0

  constructor(url: string, readonly token: string) {
    this.socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: QuietWebSocket, maxDelay: 500, minDelay: 50, delay: 50 })
    this.control = provider(this.socket, CONTROL_DOC, `f:${token}`, this.controlDoc)
    this.control.on('stateless', ({ payload }: { payload: string }) => {
      const m = JSON.parse(payload) as ServerMessage
      if (m.t === 'joined')
        this.joined = m.count
    })
  }

  ready() { return synced(this.control) }

  /** Puts a board on the presenter's current slide (what LiveFollow does in the deck). */
  show(boardId: string | undefined, kind = 'idea-vote', title = 'Ideas') {
    this.controlDoc.transact(() => {
      const current = this.controlDoc.getMap('current')
      current.clear()
      if (!boardId)
        return
      let entry = this.controlDoc.getMap('boards').get(boardId) as Y.Map<unknown> | undefined
      if (!entry) {
        entry = new Y.Map()
        this.controlDoc.getMap('boards').set(boardId, entry)
        entry.set('kind', kind)
        entry.set('title', title)
      }
      current.set('boardId', boardId)
      current.set('kind', kind)
      current.set('title', title)
    })
  }

  private boards = new Map<string, { provider: HocuspocusProvider, doc: Y.Doc }>()

  /** The full board document (with authors and hidden entries), read-write. */
  async board(boardId: string): Promise<{ provider: HocuspocusProvider, doc: Y.Doc }> {
    let open = this.boards.get(boardId)
    if (!open) {
      const doc = new Y.Doc()
      const name = boardId === '\u0000admission' ? ADMISSION_DOC : boardDocName(boardId)
      open = { provider: provider(this.socket, name, `f:${this.token}`, doc), doc }
      this.boards.set(boardId, open)
    }
    await synced(open.provider)
    return open
  }

  /** The admission document (who joined, who is blocked, joining open or closed), read-write. */
  async admission(): Promise<Y.Doc> {
    return (await this.board('\u0000admission')).doc
  }

  destroy() {
    for (const b of this.boards.values())
      b.provider.destroy()
    this.control.destroy()
    this.socket.destroy()
  }
}

/** A helper's phone: the session read-only, moderation by message. */
export class Helper {
  readonly socket: HocuspocusProviderWebsocket
  readonly control: HocuspocusProvider
  readonly controlDoc = new Y.Doc()
  view: ModerationView | undefined
  private waiting = new Map<string, (m: ServerMessage) => void>()
  failed = false
  constructor(url: string, token: string) {
    this.socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: QuietWebSocket, maxDelay: 500, minDelay: 50, delay: 50 })
    this.control = new HocuspocusProvider({ websocketProvider: this.socket, name: 'control', document: this.controlDoc, token: `h:${token}`, onAuthenticationFailed: () => { this.failed = true } })
    this.control.attach()
    this.control.on('stateless', ({ payload }: { payload: string }) => {
      const m = JSON.parse(payload) as ServerMessage
      if (m.t === 'queue')
        this.view = m.view
      if (m.t === 'result') {
        this.waiting.get(m.msg)?.(m)
        this.waiting.delete(m.msg)
      }
    })
  }

  moderate(board: string, action: string, more: { ids?: string[], into?: string, list?: string } = {}): Promise<ServerMessage> {
    const msg = randomId(12)
    return new Promise((resolve) => {
      this.waiting.set(msg, resolve)
      this.control.sendStateless(JSON.stringify({ t: 'moderate', msg, board, action, ...more }))
    })
  }

  destroy() {
    this.control.destroy()
    this.socket.destroy()
  }
}

/**
 * Opens a session kept in `sessionsDir` (where a server started with KIT_SESSIONS_DIR will find
 * it) and returns its facilitator token; this process's own sessions folder is left as it was.
 */
export function sessionToken(sessionsDir: string, name: string, fresh: Parameters<typeof openSession>[1] = { title: name }): string {
  const prev = process.env.KIT_SESSIONS_DIR
  process.env.KIT_SESSIONS_DIR = sessionsDir
  try {
    return openSession(name, fresh).token
  }
  finally {
    if (prev === undefined)
      delete process.env.KIT_SESSIONS_DIR
    else
      process.env.KIT_SESSIONS_DIR = prev
  }
}

export interface ServerProcess { child: ChildProcess, url: string, wsUrl: string, port: number, stop: () => Promise<void> }

/** The live server as a child process (what `npm run live -- serve` runs), so a test can SIGKILL it. */
export function spawnServer(env: NodeJS.ProcessEnv, args: string[]): Promise<ServerProcess> {
  const child = spawnChild(process.execPath, ['--import', 'tsx', 'src/live/main.ts', 'serve', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let errors = ''
  child.stderr!.on('data', (d) => { errors += d })
  // A test that fails half-way must not leave a server running.
  const orphan = () => child.kill('SIGKILL')
  process.once('exit', orphan)
  child.once('exit', () => process.off('exit', orphan))
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      if (!line.startsWith('{"ready"'))
        return
      const { url, port } = JSON.parse(line)
      resolve({
        child,
        url,
        port,
        wsUrl: url.replace(/^http/, 'ws'),
        stop: () => new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode)
            return done()
          child.once('exit', () => done())
          child.kill('SIGTERM')
        }),
      })
    })
    // What it printed goes on the message's first line: a CI summary shows only that line.
    child.once('exit', code => reject(new Error(`The live server exited (${code}) before it was ready: ${errors.trim().replace(/\s*\n\s*/g, ' | ').slice(0, 600) || '(nothing on stderr)'}`)))
  })
}

/** A throwaway redis-server on a loopback port (Debian's package), for the scale-out test and benchmark; `fixedPort` starts it again where it was. */
export async function startRedis(fixedPort?: number): Promise<{ port: number, stop: () => Promise<void> }> {
  const { createServer } = await import('node:net')
  const port = fixedPort ?? await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port
      s.close(() => resolve(p))
    })
  })
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
  const orphan = () => child.kill('SIGKILL')
  process.once('exit', orphan)
  child.once('exit', () => process.off('exit', orphan))
  await new Promise<void>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d) => {
      out += d
      if (out.includes('Ready to accept connections'))
        resolve()
    })
    child.once('error', reject)
    child.once('exit', code => reject(new Error(`redis-server exited (${code}):\n${out}`)))
  })
  return {
    port,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null)
        return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    }),
  }
}

/** Debian's PostgreSQL binaries: on PATH, or in /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(): string | undefined {
  const base = '/usr/lib/postgresql'
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : []
  const dirs = [...versions.map(v => `${base}/${v}/bin`), ...(process.env.PATH ?? '').split(':')]
  return dirs.find(d => existsSync(`${d}/initdb`) && existsSync(`${d}/postgres`))
}

/**
 * A throwaway PostgreSQL cluster on a loopback port (trust auth), for the scale-out test;
 * `halt` and `resume` stop and start it again on its data (the fault tests).
 * PostgreSQL refuses to run as root: as root, it runs as the `postgres` user.
 */
export async function startPostgres(): Promise<{ url: string, stop: () => Promise<void>, halt: () => Promise<void>, resume: () => Promise<void> }> {
  const { chownSync, mkdtempSync, rmSync } = await import('node:fs')
  const { execFileSync } = await import('node:child_process')
  const { tmpdir } = await import('node:os')
  const { createServer } = await import('node:net')
  const bin = findPostgresBin()
  if (!bin)
    throw new Error('PostgreSQL is not installed (apt-get install postgresql).')
  const dir = mkdtempSync(`${tmpdir()}/kit-pg-`)
  const asRoot = process.getuid?.() === 0
  const run = (cmd: string, args: string[]) => asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const : [cmd, args] as const
  if (asRoot)
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'])), Number(execFileSync('id', ['-g', 'postgres'])))
  const [initCmd, initArgs] = run(`${bin}/initdb`, ['-D', `${dir}/data`, '--auth=trust', '-U', 'postgres'])
  execFileSync(initCmd, [...initArgs], { stdio: 'ignore' })
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port
      s.close(() => resolve(p))
    })
  })
  const [cmd, args] = run(`${bin}/postgres`, ['-D', `${dir}/data`, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', dir])
  let child: ChildProcess
  // A test that ends half-way must not leave PostgreSQL running: as root, killing runuser
  // would leave postgres behind, so pg_ctl stops it (synchronously, as the process exits).
  const orphan = () => {
    const [stopCmd, stopArgs] = run(`${bin}/pg_ctl`, ['-D', `${dir}/data`, 'stop', '-m', 'immediate'])
    try {
      execFileSync(stopCmd, [...stopArgs], { stdio: 'ignore', timeout: 10_000 })
    }
    catch {
      child.kill('SIGKILL')
    }
  }
  process.once('exit', orphan)
  const launch = () => {
    child = spawn(cmd, [...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    const started = child
    return new Promise<void>((resolve, reject) => {
      let out = ''
      const onData = (d: Buffer) => {
        out += d
        if (out.includes('ready to accept connections'))
          resolve()
      }
      started.stdout!.on('data', onData)
      started.stderr!.on('data', onData)
      started.once('exit', code => reject(new Error(`postgres exited (${code}):\n${out}`)))
    })
  }
  /** Stops the server, keeping its data (pg_ctl: runuser does not pass signals on). */
  const halt = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode)
      return resolve()
    child.once('exit', () => resolve())
    const [stopCmd, stopArgs] = run(`${bin}/pg_ctl`, ['-D', `${dir}/data`, 'stop', '-m', 'fast'])
    execFile(stopCmd, [...stopArgs], () => {})
  })
  await launch()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    halt,
    resume: launch,
    stop: async () => {
      process.off('exit', orphan)
      await halt()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

let votesMade = 0
/** A phone's vote for an idea: a row of the idea board's list `votes`, under an id of its own (or `id`). */
export const voteFor = (idea: string, id = `vote-${++votesMade}`) => ({ op: 'add', list: 'votes', row: { id, idea } })

/** An idea as a phone sees it on the idea board (its ranked list, src/boards/kit/phone.ts): its count is its votes. */
export interface SeenIdea { id: string, text: string, by: string, votes: number, also?: string }
/** The ideas a phone sees (the public document's `rows:ideas`), in no particular order. */
export function seenIdeas(doc: Y.Doc): SeenIdea[] {
  return [...doc.getMap<unknown>('rows:ideas').entries()]
    .filter((e): e is [string, Y.Map<unknown>] => e[1] instanceof Y.Map)
    .map(([id, r]) => ({ id, text: String(r.get('text') ?? ''), by: String(r.get('_by') ?? ''), votes: Number(r.get('_count') ?? 0), ...(typeof r.get('_also') === 'string' ? { also: r.get('_also') as string } : {}) }))
}
