// A module's run sheet and the pace coach's advice, from the same timing data as the agenda
// (src/content/timing.ts): blocks with minutes from the start (and clock times when the session's
// start is known), each block's checkpoint (`checkpoint:` on its section slide) and the cut list
// (`cut: <n>` on a section slide: the order in which to drop blocks when the room runs late).
// Plain data in, plain data out: the presenter view, the facilitator guide and the tests use it.
import { buildAgenda, sessionPlan, type SlideTimingInput, type Version } from './timing'

export interface RunSheetInput extends SlideTimingInput {
  cut?: unknown
  checkpoint?: unknown
}

export interface RunSheetBlock {
  title: string
  /** minutes from the session's start */
  start: number
  end: number
  /** 0-based index of the slide that opens the block */
  slideIndex: number
  checkpoint?: string
  /** its place in the cut list (1 = drop first), when the author marked it safe to drop */
  cut?: number
}

export interface RunSheet {
  blocks: RunSheetBlock[]
  /** the blocks that may be dropped, in the order to drop them */
  cutList: RunSheetBlock[]
  buffer: number
  minutes: number
}

export function runSheet(slides: RunSheetInput[], headmatter: Record<string, unknown>, version: Version = 'full'): RunSheet {
  const plan = sessionPlan(headmatter, version)
  const blocks = buildAgenda(slides, version).map((b) => {
    const fm = slides[b.slideIndex]
    return {
      title: b.title,
      start: b.start,
      end: b.start + b.minutes,
      slideIndex: b.slideIndex,
      checkpoint: typeof fm.checkpoint === 'string' && fm.checkpoint.trim() ? fm.checkpoint.trim() : undefined,
      cut: typeof fm.cut === 'number' && Number.isInteger(fm.cut) && fm.cut > 0 ? fm.cut : undefined,
    }
  })
  const cutList = blocks.filter(b => b.cut !== undefined).sort((a, b) => a.cut! - b.cut!)
  const last = blocks.at(-1)
  return { blocks, cutList, buffer: plan.buffer, minutes: plan.minutes ?? (last ? last.end + plan.buffer : 0) }
}

/** "16:05", minutes after a wall-clock start "HH:MM" (the cohort's local time). */
export function clockTime(start: string, minutes: number): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(start)
  if (!m)
    return ''
  const total = Number(m[1]) * 60 + Number(m[2]) + minutes
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

export interface PaceAdvice {
  /** the block the current slide belongs to */
  block?: RunSheetBlock
  /** minutes behind the plan (negative: ahead), measured at the current block's planned time */
  behind: number
  /** the block to drop now, when the room is further behind than the buffer left covers */
  drop?: RunSheetBlock
}

/**
 * Where the session stands: `slideIndex` is the current slide (0-based), `elapsed` the minutes
 * since the session started. Behind is elapsed minus the planned start of the current slide, so
 * it is known on every slide, not only at block boundaries. Once the room is further behind than
 * the buffer covers, the next block of the cut list still ahead is the one to drop.
 */
export function paceAdvice(sheet: RunSheet, slides: RunSheetInput[], slideIndex: number, elapsed: number, version: Version = 'full'): PaceAdvice {
  const block = [...sheet.blocks].reverse().find(b => b.slideIndex <= slideIndex)
  // The planned start of the current slide: its block's start plus the slides before it in the block.
  let planned = block?.start ?? 0
  if (block) {
    for (let i = block.slideIndex; i < slideIndex; i++) {
      const fm = slides[i]
      if (version === 'short' && fm.optional === true)
        continue
      if (fm.prep === true)
        continue
      planned += version === 'short' && typeof fm.short === 'number' ? fm.short : typeof fm.duration === 'number' ? fm.duration : 0
    }
  }
  const behind = Math.round(elapsed - planned)
  // The buffer absorbs the first minutes; past it, the next block of the cut list still ahead goes.
  const drop = behind > sheet.buffer ? sheet.cutList.find(b => b.start > (block?.start ?? -1)) : undefined
  return { block, behind, drop }
}
