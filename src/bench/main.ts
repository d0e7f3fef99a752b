// npm run bench: the kit's build and export of every deck against stock Slidev's
// (`slidev build` and `slidev export` of each deck, one after another), on the same decks,
// in this one process tree. Prints seconds and ratios; nothing is cached between runs.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { findChromium } from '../chromium'
import { listDecks } from '../content/decks'
import { exportHandouts } from '../handouts/export'
import { buildSite } from '../site/build'
import { runSlidev } from '../slidev/build'

async function time(label: string, run: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await run()
  const seconds = (performance.now() - start) / 1000
  console.log(`  ${label}: ${seconds.toFixed(1)} s`)
  return seconds
}

async function main() {
  const chromium = findChromium()
  const decks = listDecks()
  const work = mkdtempSync(join(tmpdir(), 'kit-bench-'))
  const quiet = () => {}
  try {
    console.log(`Benchmark: ${decks.length} decks, Chromium ${chromium}, ${process.version}`)
    const stockBuild = await time('stock slidev build, deck by deck', async () => {
      for (const d of decks)
        await runSlidev(['build', d.entry, '--out', join(work, 'stock', d.name), '--base', `/${d.name}/`])
    })
    const kitBuild = await time('kit build (npm run build)', () => buildSite({ base: '/', outDir: join(work, 'kit'), log: quiet }))
    mkdirSync(join(work, 'stock-pdf'), { recursive: true })
    const stockExport = await time('stock slidev export, deck by deck', async () => {
      for (const d of decks)
        await runSlidev(['export', d.entry, '--output', join(work, 'stock-pdf', `${d.name}.pdf`), '--executable-path', chromium, '--timeout', '120000'], console.error)
    })
    const kitSlides = await time('kit export, slides PDFs', () => exportHandouts({ siteDir: join(work, 'kit'), kinds: ['slides'], log: quiet }))
    const kitAll = await time('kit export, all handouts (slides, worksheets, guides)', () => exportHandouts({ siteDir: join(work, 'kit'), log: quiet }))

    const rows = [
      ['build, all decks', kitBuild, stockBuild, 0.8],
      ['export, slides PDFs', kitSlides, stockExport, 0.4],
      ['export, all three handouts', kitAll, stockExport, undefined],
    ] as const
    console.log('\n| what | kit (s) | stock Slidev (s) | ratio | target |\n|---|---|---|---|---|')
    let failed = false
    for (const [what, kit, stock, target] of rows) {
      const ratio = kit / stock
      const ok = target === undefined || ratio <= target
      failed ||= !ok
      console.log(`| ${what} | ${kit.toFixed(1)} | ${stock.toFixed(1)} | ${ratio.toFixed(2)}x | ${target ? `≤ ${target}x ${ok ? 'met' : 'MISSED'}` : '(slides export only has one)'} |`)
    }
    process.exitCode = failed ? 1 : 0
  }
  finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
