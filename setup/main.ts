// App set-up shared by every deck: the exercise boards' tags and where their state is kept, a
// cohort's accent colour on every slide, view and print, and the notes settings (format, live
// mode, version) as attributes on <html> for styles/notes.css.
import { defineAppSetup } from '@slidev/types'
import { type Component, defineAsyncComponent } from 'vue'
import type { Catalogue } from '../src/i18n/catalogue'
import type { BoardPhrases } from '../src/boards/kit/entry'
import { addLanguage, addPhrases, catalogueFor } from '../src/i18n/labels'
import { liveConfig } from '../src/live/config'
import { liveSync } from '../src/live/provider'
import { useDeckConfigs } from '../src/slidev/context'
import { SYNC_KEY } from '../src/state/useBoardScope'
import { FACILITATOR_KEY } from '../src/state/facilitator'
import { applyNoteSettings, type DeckNoteConfig, seedPresenterNotesPane, useNoteSettings } from './notes-settings'

// Each board's view lives in its own folder (src/boards/<kind>/<Tag>.vue, next to its
// model.ts), outside components/, which Slidev registers whole (a board's model.ts would become
// a component `Model`). So the tags a deck writes (`<StakeholderMap />`) are registered here, by
// file name (src/boards/index.ts gives each board the tag of its view's file). Loaded when a
// slide first shows it, not in a deck's first load: a board, its model and Yjs are needed on
// board slides only.
const views = import.meta.glob<Component>('../src/boards/*/*.vue', { import: 'default' })
const models = import.meta.glob('../src/boards/*/model.ts')

// Each language's catalogue, loaded on its own: a built deck bundles English only (see
// lightClientPlugin in src/slidev/vite.ts) and loads its cohort's language before it mounts.
const catalogues = import.meta.glob<Catalogue>('../src/i18n/*/index.ts', { import: 'catalogue' })
// And each board's own words (src/boards/<kind>/i18n.ts, which the registry of boards carries
// in Node): loaded with the cohort's language, without loading the boards themselves.
const boardPhrases = import.meta.glob<BoardPhrases>('../src/boards/*/i18n.ts', { import: 'phrases' })

export default defineAppSetup(async ({ app }) => {
  // A board's document is kept by this browser (its storage, its other tabs) and, in a live
  // session, by the live server too: the server's provider loads its client only when used.
  app.provide(SYNC_KEY, [liveSync])
  // And the boards reach the live session (its count, moderation, the phones) only through the
  // facilitator's connection given here: in a live session only, with its client loaded then.
  if (liveConfig())
    app.provide(FACILITATOR_KEY, (await import('../src/live/facilitator')).liveFacilitator)
  const configs = useDeckConfigs()
  const language = (configs as { cohort?: { language?: string } }).cohort?.language
  const load = language ? catalogues[`../src/i18n/${language}/index.ts`] : undefined
  if (language && load && !catalogueFor(language))
    addLanguage(await load())
  if (language) {
    for (const phrases of await Promise.all(Object.values(boardPhrases).map(p => p())))
      addPhrases(language, phrases[language] ?? {})
  }

  for (const model of Object.keys(models)) {
    const folder = model.slice(0, -'model.ts'.length)
    const files = Object.keys(views).filter(file => file.startsWith(folder))
    if (!files.length)
      throw new Error(`The board in ${folder.slice(3)} has no view: put its component there, named as its tag in src/boards/index.ts (src/boards/<kind>/<Tag>.vue).`)
    for (const file of files)
      app.component(file.slice(folder.length, -'.vue'.length), defineAsyncComponent(views[file]))
  }

  const accent = (configs as { cohort?: { accent?: string } }).cohort?.accent
  if (typeof document === 'undefined')
    return
  if (accent)
    document.documentElement.style.setProperty('--kit-accent', accent)
  applyNoteSettings(useNoteSettings(configs as DeckNoteConfig))
  seedPresenterNotesPane()
})
