// One server per session folder, unless the instances share the session through Redis: two
// servers on one session would each hold half the room, and neither would know. Each server
// leaves a lock file in the session folder (server.<pid>.lock: its pid, address and port);
// a lock whose process is gone (a crash, kill -9) is taken over. Released on exit.
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { UserError } from '../errors'

interface LockInfo { pid: number, address?: string, port?: number, redis: boolean, machine: string, startedAt: string }

const LOCK = /^server\.(\d+)\.lock$/

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  }
  catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM')
      return false
  }
  // After a restart the number may belong to another program: on Linux, a lock counts only
  // while its process is still a Node process.
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node')
  }
  catch {
    return true
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockInfo
  }
  catch {
    return undefined
  }
}

/** The servers of this machine that hold a lock on the session folder now (stale locks removed). */
export function runningServers(dir: string, except = process.pid): (LockInfo & { pid: number })[] {
  const machine = hostname()
  const found: (LockInfo & { pid: number })[] = []
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const pid = Number(LOCK.exec(name)?.[1])
    if (!pid || pid === except)
      continue
    const file = join(dir, name)
    const other = readLock(file)
    // Another machine's server (a shared folder) cannot be checked from here: only this one's.
    if (other && other.machine !== machine)
      continue
    if (!alive(pid)) {
      rmSync(file, { force: true })
      continue
    }
    found.push({ redis: false, machine, startedAt: '', ...other, pid })
  }
  return found
}

/** How a running server is named in a message: its process, address and port. */
export const describeServer = (s: LockInfo & { pid: number }) => `process ${s.pid}${s.port ? ` at ${s.address || '127.0.0.1'}:${s.port}` : ' (still starting)'}`

export interface SessionLock {
  /** Records where this server listens, for the message another one would give. */
  listening: (address: string, port: number) => void
  release: () => void
}

/**
 * Takes the session's lock, or refuses with a message naming the server that has it. Servers
 * started with --redis share a session on purpose; a server without it shares with nobody.
 */
export function lockSession(dir: string, session: string, redis: boolean): SessionLock {
  const mine = join(dir, `server.${process.pid}.lock`)
  const info: LockInfo = { pid: process.pid, redis, machine: hostname(), startedAt: new Date().toISOString() }
  // Written beside it, then renamed: another server starting at the same moment reads the whole
  // lock or none, never a half-written one (which it would have to count as a server without --redis).
  const write = () => {
    const part = `${mine}.${randomBytes(4).toString('hex')}.part`
    try {
      writeFileSync(part, `${JSON.stringify(info)}\n`, { mode: 0o600 })
      renameSync(part, mine)
    }
    finally {
      rmSync(part, { force: true })
    }
  }
  try {
    write()
  }
  catch (e) {
    throw new UserError(`The live session's folder ${dir} cannot be written (${(e as Error).message}). It must be writable by this account: check its permissions (ls -ld ${dir}), or choose another sessions folder with KIT_SESSIONS_DIR=/path/to/folder. Nothing was started.`)
  }
  const other = runningServers(dir).find(o => !(o.redis && redis))
  if (other) {
    rmSync(mine, { force: true })
    throw new UserError(`The live session "${session}" is already served by another live server: ${describeServer(other)}, started ${other.startedAt || 'recently'}. Two servers on one session would split the room in two. Use that server, or stop it first (kill ${other.pid}), then start again.${redis || other.redis ? ' Instances that share a session must all be started with --redis.' : ''}`)
  }
  const release = () => rmSync(mine, { force: true })
  process.once('exit', release)
  return {
    listening(address, port) {
      info.address = address
      info.port = port
      write()
    },
    release() {
      process.off('exit', release)
      release()
    },
  }
}
