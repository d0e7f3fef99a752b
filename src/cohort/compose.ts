// Composes a cohort's decks from the upstream decks at build time: a generated entry per
// module that imports upstream slides by position (looked up from their stable ids on every
// build) with Slidev's `src:` imports, leaves out dropped slides, swaps in replacements and
// adds inserted slides from the cohort folder. Nothing is copied: an upstream edit shows up
// in every cohort on its next build.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, extname, join, relative } from 'node:path'
import { stringify as toYaml } from 'yaml'
import { ROOT } from '../paths'
import type { LoadedCohort, ResolvedSession } from './load'

export const COMPOSE_DIR = join(ROOT, '.cohorts')

/** The cohort details decks and handouts show, carried in each composed deck's headmatter. */
export interface CohortInfo {
  id: string
  name: string
  organisation: string
  venue: string
  timezone: string
  language: string
  facilitators: { name: string, pronouns?: string, contact?: string }[]
  /** this module's session: local date and time in the cohort's time zone */
  start: string
  values: Record<string, string>
  accent?: string
  /** the logo as a data URL, so it needs no server path */
  logo?: string
}

const MIME: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' }

export function cohortInfo(loaded: LoadedCohort, session: ResolvedSession['session']): CohortInfo {
  const c = loaded.cohort!
  const logoFile = c.branding.logo ? join(loaded.dir, c.branding.logo) : undefined
  return {
    id: loaded.id,
    name: c.name,
    organisation: c.organisation,
    venue: c.venue,
    timezone: c.timezone,
    language: c.language,
    facilitators: c.facilitators,
    start: session.start,
    values: c.values as Record<string, string>,
    accent: c.branding.accent,
    logo: logoFile ? `data:${MIME[extname(logoFile).toLowerCase()]};base64,${readFileSync(logoFile).toString('base64')}` : undefined,
  }
}

/** The text of a composed deck's entry file, written into `deckDir`. */
export function composeDeck(loaded: LoadedCohort, resolved: ResolvedSession, deckDir: string): string {
  const { upstream, session } = resolved
  const rel = (file: string) => relative(deckDir, file).split('\\').join('/')
  const upstreamFile = rel(upstream.ref.entry)
  const cohortFile = (file: string) => rel(join(loaded.dir, file))

  const imports: string[] = []
  upstream.slides.forEach((slide, index) => {
    const id = String(slide.frontmatter.id)
    if (session.drop.includes(id))
      return
    imports.push(session.replace[id] ? cohortFile(session.replace[id]) : `${upstreamFile}#${index + 1}`)
    for (const ins of session.insert.filter(x => x.after === id))
      imports.push(cohortFile(ins.file))
  })

  const h = upstream.headmatter
  const headmatter: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(h).filter(([k]) => !['id', 'layout', 'section'].includes(k))),
    // The addon root is resolved from the folder above the deck.
    addons: [`${relative(dirname(deckDir), ROOT).split('\\').join('/')}/`],
    duration: `${session.minutes}min`,
    cohort: cohortInfo(loaded, session),
  }
  const [first, ...rest] = imports
  const yaml = toYaml({ ...headmatter, src: first }, { lineWidth: 0 }).trimEnd()
  return [`---\n${yaml}\n---\n`, ...rest.map(src => `---\nsrc: ${JSON.stringify(src)}\n---\n`)].join('\n')
}

/** Writes every composed deck of a cohort; returns their entries by deck name. */
export function writeComposedDecks(loaded: LoadedCohort): { name: string, number: number, slug: string, dir: string, entry: string }[] {
  const root = join(COMPOSE_DIR, loaded.id)
  rmSync(root, { recursive: true, force: true })
  return loaded.sessions.map((resolved) => {
    const dir = join(root, resolved.deck.name)
    mkdirSync(dir, { recursive: true })
    const entry = join(dir, 'slides.md')
    writeFileSync(entry, composeDeck(loaded, resolved, dir))
    return { ...resolved.deck, dir, entry }
  })
}
