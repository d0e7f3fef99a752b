// The first `npm run live`: the join page is built in the kit's own process (Vite sets
// NODE_ENV=production while it builds), then Slidev's dev server is started as a child. That
// child must not run in production mode, or the projector and presenter view are white pages.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildJoinPage } from '../../src/live/join-build'
import { childEnv, spawnChild } from '../../src/spawn'

let dir: string
let vitestEnv: string | undefined
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-first-run-'))
  // The command line's process has no NODE_ENV (vitest sets one): as on a first run.
  vitestEnv = process.env.NODE_ENV
  delete process.env.NODE_ENV
})
afterAll(() => {
  process.env.NODE_ENV = vitestEnv
  rmSync(dir, { recursive: true, force: true })
})

function childNodeEnv(): Promise<string> {
  const child = spawnChild(process.execPath, ['-e', 'process.stdout.write(String(process.env.NODE_ENV ?? ""))'], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout!.on('data', (d) => { out += d })
  return new Promise(resolve => child.on('exit', () => resolve(out)))
}

it('builds the join page without leaving NODE_ENV=production for the Slidev child', async () => {
  await buildJoinPage(join(dir, 'join'))
  expect(process.env.NODE_ENV).toBeUndefined()
  expect(await childNodeEnv()).toBe('')
}, 120_000)

it('starts every child without NODE_ENV, even when this process has one', async () => {
  process.env.NODE_ENV = 'production'
  try {
    expect(await childNodeEnv()).toBe('')
    expect(childEnv({ VITE_X: '1' })).toMatchObject({ VITE_X: '1' })
    expect(childEnv().NODE_ENV).toBeUndefined()
  }
  finally {
    delete process.env.NODE_ENV
  }
})
