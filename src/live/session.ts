// A live session's folder: sessions/<name>/ holds session.json (title, module, the facilitator
// token) and live.sqlite (every document's updates). KIT_SESSIONS_DIR moves the folder (tests).
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { z } from 'zod'
import { UserError } from '../errors'
import { ROOT } from '../paths'

export const sessionsDir = () => process.env.KIT_SESSIONS_DIR || join(ROOT, 'sessions')
export const SESSION_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/

const sessionFile = z.object({
  title: z.string().max(200),
  module: z.string().max(100).default(''),
  cohort: z.string().max(100).default(''),
  language: z.string().max(10).default('en'),
  token: z.string().min(32),
  createdAt: z.string(),
})
export type SessionInfo = z.infer<typeof sessionFile> & { name: string, dir: string, db: string }

export function checkSessionName(name: string | undefined): string {
  if (!name || !SESSION_NAME.test(name))
    throw new UserError(`"${name ?? ''}" is not a session name: use lower-case letters, digits and dashes (at most 64), for example m2-lisbon.`)
  return name
}

export function sessionPaths(name: string): { dir: string, db: string, info: string } {
  const dir = join(sessionsDir(), checkSessionName(name))
  return { dir, db: join(dir, 'live.sqlite'), info: join(dir, 'session.json') }
}

/** A fresh facilitator token: 192 random bits, so it cannot be guessed from the room. */
export const newToken = () => randomBytes(24).toString('base64url')

/** Opens a session, creating it (with a new facilitator token) the first time. */
export function openSession(name: string, fresh: { title: string, module?: string, cohort?: string, language?: string }): SessionInfo {
  const paths = sessionPaths(name)
  if (existsSync(paths.info))
    return readSession(name)
  const info = { title: fresh.title, module: fresh.module ?? '', cohort: fresh.cohort ?? '', language: fresh.language ?? 'en', token: newToken(), createdAt: new Date().toISOString() }
  try {
    // Only this account may read a session: its token, names, hidden and queued entries.
    mkdirSync(sessionsDir(), { recursive: true, mode: 0o700 })
    mkdirSync(paths.dir, { recursive: true, mode: 0o700 })
    chmodSync(paths.dir, 0o700)
    writeFileSync(paths.info, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 })
    chmodSync(paths.info, 0o600)
  }
  catch (e) {
    throw new UserError(`The live session "${name}" cannot be created in ${sessionsDir()} (${(e as Error).message}). The sessions folder must be writable by this account: check its permissions (ls -ld ${sessionsDir()}), or choose another folder with KIT_SESSIONS_DIR=/path/to/folder.`)
  }
  return { ...info, name, dir: paths.dir, db: paths.db }
}

export function readSession(name: string): SessionInfo {
  const paths = sessionPaths(name)
  if (!existsSync(paths.info))
    throw new UserError(`There is no live session "${name}" in ${sessionsDir()}.${listSessions().length ? ` Sessions: ${listSessions().join(', ')}.` : ''}`)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(paths.info, 'utf8'))
  }
  catch (e) {
    throw new UserError(`${paths.info} is not valid JSON (${(e as Error).message}).`)
  }
  const parsed = sessionFile.safeParse(json)
  if (!parsed.success)
    throw new UserError(`${paths.info}: ${parsed.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return { ...parsed.data, name, dir: paths.dir, db: paths.db }
}

export function listSessions(): string[] {
  const dir = sessionsDir()
  return existsSync(dir) ? readdirSync(dir).filter(n => SESSION_NAME.test(n) && existsSync(join(dir, n, 'session.json'))).sort() : []
}

export function deleteSession(name: string): string {
  const { dir } = sessionPaths(name)
  readSession(name)
  rmSync(dir, { recursive: true, force: true })
  return dir
}
