// Running Slidev: its CLI as a child process (how the bench runs stock Slidev), or its build
// inside this process, so one Node process builds every deck without paying Slidev's start-up
// once per deck.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { CliError } from '../cli/modules'
import { ROOT, SLIDEV_BIN } from '../paths'

export function runSlidev(args: string[], log: (line: string) => void = () => {}): Promise<void> {
  return new Promise((resolve, reject) => {
    // An in-process Vite build sets NODE_ENV=production; a dev server (the exporter's) must not inherit it.
    const env = { ...process.env, NODE_ENV: undefined }
    const child = spawn(process.execPath, [SLIDEV_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env })
    let output = ''
    child.stdout.on('data', (d) => { output += d })
    child.stderr.on('data', (d) => { output += d })
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0)
        return resolve()
      log(output)
      reject(new CliError(`slidev ${args.join(' ')} failed with exit code ${code}.`))
    })
  })
}

type BuildFn = (options: unknown, viteConfig: object, args: object) => Promise<void>

/** Slidev's own build function. @slidev/cli is pinned exactly, and its build chunk is not a public entry. */
async function slidevBuild(): Promise<BuildFn | undefined> {
  const dist = join(ROOT, 'node_modules', '@slidev', 'cli', 'dist')
  const chunk = readdirSync(dist).find(name => /^build-[\w-]+\.mjs$/.test(name))
  if (!chunk)
    return undefined
  const mod = await import(pathToFileURL(join(dist, chunk)).href)
  return typeof mod.build === 'function' ? mod.build : undefined
}

let preparserReady = false
/**
 * Slidev's CLI registers the `setup/preparser.ts` files of a deck's roots before it reads a
 * deck; a build inside this process must do the same, or placeholders stay unfilled.
 */
async function registerPreparsers(): Promise<void> {
  if (preparserReady)
    return
  const { injectPreparserExtensionLoader } = await import('@slidev/parser/fs')
  injectPreparserExtensionLoader(async (roots, headmatter, filepath, mode) => {
    const extensions = []
    for (const root of roots) {
      const file = join(root, 'setup', 'preparser.ts')
      if (existsSync(file)) {
        const setup = (await import(pathToFileURL(file).href)).default
        extensions.push(...(await setup({ filepath, headmatter, mode })))
      }
    }
    return extensions
  })
  preparserReady = true
}

export async function buildDeck(entry: string, outDir: string, base: string, log: (line: string) => void): Promise<void> {
  const build = await slidevBuild()
  if (!build)
    return runSlidev(['build', entry, '--out', outDir, '--base', base, '--router-mode', 'hash'], log)
  await registerPreparsers()
  const { resolveOptions } = await import('@slidev/cli')
  const options = await resolveOptions({ entry, base, routerMode: 'hash' }, 'build')
  await build(options, { base, logLevel: 'warn', build: { outDir, emptyOutDir: true } }, { entry, base, out: outDir, routerMode: 'hash' })
}
