// Builds every deck into one static site: dist/index.html plus dist/<deck>/ for each deck.
// Decks are built into a scratch folder beside the site first, and each replaces its previous
// build in one rename only when every deck has built: a failed, killed or overlapping build
// never leaves a good site without a deck, and nothing half-built ever sits inside the site.
// Decks build in parallel, one process per core (build-pool.ts); a deck whose inputs have not
// changed since its last build keeps that build (build-cache.ts), which is byte for byte what a
// clean build writes (test/site/build-cache.test.ts).
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { type DeckSummary, loadDeck, summariseDeck } from '../content/decks'
import { UserError } from '../errors'
import { type Kit, resolveKit } from './kit'
import { writeSitePages } from './pages'
import { addonHash, deckInputsHash, readStamps, stampKey, treeHash, whyBuild, writeStamps } from './build-cache'
import { buildInParallel, type DeckJob } from './build-pool'
import { scratchDir, siteRootOf, withSiteLock } from '../output/scratch'

export interface BuildOptions {
  /** where the site will be served from, e.g. `/` or `/training/` */
  base: string
  /** the upstream kit unless given */
  kit?: Kit
  /** overrides the kit's output folder (tests, the bench) */
  outDir?: string
  log?: (line: string) => void
}

export function normaliseBase(base: string): string {
  if (!/^\/(?:[\w.~-]+\/?)*$/.test(base))
    throw new UserError(`--base must be an absolute path such as / or /training/ (got "${base}").`)
  return base.endsWith('/') ? base : `${base}/`
}

/** The landing page and the participants' page, linking every deck and whichever handouts have been exported. */
export function writeLanding(outDir: string, decks: DeckSummary[], kit?: Kit): void {
  writeSitePages(outDir, decks, kit)
}

export async function buildSite(options: BuildOptions): Promise<string> {
  const base = normaliseBase(options.base)
  const kit = options.kit ?? await resolveKit()
  const outDir = options.outDir ?? kit.outDir
  return withSiteLock(siteRootOf(outDir, kit.basePath), 'build', () => buildLocked(base, kit, outDir, options.log ?? console.log))
}

async function buildLocked(base: string, kit: Kit, outDir: string, log: (line: string) => void): Promise<string> {
  const siteRoot = siteRootOf(outDir, kit.basePath)
  const staging = scratchDir(siteRoot, 'build')
  try {
    const started = Date.now()
    const loaded = await Promise.all(kit.decks.map(loadDeck))
    const summaries = loaded.map(summariseDeck)
    const addon = addonHash()
    const stamps = readStamps(siteRoot)
    const jobs: (DeckJob & { key: string, inputs: string })[] = []
    const kept: string[] = []
    for (const [i, deck] of kit.decks.entries()) {
      const deckBase = `${base}${kit.basePath}${deck.name}/`
      const final = join(outDir, deck.name)
      const key = stampKey(siteRoot, final)
      const sources = [deck.entry, ...loaded[i].slides.map(s => s.file), ...loaded[i].errors.map(e => e.file)]
      const inputs = deckInputsHash({ dir: deck.dir, sources, cohortDir: kit.cohort?.dir, options: { base: deckBase, routerMode: 'hash' } }, addon)
      const why = whyBuild(stamps, key, inputs, final)
      if (!why)
        kept.push(deck.name)
      else
        jobs.push({ id: deck.name, why, entry: deck.entry, outDir: join(staging, deck.name), base: deckBase, key, inputs })
    }
    if (kept.length)
      log(`Unchanged since the last build, kept: ${kept.join(', ')}.`)
    await buildInParallel(jobs, log, (job, seconds) => log(`  ${job.id} built in ${seconds.toFixed(1)} s`), { workerKey: addon })
    // Only now replace the previous builds of the decks that changed; other files in dist/ (handouts) stay.
    mkdirSync(outDir, { recursive: true })
    const built = jobs.map(job => ({ job, output: treeHash(job.outDir) }))
    for (const { job } of built) {
      const final = join(outDir, job.id)
      const old = join(staging, `${job.id}.previous`)
      if (existsSync(final))
        renameSync(final, old)
      renameSync(job.outDir, final)
    }
    for (const { job, output } of built)
      stamps[job.key] = { inputs: job.inputs, output }
    writeStamps(siteRoot, stamps, base)
    writeLanding(outDir, summaries, kit)
    log(`Site written to ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s (${jobs.length} deck(s) built, ${kept.length} kept): open index.html through a web server (npm run serve).`)
    return outDir
  }
  finally {
    rmSync(staging, { recursive: true, force: true })
  }
}
