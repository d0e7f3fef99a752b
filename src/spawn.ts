// The one way the kit starts a child process. An in-process Vite build (the join page, the
// site) sets process.env.NODE_ENV=production; a child that inherited it would run Slidev's dev
// server in production mode, which renders a white page (`__SLIDEV_HASH_ROUTE__ is not
// defined`). So every child gets the parent's environment without NODE_ENV, plus its own.
import { type ChildProcess, type ChildProcessByStdio, spawn, type SpawnOptions } from 'node:child_process'
import process from 'node:process'
import type { Readable } from 'node:stream'

/** The environment for a child: this process's, without NODE_ENV, with `extra` on top. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env.NODE_ENV
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined)
      delete env[key]
    else
      env[key] = value
  }
  return env
}

/** `spawn`, with `options.env` (if any) laid over a clean copy of this process's environment. */
export function spawnChild(command: string, args: readonly string[], options: SpawnOptions & { stdio: ['ignore', 'pipe', 'pipe'] }): ChildProcessByStdio<null, Readable, Readable>
export function spawnChild(command: string, args: readonly string[], options?: SpawnOptions): ChildProcess
export function spawnChild(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(command, args, { ...options, env: childEnv(options.env) })
}
