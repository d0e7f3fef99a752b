// npm run bench: the kit's build and export of every deck against stock Slidev's
// (`slidev build` and `slidev export` of each deck, one after another), on the same decks,
// in this one process tree. Prints seconds and ratios; nothing is cached between runs.
//   npm run bench                  every deck; exits 1 when a ratio misses its target
//   npm run bench -- --short       one deck (CI runs this so the benchmark cannot rot unnoticed);
//                                  ratios are printed, targets are not enforced
//   npm run bench -- --deck 02-community-of-practice   one named deck
// Stock `slidev export` needs `playwright-chromium`, which the kit does not depend on (its
// install script downloads a browser). For the comparison alone it is installed once into
// node_modules/.cache with no browser download, and Slidev is given the kit's Chromium.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { promisify } from 'node:util'
import { chromiumEnv, findChromium } from '../chromium'
import { exportHandouts } from '../handouts/export'
import { ROOT } from '../paths'
import { buildSite } from '../site/build'
import { resolveKit } from '../site/kit'
import { runSlidev } from '../slidev/build'

const { values } = parseArgs({ options: { short: { type: 'boolean', default: false }, deck: { type: 'string' } } })

async function time(label: string, run: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await run()
  const seconds = (performance.now() - start) / 1000
  console.log(`  ${label}: ${seconds.toFixed(1)} s`)
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
  const decks = only ? kit.decks.filter(d => d.name === only) : kit.decks
  const chosen = { ...kit, decks }
  const work = mkdtempSync(join(tmpdir(), 'kit-bench-'))
  const quiet = () => {}
  try {
    console.log(`Benchmark${values.short ? ' (short form)' : ''}: ${decks.length} deck(s) (${decks.map(d => d.name).join(', ')}), Chromium ${chromium}, Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`)
    const prefix = await stockExporterPrefix()
    const stockBuild = await time('stock slidev build, deck by deck', async () => {
      for (const d of decks)
        await runSlidev(['build', d.entry, '--out', join(work, 'stock', d.name), '--base', `/${d.name}/`], console.error)
    })
    const kitBuild = await time('kit build (npm run build)', () => buildSite({ base: '/', kit: chosen, outDir: join(work, 'kit'), log: quiet }))
    mkdirSync(join(work, 'stock-pdf'), { recursive: true })
    const stockExport = await time('stock slidev export, deck by deck', () => withEnv({ npm_config_prefix: prefix, ...chromiumEnv(chromium) }, async () => {
      for (const d of decks)
        await runSlidev(['export', d.entry, '--output', join(work, 'stock-pdf', `${d.name}.pdf`), '--executable-path', chromium, '--timeout', '120000'], console.error)
    }))
    for (const d of decks) {
      if (!existsSync(join(work, 'stock-pdf', `${d.name}.pdf`)))
        throw new Error(`stock slidev export wrote no PDF for ${d.name}`)
    }
    const kitSlides = await time('kit export, slides PDFs', () => exportHandouts({ kit: chosen, decks, siteDir: join(work, 'kit'), kinds: ['slides'], log: quiet }))
    const kitAll = await time('kit export, all handouts (slides, worksheets, guides)', () => exportHandouts({ kit: chosen, decks, siteDir: join(work, 'kit'), log: quiet }))

    const rows = [
      ['build, all decks', kitBuild, stockBuild, 0.5],
      ['export, slides PDFs', kitSlides, stockExport, 0.4],
      ['export, all three handouts', kitAll, stockExport, undefined],
    ] as const
    console.log(`\n| what | kit (s) | stock Slidev (s) | ratio | target |\n|---|---|---|---|---|`)
    let missed = false
    for (const [what, kit, stock, target] of rows) {
      const ratio = kit / stock
      const ok = target === undefined || ratio <= target
      missed ||= !ok
      console.log(`| ${what.replace('all decks', decks.length === 1 ? decks[0].name : 'all decks')} | ${kit.toFixed(1)} | ${stock.toFixed(1)} | ${ratio.toFixed(2)}x | ${target ? `≤ ${target}x ${ok ? 'met' : 'MISSED'}` : '(slides export only has one)'} |`)
    }
    console.log(`\nload average after the run: ${loadavg().map(l => l.toFixed(1)).join(' ')}`)
    if (values.short || only)
      console.log('(one deck: targets are for all decks and are not enforced here)')
    process.exitCode = missed && !values.short && !only ? 1 : 0
  }
  finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
