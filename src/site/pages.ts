// Writes the site's pages that link the handouts: the landing page (src/site/landing.ts) and the
// participants' page. Node only; the pages themselves are rendered in src/site/landing.ts.
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import type { DeckSummary } from '../content/decks'
import { EXAMPLES_DIR, PUBLIC_DIR } from '../paths'
import { type Kit, SITE_TITLE } from './kit'
import { renderLanding, renderParticipants, type WorkedExample } from './landing'
import { writeNotices } from './notices'
import { HANDOUT_KINDS, handoutName, PARTICIPANT_KINDS } from '../output/names'

/** The handouts that exist for each deck, in the order they are linked. */
export function existingHandouts(outDir: string, decks: DeckSummary[], kinds: readonly string[] = HANDOUT_KINDS): Record<string, { kind: string, href: string }[]> {
  return Object.fromEntries(decks.map(d => [d.name, HANDOUT_KINDS
    .filter(kind => kinds.includes(kind))
    .map(kind => ({ kind, href: `handouts/${handoutName(d.name, kind)}` }))
    .filter(h => existsSync(join(outDir, h.href)))]))
}

/**
 * The kit's worked examples (examples/<name>/: a README, every board's file, the charter), copied
 * into the site's examples/ folder, so a facilitator presenting from the built site, without the
 * repository, can import them on the projector's boards. Replaced whole each time.
 */
export function copyWorkedExamples(outDir: string, from = EXAMPLES_DIR): WorkedExample[] {
  const target = join(outDir, 'examples')
  rmSync(target, { recursive: true, force: true })
  if (!existsSync(from))
    return []
  const examples: WorkedExample[] = []
  for (const name of readdirSync(from).sort()) {
    const dir = join(from, name)
    if (!statSync(dir).isDirectory() || !existsSync(join(dir, 'README.md')))
      continue
    cpSync(dir, join(target, name), { recursive: true, filter: src => statSync(src).isDirectory() || /\.(?:json|md)$/.test(src) })
    const heading = readFileSync(join(dir, 'README.md'), 'utf8').match(/^#\s+(.+)$/m)?.[1] ?? name
    examples.push({ name, title: heading.replace(/^Worked example:\s*/i, ''), allBoards: existsSync(join(dir, 'all-boards.json')), charter: existsSync(join(dir, 'CHARTER.md')) })
  }
  return examples
}

/**
 * The site's two pages: the landing page (for facilitators: decks, presenter view, every
 * handout) and the participants' page, each linking the handouts that exist, with the favicon
 * and the licence notices. The export calls it after writing handouts; the build should too.
 */
export function writeSitePages(outDir: string, decks: DeckSummary[], kit?: Kit): void {
  const sessions = Object.fromEntries((kit?.cohort?.sessions ?? []).map(s => [s.deck.name, s.session.start]))
  const cohort = kit?.cohort?.cohort
  const title = kit?.title ?? SITE_TITLE
  const handouts = existingHandouts(outDir, decks)
  const write = (name: string, html: string) => {
    const temp = join(outDir, `.${name}.${process.pid}.tmp`)
    writeFileSync(temp, html)
    renameSync(temp, join(outDir, name))
  }
  write('participants.html', renderParticipants({ title, decks, handouts: existingHandouts(outDir, decks, PARTICIPANT_KINDS), cohort, sessions }))
  const examples = copyWorkedExamples(outDir)
  write('index.html', renderLanding({ title, decks, handouts, cohort, sessions, participants: true, examples }))
  copyFileSync(join(PUBLIC_DIR, 'favicon.svg'), join(outDir, 'favicon.svg'))
  writeNotices(outDir)
}
