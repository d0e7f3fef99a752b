// App set-up shared by every deck: the exercise boards' tags, a cohort's accent colour on every
// slide, view and print, and the notes settings (format, live mode, version) as attributes on
// <html> for styles/notes.css.
import { configs } from '@slidev/client'
import { defineAppSetup } from '@slidev/types'
import type { Component } from 'vue'
import { BOARDS } from '../src/boards'
import { applyNoteSettings, type DeckNoteConfig, seedPresenterNotesPane, useNoteSettings } from './notes-settings'

// Each board's view lives in its own folder (src/boards/<kind>/<Tag>.vue), outside
// components/, which Slidev registers whole (a board's model.ts would become a component
// `Model`). So the tags a deck writes (`<StakeholderMap />`) are registered here, from the
// registry. Eager: a board renders in the same tick as its slide, as it did from components/.
const views = import.meta.glob<Component>('../src/boards/*/*.vue', { eager: true, import: 'default' })

export default defineAppSetup(({ app }) => {
  for (const { component, def } of BOARDS) {
    const file = `../src/boards/${def.kind}/${component}.vue`
    const view = views[file]
    if (!view)
      throw new Error(`The board "${def.kind}" has no view: src/boards/index.ts gives it the tag <${component} />, so put its component at src/boards/${def.kind}/${component}.vue.`)
    app.component(component, view)
  }

  const accent = (configs as { cohort?: { accent?: string } }).cohort?.accent
  if (typeof document === 'undefined')
    return
  if (accent)
    document.documentElement.style.setProperty('--kit-accent', accent)
  applyNoteSettings(useNoteSettings(configs as DeckNoteConfig))
  seedPresenterNotesPane()
})
