// `npm run live` on a fresh checkout, in a browser: the join page is not built yet, so the first
// start builds it in the kit's own process before Slidev starts. The deck must render on that
// first start (a Slidev child in production mode shows a white page:
// "__SLIDEV_HASH_ROUTE__ is not defined").
import { type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { ROOT } from '../../src/paths'
import { spawnChild } from '../../src/spawn'
import { freePort } from './live-deck'

let dir: string
let live: ChildProcess | undefined
let browser: Browser
let output = ''

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-first-live-'))
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  if (live && live.exitCode === null) {
    const exited = new Promise(resolve => live!.once('exit', resolve))
    live.kill('SIGTERM')
    await exited
  }
  rmSync(dir, { recursive: true, force: true })
})

it('renders the deck on the first `npm run live`, which builds the join page first', async () => {
  const joinDir = join(dir, 'join')
  expect(existsSync(join(joinDir, 'index.html'))).toBe(false)
  const slidesPort = await freePort()
  // As `npm run live -- 1` runs it: the kit's command line, no NODE_ENV of its own.
  live = spawnChild(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'live', '1', '--host', '127.0.0.1', '--port', '0', '--slides-port', String(slidesPort), '--session', 'first-run'], {
    cwd: ROOT,
    env: { KIT_SESSIONS_DIR: join(dir, 'sessions'), KIT_LIVE_JOIN_DIR: joinDir, NODE_ENV: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  live.stdout!.on('data', (d) => { output += d })
  live.stderr!.on('data', (d) => { output += d })
  const url = `http://localhost:${slidesPort}`
  const end = Date.now() + 240_000
  while (!(await fetch(`${url}/`).then(r => r.ok, () => false))) {
    if (live.exitCode !== null || Date.now() > end)
      throw new Error(`npm run live did not start Slidev:\n${output}`)
    await new Promise(resolve => setTimeout(resolve, 500))
  }
  expect(output).toMatch(/Building the join page/)
  expect(existsSync(join(joinDir, 'index.html'))).toBe(true)

  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  const errors: string[] = []
  page.on('pageerror', e => errors.push(e.message))
  await page.goto(`${url}/1`)
  // The first slide's heading: the deck rendered, not a white page.
  await page.locator('.slidev-page h1').first().waitFor({ timeout: 60_000 })
  expect((await page.locator('.slidev-page h1').first().textContent())?.trim()).not.toBe('')
  expect(errors.filter(e => /__SLIDEV|is not defined/.test(e))).toEqual([])
  await page.close()
}, 400_000)
