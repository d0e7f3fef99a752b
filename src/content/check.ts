// The content check: what makes a deck facilitator-ready, checked on Slidev's own parse.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { VALUE_NAMES, type ValueName, placeholdersIn } from './placeholders'
import { PUBLIC_DIR, ROOT } from '../paths'
import { checkNotes } from './check-notes'
import { checkTiming } from './check-timing'
import { displayPath, type LoadedDeck, type LoadedSlide } from './decks'
import { SLIDE_ID } from './ids'
import { countWords } from './notes'
import { at, type Problem } from './problem'
import { buildAgenda, minimumBuffer, sessionPlan, slideMinutes, type Version } from './timing'

export type { Problem }
export { SLIDE_ID }

export function formatProblem(p: Problem): string {
  const where = [displayPath(p.file)]
  if (p.line)
    where[0] += `:${p.line}`
  if (p.slide)
    where.push(`slide ${p.slide}${p.id ? ` (${p.id})` : ''}`)
  return `${where.join(' ')}: ${p.message}`
}

export function checkDecks(decks: LoadedDeck[]): Problem[] {
  const problems: Problem[] = decks.flatMap(deck => checkDeck(deck))
  problems.push(...duplicateIds(decks))
  // The programme closes in its last module with a feedback round.
  const last = decks.filter(d => d.ref.number > 0).sort((a, b) => b.ref.number - a.ref.number)[0]
  if (last && !last.slides.some(s => String(s.frontmatter.id ?? '').endsWith('-programme-feedback')))
    problems.push({ file: last.ref.entry, line: 1, message: `is the programme's last module but has no feedback round: add a slide \`id: m${last.ref.number}-programme-feedback\` before the references.` })
  return problems
}

/** Slide ids used twice: ids must be unique across a kit, since cohorts and boards select by them. */
export function duplicateIds(decks: LoadedDeck[]): Problem[] {
  const problems: Problem[] = []
  const seen = new Map<string, { deck: LoadedDeck, slide: LoadedSlide }>()
  for (const deck of decks) {
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

export interface CheckOptions {
  /** the versions of the session to add up: both for an upstream deck; a composed cohort deck is one */
  versions?: readonly Version[]
  /** where `{% include <name> %}` finds shared notes (tests); decks/shared-notes/ by default */
  sharedNotesDir?: string
}

export function checkDeck(deck: LoadedDeck, options: CheckOptions = {}): Problem[] {
  const versions = options.versions ?? ['full', 'short']
  const problems: Problem[] = deck.errors.map(e => ({ file: e.file, line: e.line, message: `Slidev cannot read this: ${e.message}` }))
  const h = deck.headmatter
  const entry = { file: deck.ref.entry, line: 1 }
  const moduleMinutes = sessionPlan(h).minutes

  if (typeof h.title !== 'string' || !h.title.trim())
    problems.push({ ...entry, message: 'the headmatter has no `title`.' })
  if (moduleMinutes === undefined)
    problems.push({ ...entry, message: `the headmatter's \`duration\` must state the session length like \`75min\` (found ${JSON.stringify(h.duration)}).` })
  if (!Array.isArray(h.objectives) || h.objectives.length === 0)
    problems.push({ ...entry, message: 'the headmatter has no `objectives` (a list of learning objectives).' })
  // Slidev resolves a relative addon from the folder above the deck's: `../` from decks/, or
  // the path a composed cohort deck carries to the kit's root.
  if (!Array.isArray(h.addons) || !h.addons.some(a => a === '../' || (typeof a === 'string' && resolve(dirname(deck.ref.dir), a) === ROOT)))
    problems.push({ ...entry, message: "the headmatter must include `addons: ['../']` so the deck uses the kit's shared components, layouts and styles." })
  if (h.fonts?.provider !== 'none')
    problems.push({ ...entry, message: 'the headmatter must set `fonts: { provider: none }`: fonts ship with the kit, never from a font CDN.' })
  // One palette, tested fully: projectors in lit rooms read best in light mode (docs/accessibility.md).
  if (h.colorSchema !== 'light')
    problems.push({ ...entry, message: `the headmatter must set \`colorSchema: light\` (found ${JSON.stringify(h.colorSchema)}): the kit is light mode only, so Slidev hides its dark-mode toggle and ignores \`d\`.` })

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
      problems.push({ ...where, message: 'has no facilitator notes. Add an HTML comment <!-- ... --> at the end of the slide, opening with `**At a glance** · Say: … · Land: …` (decks/README.md, "Notes").' })

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
        problems.push({ ...where, message: `uses the placeholder {% ${name} %}, which is not a named value. Known: ${VALUE_NAMES.join(', ')} (src/content/placeholders.ts).` })
    }

    // Density: a projected slide is read from the back of the room; detail goes in the notes.
    const visible = visibleWords(slide.content)
    if (visible > DENSITY.maxWords && !String(fm.id ?? '').endsWith('-references') && fm.prep !== true)
      problems.push({ ...where, message: `shows ${visible} words of text; a slide the room reads should show at most ${DENSITY.maxWords}. Move the detail into the facilitator notes.` })

    for (const target of localTargets(slide)) {
      const path = target.startsWith('/') ? join(PUBLIC_DIR, target) : join(dirname(slide.file), target)
      if (!existsSync(path))
        problems.push({ ...where, message: `links to "${target}", which does not exist (looked for ${displayPath(path)}).` })
    }
  }

  if (!deck.slides.some(s => typeof s.frontmatter.id === 'string' && s.frontmatter.id.endsWith('-references')))
    problems.push({ ...entry, message: `has no references slide: add one with \`id: m${deck.ref.number}-references\` crediting every framework and source used.` })

  for (const version of versions) {
    if (version === 'short' && h.short === undefined) {
      if (deck.ref.number > 0)
        problems.push({ ...entry, message: 'has no short version: add `short: { duration: 60min, buffer: 4 }` to the headmatter and mark the slides it leaves out `optional: true` (or give them `short: <minutes>`).' })
      continue
    }
    problems.push(...checkVersion(deck, version))
  }
  problems.push(...checkScript(deck))
  problems.push(...checkNotes(deck, versions, options.sharedNotesDir))
  problems.push(...checkTiming(deck, versions))
  return problems
}

/** The slides of a version add up to its length less its buffer, and the buffer leaves air. */
function checkVersion(deck: LoadedDeck, version: Version): Problem[] {
  const problems: Problem[] = []
  const entry = { file: deck.ref.entry, line: 1 }
  const plan = sessionPlan(deck.headmatter, version)
  const name = version === 'full' ? 'the module' : 'the short version'
  const field = version === 'full' ? '`duration`' : '`short.duration`'
  const bufferField = version === 'full' ? '`buffer`' : '`short.buffer`'
  if (plan.minutes === undefined) {
    if (version === 'short')
      problems.push({ ...entry, message: `the headmatter's ${field} must state the short version's length like \`60min\` (found ${JSON.stringify((deck.headmatter.short as any)?.duration)}).` })
    return problems
  }
  const rawBuffer = version === 'full' ? deck.headmatter.buffer : (deck.headmatter.short as any)?.buffer
  if (!(typeof rawBuffer === 'number' && Number.isInteger(rawBuffer) && rawBuffer >= 0))
    problems.push({ ...entry, message: `the headmatter needs ${bufferField}: whole minutes of slack no slide claims (at least ${minimumBuffer(plan.minutes)} for ${plan.minutes} min; found ${JSON.stringify(rawBuffer)}).` })
  else if (plan.buffer < minimumBuffer(plan.minutes))
    problems.push({ ...entry, message: `${bufferField} is ${plan.buffer} min; a ${plan.minutes}-minute session needs at least ${minimumBuffer(plan.minutes)} (5 per 90 minutes) so it can run late without cutting the close.` })
  const agenda = buildAgenda(deck.slides.map(s => s.frontmatter), version)
  const total = agenda.reduce((sum, b) => sum + b.minutes, 0)
  if (agenda.length === 0)
    problems.push({ ...entry, message: `${name} has no agenda: mark the slide that opens each block with \`section: <title>\`.` })
  else if (total + plan.buffer !== plan.minutes) {
    const blocks = agenda.map(b => `${b.title} ${b.minutes}`).join(' + ')
    problems.push({ ...entry, message: `in ${name}, the slide durations add up to ${total} min (${blocks}) plus a ${plan.buffer}-minute buffer = ${total + plan.buffer}, but ${field} states ${plan.minutes} min.` })
  }
  for (const b of agenda) {
    if (b.minutes === 0)
      problems.push({ ...at(deck.slides[b.slideIndex]), message: `agenda block "${b.title}" has no minutes in ${name}: give its slides a \`duration\`${version === 'short' ? ' (or mark the whole block optional)' : ''}.` })
  }
  return problems
}

/** Words of prose, not counting Markdown marks. */
export const wordCount = countWords

/** The most words of visible text a projected slide may carry (references and preparation pages excepted). */
export const DENSITY = { maxWords: 60 } as const

/** Words the room sees on a slide: its content without HTML comments or tags (components count as none). */
export function visibleWords(content: string): number {
  return wordCount(content.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<\/?[A-Za-z][^>]*>/g, ' '))
}

/** A loop that closes: an exit ticket, preparation pages last, a short version made of whole blocks. (The notes' shape and length: check-notes.ts; timing rules: check-timing.ts.) */
function checkScript(deck: LoadedDeck): Problem[] {
  const problems: Problem[] = []
  const entry = { file: deck.ref.entry, line: 1 }
  const slides = deck.slides

  const ids = slides.map(s => String(s.frontmatter.id ?? ''))
  const n = deck.ref.number
  if (n > 0 && !ids.includes(`m${n}-exit-ticket`))
    problems.push({ ...entry, message: `has no exit ticket: add a slide \`id: m${n}-exit-ticket\` near the end, tied to the module's objectives.` })
  if (!slides.some(s => s.frontmatter.prep === true))
    problems.push({ ...entry, message: `has no preparation section: add slides with \`prep: true\` (ids m${n}-prep-...) after the references slide: materials, room set-up in person and online, how participants reach the boards, helpers, pre-work, what to print.` })
  const references = ids.findIndex(id => id.endsWith('-references'))
  slides.forEach((s, i) => {
    const fm = s.frontmatter
    if (fm.prep === true) {
      if (fm.duration !== undefined || fm.section !== undefined)
        problems.push({ ...at(s), message: 'is a preparation slide (`prep: true`): it takes no time in the room, so it has no `duration` or `section`.' })
      if (references >= 0 && i < references)
        problems.push({ ...at(s), message: 'is a preparation slide (`prep: true`) before the references slide: preparation pages come last, so presenting never runs into them.' })
    }
    // The first slide's frontmatter is the deck's headmatter: its `short` is the short version's plan.
    if (i === 0)
      return
    if (fm.optional !== undefined && fm.optional !== true)
      problems.push({ ...at(s), message: `\`optional\` is either \`true\` or absent (found ${JSON.stringify(fm.optional)}).` })
    if (fm.short !== undefined) {
      if (!(typeof fm.short === 'number' && Number.isInteger(fm.short) && fm.short >= 0))
        problems.push({ ...at(s), message: `\`short\` must be a whole number of minutes (found ${JSON.stringify(fm.short)}).` })
      else if (typeof fm.duration === 'number' && fm.short > fm.duration)
        problems.push({ ...at(s), message: `\`short\` (${fm.short} min) is longer than the slide's \`duration\` (${fm.duration} min); the short version only shortens.` })
    }
  })
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
