// The one place that finds and launches a Chromium: browser tests, PDF export and the benchmarks
// all use it. In order: $CHROMIUM_PATH, the system's Chromium or Chrome, Playwright's cache,
// and last the Chromium shipped inside the npm package @sparticuz/chromium (an optional
// dependency: Linux only), so that `npm ci && npm test` works on a machine with no browser.
import { execFile, execFileSync } from 'node:child_process'
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import type { Browser } from 'playwright-core'
import { UserError } from './errors'

export const CHROMIUM_ENV = 'CHROMIUM_PATH'
export const BUNDLED_PACKAGE = '@sparticuz/chromium'

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

/** Added for the npm package's Chromium (a headless shell built for containers, as its README advises). */
const BUNDLED_ARGS = ['--no-zygote', '--disable-setuid-sandbox', '--font-render-hinting=none']

export const USUAL_PLACES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
]

function playwrightCache(env: NodeJS.ProcessEnv): string[] {
  const cache = env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright')
  if (!existsSync(cache))
    return []
  return readdirSync(cache)
    .filter(d => d.startsWith('chromium'))
    .flatMap(d => ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-linux/headless_shell'].map(p => join(cache, d, p)))
}

/** A non-empty executable file: an empty or unreadable file in a usual place (a browser hidden or half-removed) is passed over. */
function runnable(file: string): boolean {
  try {
    const s = statSync(file)
    if (!s.isFile() || s.size === 0)
      return false
    accessSync(file, constants.X_OK)
    return true
  }
  catch {
    return false
  }
}

const verified = new Map<string, string | undefined>()

/** Why a file is not a Chromium we can drive, or undefined when it is one. */
export function notAChromium(file: string, env?: NodeJS.ProcessEnv): string | undefined {
  if (verified.has(file))
    return verified.get(file)
  let why: string | undefined
  try {
    if (!statSync(file).isFile())
      why = 'it is a folder, not a program'
    else {
      accessSync(file, constants.X_OK)
      const version = execFileSync(file, ['--version'], { timeout: 20_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env })
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

/** The npm package's Chromium, unpacked, or why there is none. */
export type Bundled = { path: string } | { why: string }

export interface ChromiumSources {
  /** the system's usual places, then Playwright's cache (tests replace them) */
  places?: readonly string[]
  /** the npm package's Chromium (tests replace it) */
  bundled?: () => Promise<Bundled>
}

/**
 * The Chromium to drive: $CHROMIUM_PATH (refused with a reason when it is not a Chromium, never
 * passed over), else the first runnable file in the usual places and Playwright's cache, else the
 * Chromium of the npm package @sparticuz/chromium, unpacked once into node_modules/.cache.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env, sources: ChromiumSources = {}): Promise<string> {
  const fromEnv = env[CHROMIUM_ENV]
  if (fromEnv) {
    const why = notAChromium(fromEnv)
    if (!why)
      return fromEnv
    throw new UserError(`${CHROMIUM_ENV} is set to "${fromEnv}", but ${why}.\n${HOW_TO_INSTALL}`)
  }
  const places = sources.places ?? [...USUAL_PLACES, ...playwrightCache(env)]
  const found = places.find(runnable)
  if (found)
    return found
  const bundled = await (sources.bundled ?? bundledChromium)()
  if ('path' in bundled)
    return bundled.path
  throw new UserError(`No Chromium found: looked at $${CHROMIUM_ENV}, ${USUAL_PLACES.join(', ')} and Playwright's cache; the npm package ${BUNDLED_PACKAGE}: ${bundled.why}.\n${HOW_TO_INSTALL}`)
}

const HOW_TO_INSTALL = `Install one and try again:
  Debian/Ubuntu: sudo apt-get install chromium
  macOS:         brew install --cask chromium
  Linux x64:     npm ci (installs ${BUNDLED_PACKAGE}, a Chromium inside an npm package, unless optional dependencies are omitted)
or point ${CHROMIUM_ENV} at a Chromium or Chrome executable: ${CHROMIUM_ENV}=/path/to/chrome npm run …`

/** Where the package's Chromium is unpacked: beside the package, per version, so `npm ci` starts afresh. */
function bundledHome(): { pkgDir: string, version: string, home: string } | { why: string } {
  if (process.platform !== 'linux')
    return { why: `it only runs on Linux (this is ${process.platform})` }
  let entry: string
  try {
    entry = createRequire(import.meta.url).resolve(BUNDLED_PACKAGE)
  }
  catch {
    return { why: 'it is not installed (npm skips this optional dependency when it cannot install it, e.g. with --omit=optional)' }
  }
  let pkgDir = dirname(entry)
  while (!existsSync(join(pkgDir, 'package.json')) || JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).name !== BUNDLED_PACKAGE) {
    if (dirname(pkgDir) === pkgDir)
      return { why: `its package.json was not found above ${entry}` }
    pkgDir = dirname(pkgDir)
  }
  const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version as string
  // node_modules/@sparticuz/chromium → node_modules/.cache/kit-chromium-<version>-<arch>
  return { pkgDir, version, home: join(dirname(dirname(pkgDir)), '.cache', `kit-chromium-${version}-${process.arch}`) }
}

/** Whether a path is the npm package's Chromium (it needs its own libraries, fonts and flags). */
function bundledDirOf(executablePath: string): string | undefined {
  return /\/kit-chromium-[^/]+$/.test(dirname(executablePath)) && existsSync(join(dirname(executablePath), 'kit-fonts.conf')) ? dirname(executablePath) : undefined
}

/**
 * What the npm package's Chromium needs in its environment: its own NSS libraries (the package's
 * Amazon Linux set, so a machine without libnss3 runs it) and a fontconfig file naming its fonts
 * and the system's. Empty for any other Chromium.
 */
export function chromiumEnv(executablePath: string, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const dir = bundledDirOf(executablePath)
  if (!dir)
    return {}
  const libs = join(dir, 'al2023', 'lib')
  return {
    LD_LIBRARY_PATH: base.LD_LIBRARY_PATH ? `${libs}:${base.LD_LIBRARY_PATH}` : libs,
    FONTCONFIG_FILE: join(dir, 'kit-fonts.conf'),
  }
}

/** The flags to launch a Chromium with. */
export function chromiumArgs(executablePath: string): string[] {
  return bundledDirOf(executablePath) ? [...CHROMIUM_ARGS, ...BUNDLED_ARGS] : CHROMIUM_ARGS
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function fontsConf(home: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<!-- Written by the kit (src/chromium.ts): the npm package's fonts, then the system's. -->
<fontconfig>
  <dir>${xml(join(home, 'fonts'))}</dir>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <dir>${xml(join(homedir(), '.local', 'share', 'fonts'))}</dir>
  <dir>${xml(join(homedir(), '.fonts'))}</dir>
  <cachedir>${xml(join(home, 'fontconfig-cache'))}</cachedir>
</fontconfig>
`
}

const UNPACK = `const m = require(process.argv[1]); (m.default ?? m).executablePath().then(p => console.log(p), e => { console.error(e.message); process.exit(1) })`

async function unpack(pkgDir: string, home: string): Promise<void> {
  mkdirSync(dirname(home), { recursive: true })
  const staging = mkdtempSync(`${home}.unpacking-`)
  try {
    // The package unpacks into os.tmpdir() (/tmp/chromium, shared by every user and version):
    // a child process with its own TMPDIR unpacks into a private folder instead. Its Amazon Linux
    // mode also unpacks the NSS libraries, so the browser runs where libnss3 is not installed.
    await promisify(execFile)(process.execPath, ['-e', UNPACK, join(pkgDir, 'build', 'cjs', 'index.cjs')], {
      env: { ...process.env, TMPDIR: staging, AWS_LAMBDA_JS_RUNTIME: 'nodejs20.x' },
      timeout: 120_000,
    })
    writeFileSync(join(staging, 'kit-fonts.conf'), fontsConf(home))
    // Ready only when complete: another process unpacking at the same time keeps its own copy.
    try {
      renameSync(staging, home)
    }
    catch (e) {
      if (!existsSync(join(home, 'chromium')))
        throw e
    }
  }
  finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

let bundledOnce: Promise<Bundled> | undefined

/** The npm package's Chromium, unpacked on first use (about 3 s) and checked to run. */
export function bundledChromium(): Promise<Bundled> {
  bundledOnce ??= (async () => {
    const where = bundledHome()
    if ('why' in where)
      return where
    const path = join(where.home, 'chromium')
    if (!existsSync(path)) {
      try {
        await unpack(where.pkgDir, where.home)
      }
      catch (e) {
        return { why: `unpacking it into ${where.home} failed: ${String((e as Error).message ?? e).split('\n').filter(Boolean).slice(-1)[0]?.slice(0, 200)}` }
      }
    }
    const why = notAChromium(path, { ...process.env, ...chromiumEnv(path) })
    return why ? { why: `its Chromium ${path} does not run here: ${why}` } : { path }
  })()
  return bundledOnce
}

/** A quiet headless Chromium (CHROMIUM_ARGS), or a clear error instead of Playwright's dump. */
export async function launchChromium(executablePath?: string): Promise<Browser> {
  const path = executablePath ?? await findChromium()
  const { chromium } = await import('playwright-core')
  const extra = chromiumEnv(path)
  let browser: Browser
  try {
    browser = await chromium.launch({ executablePath: path, args: chromiumArgs(path), ...(Object.keys(extra).length ? { env: { ...process.env, ...extra } } : {}) })
  }
  catch (e) {
    const first = String((e as Error).message ?? e).split('\n').find(l => l.trim()) ?? ''
    throw new UserError(`Chromium at ${path} did not start: ${first.replace(/^browserType\.launch:\s*/, '').slice(0, 200)}\n${HOW_TO_INSTALL}`)
  }
  if (bundledDirOf(path)) {
    // The package's Chromium is a headless shell, which refuses every permission request: a
    // slide's screen wake lock (Slidev asks for one in the slide and presenter views) fails with
    // "Wake Lock permission request denied" where a person's browser grants it. Every context
    // (browser.newPage makes one too) is given that one permission, as a person's browser has it.
    const newContext = browser.newContext.bind(browser)
    browser.newContext = options => newContext({ ...options, permissions: [...(options?.permissions ?? []), 'screen-wake-lock'] })
  }
  return browser
}
