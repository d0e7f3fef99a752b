// Builds every deck into one static site: dist/index.html plus dist/<deck>/ for each deck.
// Decks are built into a scratch folder beside the site first, and each replaces its previous
// build in one rename only when every deck has built: a failed, killed or overlapping build
// never leaves a good site without a deck, and nothing half-built ever sits inside the site.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { type DeckSummary, loadDeck, summariseDeck } from '../content/decks'
import { UserError } from '../errors'
import { HANDOUT_KINDS, handoutName } from '../handouts/names'
import { PUBLIC_DIR } from '../paths'
import { buildDeck } from '../slidev/build'
import { type Kit, resolveKit, SITE_TITLE } from './kit'
import { renderLanding } from './landing'
import { writeNotices } from './notices'
import { scratchDir, siteRootOf, withSiteLock } from './scratch'

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

/** The landing page, linking every deck and whichever handouts have been exported. */
export function writeLanding(outDir: string, decks: DeckSummary[], kit?: Kit): void {
  const handouts = Object.fromEntries(decks.map(d => [d.name, HANDOUT_KINDS
    .map(kind => ({ kind, href: `handouts/${handoutName(d.name, kind)}` }))
    .filter(h => existsSync(join(outDir, h.href)))]))
  const temp = join(outDir, `.index.html.${process.pid}.tmp`)
  writeFileSync(temp, renderLanding({ title: kit?.title ?? SITE_TITLE, decks, handouts, cohort: kit?.cohort?.cohort, sessions: Object.fromEntries((kit?.cohort?.sessions ?? []).map(s => [s.deck.name, s.session.start])) }))
  renameSync(temp, join(outDir, 'index.html'))
  copyFileSync(join(PUBLIC_DIR, 'favicon.svg'), join(outDir, 'favicon.svg'))
  writeNotices(outDir)
}

export async function buildSite(options: BuildOptions): Promise<string> {
  const base = normaliseBase(options.base)
  const kit = options.kit ?? await resolveKit()
  const outDir = options.outDir ?? kit.outDir
  return withSiteLock(siteRootOf(outDir, kit.basePath), 'build', () => buildLocked(base, kit, outDir, options.log ?? console.log))
}

async function buildLocked(base: string, kit: Kit, outDir: string, log: (line: string) => void): Promise<string> {
  const staging = scratchDir(siteRootOf(outDir, kit.basePath), 'build')
  try {
    const summaries = []
    for (const deck of kit.decks) {
      const started = Date.now()
      log(`Building ${deck.name} …`)
      await buildDeck(deck.entry, join(staging, deck.name), `${base}${kit.basePath}${deck.name}/`, log)
      summaries.push(summariseDeck(await loadDeck(deck)))
      log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    }
    // Only now replace the previous site, deck by deck; other files in dist/ (handouts) stay.
    mkdirSync(outDir, { recursive: true })
    for (const deck of kit.decks) {
      const final = join(outDir, deck.name)
      const old = join(staging, `${deck.name}.previous`)
      if (existsSync(final))
        renameSync(final, old)
      renameSync(join(staging, deck.name), final)
    }
    writeLanding(outDir, summaries, kit)
    log(`Site written to ${outDir}: open index.html through a web server (npm run serve).`)
    return outDir
  }
  finally {
    rmSync(staging, { recursive: true, force: true })
  }
}
