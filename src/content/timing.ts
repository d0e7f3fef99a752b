// The timing model of a module, shared by the content check, the agenda slide and the
// landing page. Plain data in, plain data out: no Node and no Vue imports.
//
// A deck's headmatter states the module's length in Slidev's own `duration` config
// (for example `75min`, which also drives the presenter's countdown). A slide that opens
// an agenda block says `section: <title>`; slides carry `duration` in minutes; a block
// lasts as long as the durations of its slides add up to.

export interface SlideTimingInput {
  id?: unknown
  section?: unknown
  duration?: unknown
  layout?: unknown
  title?: string
}

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

/** A slide's own minutes. The headmatter's `duration` is the module's, not slide 1's. */
export function slideMinutes(fm: SlideTimingInput, index: number): number {
  if (index === 0)
    return 0
  return typeof fm.duration === 'number' ? fm.duration : 0
}


export function buildAgenda(slides: SlideTimingInput[]): AgendaBlock[] {
  const blocks: AgendaBlock[] = []
  let elapsed = 0
  slides.forEach((fm, index) => {
    if (typeof fm.section === 'string' && fm.section.trim())
      blocks.push({ title: fm.section.trim(), start: elapsed, minutes: 0, slideIndex: index, activities: [] })
    const minutes = slideMinutes(fm, index)
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
