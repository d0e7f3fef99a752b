// The build processes run src/site/build-worker.ts bundled into plain JavaScript, without tsx's
// loader: the bundle must carry every module of the kit it needs, keep each module's own URL
// (src/paths.ts finds the kit from it), be made once per key, and start in plain Node.
import { fork } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../src/paths'
import { workerBundle } from '../../src/site/build-pool'

const key = `test${process.pid}${Date.now()}`.padEnd(24, '0')
let made: string | undefined
afterAll(() => {
  if (made)
    rmSync(made, { force: true })
})

describe('the bundled build process', () => {
  it('holds the kit\'s modules, keeps their URLs, is reused for the same key and starts without tsx', async () => {
    made = await workerBundle(key)
    expect(made).toBe(join(ROOT, '.scratch', 'build-worker', `${key.slice(0, 24)}.mjs`))
    const code = readFileSync(made!, 'utf8')
    // No import of a kit file is left for Node to resolve: only packages and node: built-ins.
    const specifiers = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map(m => m[1])
    expect(specifiers.length).toBeGreaterThan(0)
    expect(specifiers.filter(s => s.startsWith('.') || s.startsWith('/'))).toEqual([])
    // The kit's preparser is inside, and src/paths.ts still finds the kit from its own URL.
    expect(code).toContain('definePreparserSetup')
    expect(code).toContain(JSON.stringify(pathToFileURL(join(ROOT, 'src', 'paths.ts')).href))
    expect(await workerBundle(key)).toBe(made)

    const child = fork(made!, [], { execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
    let output = ''
    child.stderr!.on('data', (d) => { output += d })
    const first = await new Promise<unknown>((resolve, reject) => {
      child.once('message', resolve)
      child.once('exit', code => reject(new Error(`exited with ${code} before it was ready:\n${output}`)))
    })
    expect(first).toEqual({ type: 'ready' })
    child.send('stop')
    const code2 = await new Promise(resolve => child.once('exit', resolve))
    expect(code2).toBe(0)
  }, 120_000)
})
