// Writes the site's pages that link the handouts: the landing page (src/site/landing.ts) and the
// participants' page. Node only; the pages themselves are rendered in src/site/landing.ts.
import { copyFileSync, existsSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import type { DeckSummary } from '../content/decks'
import { PUBLIC_DIR } from '../paths'
import { type Kit, SITE_TITLE } from './kit'
import { renderLanding, renderParticipants } from './landing'
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
  write('index.html', renderLanding({ title, decks, handouts, cohort, sessions, participants: true }))
  copyFileSync(join(PUBLIC_DIR, 'favicon.svg'), join(outDir, 'favicon.svg'))
  writeNotices(outDir)
}
