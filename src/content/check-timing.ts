// The content check's timing rules (decks/README.md, "Timing"): what a facilitator relies on in
// a real room, each with its source where one is published.
import type { LoadedDeck, LoadedSlide } from './decks'
import { isActivity, isBoardSlide } from './check-notes'
import { at, type Problem } from './problem'
import { inVersion, optionalBlocks, sessionPlan, slideMinutes, type Version } from './timing'

export const TIMING_RULES = {
  /** solo work on a board: time to read the prompt, think and write a first draft */
  soloMinutes: 6,
  /** each owner's turn in a consulting round: present, hear questions, answer */
  roundMinutes: 2.5,
  /** changeover added to a slide with rounds (people turn to the next owner) */
  changeoverMinutes: 1,
  /** getting everyone onto devices before the first board */
  devicesMinutes: 3,
  /** sessions longer than this have a break */
  breakAfterMinutes: 75,
  breakMinutes: 5,
  /** a kept activity keeps this share of its minutes in the short version */
  shortShare: 0.8,
} as const

/**
 * The published minimum length of each structure the kit uses, by name (the part of
 * `structure:` before a comma, case and spaces aside). An unlisted name is not checked.
 */
export const STRUCTURE_MINUTES: Record<string, { minutes: number, source: string }> = {
  // Liberating Structures, 1-2-4-All: 1 min alone, 2 in pairs, 4 in foursomes, 5 for the whole
  // group (https://www.liberatingstructures.com/1-1-2-4-all/): 12 minutes.
  '1-2-4-all': { minutes: 12, source: 'Liberating Structures: 1 alone + 2 in pairs + 4 in foursomes + 5 for all' },
  // Think-pair-share (Frank Lyman, University of Maryland, 1981): about 1 minute to think,
  // 2 to pair and 2 to share with the room.
  'think-pair-share': { minutes: 5, source: 'Lyman (1981): think, pair and share, a few minutes each' },
  // Gallery walk: groups rotate between posted work, 2-3 minutes a station, then a debrief
  // (e.g. Francek 2006, "Promoting discussion in the science classroom using gallery walks",
  // Journal of College Science Teaching 36(1)): at least 10 minutes.
  'gallery-walk': { minutes: 10, source: 'a few minutes a station plus a debrief (Francek 2006)' },
  // Liberating Structures, Troika Consulting: groups of three, 10 minutes a round, three
  // rounds (https://www.liberatingstructures.com/10-troika-consulting/): 30 minutes.
  'troika-consulting': { minutes: 30, source: 'Liberating Structures: three rounds of about 10 minutes' },
}

export function structureName(value: string): string {
  return value.split(',')[0].trim().toLowerCase().replace(/\s+/g, '-')
}

const isWholeNumber = (v: unknown, min: number) => typeof v === 'number' && Number.isInteger(v) && v >= min
const isMinutes = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0

interface Rounds { owners: number, minutes: number }
function readRounds(v: unknown): Rounds | undefined {
  if (!v || typeof v !== 'object')
    return undefined
  const r = v as Record<string, unknown>
  return isWholeNumber(r.owners, 1) && isMinutes(r.minutes) && Object.keys(r).every(k => k === 'owners' || k === 'minutes') ? { owners: r.owners as number, minutes: r.minutes as number } : undefined
}

export function checkTiming(deck: LoadedDeck, versions: readonly Version[]): Problem[] {
  const problems: Problem[] = []
  const h = deck.headmatter
  const slides = deck.slides
  const optional = optionalBlocks(slides.map(s => s.frontmatter))
  const report = (slide: LoadedSlide, message: string) => problems.push({ ...at(slide), message })
  const cohortVersion = (h.cohort as { version?: Version } | undefined)?.version
  const versionName = (v: Version) => (v === 'full' ? 'the full version' : 'the short version')
  const sectionOf = (index: number) => {
    for (let i = index; i > 0; i--) {
      if (typeof slides[i].frontmatter.section === 'string')
        return i
    }
    return -1
  }

  // Fields, once per slide.
  const cuts: { n: number, slide: LoadedSlide }[] = []
  slides.forEach((slide, index) => {
    if (index === 0)
      return
    const fm = slide.frontmatter
    // A board done at home (no minutes in the room) is not held to the room's solo time.
    const board = isBoardSlide(slide) && typeof fm.duration === 'number' && fm.prep !== true
    if (fm.solo !== undefined && !isMinutes(fm.solo))
      report(slide, `\`solo\` is the minutes of solo work, a number above 0 (found ${JSON.stringify(fm.solo)}).`)
    else if (board && fm.solo === undefined)
      report(slide, `is a board slide but does not say how long people work alone on it: add \`solo: <minutes>\` (at least ${TIMING_RULES.soloMinutes}).`)
    else if (board && fm.solo < TIMING_RULES.soloMinutes)
      report(slide, `gives ${fm.solo} min of solo work on the board (\`solo\`); people need at least ${TIMING_RULES.soloMinutes} to read the prompt, think and draft. Give it more minutes, or cut scope (fewer boards, or one made homework).`)

    if (fm.rounds !== undefined) {
      const rounds = readRounds(fm.rounds)
      if (!rounds)
        report(slide, `\`rounds\` is \`{ owners: <whole number>, minutes: <each owner's minutes> }\` (found ${JSON.stringify(fm.rounds)}).`)
      else if (rounds.minutes < TIMING_RULES.roundMinutes)
        report(slide, `gives each owner ${rounds.minutes} min in the consulting rounds; an owner needs at least ${TIMING_RULES.roundMinutes} to show their case and hear two consultants. Raise \`rounds.minutes\` and the slide's \`duration\`, or have fewer owners present.`)
    }
    if (fm.devices !== undefined) {
      if (!isMinutes(fm.devices))
        report(slide, `\`devices\` is the minutes to get everyone onto devices, a number above 0 (found ${JSON.stringify(fm.devices)}).`)
      else if (!board)
        report(slide, '`devices` belongs on the first board slide of the session (the minutes to get everyone onto their devices), and this slide has no board: move it there.')
    }
    if (fm.break !== undefined) {
      if (fm.break !== true)
        report(slide, `\`break\` is either \`true\` or absent (found ${JSON.stringify(fm.break)}).`)
      else if (typeof fm.section !== 'string')
        report(slide, 'is a break (`break: true`) but opens no agenda block: give it its own `section: Break`.')
    }
    if (fm.cut !== undefined) {
      if (typeof fm.section !== 'string')
        report(slide, '`cut` marks a block to drop when running late, so it goes on the slide that opens the block (the one with `section`).')
      else if (!isWholeNumber(fm.cut, 1))
        report(slide, `\`cut\` is the block's place in the cut list, a whole number from 1 (1 = drop first; found ${JSON.stringify(fm.cut)}).`)
      else
        cuts.push({ n: fm.cut, slide })
    }
    if (fm.checkpoint !== undefined) {
      if (typeof fm.section !== 'string')
        report(slide, '`checkpoint` gives the rule the run sheet prints for a block, so it goes on the slide that opens the block (the one with `section`).')
      else if (typeof fm.checkpoint !== 'string' || !fm.checkpoint.trim() || /[\r\n]/.test(fm.checkpoint.trim()) || fm.checkpoint.length > 200)
        report(slide, `\`checkpoint\` is one line of text of at most 200 characters, e.g. "More than 5 minutes behind here: make the channel audit homework" (found ${JSON.stringify(fm.checkpoint)}).`)
    }
    // A short version drops whole blocks: an optional slide inside a kept block squeezes it.
    if (fm.optional === true && typeof fm.section !== 'string' && !optional[index] && slideMinutes(fm, index) > 0) {
      const opener = sectionOf(index)
      report(slide, `is optional inside the block "${opener > 0 ? slides[opener].frontmatter.section : '?'}"${opener > 0 ? ` (slide ${slides[opener].number})` : ''}, which the short version keeps: a short version drops whole blocks. Mark the block's opening slide \`optional: true\` instead, or keep this slide (and give it \`short: <minutes>\` of at least ${Math.round(TIMING_RULES.shortShare * 100)} % of its duration).`)
    }
  })

  // The cut list: 1, 2, 3 … once each. A deck composed for a cohort's short version has already
  // left out some of the blocks to drop, so only repeats count there, not gaps.
  const sorted = [...cuts].sort((a, b) => a.n - b.n)
  sorted.forEach((c, i) => {
    if (cohortVersion === 'short' && sorted.filter(o => o.n === c.n).length === 1)
      return
    if (c.n !== i + 1) {
      const twice = sorted.find((o, j) => j !== i && o.n === c.n)
      report(c.slide, twice
        ? `\`cut: ${c.n}\` is also on slide ${twice.slide.number}: each block has its own place in the cut list.`
        : `\`cut: ${c.n}\` leaves a gap in the cut list (${sorted.map(x => x.n).join(', ')}): number the blocks to drop 1, 2, 3 … in the order to drop them.`)
    }
  })

  // Per version: what the room does in the minutes it has.
  for (const version of versions) {
    if (version === 'short' && h.short === undefined)
      continue
    if (cohortVersion && version !== 'full')
      continue
    const v = cohortVersion ?? version
    const plan = sessionPlan(h, cohortVersion ? 'full' : version)
    const kept = slides.map((s, i) => ({ s, i })).filter(({ s, i }) => i > 0 && s.frontmatter.prep !== true && inVersion(s.frontmatter, i, cohortVersion ? 'full' : version, optional[i]))
    const minutesOf = (s: LoadedSlide, i: number) => slideMinutes(s.frontmatter, i, cohortVersion ? 'full' : version, optional[i])

    // A board with no minutes (a homework board) is never run in the room: devices come with the first timed one.
    const firstBoard = kept.find(({ s }) => isBoardSlide(s) && typeof s.frontmatter.duration === 'number')
    if (firstBoard && h.paper !== true) {
      const d = firstBoard.s.frontmatter.devices
      if (d === undefined)
        report(firstBoard.s, `is the first board of ${versionName(v)}, but budgets no time to get everyone onto devices: add \`devices: <minutes>\` (at least ${TIMING_RULES.devicesMinutes}) and count them in its \`duration\`, or say \`paper: true\` in the headmatter if the session runs on paper.`)
      else if (isMinutes(d) && d < TIMING_RULES.devicesMinutes)
        report(firstBoard.s, `budgets ${d} min to get everyone onto devices (\`devices\`); a room needs at least ${TIMING_RULES.devicesMinutes} (joining, logging in, finding the board). Raise it and the slide's \`duration\`.`)
    }

    for (const { s, i } of kept) {
      const fm = s.frontmatter
      const minutes = minutesOf(s, i)
      const rounds = readRounds(fm.rounds)
      const devices = s === firstBoard?.s && isMinutes(fm.devices) ? fm.devices as number : 0
      const solo = isMinutes(fm.solo) ? fm.solo as number : 0
      const needed = devices + solo + (rounds ? rounds.owners * rounds.minutes + TIMING_RULES.changeoverMinutes : 0)
      if (needed > minutes && (rounds || solo || devices)) {
        const parts = [devices && `${devices} devices`, solo && `${solo} solo`, rounds && `${rounds.owners} owners x ${rounds.minutes} min + ${TIMING_RULES.changeoverMinutes} changeover`].filter(Boolean).join(' + ')
        report(s, `needs ${needed} min (${parts}) but has ${minutes} in ${versionName(v)}: raise its ${version === 'short' && typeof fm.short === 'number' ? '`short`' : '`duration`'}, or cut scope (fewer owners, a board made homework), never squeeze.`)
      }
      if (typeof fm.structure === 'string') {
        const known = STRUCTURE_MINUTES[structureName(fm.structure)]
        if (known && minutes < known.minutes)
          report(s, `runs ${fm.structure.split(',')[0].trim()} in ${minutes} min in ${versionName(v)}; its published timing needs at least ${known.minutes} (${known.source}). Give it ${known.minutes} min, or use a shorter structure.`)
      }
      if (version === 'short' && !cohortVersion && isActivity(s) && typeof fm.short === 'number' && typeof fm.duration === 'number' && fm.short < TIMING_RULES.shortShare * fm.duration)
        report(s, `keeps ${fm.short} of its ${fm.duration} min in the short version; a kept activity keeps at least ${Math.round(TIMING_RULES.shortShare * 100)} % (${Math.ceil(TIMING_RULES.shortShare * fm.duration)} min). Drop a whole block from the short version instead (\`optional: true\` on its section slide).`)
    }

    if (plan.minutes !== undefined && plan.minutes > TIMING_RULES.breakAfterMinutes) {
      const breaks = kept.filter(({ s }) => s.frontmatter.break === true)
      if (!breaks.length)
        problems.push({ file: deck.ref.entry, line: 1, message: `${versionName(v)} runs ${plan.minutes} min and has no break: every session longer than ${TIMING_RULES.breakAfterMinutes} minutes has one. Add a slide with \`break: true\`, \`section: Break\` and \`duration: ${TIMING_RULES.breakMinutes}\` (or more) near the middle.` })
      for (const { s, i } of breaks) {
        if (minutesOf(s, i) < TIMING_RULES.breakMinutes)
          report(s, `is the break but lasts ${minutesOf(s, i)} min in ${versionName(v)}; a break is at least ${TIMING_RULES.breakMinutes} minutes.`)
      }
    }
  }
  return problems
}
