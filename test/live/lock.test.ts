// The session lock under a race: a server rewriting its lock (as it does once it listens) while
// another starting at the same moment reads it. The reader must always find the whole lock; a
// half-written one would count as a server without --redis and refuse the second instance.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { lockSession, runningServers } from '../../src/live/lock'
import { ROOT } from '../../src/paths'

const dir = mkdtempSync(join(tmpdir(), 'kit-lock-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the session lock', () => {
  it('is read whole while another server rewrites it, so two --redis instances share a session', async () => {
    // Another server with --redis, rewriting its lock as fast as it can for two seconds.
    const script = `import { lockSession } from './src/live/lock.ts'
const lock = lockSession(${JSON.stringify(dir)}, 'race', true)
console.log('locked')
const end = Date.now() + 2000
let i = 0
while (Date.now() < end) lock.listening('127.0.0.1', 1000 + (i++ % 1000))
lock.release()`
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>(resolve => child.stdout!.once('data', () => resolve()))
    let reads = 0
    const seen = new Set<string>()
    const end = Date.now() + 1500
    while (Date.now() < end) {
      for (const other of runningServers(dir)) {
        reads++
        seen.add(`${other.redis} ${other.startedAt ? 'dated' : 'undated'}`)
      }
    }
    await new Promise(resolve => child.once('exit', resolve))
    expect(reads).toBeGreaterThan(100)
    expect([...seen]).toEqual(['true dated'])
    // And nothing left behind: no lock, no part of one.
    expect(readdirSync(dir)).toEqual([])
  }, 30_000)

  it('lets a second --redis server take the session beside the first, and refuses one without', () => {
    const first = lockSession(dir, 'shared', true)
    // This process holds a lock; a child takes its own beside it.
    const take = (redis: boolean) => execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { lockSession } from './src/live/lock.ts'
try { lockSession(${JSON.stringify(dir)}, 'shared', ${redis}).release(); console.log('ok') } catch (e) { console.log(e.message) }`], { cwd: ROOT, encoding: 'utf8' }).trim()
    expect(take(true)).toBe('ok')
    expect(take(false)).toMatch(/already served by another live server: process \d+ \(still starting\)/)
    first.release()
    expect(existsSync(join(dir, `server.${process.pid}.lock`))).toBe(false)
  }, 30_000)
})
