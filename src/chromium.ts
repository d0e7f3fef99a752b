// The one place that finds a Chromium: browser tests and PDF export both use it.
import { execFileSync } from 'node:child_process'
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import type { Browser } from 'playwright-core'
import { UserError } from './errors'

export const CHROMIUM_ENV = 'CHROMIUM_PATH'

/** Flags for a quiet headless Chromium: without them it keeps calling home on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const USUAL_PLACES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
]

function playwrightCache(): string[] {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright')
  if (!existsSync(cache))
    return []
  return readdirSync(cache)
    .filter(d => d.startsWith('chromium'))
    .flatMap(d => ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-linux/headless_shell'].map(p => join(cache, d, p)))
}

const verified = new Map<string, string | undefined>()

/** Why a file is not a Chromium we can drive, or undefined when it is one. */
export function notAChromium(file: string): string | undefined {
  if (verified.has(file))
    return verified.get(file)
  let why: string | undefined
  try {
    if (!statSync(file).isFile())
      why = 'it is a folder, not a program'
    else {
      accessSync(file, constants.X_OK)
      const version = execFileSync(file, ['--version'], { timeout: 20_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      if (!/chrom/i.test(version))
        why = `it is not a Chromium or Chrome (it answered --version with "${version.trim().slice(0, 80) || 'nothing'}")`
    }
  }
  catch (e) {
    const err = e as NodeJS.ErrnoException
    why = err.code === 'ENOENT' ? 'there is no file there' : err.code === 'EACCES' ? 'it is not executable' : `it did not run as a browser (${(err.message ?? String(e)).split('\n')[0].slice(0, 120)})`
  }
  verified.set(file, why)
  return why
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[CHROMIUM_ENV]
  if (fromEnv) {
    const why = notAChromium(fromEnv)
    if (!why)
      return fromEnv
    throw new UserError(`${CHROMIUM_ENV} is set to "${fromEnv}", but ${why}.\n${HOW_TO_INSTALL}`)
  }
  const found = [...USUAL_PLACES, ...playwrightCache()].find(p => existsSync(p))
  if (found)
    return found
  throw new UserError(`No Chromium found (looked at $${CHROMIUM_ENV}, ${USUAL_PLACES.join(', ')} and Playwright's cache).\n${HOW_TO_INSTALL}`)
}

const HOW_TO_INSTALL = `Install one and try again:
  Debian/Ubuntu: sudo apt-get install chromium
  macOS:         brew install --cask chromium
or point ${CHROMIUM_ENV} at a Chromium or Chrome executable: ${CHROMIUM_ENV}=/path/to/chrome npm run …`

/** A quiet headless Chromium (CHROMIUM_ARGS), or a clear error instead of Playwright's dump. */
export async function launchChromium(executablePath = findChromium()): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  }
  catch (e) {
    const first = String((e as Error).message ?? e).split('\n').find(l => l.trim()) ?? ''
    throw new UserError(`Chromium at ${executablePath} did not start: ${first.replace(/^browserType\.launch:\s*/, '').slice(0, 200)}\n${HOW_TO_INSTALL}`)
  }
}
