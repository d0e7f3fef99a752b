// Which variants of the notes the presenter view (and the notes and overview pages) shows:
// the session's settings as attributes on <html>, read by styles/notes.css. No string surgery
// on the notes: the preparser wraps each variant block in `.kit-variant[data-variant]`
// (setup/preparser.ts) and CSS hides the blocks that do not apply.
//
//   data-kit-format   in-person | online | hybrid   the cohort's `format` (in-person without a
//                                                    cohort), switchable in the presenter view
//   data-kit-live     live | no-live                 live when `npm run live` started Slidev
//                                                    (its VITE_KIT_LIVE_* variables)
//   data-kit-version  full | short                   the version the cohort's `length` chose
//   data-kit-variants setting | all                  `all` shows every block under its heading
//
// The facilitator's choice of format and "all" is kept in localStorage per deck (and cohort),
// so the presenter window and a second notes window agree.
import { useLocalStorage } from '@vueuse/core'
import { computed, type Ref, watchEffect } from 'vue'
import { DEFAULT_FORMAT, type Format, FORMATS } from '../src/content/notes'
import { liveConfig } from '../src/live/config'

export interface DeckNoteConfig {
  title?: string
  cohort?: { id?: string, format?: string, version?: string }
}

export const NOTE_ATTRIBUTES = {
  format: 'data-kit-format',
  live: 'data-kit-live',
  version: 'data-kit-version',
  variants: 'data-kit-variants',
} as const

export interface NoteSettings {
  /** the format the deck was built for */
  plannedFormat: Format
  format: Ref<Format>
  showAll: Ref<boolean>
  live: boolean
  version: 'full' | 'short'
}

let settings: NoteSettings | undefined

function isFormat(value: unknown): value is Format {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value)
}

/** The notes settings of this deck, shared by the app setup and the presenter's switch. */
export function useNoteSettings(configs: DeckNoteConfig = {}): NoteSettings {
  if (settings)
    return settings
  const plannedFormat = isFormat(configs.cohort?.format) ? configs.cohort.format : DEFAULT_FORMAT
  const key = `kit-notes:${configs.cohort?.id ?? 'kit'}:${configs.title ?? ''}`
  const stored = useLocalStorage<{ format: Format, all: boolean }>(key, { format: plannedFormat, all: false })
  const format = computed<Format>({
    get: () => (isFormat(stored.value?.format) ? stored.value.format : plannedFormat),
    set: (value) => { stored.value = { ...stored.value, format: value } },
  })
  const showAll = computed<boolean>({
    get: () => stored.value?.all === true,
    set: (value) => { stored.value = { ...stored.value, all: value } },
  })
  settings = {
    plannedFormat,
    format,
    showAll,
    live: !!liveConfig(),
    version: configs.cohort?.version === 'short' ? 'short' : 'full',
  }
  return settings
}

/** Keeps the attributes on `root` (by default <html>) in step with the settings. */
export function applyNoteSettings(s: NoteSettings, root: HTMLElement = document.documentElement): void {
  watchEffect(() => {
    root.setAttribute(NOTE_ATTRIBUTES.format, s.format.value)
    root.setAttribute(NOTE_ATTRIBUTES.live, s.live ? 'live' : 'no-live')
    root.setAttribute(NOTE_ATTRIBUTES.version, s.version)
    root.setAttribute(NOTE_ATTRIBUTES.variants, s.showAll.value ? 'all' : 'setting')
  })
}

/**
 * Slidev's presenter view starts with a notes pane of 360x280 px, which holds about 60 words at
 * 16 px. Before a facilitator has resized it (Slidev keeps their size in localStorage), the kit
 * starts it at 500 px wide and 460 px high (Slidev caps the height at 3/4 of the window), so the
 * glance at 22 px and the parts below it fit on a 1280x720 laptop without scrolling.
 */
export const PRESENTER_NOTES_PANE = { width: 500, rowSize: 460 } as const

export function seedPresenterNotesPane(storage: Storage = localStorage): void {
  try {
    if (storage.getItem('slidev-presenter-notes-width') === null)
      storage.setItem('slidev-presenter-notes-width', String(PRESENTER_NOTES_PANE.width))
    if (storage.getItem('slidev-presenter-notes-row-size') === null)
      storage.setItem('slidev-presenter-notes-row-size', String(PRESENTER_NOTES_PANE.rowSize))
  }
  catch {
    // Storage refused (a private window): Slidev's own sizes apply.
  }
}
