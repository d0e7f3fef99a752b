// npm run bench: the kit against stock Slidev on the same decks, in this one process tree and
// one run: builds (stock `slidev build` deck by deck; the kit's cold build, a rebuild with
// nothing changed and one after one deck changed: src/site/bench-build.ts), exports (stock
// `slidev export` deck by deck; the kit's slides PDFs and all handouts), the first load of each
// deck the kit built, and start-up (`npm start` and stock `slidev` to slide 1 drawn, cold Vite
// cache). Prints seconds, ratios and the machine's load average; nothing is cached between runs.
//   npm run bench                  every deck; exits 1 when a ratio misses its target
//   npm run bench -- --short       one deck (CI runs this so the benchmark cannot rot unnoticed);
//                                  ratios are printed, targets are not enforced
//   npm run bench -- --deck 02-community-of-practice   one named deck
//   --start-runs N                 start-up pairs (default 1); --skip-start leaves start-up out
// Stock `slidev export` needs `playwright-chromium`, which the kit does not depend on (its
// install script downloads a browser). For the comparison alone it is installed once into
// node_modules/.cache with no browser download, and Slidev is given the kit's Chromium.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { promisify } from 'node:util'
import { chromiumEnv, findChromium } from '../chromium'
import { exportHandouts } from '../handouts/export'
import { ROOT } from '../paths'
import { benchBuilds, benchStart } from '../site/bench-build'
import { FIRST_LOAD_BUDGET_KB, kb } from '../site/first-load'
import { resolveKit } from '../site/kit'
import { runSlidev } from '../slidev/build'

const { values } = parseArgs({ options: {
  'short': { type: 'boolean', default: false },
  'deck': { type: 'string' },
  'start-runs': { type: 'string', default: '1' },
  'skip-start': { type: 'boolean', default: false },
} })

const quiet = () => {}
const load = () => loadavg().map(n => n.toFixed(1)).join(' / ')

async function time(label: string, run: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await run()
  const seconds = (performance.now() - start) / 1000
  console.log(`  ${label}: ${seconds.toFixed(1)} s (load average ${load()})`)
  return seconds
}

/**
 * A folder laid out as npm's global prefix holding `playwright-chromium` (the version of the kit's
 * playwright-core), installed without its browser download. Slidev finds it there through
 * `npm_config_prefix` (it looks for a global playwright-chromium when the deck has none).
 */
async function stockExporterPrefix(): Promise<string> {
  const version = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('playwright-core/package.json'), 'utf8')).version as string
  const prefix = join(ROOT, 'node_modules', '.cache', `kit-bench-playwright-chromium-${version}`)
  if (existsSync(join(prefix, 'lib', 'node_modules', 'playwright-chromium', 'package.json')))
    return prefix
  console.log(`  (installing playwright-chromium@${version} for stock slidev export into ${prefix}, no browser download)`)
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  await promisify(execFile)(npm, ['install', '--global', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `playwright-chromium@${version}`], {
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    timeout: 300_000,
  }).catch((e) => {
    throw new Error(`Could not install playwright-chromium@${version} for stock slidev export: ${String(e.stderr || e.message).trim().split('\n').slice(-3).join(' ')}`)
  })
  return prefix
}

/** Runs `act` with extra variables in this process's environment (Slidev's child processes inherit it). */
async function withEnv<T>(extra: Record<string, string>, act: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(extra).map(k => [k, process.env[k]]))
  Object.assign(process.env, extra)
  try {
    return await act()
  }
  finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined)
        delete process.env[k]
      else
        process.env[k] = v
    }
  }
}

async function main() {
  const chromium = await findChromium()
  const kit = await resolveKit()
  const only = values.deck ?? (values.short ? kit.decks[0]?.name : undefined)
  if (only && !kit.decks.some(d => d.name === only))
    throw new Error(`No deck named "${only}": the decks are ${kit.decks.map(d => d.name).join(', ')}.`)
  const names = only ? [only] : kit.decks.map(d => d.name)
  const startRuns = Number(values['start-runs'])
  if (!Number.isInteger(startRuns) || startRuns < 1)
    throw new Error(`--start-runs takes a whole number of runs, at least 1 (got "${values['start-runs']}").`)
  console.log(`Benchmark${values.short ? ' (short form)' : ''}: ${names.length} deck(s) (${names.join(', ')}), Chromium ${chromium}, Node ${process.version}, ${cpus().length} cores, load average ${load()}`)
  const prefix = await stockExporterPrefix()
  let exports: { stock: number, slides: number, all: number } | undefined
  // Builds, then the exports from the kit's site while the benchmark's copies of the decks exist.
  const builds = await benchBuilds({
    only: names,
    firstLoad: true,
    then: async ({ kit: benchKit, decks, siteDir, work }) => {
      console.log('Exports:')
      mkdirSync(join(work, 'stock-pdf'), { recursive: true })
      const stock = await time('stock slidev export, deck by deck', () => withEnv({ npm_config_prefix: prefix, ...chromiumEnv(chromium) }, async () => {
        for (const d of decks)
          await runSlidev(['export', d.entry, '--output', join(work, 'stock-pdf', `${d.name}.pdf`), '--executable-path', chromium, '--timeout', '120000'], console.error)
      }))
      for (const d of decks) {
        if (!existsSync(join(work, 'stock-pdf', `${d.name}.pdf`)))
          throw new Error(`stock slidev export wrote no PDF for ${d.name}`)
      }
      const slides = await time('kit export, slides PDFs', () => exportHandouts({ kit: benchKit, decks, siteDir, kinds: ['slides'], log: quiet }))
      const all = await time('kit export, all handouts (slides, worksheets, guides)', () => exportHandouts({ kit: benchKit, decks, siteDir, log: quiet }))
      exports = { stock, slides, all }
    },
  })
  let start: { kit: number[], stock: number[] } | undefined
  if (!values['skip-start']) {
    console.log('')
    start = await benchStart(startRuns, values.short || values.deck ? names[0] : undefined)
  }

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const heaviest = Math.max(...(builds.firstLoad ?? []).map(r => r.bytes))
  const rows: [string, string, string, number, number | undefined][] = [
    ['build, all decks, cold', builds.cold.wall.toFixed(1), builds.stock.wall.toFixed(1), builds.cold.wall / builds.stock.wall, 0.5],
    ['rebuild after one deck changed', builds.oneChanged.wall.toFixed(1), builds.stock.wall.toFixed(1), builds.oneChanged.wall / builds.stock.wall, 0.25],
    ['rebuild, nothing changed', builds.unchanged.wall.toFixed(1), builds.stock.wall.toFixed(1), builds.unchanged.wall / builds.stock.wall, undefined],
    ['export, slides PDFs', exports!.slides.toFixed(1), exports!.stock.toFixed(1), exports!.slides / exports!.stock, 0.4],
    ['export, all three handouts', exports!.all.toFixed(1), exports!.stock.toFixed(1), exports!.all / exports!.stock, undefined],
  ]
  if (start)
    rows.push([`start to slide 1 drawn, cold Vite cache (${names.length === 1 ? names[0] : 'module 1'}, mean of ${startRuns})`, mean(start.kit).toFixed(1), mean(start.stock).toFixed(1), mean(start.kit) / mean(start.stock), 1.1])
  console.log(`\nSummary (seconds, wall; ratio = kit / stock Slidev, side by side in this run):\n\n| what | kit (s) | stock Slidev (s) | ratio | target |\n|---|---|---|---|---|`)
  let missed = false
  for (const [what, kitFigure, stockFigure, ratio, target] of rows) {
    const ok = target === undefined || ratio <= target
    missed ||= !ok
    const verdict = !target ? '' : only && !what.startsWith('start') ? `(≤ ${target}x for all decks)` : `≤ ${target}x ${ok ? 'met' : 'MISSED'}`
    console.log(`| ${names.length === 1 ? what.replace('all decks', names[0]) : what} | ${kitFigure} | ${stockFigure} | ${ratio.toFixed(2)}x | ${verdict} |`)
  }
  const loadOk = heaviest <= FIRST_LOAD_BUDGET_KB * 1024
  missed ||= !loadOk
  console.log(`| first load, heaviest deck, JS + CSS gzip | ${kb(heaviest)} KB | | | ≤ ${FIRST_LOAD_BUDGET_KB} KB ${loadOk ? 'met' : 'MISSED'} |`)
  console.log(`\nLoad average after the run: ${load()} (1 / 5 / 15 min)`)
  if (values.short || only)
    console.log('(one deck: the targets are for all decks and are not enforced here)')
  process.exitCode = missed && !values.short && !only ? 1 : 0
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
