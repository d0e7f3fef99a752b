// Builds every deck into one static site: dist/index.html plus dist/<deck>/ for each deck.
// Decks are built into a staging folder first, so a failed build leaves the last good site as it was.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type DeckSummary, loadDeck, summariseDeck } from '../content/decks'
import { HANDOUT_KINDS, handoutName } from '../handouts/names'
import { UserError } from '../errors'
import { PUBLIC_DIR } from '../paths'
import { type Kit, resolveKit, SITE_TITLE } from './kit'
import { renderLanding } from './landing'
import { buildDeck } from '../slidev/build'

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
  if (!base.startsWith('/'))
    throw new UserError(`--base must be an absolute path such as / or /training/ (got "${base}").`)
  return base.endsWith('/') ? base : `${base}/`
}

/** The landing page, linking every deck and whichever handouts have been exported. */
export function writeLanding(outDir: string, decks: DeckSummary[], kit?: Kit): void {
  const handouts = Object.fromEntries(decks.map(d => [d.name, HANDOUT_KINDS
    .map(kind => ({ kind, href: `handouts/${handoutName(d.name, kind)}` }))
    .filter(h => existsSync(join(outDir, h.href)))]))
  writeFileSync(join(outDir, 'index.html.tmp'), renderLanding({ title: kit?.title ?? SITE_TITLE, decks, handouts, cohort: kit?.cohort?.cohort, sessions: Object.fromEntries((kit?.cohort?.sessions ?? []).map(s => [s.deck.name, s.session.start])) }))
  renameSync(join(outDir, 'index.html.tmp'), join(outDir, 'index.html'))
  copyFileSync(join(PUBLIC_DIR, 'favicon.svg'), join(outDir, 'favicon.svg'))
}

export async function buildSite(options: BuildOptions): Promise<string> {
  const log = options.log ?? console.log
  const base = normaliseBase(options.base)
  const kit = options.kit ?? await resolveKit()
  const outDir = options.outDir ?? kit.outDir
  const decks = kit.decks
  const staging = join(outDir, '.staging')
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true })
  try {
    const summaries = []
    for (const deck of decks) {
      const started = Date.now()
      log(`Building ${deck.name} …`)
      await buildDeck(deck.entry, join(staging, deck.name), `${base}${kit.basePath}${deck.name}/`, log)
      summaries.push(summariseDeck(await loadDeck(deck)))
      log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    }
    // Only now replace the previous site, deck by deck; other files in dist/ (handouts) stay.
    for (const deck of decks) {
      rmSync(join(outDir, deck.name), { recursive: true, force: true })
      renameSync(join(staging, deck.name), join(outDir, deck.name))
    }
    writeLanding(outDir, summaries, kit)
    log(`Site written to ${outDir}: open index.html through a web server (npm run serve).`)
    return outDir
  }
  finally {
    if (existsSync(staging))
      rmSync(staging, { recursive: true, force: true })
  }
}
