// The one place that finds a Chromium: browser tests and PDF export both use it.
import { existsSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
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

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[CHROMIUM_ENV]
  if (fromEnv) {
    if (existsSync(fromEnv))
      return fromEnv
    throw new UserError(`${CHROMIUM_ENV} is set to "${fromEnv}", but there is no file there.\n${HOW_TO_INSTALL}`)
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
