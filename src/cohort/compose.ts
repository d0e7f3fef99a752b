// Composes a cohort's decks from the upstream decks at build time: a generated entry per
// module that imports upstream slides by position (looked up from their stable ids on every
// build) with Slidev's `src:` imports, leaves out dropped slides (and, in the short version,
// optional ones, with their short minutes), swaps in replacements and adds inserted slides
// from the cohort folder, and the extension blocks the cohort switched on (decks/extensions/)
// after the slide each declares. Nothing is copied: an upstream edit shows up in every cohort on its
// next build. Cohort values reach the deck only as YAML strings in its headmatter (read by
// components as text) and through the placeholders (filled as text): never as Markdown or
// template syntax. Written to disk, then checked, by src/cohort/pipeline.ts.
import { readFileSync } from 'node:fs'
import { dirname, extname, relative } from 'node:path'
import { parseSync } from '@slidev/parser'
import type { Format } from '../content/notes'
import { frontmatterYaml } from '../content/extensions'
import { extendedPlan, inVersion, optionalBlocks, sessionPlan, type Version } from '../content/timing'
import { ROOT } from '../paths'
import type { LoadedCohort, ResolvedSession } from './load'

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
  /** how the cohort's sessions run: the notes' format variant (src/content/notes.ts) */
  format: Format
  /** the version of the module the session's length chose (composeDeck adds it) */
  version?: Version
  values: Record<string, string>
  accent?: string
  /** the logo as a data URL, so it needs no server path */
  logo?: string
  /** the module's title and subtitle as this cohort gives them (cohort.yaml), shown on the title slide */
  title?: string
  subtitle?: string
}

const MIME: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' }

export function cohortInfo(loaded: LoadedCohort, session: ResolvedSession['session']): CohortInfo {
  const c = loaded.cohort!
  const logoFile = c.branding.logo ? loaded.resolveFile(c.branding.logo) : undefined
  return {
    id: loaded.id,
    name: c.name,
    organisation: c.organisation,
    venue: c.venue,
    timezone: c.timezone,
    language: c.language,
    facilitators: c.facilitators,
    start: session.start,
    format: c.format,
    values: c.values as Record<string, string>,
    accent: c.branding.accent,
    logo: logoFile ? `data:${MIME[extname(logoFile).toLowerCase()]};base64,${readFileSync(logoFile).toString('base64')}` : undefined,
    ...(session.title === undefined ? {} : { title: session.title }),
    ...(session.subtitle === undefined ? {} : { subtitle: session.subtitle }),
  }
}

/** The frontmatter of each slide in a cohort's Markdown file, as Slidev reads it. */
function slidesOf(file: string): Record<string, unknown>[] {
  return parseSync(readFileSync(file, 'utf8'), file).slides.map(s => s.frontmatter ?? {})
}

/** The text of a composed deck's entry file, written into `deckDir`. */
export function composeDeck(loaded: LoadedCohort, resolved: ResolvedSession, deckDir: string): string {
  const { upstream, session, version } = resolved
  const rel = (file: string) => relative(deckDir, file).split('\\').join('/')
  const upstreamFile = rel(upstream.ref.entry)
  const cohortFile = (file: string) => rel(loaded.resolveFile(file))

  // Each imported slide: its source, and frontmatter that overrides the imported slide's.
  const imports: { src: string, override?: Record<string, unknown> }[] = []
  const optional = optionalBlocks(upstream.slides.map(s => s.frontmatter))
  upstream.slides.forEach((slide, index) => {
    const id = String(slide.frontmatter.id)
    // An extension block goes after its slide even when the cohort's version leaves that slide out.
    const extensions = () => {
      for (const { ext } of resolved.extensions.filter(x => x.ext.after === id))
        imports.push({ src: rel(ext.file) })
    }
    if (session.drop.includes(id) || !inVersion(slide.frontmatter, index, version, optional[index]))
      return extensions()
    // A replacement takes the replaced slide's place in the agenda: under its own section
    // when its first slide names one, else under the replaced slide's. Slidev applies an
    // import's frontmatter to every slide it imports, so the section goes on the first only.
    if (session.replace[id]) {
      const file = loaded.resolveFile(session.replace[id])
      const own = slidesOf(file)
      const section = slide.frontmatter.section
      if (typeof section !== 'string' || typeof own[0]?.section === 'string') {
        imports.push({ src: cohortFile(session.replace[id]) })
      }
      else if (own.length > 1) {
        imports.push({ src: `${cohortFile(session.replace[id])}#1`, override: { section } })
        imports.push({ src: `${cohortFile(session.replace[id])}#2-${own.length}` })
      }
      else {
        imports.push({ src: cohortFile(session.replace[id]), override: { section } })
      }
    }
    else if (index > 0 && version === 'short' && typeof slide.frontmatter.short === 'number')
      imports.push({ src: `${upstreamFile}#${index + 1}`, override: { duration: slide.frontmatter.short } })
    else
      imports.push({ src: `${upstreamFile}#${index + 1}` })
    for (const ins of session.insert.filter(x => x.after === id))
      imports.push({ src: cohortFile(ins.file) })
    extensions()
  })

  const h = upstream.headmatter
  // The version's buffer as the deck states it (the check reports a missing one upstream).
  let buffer = version === 'full' ? h.buffer : (h.short as { buffer?: unknown } | undefined)?.buffer
  // Extension blocks make the session longer, and a longer session keeps more air.
  const plan = sessionPlan(h, version)
  const extra = resolved.extensions.reduce((n, x) => n + x.ext.minutes, 0)
  if (extra && plan.minutes !== undefined && typeof buffer === 'number')
    buffer = extendedPlan({ minutes: plan.minutes, buffer }, extra).buffer
  const headmatter: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(h).filter(([k]) => !['id', 'layout', 'section', 'short'].includes(k))),
    // The addon root is resolved from the folder above the deck.
    addons: [`${relative(dirname(deckDir), ROOT).split('\\').join('/')}/`],
    duration: `${resolved.minutes}min`,
    // The kit is light mode only (docs/accessibility.md), whatever the upstream deck says.
    colorSchema: 'light',
    // The page's language, so screen readers pick the cohort's voice: Slidev writes `lang`
    // into the built index.html and applies `htmlAttrs` to <html> in the running app.
    lang: loaded.cohort!.language,
    htmlAttrs: { ...(h.htmlAttrs as Record<string, string> | undefined), lang: loaded.cohort!.language },
    ...(buffer === undefined ? {} : { buffer }),
    // The cohort's title for the module: the browser tab, the landing page and the handouts read it here.
    ...(session.title === undefined ? {} : { title: session.title }),
    ...(session.subtitle === undefined ? {} : { subtitle: session.subtitle }),
    cohort: { ...cohortInfo(loaded, session), version },
  }
  // Double-quoted YAML strings: a value never becomes a line of its own or a YAML structure.
  // Slidev's parser ends a frontmatter block at the first `---` anywhere, even inside a string,
  // so dashes in a row are written as the YAML escape \x2D (still a dash once read).
  const yaml = frontmatterYaml
  const [first, ...rest] = imports
  return [
    `---\n${yaml({ ...headmatter, ...first.override, src: first.src })}\n---\n`,
    ...rest.map(x => `---\n${yaml({ ...x.override, src: x.src })}\n---\n`),
  ].join('\n')
}

/** A composed deck as written to disk: the upstream deck's name and number, and its composed entry. */
export interface ComposedDeck { name: string, number: number, slug: string, dir: string, entry: string }
