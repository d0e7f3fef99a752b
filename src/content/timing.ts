// The timing model of a module, shared by the content check, the agenda slide, the composer
// and the landing page. Plain data in, plain data out: no Node and no Vue imports.
//
// A deck's headmatter states the module's length in Slidev's own `duration` config
// (for example `75min`, which also drives the presenter's countdown) and `buffer`, the
// minutes of slack no slide claims (at least 5 per 90 minutes: rooms run late). A slide that
// opens an agenda block says `section: <title>`; slides carry `duration` in minutes; a block
// lasts as long as the durations of its slides add up to, and all blocks plus the buffer make
// the module's length.
//
// The short version of a module is data too: headmatter `short: { duration: 60min, buffer: 4 }`;
// slides marked `optional: true` are left out of it (a `section` slide marked optional leaves
// out its whole block), and `short: <minutes>` gives a slide's
// minutes in it. Slides marked `prep: true` are the facilitator's preparation pages: they take
// no time in the room and come after the references slide.

export interface SlideTimingInput {
  id?: unknown
  section?: unknown
  duration?: unknown
  layout?: unknown
  optional?: unknown
  short?: unknown
  prep?: unknown
  title?: string
}

export type Version = 'full' | 'short'

export interface AgendaBlock {
  title: string
  /** minutes from the start of the session */
  start: number
  minutes: number
  /** 0-based index of the slide that opens the block */
  slideIndex: number
  activities: { id: string, title: string, minutes: number }[]
}

/** `75min` -> 75. Returns undefined for anything else, so the check can say so. */
export function parseModuleMinutes(value: unknown): number | undefined {
  if (typeof value !== 'string')
    return undefined
  const m = /^\s*(\d+)\s*min\s*$/.exec(value)
  return m ? Number(m[1]) : undefined
}

/** The least slack a session of this length keeps free: 5 minutes per 90, rounded up. */
export function minimumBuffer(minutes: number): number {
  return Math.ceil(minutes * 5 / 90)
}

/**
 * A session's plan with `extra` minutes of slides added (a cohort's extension blocks): the
 * buffer grows too when the longer session needs more air (5 per 90 minutes).
 */
export function extendedPlan(plan: { minutes: number, buffer: number }, extra: number): { minutes: number, buffer: number } {
  const slides = plan.minutes - plan.buffer + extra
  let buffer = plan.buffer
  while (buffer < minimumBuffer(slides + buffer))
    buffer++
  return { minutes: slides + buffer, buffer }
}

export interface SessionPlan {
  /** the session's length in minutes */
  minutes: number | undefined
  /** minutes no slide claims */
  buffer: number
}

/** The length and buffer a deck's headmatter states for a version of the session. */
export function sessionPlan(headmatter: Record<string, unknown>, version: Version = 'full'): SessionPlan {
  if (version === 'short') {
    const short = (headmatter.short ?? {}) as Record<string, unknown>
    return { minutes: parseModuleMinutes(short.duration), buffer: typeof short.buffer === 'number' ? short.buffer : 0 }
  }
  return { minutes: parseModuleMinutes(headmatter.duration), buffer: typeof headmatter.buffer === 'number' ? headmatter.buffer : 0 }
}

/** Whether a slide is part of a version of the session. The title slide always is. `blockOptional`: its block's opening slide is optional. */
export function inVersion(fm: SlideTimingInput, index: number, version: Version, blockOptional = false): boolean {
  return version === 'full' || index === 0 || (fm.optional !== true && !blockOptional)
}

/** Per slide, whether its block's opening `section` slide is `optional: true` (the short version then drops the whole block). */
export function optionalBlocks(slides: SlideTimingInput[]): boolean[] {
  let optional = false
  return slides.map((fm, index) => {
    if (index === 0 || fm.prep === true)
      optional = false
    else if (typeof fm.section === 'string')
      optional = fm.optional === true
    return optional
  })
}

/** A slide's own minutes in a version. The headmatter's `duration` is the module's, not slide 1's. */
export function slideMinutes(fm: SlideTimingInput, index: number, version: Version = 'full', blockOptional = false): number {
  if (index === 0 || fm.prep === true || !inVersion(fm, index, version, blockOptional))
    return 0
  if (version === 'short' && typeof fm.short === 'number')
    return fm.short
  return typeof fm.duration === 'number' ? fm.duration : 0
}

export function buildAgenda(slides: SlideTimingInput[], version: Version = 'full'): AgendaBlock[] {
  const blocks: AgendaBlock[] = []
  const optional = optionalBlocks(slides)
  let elapsed = 0
  slides.forEach((fm, index) => {
    if (!inVersion(fm, index, version, optional[index]) || fm.prep === true)
      return
    if (typeof fm.section === 'string' && fm.section.trim())
      blocks.push({ title: fm.section.trim(), start: elapsed, minutes: 0, slideIndex: index, activities: [] })
    const minutes = slideMinutes(fm, index, version, optional[index])
    const block = blocks.at(-1)
    if (block) {
      block.minutes += minutes
      if (fm.layout === 'activity')
        block.activities.push({ id: String(fm.id ?? ''), title: fm.title ?? '', minutes })
    }
    elapsed += minutes
  })
  return blocks
}

/** "0-5", "5-15" ... as a facilitator writes a run sheet. */
export function blockRange(block: AgendaBlock): string {
  return `${block.start}–${block.start + block.minutes}`
}
