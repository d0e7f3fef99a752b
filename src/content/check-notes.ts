// The content check's rules for facilitator notes (decks/README.md, "Notes"): the glance first,
// labelled parts from one set in one order, well-formed variant blocks, shared notes that exist,
// and notes short enough to use in the room in any one setting.
import { placeholdersIn, VALUE_NAMES, type ValueName } from './placeholders'
import { boardsInMarkdown } from '../boards'
import type { LoadedDeck, LoadedSlide } from './decks'
import {
  ACTIVITY_LABELS, ALL_SETTINGS, countWords, describeSetting, GLANCE_LABEL, glanceParts,
  NOTE_LABELS, NOTE_LIMITS, type NoteIssue, type NoteSetting, openingLabel, paragraphs, resolveNote, splitVariants, VARIANT_LABELS,
} from './notes'
import { at, type Problem } from './problem'
import { withSharedNotes } from './shared-notes'
import { activityPlan, stepStarts } from '../activities/activity-plan'

/** Seconds as the notes write a time: 9:00, 12:30. */
const clockTime = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
import { inVersion, optionalBlocks, slideMinutes, type Version } from './timing'

/** A slide with an exercise board (a room-wide one, the vote or quick answers, is not a board people work on). */
export function isBoardSlide(slide: Pick<LoadedSlide, 'content'>): boolean {
  return boardsInMarkdown(slide.content).some(use => !use.entry.roomWide)
}

/** An activity: `layout: activity`, a board, or a `grouping`. */
export function isActivity(slide: Pick<LoadedSlide, 'content' | 'frontmatter'>): boolean {
  return slide.frontmatter.layout === 'activity' || slide.frontmatter.grouping !== undefined || isBoardSlide(slide)
}

const LABEL_LIST = NOTE_LABELS.map(l => `**${l}**`).join(', ')

function labelOrder(paras: string[], where: string, report: (message: string) => void): void {
  let last = -1
  const seen = new Set<string>()
  for (const p of paras) {
    const label = openingLabel(p)
    if (label === undefined)
      continue
    if (label === GLANCE_LABEL) {
      report(`${where}a second \`**${GLANCE_LABEL}**\` paragraph: the glance comes once, first in the notes.`)
      continue
    }
    const index = (NOTE_LABELS as readonly string[]).indexOf(label)
    if (index < 0) {
      report(`${where}a paragraph opens with \`**${label}**\`, which is not a notes label. Use one of ${LABEL_LIST} (one set of label words in every deck), or write it without bold.`)
      continue
    }
    if (seen.has(label))
      report(`${where}\`**${label}**\` opens two paragraphs: each label comes at most once; join them into one part.`)
    else if (index < last)
      report(`${where}\`**${label}**\` comes after \`**${NOTE_LABELS[last]}**\`: labelled parts go in the order ${NOTE_LABELS.join(', ')}.`)
    seen.add(label)
    last = Math.max(last, index)
  }
}

/** The settings a deck is checked in: a cohort's deck in its own format and version, an upstream deck in all. */
export function settingsFor(deck: LoadedDeck, versions: readonly Version[]): NoteSetting[] {
  const cohort = deck.headmatter.cohort as { format?: string, version?: string } | undefined
  // A deck without a short version is only ever run full.
  const own = deck.headmatter.short === undefined ? versions.filter(v => v === 'full') : versions
  return ALL_SETTINGS.filter(s =>
    (!cohort?.format || s.format === cohort.format)
    && (cohort?.version ? s.version === cohort.version : own.includes(s.version)))
}

export function checkNotes(deck: LoadedDeck, versions: readonly Version[], sharedNotesDir?: string): Problem[] {
  const problems: Problem[] = []
  const settings = settingsFor(deck, versions)
  const optional = optionalBlocks(deck.slides.map(s => s.frontmatter))
  /** words per setting (by its description) per slide index */
  const words = new Map<string, { index: number, words: number }[]>()

  deck.slides.forEach((slide, index) => {
    if (!slide.note)
      return
    const where = at(slide)
    const report = (message: string) => problems.push({ ...where, message })
    const noteIssue = (i: NoteIssue, suffix = '') => report(`notes line ${i.line}: ${i.message}${suffix}`)

    const { segments, issues } = splitVariants(slide.note)
    issues.forEach(i => noteIssue(i))
    const expanded = withSharedNotes(slide.note, sharedNotesDir)
    expanded.issues.forEach(i => noteIssue(i))
    // The shape is read with the shared notes included (their labels count too), unless the note is malformed.
    let shape = segments
    if (!issues.length && !expanded.issues.length) {
      const included = splitVariants(expanded.text)
      included.issues.forEach(i => noteIssue(i, ' (in the notes with their shared notes included)'))
      if (!included.issues.length)
        shape = included.segments
    }
    // Placeholders in the shared notes it includes (the slide's own are checked with its content).
    const own = new Set(placeholdersIn(slide.note))
    for (const name of new Set(placeholdersIn(expanded.text))) {
      if (!own.has(name) && !VALUE_NAMES.includes(name as ValueName))
        report(`a shared note it includes uses the placeholder {% ${name} %}, which is not a named value. Known: ${VALUE_NAMES.join(', ')} (src/content/placeholders.ts).`)
    }

    // The glance: the first paragraph, outside any block.
    const first = shape[0]
    const firstParagraph = first && !first.block ? paragraphs(first.text)[0] : undefined
    const minutes = slideMinutes(slide.frontmatter, index)
    const activity = index > 0 && isActivity(slide)
    if (!firstParagraph || openingLabel(firstParagraph) !== GLANCE_LABEL) {
      report(`the notes do not open with the at-a-glance paragraph: start them with \`**${GLANCE_LABEL}** · Say: … · ${activity ? 'Do: … · Time: … · ' : minutes ? 'Time: … · ' : ''}Land: …\` (at most ${NOTE_LIMITS.glanceWords} words), outside any variant block.`)
    }
    else {
      const glanceWords = countWords(firstParagraph.replace(/^\*\*[^*]+\*\*/, ''))
      if (glanceWords > NOTE_LIMITS.glanceWords)
        report(`the at-a-glance paragraph has ${glanceWords} words; keep it to ${NOTE_LIMITS.glanceWords} (say, do, time, the one point to land) and move the rest into the labelled parts below it.`)
      // A preparation page is the facilitator's checklist: its glance says what to do. An activity
      // done at home has no minutes in the room.
      const prep = slide.frontmatter.prep === true
      const needed = prep ? [] : activity ? ['Say', 'Do', ...(minutes ? ['Time'] : []), 'Land'] : ['Say', ...(minutes ? ['Time'] : []), 'Land']
      const has = glanceParts(firstParagraph)
      const missing = needed.filter(p => !has.includes(p))
      if (missing.length)
        report(`the at-a-glance paragraph has no ${missing.map(p => `\`${p}:\``).join(', ')}; ${activity ? `an activity's glance holds Say:, Do:, ${minutes ? 'Time: ' : ''}and Land:` : minutes ? 'a slide with minutes has Say:, Time: and Land: in its glance' : 'every glance holds at least Say: and Land:'}.`)
    }

    // Labels: outside the blocks in one order, each once; inside each block likewise.
    const common = shape.filter(s => !s.block).flatMap(s => paragraphs(s.text))
    labelOrder(firstParagraph && openingLabel(firstParagraph) === GLANCE_LABEL ? common.slice(1) : common, '', report)
    for (const seg of shape.filter(s => s.variant))
      labelOrder(paragraphs(seg.text), `in the \`::: ${seg.variant}\` block (notes line ${seg.line}): `, report)

    // The projector's clock (ActivityClock) and the script keep the same time: every step
    // change of the clock, from the slide's frontmatter, is a time in the in-person timing cues.
    const plan = slide.frontmatter.layout === 'activity' ? activityPlan(slide.frontmatter) : []
    if (plan.length > 1 && inVersion(slide.frontmatter, index, 'full', optional[index])) {
      const script = resolveNote(expanded.text, { format: 'in-person', live: false, version: 'full' })
      const cues = paragraphs(script).find(p => openingLabel(p) === 'Timing cues')
      if (cues) {
        const said = new Set([...cues.matchAll(/\b(\d{1,3}):([0-5]\d)\b/g)].map(m => Number(m[1]) * 60 + Number(m[2])))
        const starts = stepStarts(plan)
        const missing = plan.map((step, i) => ({ step, at: starts[i] })).filter(({ at }, i) => i > 0 && !said.has(at))
        if (missing.length) {
          const clock = plan.map((step, i) => `${clockTime(starts[i])} ${step.title.replace('{n}', String(step.n ?? ''))}`).join(' · ')
          report(`the projector's clock changes step at ${missing.map(({ step, at }) => `${clockTime(at)} (${step.title.replace('{n}', String(step.n ?? ''))})`).join(', ')}, but the in-person **Timing cues** do not: the clock runs ${clock}. Make the cues and the frontmatter (\`devices\`, \`intro\`, \`solo\`, \`rounds\`, \`steps\`) agree, so the room's clock and the script keep the same time.`)
        }
      }
    }

    // Per setting: an activity's required parts, and the words.
    const missingIn = new Map<string, string[]>()
    const inSettings = settings.filter(s => inVersion(slide.frontmatter, index, s.version, optional[index]))
    for (const s of inSettings) {
      const text = resolveNote(expanded.text, s)
      if (activity) {
        const labels = new Set(paragraphs(text).map(openingLabel))
        for (const label of ACTIVITY_LABELS.filter(l => !labels.has(l)))
          missingIn.set(label, [...(missingIn.get(label) ?? []), describeSetting(s)])
      }
      const key = describeSetting(s)
      words.set(key, [...(words.get(key) ?? []), { index, words: countWords(text) }])
    }
    // One message for the labels missing in the same settings.
    const bySettings = new Map<string, string[]>()
    for (const [label, where] of missingIn) {
      const key = where.length === inSettings.length ? '' : ` in the ${where.join('; ')} setting${where.length > 1 ? 's' : ''}`
      bySettings.set(key, [...(bySettings.get(key) ?? []), `**${label}**`])
    }
    for (const [settingsText, labels] of bySettings)
      report(`is an activity, but its notes have no ${labels.join(', ')} part${labels.length > 1 ? 's' : ''}${settingsText}: every activity's notes hold at least ${ACTIVITY_LABELS.map(l => `**${l}**`).join(', ')}, each a paragraph opening with its bold label.`)
  })

  // Length in any one setting: no slide over the limit, and a modest average.
  const over = new Map<number, { words: number, setting: string }>()
  for (const [setting, counts] of words) {
    for (const c of counts) {
      if (c.words > NOTE_LIMITS.slideWords && (over.get(c.index)?.words ?? 0) < c.words)
        over.set(c.index, { words: c.words, setting })
    }
  }
  for (const [index, o] of over) {
    problems.push({ ...at(deck.slides[index]), message: `the notes run to ${o.words} words in the ${o.setting} setting; a slide's notes hold at most ${NOTE_LIMITS.slideWords} in any one setting. Move material for one way of running it into a variant block (${Object.keys(VARIANT_LABELS).join(', ')}), text several decks share into decks/shared-notes/, and cut asides (references belong on the references slide, helper instructions on the prep pages).` })
  }
  let worst: { setting: string, average: number, total: number, count: number, longest: { index: number, words: number }[] } | undefined
  for (const [setting, counts] of words) {
    const total = counts.reduce((n, c) => n + c.words, 0)
    const average = total / Math.max(1, counts.length)
    if (average > NOTE_LIMITS.averageWords && (!worst || average > worst.average))
      worst = { setting, average, total, count: counts.length, longest: [...counts].sort((a, b) => b.words - a.words).slice(0, 3) }
  }
  if (worst) {
    const longest = worst.longest.map(c => `slide ${deck.slides[c.index].number} (${deck.slides[c.index].frontmatter.id ?? 'no id'}) ${c.words}`).join(', ')
    problems.push({ file: deck.ref.entry, line: 1, message: `the notes average ${Math.round(worst.average)} words a slide in the ${worst.setting} setting (${worst.total} words on ${worst.count} slides); at most ${NOTE_LIMITS.averageWords}. The longest: ${longest}. Cut what a facilitator cannot use in the room, and move one setting's material into variant blocks.` })
  }
  return problems
}
