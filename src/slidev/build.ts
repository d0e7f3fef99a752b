// The kit's one contact with Slidev on the Node side: reading decks, registering the
// preparser and building decks. Public API where Slidev has one; each remaining internal is
// listed here with why it is needed, and src/slidev/contract.ts checks every one of them
// (test/unit/slidev-contract.test.ts fails by name when an upgrade removes one).
//
// Public API used:
// - `resolveOptions` and `ViteSlidevPlugin` from `@slidev/cli` (its package entry): the
//   in-process build is Vite's `build` with Slidev's own plugin, so one Node process builds
//   every deck without paying Slidev's start-up per deck.
// - `createServer`, `resolveOptions` and `parser` from `@slidev/cli`: `npm start` runs Slidev's
//   dev server in the kit's own process (startDeckServer), as the `slidev` command does.
// - `load` and `injectPreparserExtensionLoader` from `@slidev/parser/fs`.
//
// Internals still needed, and why:
// 1. `options.utils.indexHtml` (typed in @slidev/types, but only Slidev's build command reads
//    it): the HTML entry of the app; `slidev build` serves it through a plugin the same way.
// 2. The `__SLIDEV_FEATURE_PRINT__` define (Slidev's client guards its `/print` route with
//    it): the kit's exporter prints the built site with one Chromium. Slidev turns it on only
//    with `download: true`, which would also run Slidev's slower exporter in every build; the
//    documented `browserExporter` only adds the interactive `/export` page. See vite.ts.
// 3. The `setup/preparser.ts` convention: Slidev's CLI registers each root's preparser before
//    reading a deck (its `loadSetups` is not exported), so an in-process build and the content
//    check register it the same way.
// 4. The `slidev` binary path, for the fallback below.
// If Slidev's public build pieces are missing, each deck is built with the `slidev` CLI in a
// child process instead (slower: Slidev starts once per deck), and a warning says so.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import type { InlineConfig, Plugin } from 'vite'
import { UserError } from '../errors'
import { SHIPPED_PACKAGES_FILE } from '../output/names'
import { SLIDEV_BIN } from '../paths'
import { spawnChild } from '../spawn'

export { PRINT_FEATURE_FLAG, printRoutePlugin } from './vite'

export function runSlidev(args: string[], log: (line: string) => void = () => {}): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    // spawnChild: an in-process Vite build's NODE_ENV=production never reaches the child.
    const child = spawnChild(process.execPath, [SLIDEV_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => { output += d })
    child.stderr.on('data', (d) => { output += d })
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0)
        return resolvePromise()
      log(output)
      reject(new UserError(`slidev ${args.join(' ')} failed with exit code ${code}.`))
    })
  })
}

let preparserReady = false
/** How a root's `setup/preparser.ts` is imported (default: Node's `import`, under tsx). */
export type SetupImporter = (file: string) => Promise<{ default: (...args: any[]) => any }>

/**
 * Registers each root's `setup/preparser.ts` as Slidev's CLI does (see the header, 3). The first
 * call wins: the build processes (src/site/build-worker.ts) pass the kit's preparser bundled with
 * them, as they run without tsx.
 */
export async function registerPreparsers(importSetup: SetupImporter = file => import(pathToFileURL(file).href)): Promise<void> {
  if (preparserReady)
    return
  const { injectPreparserExtensionLoader } = await import('@slidev/parser/fs')
  injectPreparserExtensionLoader(async (roots, headmatter, filepath, mode) => {
    const extensions = []
    for (const root of roots) {
      const file = join(root, 'setup', 'preparser.ts')
      if (existsSync(file)) {
        const setup = (await importSetup(file)).default
        extensions.push(...(await setup({ filepath, headmatter, mode })))
      }
    }
    return extensions
  })
  preparserReady = true
}

type SlidevCli = typeof import('@slidev/cli')

/** What of Slidev's build API is missing, if anything (empty when the fast path works). */
export async function missingBuildApi(): Promise<string[]> {
  const missing: string[] = []
  let cli: Partial<SlidevCli> = {}
  try {
    cli = await import('@slidev/cli')
  }
  catch (e) {
    return [`@slidev/cli cannot be imported (${(e as Error).message})`]
  }
  if (typeof cli.resolveOptions !== 'function')
    missing.push('resolveOptions from @slidev/cli')
  if (typeof cli.ViteSlidevPlugin !== 'function')
    missing.push('ViteSlidevPlugin from @slidev/cli')
  return missing
}

let warned = false
/** Says, once per run, that decks are built the slow way and why. */
export function warnSlowPath(why: string, log: (line: string) => void): void {
  if (warned)
    return
  warned = true
  log(`warning: Slidev's in-process build is not available (${why}); building each deck with the slidev command instead, which is slower. The kit's src/slidev/ adapter needs updating for this Slidev version (run npx vitest run test/unit/slidev-contract.test.ts).`)
}

/** Builds one deck into `outDir`, served from `base`, with hash routing. */
export async function buildDeck(entry: string, outDir: string, base: string, log: (line: string) => void, extra: InlineConfig = {}): Promise<void> {
  const missing = await missingBuildApi()
  if (missing.length) {
    warnSlowPath(missing.join(', '), log)
    return runSlidev(['build', entry, '--out', outDir, '--base', base, '--router-mode', 'hash'], log)
  }
  await registerPreparsers()
  const { build, loadConfigFromFile, mergeConfig } = await import('vite')
  const { resolveOptions, ViteSlidevPlugin } = await import('@slidev/cli')
  const options = await resolveOptions({ entry, base, routerMode: 'hash' }, 'build')
  const indexHtml = options.utils?.indexHtml
  if (typeof indexHtml !== 'string') {
    warnSlowPath('options.utils.indexHtml is gone', log)
    return runSlidev(['build', entry, '--out', outDir, '--base', base, '--router-mode', 'hash'], log)
  }
  const indexHtmlId = resolve(options.userRoot, 'index.html')
  // As `slidev build` does: each root's vite.config, then the build's own settings, then Slidev's plugin.
  let config: InlineConfig = {}
  for (const root of options.roots) {
    const file = ['.mjs', '.js', '.mts', '.ts'].map(ext => join(root, `vite.config${ext}`)).find(existsSync)
    const loaded = file ? await loadConfigFromFile({ command: 'build', mode: 'production' }, file) : null
    if (loaded)
      config = mergeConfig(config, loaded.config)
  }
  config = mergeConfig(config, {
    base,
    logLevel: 'warn',
    // Rolldown's timing report is about the bundler, not the deck: keep the build's output to what a facilitator can act on.
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2000, rollupOptions: { input: { index: indexHtmlId }, checks: { bundlerTimings: false } } as object },
    plugins: [{
      name: 'kit:index-html',
      resolveId: { order: 'pre', handler: (id: string) => (id === indexHtmlId ? id : null) },
      load: { order: 'pre', handler: (id: string) => (id === indexHtmlId ? indexHtml : undefined) },
    }, shippedPackages()],
  } satisfies InlineConfig)
  config = mergeConfig(config, {
    configFile: false,
    root: options.userRoot,
    plugins: await ViteSlidevPlugin(options, (config as { slidev?: object }).slidev),
    define: { __VUE_PROD_DEVTOOLS__: false },
  } satisfies InlineConfig)
  await build(mergeConfig(config, extra))
}


/**
 * The npm packages whose modules went into the deck's JavaScript and CSS: their folders, relative
 * to the project (`node_modules/vue`, or a copy nested in another package's), sorted.
 */
function shippedPackages(): Plugin {
  return {
    name: 'kit:shipped-packages',
    generateBundle(_options, bundle) {
      const dirs = new Set<string>()
      for (const out of Object.values(bundle)) {
        for (const id of out.type === 'chunk' ? out.moduleIds : []) {
          // From the first node_modules on: the same on every machine with the same lockfile.
          const path = id.replaceAll('\\', '/')
          const first = path.indexOf('node_modules/')
          if (first < 0)
            continue
          const last = path.lastIndexOf('node_modules/') + 'node_modules/'.length
          const [scope, name] = path.slice(last).split('/')
          // Slidev's own generated files (node_modules/.slidev) are the deck's, not a package.
          if (scope.startsWith('.'))
            continue
          dirs.add(`${path.slice(first, last)}${scope.startsWith('@') ? `${scope}/${name}` : scope}`)
        }
      }
      this.emitFile({ type: 'asset', fileName: SHIPPED_PACKAGES_FILE, source: `${JSON.stringify([...dirs].sort(), null, 1)}\n` })
    },
  }
}

export interface DeckServerOptions {
  /** a fixed port; without it the first free port from 3030, as `slidev` does */
  port?: number
  /** listen on the network with remote control, as `slidev --remote [password]` */
  remote?: string
  /** the address to listen on with `remote` (default: every address) */
  bind?: string
  log?: 'error' | 'warn' | 'info' | 'silent'
  /** re-bundle Slidev's dependencies (`slidev --force`) */
  force?: boolean
}

export interface DeckServer {
  port: number
  /** the slide show, e.g. http://localhost:3030/ */
  url: string
  /** the presenter view */
  presenterUrl: string
  close: () => Promise<void>
}

/**
 * Slidev's dev server for one deck, in this process, through Slidev's public Node API, as the
 * `slidev` command starts it (minus its banner, its keyboard shortcuts and its restarts on a
 * theme change). Resolves once the server listens; the deck compiles on the first request.
 */
export async function startDeckServer(entry: string, options: DeckServerOptions = {}): Promise<DeckServer> {
  await registerPreparsers()
  const { createServer, parser, resolveOptions } = await import('@slidev/cli')
  const resolved = await resolveOptions({ entry, remote: options.remote }, 'dev')
  const host = options.remote !== undefined ? (options.bind ?? '0.0.0.0') : 'localhost'
  const server = await createServer(resolved, {
    server: { port: options.port ?? 3030, strictPort: options.port !== undefined, host },
    optimizeDeps: { force: options.force },
    logLevel: options.log ?? 'warn',
  }, {
    // Edits to the deck while it is shown: read again as the `slidev` command does.
    async loadData(loadedSource) {
      const loaded = await parser.load(resolved, resolved.entry, loadedSource, 'dev')
      return { ...loaded, themeMeta: resolved.data.themeMeta, config: parser.resolveConfig(loaded.headmatter, resolved.data.themeMeta, resolved.entry) }
    },
  })
  try {
    await server.listen()
  }
  catch (e) {
    await server.close()
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE' || /already in use/.test(String((e as Error).message)))
      throw new UserError(`Port ${options.port} is already in use on this computer; choose another, e.g. npm start -- --port ${(options.port ?? 3030) + 1}.`)
    throw e
  }
  const address = server.httpServer?.address()
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 3030)
  const hash = resolved.data.config.routerMode === 'hash' ? '#/' : ''
  const query = options.remote ? `?password=${encodeURIComponent(options.remote)}` : ''
  const url = `http://localhost:${port}/`
  return { port, url, presenterUrl: `${url}${hash}presenter/${query}`, close: () => server.close() }
}
