// The content check: what makes a deck facilitator-ready, checked on Slidev's own parse.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { VALUE_NAMES, type ValueName, placeholdersIn } from '../cohort/values'
import { PUBLIC_DIR } from '../paths'
import { displayPath, type LoadedDeck, type LoadedSlide } from './decks'
import { buildAgenda, parseModuleMinutes, slideMinutes } from './timing'

export interface Problem {
  file: string
  /** 1-based slide number in the deck, when the problem belongs to one slide */
  slide?: number
  line?: number
  id?: string
  message: string
}

export const SLIDE_ID = /^m(\d)-[a-z0-9]+(?:-[a-z0-9]+)*$/

export function formatProblem(p: Problem): string {
  const where = [displayPath(p.file)]
  if (p.line)
    where[0] += `:${p.line}`
  if (p.slide)
    where.push(`slide ${p.slide}${p.id ? ` (${p.id})` : ''}`)
  return `${where.join(' ')}: ${p.message}`
}

export function checkDecks(decks: LoadedDeck[]): Problem[] {
  const problems: Problem[] = []
  const seen = new Map<string, { deck: LoadedDeck, slide: LoadedSlide }>()
  for (const deck of decks) {
    problems.push(...checkDeck(deck))
    for (const slide of deck.slides) {
      const id = slide.frontmatter.id
      if (typeof id !== 'string')
        continue
      const first = seen.get(id)
      if (first) {
        problems.push({
          ...at(slide),
          message: `slide id "${id}" is already used by ${displayPath(first.slide.file)} slide ${first.slide.number}. Ids must be unique across the kit: cohorts select slides by id.`,
        })
      }
      else {
        seen.set(id, { deck, slide })
      }
    }
  }
  return problems
}

function at(slide: LoadedSlide): Pick<Problem, 'file' | 'slide' | 'line' | 'id'> {
  const id = typeof slide.frontmatter.id === 'string' ? slide.frontmatter.id : undefined
  return { file: slide.file, slide: slide.number, line: slide.line, id }
}

export function checkDeck(deck: LoadedDeck): Problem[] {
  const problems: Problem[] = []
  const h = deck.headmatter
  const entry = { file: deck.ref.entry, line: 1 }
  const moduleMinutes = parseModuleMinutes(h.duration)

  if (typeof h.title !== 'string' || !h.title.trim())
    problems.push({ ...entry, message: 'the headmatter has no `title`.' })
  if (moduleMinutes === undefined)
    problems.push({ ...entry, message: `the headmatter's \`duration\` must state the session length like \`75min\` (found ${JSON.stringify(h.duration)}).` })
  if (!Array.isArray(h.objectives) || h.objectives.length === 0)
    problems.push({ ...entry, message: 'the headmatter has no `objectives` (a list of learning objectives).' })
  if (!Array.isArray(h.addons) || !h.addons.includes('../'))
    problems.push({ ...entry, message: "the headmatter must include `addons: ['../']` so the deck uses the kit's shared components, layouts and styles." })
  if (h.fonts?.provider !== 'none')
    problems.push({ ...entry, message: 'the headmatter must set `fonts: { provider: none }`: fonts ship with the kit, never from a font CDN.' })

  let sectionSeen = false
  for (const [i, slide] of deck.slides.entries()) {
    const fm = slide.frontmatter
    const where = at(slide)
    if (typeof fm.id !== 'string' || !fm.id)
      problems.push({ ...where, message: 'has no `id` in its frontmatter (for example `id: m1-origin-story`).' })
    else if (!SLIDE_ID.test(fm.id))
      problems.push({ ...where, message: `id "${fm.id}" is not of the form m<module>-<words-with-dashes>.` })
    else if (Number(SLIDE_ID.exec(fm.id)![1]) !== deck.ref.number)
      problems.push({ ...where, message: `id "${fm.id}" should start with m${deck.ref.number}- in module ${deck.ref.number}.` })

    if (!slide.note)
      problems.push({ ...where, message: 'has no facilitator notes. Add an HTML comment <!-- ... --> at the end of the slide: what to say, what to watch for, timing cues.' })

    if (i > 0 && fm.duration !== undefined && !(typeof fm.duration === 'number' && Number.isInteger(fm.duration) && fm.duration > 0))
      problems.push({ ...where, message: `\`duration\` must be a whole number of minutes above 0 (found ${JSON.stringify(fm.duration)}).` })
    if (fm.layout === 'activity' && (i === 0 || typeof fm.duration !== 'number'))
      problems.push({ ...where, message: 'is an activity (`layout: activity`) but declares no `duration` in minutes.' })

    if (typeof fm.section === 'string')
      sectionSeen = true
    else if (!sectionSeen && slideMinutes(fm, i) > 0)
      problems.push({ ...where, message: 'has a `duration` but comes before the first agenda `section`, so its minutes belong to no agenda block.' })

    for (const name of placeholdersIn(`${slide.content}\n${slide.note}`)) {
      if (!VALUE_NAMES.includes(name as ValueName))
        problems.push({ ...where, message: `uses the placeholder {% ${name} %}, which is not a named value. Known: ${VALUE_NAMES.join(', ')} (src/cohort/values.ts).` })
    }

    for (const target of localTargets(slide)) {
      const path = target.startsWith('/') ? join(PUBLIC_DIR, target) : join(dirname(slide.file), target)
      if (!existsSync(path))
        problems.push({ ...where, message: `links to "${target}", which does not exist (looked for ${displayPath(path)}).` })
    }
  }

  if (!deck.slides.some(s => typeof s.frontmatter.id === 'string' && s.frontmatter.id.endsWith('-references')))
    problems.push({ ...entry, message: `has no references slide: add one with \`id: m${deck.ref.number}-references\` crediting every framework and source used.` })

  if (moduleMinutes !== undefined) {
    const agenda = buildAgenda(deck.slides.map(s => s.frontmatter))
    const total = agenda.reduce((sum, b) => sum + b.minutes, 0)
    if (agenda.length === 0)
      problems.push({ ...entry, message: 'has no agenda: mark the slide that opens each block with `section: <title>`.' })
    else if (total !== moduleMinutes) {
      const blocks = agenda.map(b => `${b.title} ${b.minutes}`).join(' + ')
      problems.push({ ...entry, message: `the slide durations add up to ${total} min (${blocks}) but the module states ${moduleMinutes} min.` })
    }
    for (const b of agenda) {
      if (b.minutes === 0)
        problems.push({ ...at(deck.slides[b.slideIndex]), message: `agenda block "${b.title}" has no minutes: give its slides a \`duration\`.` })
    }
  }
  return problems
}

const LINK_PATTERNS = [
  /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, // Markdown links and images
  /\b(?:src|href)\s*=\s*"([^"]+)"/g, // HTML attributes
]

/** Local files a slide points at: not other hosts, anchors or mail. */
export function localTargets(slide: Pick<LoadedSlide, 'content' | 'frontmatter'>): string[] {
  const found: string[] = []
  const text = slide.content.replace(/```[\s\S]*?```/g, '')
  for (const re of LINK_PATTERNS) {
    for (const m of text.matchAll(re))
      found.push(m[1])
  }
  for (const key of ['image', 'background', 'src']) {
    if (typeof slide.frontmatter[key] === 'string')
      found.push(slide.frontmatter[key])
  }
  return found
    .filter(t => !/^(?:[a-z][a-z0-9+.-]*:|#|\/\/|\{)/i.test(t))
    .map(t => decodeURI(t.replace(/[?#].*$/, '')))
    .filter(Boolean)
}
