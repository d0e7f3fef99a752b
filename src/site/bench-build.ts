// The kit's build and start-up against stock Slidev's, side by side in one run, on this machine.
//   npx tsx src/site/bench-build.ts            builds: stock `slidev build` deck by deck, then the
//                                              kit's cold build, a rebuild with nothing changed and
//                                              a rebuild after one deck changed
//   npx tsx src/site/bench-build.ts --start    start-up: `npm start` and stock `slidev` on module 1,
//                                              each with a cold Vite cache, to slide 1 drawn in Chromium
//   add --first-load to measure the first load of every deck the kit built (src/site/first-load.ts)
// The decks are copied to a scratch folder (the change for the rebuild is made there, never in
// decks/); the machine's load average is printed with the figures, since other work on the
// machine changes them.
import { type ChildProcess, spawn } from 'node:child_process'
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import process from 'node:process'
import { launchChromium } from '../chromium'
import { type DeckRef, findModule, listDecks } from '../content/decks'
import { DECKS_DIR, ROOT, SLIDEV_BIN } from '../paths'
import { runSlidev } from '../slidev/build'
import { buildSite } from './build'
import { FIRST_LOAD_BUDGET_KB, type FirstLoad, kb, measureFirstLoad } from './first-load'
import { type Kit, resolveKit } from './kit'

const load = () => loadavg().map(n => n.toFixed(1)).join(' / ')

/**
 * CPU seconds used so far by this process and the child processes it has waited for (Slidev's
 * command, the build processes), from /proc on Linux: unlike wall time, it does not grow when
 * other work shares the machine. Elsewhere, this process's own time only.
 */
export function cpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number)
    return (f[11] + f[12] + f[13] + f[14]) / 100
  }
  catch {
    const u = process.cpuUsage()
    return (u.user + u.system) / 1e6
  }
}

interface Timing { wall: number, cpu: number }

async function time(label: string, run: () => Promise<unknown>): Promise<Timing> {
  const start = performance.now()
  const cpu = cpuSeconds()
  await run()
  const t = { wall: (performance.now() - start) / 1000, cpu: cpuSeconds() - cpu }
  console.log(`  ${label}: ${t.wall.toFixed(1)} s, ${t.cpu.toFixed(1)} CPU s (load average ${load()})`)
  return t
}

function machine(): string {
  return `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, load average at start ${load()} (1 / 5 / 15 min)`
}

export interface BuildFigures { stock: Timing, cold: Timing, unchanged: Timing, oneChanged: Timing, decks: number, firstLoad?: FirstLoad[] }

/** What `then` gets: the copied decks and the kit's site built from them (deleted afterwards). */
export interface BuiltBench { kit: Kit, decks: DeckRef[], siteDir: string, work: string }

export interface BenchBuildOptions {
  /** measure the first load of every deck the kit built */
  firstLoad?: boolean
  /** only these decks (by folder name); every deck otherwise */
  only?: string[]
  /** run on the built site before the scratch copies are removed (npm run bench's exports) */
  then?: (built: BuiltBench) => Promise<void>
}

export async function benchBuilds(options: BenchBuildOptions = {}): Promise<BuildFigures> {
  // Slidev imports slides only from inside the project: the copy lives in the git-ignored .scratch/.
  mkdirSync(join(ROOT, '.scratch'), { recursive: true })
  const scratch = mkdtempSync(join(ROOT, '.scratch', 'bench-build-'))
  const work = mkdtempSync(join(tmpdir(), 'kit-bench-build-'))
  try {
    cpSync(DECKS_DIR, join(scratch, 'decks'), { recursive: true, filter: src => !src.includes('node_modules') })
    const decks = listDecks(join(scratch, 'decks')).filter(d => !options.only || options.only.includes(d.name))
    if (!decks.length)
      throw new Error(`No deck named ${options.only?.join(', ')} in ${DECKS_DIR}.`)
    // `addons: ['../']` is relative to a deck folder's parent: from the copy, the kit is further up.
    for (const d of decks)
      writeFileSync(d.entry, readFileSync(d.entry, 'utf8').replace(/^addons: \['\.\.\/'\]$/m, `addons: ['${relative(join(scratch, 'decks'), ROOT)}/']`))
    const kit: Kit = { ...(await resolveKit()), decks, outDir: join(work, 'kit', 'dist'), basePath: '' }
    const quiet = () => {}
    console.log(`Build benchmark: ${decks.length} decks; ${machine()}`)
    const stock = await time('stock `slidev build`, deck by deck', async () => {
      for (const d of decks)
        await runSlidev(['build', d.entry, '--out', join(work, 'stock', d.name), '--base', `/${d.name}/`], console.error)
    })
    const cold = await time('kit build, cold (nothing built before)', () => buildSite({ base: '/', kit, log: quiet }))
    const unchanged = await time('kit build, nothing changed', () => buildSite({ base: '/', kit, log: quiet }))
    const changed = decks.length > 1 ? findModule(decks, '1') : decks[0]
    appendFileSync(changed.entry, '\n')
    const oneChanged = await time(`kit build, one deck changed (${changed.name})`, () => buildSite({ base: '/', kit, log: quiet }))
    const rows: [string, Timing, number | undefined][] = [
      ['cold build of all decks', cold, 0.5],
      ['rebuild after one deck changed', oneChanged, 0.25],
      ['rebuild, nothing changed', unchanged, undefined],
    ]
    console.log(`\n| what | kit: wall s (CPU s) | stock \`slidev build\` per deck: wall s (CPU s) | ratio, wall (CPU) | target (wall) |\n|---|---|---|---|---|`)
    for (const [what, t, target] of rows)
      console.log(`| ${what} | ${t.wall.toFixed(1)} (${t.cpu.toFixed(1)}) | ${stock.wall.toFixed(1)} (${stock.cpu.toFixed(1)}) | ${(t.wall / stock.wall).toFixed(2)}x (${(t.cpu / stock.cpu).toFixed(2)}x) | ${!target ? 'nothing built' : decks.length < 2 ? `(≤ ${target}x for all decks)` : `≤ ${target}x ${t.wall / stock.wall <= target ? 'met' : 'MISSED'}`} |`)
    console.log(`\nLoad average at the end: ${load()}`)
    let firstLoad: FirstLoad[] | undefined
    if (options.firstLoad) {
      firstLoad = await measureFirstLoad(kit.outDir)
      console.log(`\n| deck | first load, JS + CSS gzip (KB) | budget ${FIRST_LOAD_BUDGET_KB} KB |\n|---|---|---|`)
      for (const r of firstLoad)
        console.log(`| ${r.deck} | ${kb(r.bytes)} | ${r.bytes <= FIRST_LOAD_BUDGET_KB * 1024 ? 'met' : 'MISSED'} |`)
    }
    await options.then?.({ kit, decks, siteDir: kit.outDir, work })
    return { stock, cold, unchanged, oneChanged, decks: decks.length, firstLoad }
  }
  finally {
    rmSync(scratch, { recursive: true, force: true })
    rmSync(work, { recursive: true, force: true })
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGINT')
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
  })
}

async function waitForServer(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The server stopped before it listened:\n${output()}`)
    try {
      await fetch(url)
      return
    }
    catch {
      await new Promise(r => setTimeout(r, 100))
    }
  }
}

/** Seconds from starting a command to slide 1 drawn in Chromium, with a cold Vite cache. */
async function startToSlide(command: string[], port: number, deckDir: string): Promise<number> {
  rmSync(join(deckDir, 'node_modules', '.vite'), { recursive: true, force: true })
  const browser = await launchChromium()
  let out = ''
  const started = performance.now()
  const child = spawn(process.execPath, command, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: undefined } })
  child.stdout!.on('data', (d) => { out += d })
  child.stderr!.on('data', (d) => { out += d })
  try {
    const url = `http://localhost:${port}/`
    await waitForServer(url, child, () => out)
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    await page.goto(url)
    await page.locator('.slidev-page-1').first().waitFor({ state: 'visible', timeout: 300_000 })
    return (performance.now() - started) / 1000
  }
  finally {
    await browser.close()
    await stop(child)
  }
}

export async function benchStart(runs = 1, deckName?: string): Promise<{ kit: number[], stock: number[] }> {
  const all = listDecks()
  const deck = deckName ? all.find(d => d.name === deckName) : findModule(all, '1')
  if (!deck)
    throw new Error(`No deck named ${deckName} in ${DECKS_DIR}.`)
  if (!existsSync(SLIDEV_BIN))
    throw new Error(`Slidev's command is missing at ${SLIDEV_BIN}: run npm ci first.`)
  console.log(`Start-up benchmark: ${deck.name}, cold Vite cache, to slide 1 drawn; ${machine()}`)
  const kit: number[] = []
  const stock: number[] = []
  for (let i = 0; i < runs; i++) {
    stock.push(await startToSlide([SLIDEV_BIN, deck.entry, '--port', '3131'], 3131, deck.dir))
    console.log(`  stock \`slidev\`: ${stock.at(-1)!.toFixed(1)} s (load average ${load()})`)
    // What `npm start` runs (package.json), without npm itself.
    kit.push(await startToSlide(['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'present', deck.name, '--port', '3132'], 3132, deck.dir))
    console.log(`  kit \`npm start\`: ${kit.at(-1)!.toFixed(1)} s (load average ${load()})`)
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  console.log(`\n| what | kit (s) | stock Slidev (s) | ratio | target |\n|---|---|---|---|---|`)
  console.log(`| start to slide 1 drawn, cold Vite cache (${runs} run(s) each, mean) | ${mean(kit).toFixed(1)} | ${mean(stock).toFixed(1)} | ${(mean(kit) / mean(stock)).toFixed(2)}x | ≤ 1.1x ${mean(kit) / mean(stock) <= 1.1 ? 'met' : 'MISSED'} |`)
  console.log(`\nLoad average at the end: ${load()}`)
  return { kit, stock }
}

if (process.argv[1]?.endsWith('bench-build.ts')) {
  const args = process.argv.slice(2)
  const runs = Number(args[args.indexOf('--runs') + 1]) || 1
  const job = args.includes('--start') ? benchStart(runs) : benchBuilds({ firstLoad: args.includes('--first-load') })
  job.then(() => process.exit(0), (e) => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  })
}
