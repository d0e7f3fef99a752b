// Finding and reading the kit's decks, always through Slidev's own parser so that what the
// kit checks is what Slidev presents.
import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { load } from '@slidev/parser/fs'
import { UserError } from '../errors'
import { decodeCharacterReferences, fillPlaceholders } from './placeholders'
import { paths, ROOT } from '../paths'
import { type AgendaBlock, buildAgenda, sessionPlan } from './timing'

export interface DeckRef {
  /** folder name, e.g. `01-community-foundation` */
  name: string
  /** 0 for the welcome deck, 1-4 for the modules */
  number: number
  /** the slug without its number, e.g. `community-foundation` */
  slug: string
  dir: string
  entry: string
}

export interface LoadedSlide {
  /** 1-based, as the presenter and the URL count */
  number: number
  frontmatter: Record<string, any>
  note: string
  content: string
  /** the Markdown file the slide comes from (a deck may import pages) and its 1-based line */
  file: string
  line: number
}

export interface LoadedDeck {
  ref: DeckRef
  headmatter: Record<string, any>
  slides: LoadedSlide[]
  /** what Slidev's parser could not read (a missing import, a bad range), by file and line */
  errors: { file: string, line: number, message: string }[]
}

export interface DeckSummary {
  name: string
  number: number
  title: string
  subtitle: string
  minutes: number | undefined
  /** minutes of slack no slide claims */
  buffer: number
  objectives: string[]
  agenda: AgendaBlock[]
  slideCount: number
}

const DECK_FOLDER = /^(\d{2})-([a-z0-9-]+)$/

export function listDecks(decksDir = paths.decks): DeckRef[] {
  if (!existsSync(decksDir))
    return []
  return readdirSync(decksDir, { withFileTypes: true })
    .filter(d => d.isDirectory() && DECK_FOLDER.test(d.name) && existsSync(join(decksDir, d.name, 'slides.md')))
    .map((d) => {
      const [, num, slug] = DECK_FOLDER.exec(d.name)!
      const dir = join(decksDir, d.name)
      return { name: d.name, number: Number(num), slug, dir, entry: join(dir, 'slides.md') }
    })
    .sort((a, b) => a.number - b.number)
}

export async function loadDeck(ref: DeckRef): Promise<LoadedDeck> {
  const data = await load({ roots: [ROOT, ref.dir], userRoot: ref.dir }, ref.entry)
  // As Slidev's preparser does (setup/preparser.ts): the cohort's values, or the defaults.
  const values = (data.headmatter as { cohort?: { values?: Record<string, string> } })?.cohort?.values
  const slides = data.slides.map((s, i): LoadedSlide => ({
    number: i + 1,
    frontmatter: s.frontmatter ?? {},
    note: fillPlaceholders((s.note ?? '').trim(), values),
    content: fillPlaceholders(s.source.contentRaw ?? s.content ?? '', values),
    file: s.source.filepath,
    line: s.source.start + 1,
  }))
  const errors = Object.entries(data.markdownFiles).flatMap(([file, md]) =>
    (md.errors ?? []).map(e => ({ file, line: e.row + 1, message: e.message })))
  return { ref, headmatter: data.headmatter ?? {}, slides, errors }
}

export function summariseDeck(deck: LoadedDeck): DeckSummary {
  const h = deck.headmatter
  return {
    name: deck.ref.name,
    number: deck.ref.number,
    title: String(h.title ?? deck.ref.name),
    subtitle: String(h.subtitle ?? ''),
    minutes: sessionPlan(h).minutes,
    buffer: sessionPlan(h).buffer,
    objectives: Array.isArray(h.objectives) ? h.objectives.map(String) : [],
    agenda: buildAgenda(deck.slides.map(s => ({ ...s.frontmatter, title: slideTitle(s) }))),
    slideCount: deck.slides.length,
  }
}

/** The first Markdown heading of a slide, or its frontmatter title. */
export function slideTitle(slide: Pick<LoadedSlide, 'frontmatter' | 'content'>): string {
  if (typeof slide.frontmatter.title === 'string')
    return slide.frontmatter.title
  const m = /^#{1,3}\s+(.+)$/m.exec(slide.content)
  // A cohort's value in a heading arrives as character references (see asText): show it as text.
  return m ? decodeCharacterReferences(m[1].trim()) : ''
}

export function displayPath(file: string): string {
  return relative(ROOT, file) || file
}

/** The deck a name points at, or undefined: `3`, `03`, `engagement`, `03-community-engagement`, `community-engagement`. */
export function lookUpDeck(decks: DeckRef[], query: string | number): DeckRef | undefined {
  const q = String(query).trim().toLowerCase()
  const byNumber = /^\d+$/.test(q) ? decks.find(d => d.number === Number(q)) : undefined
  const exact = byNumber ?? decks.find(d => d.name === q || d.slug === q)
  if (exact)
    return exact
  const partial = q && !/^\d+$/.test(q) ? decks.filter(d => d.slug.includes(q)) : []
  return partial.length === 1 ? partial[0] : undefined
}

/** Finds a module the way a facilitator names it, or says which modules there are. */
export function findModule(decks: DeckRef[], query: string | undefined, fallback = 1): DeckRef {
  const q = query ?? String(fallback)
  const found = lookUpDeck(decks, q)
  if (found)
    return found
  const lower = q.trim().toLowerCase()
  const ambiguous = lower && !/^\d+$/.test(lower) && decks.filter(d => d.slug.includes(lower)).length > 1
  const why = ambiguous ? `"${query}" matches more than one module` : `There is no module "${query}"`
  throw new UserError(`${why}. The modules are:\n${describeModules(decks)}\nName one by number or name, for example: npm start -- 2`)
}

export function describeModules(decks: DeckRef[]): string {
  return decks.map(d => `  ${d.number}  ${d.slug}`).join('\n')
}
