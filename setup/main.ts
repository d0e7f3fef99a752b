// Every view of a deck: a cohort's accent colour on every slide, view and print, and the
// notes settings (format, live mode, version) as attributes on <html> for styles/notes.css.
import { configs } from '@slidev/client'
import { defineAppSetup } from '@slidev/types'
import { applyNoteSettings, type DeckNoteConfig, seedPresenterNotesPane, useNoteSettings } from './notes-settings'

export default defineAppSetup(() => {
  const accent = (configs as { cohort?: { accent?: string } }).cohort?.accent
  if (typeof document === 'undefined')
    return
  if (accent)
    document.documentElement.style.setProperty('--kit-accent', accent)
  applyNoteSettings(useNoteSettings(configs as DeckNoteConfig))
  seedPresenterNotesPane()
})
