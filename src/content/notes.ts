// The shape of facilitator notes (decks/README.md, "Notes"): an at-a-glance paragraph first,
// then labelled parts from one fixed set, variant blocks `::: <variant>` … `:::` for one way of
// running a slide, and `{% include <name> %}` lines for text shared by several decks
// (decks/shared-notes/<name>.md). Plain text in, plain data out: no Node and no Vue imports, so
// Slidev's preparser (setup/preparser.ts), the content check and the facilitator guide read
// notes the same way.

import { escapeHtml } from '../output/html'
import { INCLUDE_PROBLEMS } from '../i18n/en/note-problems'

export const FORMATS = ['in-person', 'online', 'hybrid'] as const
export type Format = typeof FORMATS[number]
export const DEFAULT_FORMAT: Format = 'in-person'

/** Every variant a block may name, in the order the guide prints them. */
export const VARIANTS = ['in-person', 'online', 'hybrid', 'live', 'no-live', 'full', 'short', 'same-community'] as const
export type Variant = typeof VARIANTS[number]

/** The heading each variant's block shows in the presenter view and the guide. */
export const VARIANT_LABELS: Record<Variant, string> = {
  'in-person': 'In person',
  'online': 'Online',
  'hybrid': 'Hybrid',
  'live': 'Live mode',
  'no-live': 'Without live mode',
  'full': 'Full version',
  'short': 'Short version',
  'same-community': 'Same community',
}

/** The labelled parts after the glance, in this order, each at most once. */
export const NOTE_LABELS = ['Purpose', 'Set-up', 'Say', 'Timing cues', 'Watch for', 'Debrief', 'Running late'] as const
export type NoteLabel = typeof NOTE_LABELS[number]
/** What an activity slide's notes hold at least, in every setting. */
export const ACTIVITY_LABELS: readonly NoteLabel[] = ['Purpose', 'Say', 'Timing cues']
export const GLANCE_LABEL = 'At a glance'

export const NOTE_LIMITS = {
  /** words in the at-a-glance paragraph, after its label */
  glanceWords: 60,
  /** average words of notes a slide, in any one setting */
  averageWords: 150,
  /** words of one slide's notes, in any one setting */
  slideWords: 300,
} as const

/** One way a session runs: what the presenter view shows and the check counts. */
export interface NoteSetting {
  format: Format
  live: boolean
  version: 'full' | 'short'
}

/** Every setting: 3 formats x live or not x full or short. */
export const ALL_SETTINGS: readonly NoteSetting[] = FORMATS.flatMap(format =>
  [false, true].flatMap(live => (['full', 'short'] as const).map(version => ({ format, live, version }))))

export function describeSetting(s: NoteSetting): string {
  return `${s.format}, ${s.live ? 'live' : 'no-live'}, ${s.version}`
}

/** Whether a variant's block is shown in a setting (same-community blocks always are: it is the room, not a setting). */
export function variantApplies(variant: Variant, s: NoteSetting): boolean {
  if ((FORMATS as readonly string[]).includes(variant))
    return variant === s.format
  if (variant === 'live' || variant === 'no-live')
    return (variant === 'live') === s.live
  if (variant === 'full' || variant === 'short')
    return variant === s.version
  return true
}

/** A shared note's name: lower-case words joined by dashes, so it can only name a file in decks/shared-notes/. */
export const SHARED_NOTE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const INCLUDE_LINE = /^\s*\{%\s*include\b\s*(.*?)\s*%\}\s*$/
const MARKER_LINE = /^\s*:::(.*)$/

export interface NoteIssue {
  /** 1-based line inside the note */
  line: number
  message: string
  /** the message as a catalogue key with its `{name}` (the presenter view says it in the cohort's language) */
  template?: { text: string, name: string }
}

/** An issue whose message is a catalogue key with the name filled in. */
const said = (line: number, text: string, name: string): NoteIssue => ({ line, message: text.replaceAll('{name}', name), template: { text, name } })

/**
 * Replaces each `{% include <name> %}` line with the shared note `read(name)` returns.
 * A name that is not a plain dashed word is never read; a missing file is an issue.
 */
export function expandIncludes(note: string, read: (name: string) => string | undefined): { text: string, issues: NoteIssue[], names: string[] } {
  const issues: NoteIssue[] = []
  const names: string[] = []
  const lines = note.split('\n').map((line, i) => {
    const m = INCLUDE_LINE.exec(line)
    if (!m)
      return line
    const name = m[1]
    if (!SHARED_NOTE_NAME.test(name)) {
      issues.push(said(i + 1, INCLUDE_PROBLEMS.badName, name))
      return line
    }
    names.push(name)
    const text = read(name)
    if (text === undefined) {
      issues.push(said(i + 1, INCLUDE_PROBLEMS.missing, name))
      return line
    }
    if (text.split('\n').some(l => INCLUDE_LINE.test(l)))
      issues.push(said(i + 1, INCLUDE_PROBLEMS.nested, name))
    return text.trim()
  })
  return { text: lines.join('\n'), issues, names }
}

/** A stretch of a note: text for every setting, or a variant block's text. */
export interface NoteSegment {
  /** a `::: <name>` block (its variant, unless the name is unknown), or text for every setting */
  block: boolean
  variant?: Variant
  text: string
  /** 1-based line of the segment's first line (a block's `:::` marker) in the note */
  line: number
}

/** Splits a note into its common text and variant blocks, with what is malformed. */
export function splitVariants(note: string): { segments: NoteSegment[], issues: NoteIssue[] } {
  const segments: NoteSegment[] = []
  const issues: NoteIssue[] = []
  let open: { variant?: Variant, name: string, line: number, lines: string[] } | undefined
  let common: { line: number, lines: string[] } = { line: 1, lines: [] }
  const flushCommon = () => {
    if (common.lines.some(l => l.trim()))
      segments.push({ block: false, text: common.lines.join('\n').trim(), line: common.line })
  }
  note.split('\n').forEach((raw, i) => {
    const line = i + 1
    const m = MARKER_LINE.exec(raw)
    if (!m) {
      (open ? open.lines : common.lines).push(raw)
      return
    }
    const name = m[1].trim()
    if (!name) {
      if (!open) {
        issues.push({ line, message: 'has a closing `:::` with no variant block open: remove it, or open the block with `::: <variant>` above.' })
        return
      }
      segments.push({ block: true, variant: open.variant, text: open.lines.join('\n').trim(), line: open.line })
      open = undefined
      common = { line: line + 1, lines: [] }
      return
    }
    if (open) {
      issues.push({ line, message: `opens \`::: ${name}\` inside the \`::: ${open.name}\` block of line ${open.line}; variant blocks do not nest: close the first with \`:::\` before opening the next.` })
      return
    }
    const variant = (VARIANTS as readonly string[]).includes(name) ? name as Variant : undefined
    if (!variant)
      issues.push({ line, message: `\`::: ${name}\` is not a variant. Known: ${VARIANTS.join(', ')} (one a block).` })
    flushCommon()
    open = { variant, name, line, lines: [] }
  })
  if (open) {
    issues.push({ line: open.line, message: `the \`::: ${open.name}\` block is never closed: add a line \`:::\` after its text.` })
    segments.push({ block: true, variant: open.variant, text: open.lines.join('\n').trim(), line: open.line })
  }
  else {
    flushCommon()
  }
  return { segments, issues }
}

/** The note as one setting shows it: common text and the blocks that apply, without markers. */
export function resolveNote(note: string, setting: NoteSetting): string {
  return splitVariants(note).segments
    .filter(s => !s.block || (s.variant && variantApplies(s.variant, setting)))
    .map(s => s.text)
    .join('\n\n')
}

/** Paragraphs of Markdown text: runs of lines between blank lines. */
export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map(p => p.trim()).filter(Boolean)
}

const BOLD_OPENING = /^\*\*([^*\n]+?)\*\*/

/** The bold words that open a paragraph (`**Say**` -> `Say`, `**Say:**` -> `Say`), if any. */
export function openingLabel(paragraph: string): string | undefined {
  const m = BOLD_OPENING.exec(paragraph)
  return m ? m[1].trim().replace(/:$/, '').trim() : undefined
}

/** The glance paragraph's parts: `Say:`, `Do:`, `Time:`, `Land:` as written. */
export const GLANCE_PARTS = ['Say', 'Do', 'Time', 'Land'] as const

export function glanceParts(paragraph: string): string[] {
  return GLANCE_PARTS.filter(p => new RegExp(`(?:^|[\\s·*|])${p}:`).test(paragraph))
}

/** Words of prose, not counting Markdown marks (the content check counts notes with it). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w)).length
}

/** The classes and attributes the preparser writes and the presenter view's CSS reads. */
export const NOTE_CLASSES = {
  glance: 'kit-glance',
  variant: 'kit-variant',
  variantLabel: 'kit-variant-label',
  missing: 'kit-note-missing',
} as const

/**
 * The note as Slidev renders it (markdown-it with HTML on): the glance paragraph in a
 * `<div class="kit-glance">`, each variant block in a `<div class="kit-variant"
 * data-variant="…">` with its label as a heading, said by `t` (the cohort's language through
 * the kit's catalogue, in setup/preparser.ts; English by default). A blank line after each opening tag and
 * before each closing tag keeps the Markdown inside rendered as Markdown. Malformed blocks
 * are left as written (the content check reports them).
 */
export function noteToHtmlMarkdown(note: string, t: (text: string) => string = text => text): string {
  const { segments, issues } = splitVariants(note)
  if (issues.length)
    return note
  return segments.map((seg, i) => {
    let text = seg.text
    if (i === 0 && !seg.block) {
      const [first, ...rest] = paragraphs(text)
      if (first && openingLabel(first) === GLANCE_LABEL)
        text = [`<div class="${NOTE_CLASSES.glance}">\n\n${first}\n\n</div>`, ...rest].join('\n\n')
    }
    if (!seg.variant)
      return text
    const label = `<p class="${NOTE_CLASSES.variantLabel}" role="heading" aria-level="4">${escapeHtml(t(VARIANT_LABELS[seg.variant]))}</p>`
    return `<div class="${NOTE_CLASSES.variant}" data-variant="${seg.variant}">\n${label}\n\n${text}\n\n</div>`
  }).join('\n\n')
}
