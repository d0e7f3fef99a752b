// The adapter's Vite plugin, loaded by the root vite.config.ts (which every deck shares).
// No imports of the kit's other files: Vite loads this file with its config loader.
import type { Plugin } from 'vite'

/**
 * Slidev's client registers its `/print` route only when this define is true, which Slidev
 * itself sets only with `download: true` (that also runs its slower exporter in every build).
 * The kit's exporter prints the built site, so built decks keep the route. src/slidev/contract.ts
 * checks that Slidev still guards the route with this flag.
 */
export const PRINT_FEATURE_FLAG = '__SLIDEV_FEATURE_PRINT__'

export function printRoutePlugin(): Plugin {
  return {
    name: 'kit:print-route',
    enforce: 'post',
    config: (_config, env) => (env.command === 'build' ? { define: { [PRINT_FEATURE_FLAG]: 'true' } } : {}),
  }
}

const NO_TWOSLASH = '\0kit:no-twoslash'
const NO_TWOSLASH_CSS = '\0kit:no-twoslash.css'
const LAZY_NOTES = '\0kit:lazy-notes'
const NOTE_PREFIX = '\0kit:note/'
const FRONTMATTER_MODULE = /__slidev_(\d+)\.frontmatter$/
const SLIDE_BASE_LINE = /^( *)\.\.\.\((\{.*\})\),$/m

/** Notes load when the presenter view, the notes page or a print with notes first reads them. */
const LAZY_NOTES_CODE = `import { shallowReactive } from 'vue'
const notes = shallowReactive({})
const started = new Set()
export function lazyNote(no, load) {
  if (!started.has(no)) {
    started.add(no)
    load().then((m) => { notes[no] = m.default }, (e) => { started.delete(no); console.error('The notes of slide ' + no + ' did not load', e) })
  }
  return notes[no] ?? ''
}
`

/**
 * Moves each slide's speaker notes out of the deck's first load: Slidev puts every slide's
 * rendered notes in the entry chunk, the largest part of it for the kit's decks, which carry
 * full facilitator notes. Each slide's \`noteHTML\` becomes a getter that loads that slide's
 * notes on first read (a chunk per slide) and is reactive, so the presenter view shows them as
 * soon as they arrive. Returns the code unchanged when Slidev's module has another shape.
 */
export function lazyNotes(code: string, notes: Map<number, string>, no: number): string {
  const m = SLIDE_BASE_LINE.exec(code)
  if (!m)
    return code
  let base: Record<string, unknown>
  try {
    base = JSON.parse(m[2])
  }
  catch {
    return code
  }
  if (typeof base.noteHTML !== 'string' || !base.noteHTML)
    return code
  notes.set(no, base.noteHTML)
  delete base.noteHTML
  const line = `${m[1]}...(${JSON.stringify(base)}),\n${m[1]}get noteHTML() { return kitLazyNote(${no}, () => import('kit:note/note-${no}')) },`
  return `import { lazyNote as kitLazyNote } from 'kit:lazy-notes'\n${code.slice(0, m.index)}${line}${code.slice(m.index + m[0].length)}`
}

/**
 * A lighter first load for built decks (issue 21: at most 220 KB of JS and CSS gzip for slide 1).
 * Slidev's client loads two things on every page that the kit's decks never use:
 * - TwoSlash's popups (`@shikijs/vitepress-twoslash/client`, with floating-vue and its CSS),
 *   for ```ts twoslash code blocks: no deck of the kit has one (a training deck shows no
 *   TypeScript hover types), so the plugin is replaced with one that installs nothing;
 * - Vue's template compiler (Slidev aliases `vue` to the full build): every template of a deck,
 *   layout and component is compiled at build time, so the runtime-only build is enough.
 * - every slide's speaker notes (see lazyNotes): loaded when first read.
 * All only in `build`: the dev server of `npm start` keeps Slidev's own set-up.
 */
export function lightClientPlugin(): Plugin {
  const notes = new Map<number, string>()
  return {
    name: 'kit:light-client',
    apply: 'build',
    enforce: 'pre',
    resolveId(id) {
      if (id === '@shikijs/vitepress-twoslash/client')
        return NO_TWOSLASH
      if (id === '@shikijs/vitepress-twoslash/style.css')
        return NO_TWOSLASH_CSS
      if (/[\\/]vue[\\/]dist[\\/]vue\.esm-bundler\.js$/.test(id))
        return id.replace(/vue\.esm-bundler\.js$/, 'vue.runtime.esm-bundler.js')
      if (id === 'kit:lazy-notes')
        return LAZY_NOTES
      if (id.startsWith('kit:note/'))
        return `\0${id}`
      return null
    },
    load(id) {
      if (id === NO_TWOSLASH)
        return 'export default { install() {} }'
      if (id === NO_TWOSLASH_CSS)
        return ''
      if (id === LAZY_NOTES)
        return LAZY_NOTES_CODE
      // A built deck bundles English only; setup/main.ts loads the cohort's language's catalogue
      // (its own chunk) before the deck mounts, so a deck does not carry every language.
      if (/[\\/]src[\\/]i18n[\\/]languages\.ts$/.test(id))
        return `import { catalogue as en } from './en'\nexport const CATALOGUES = [en]\n`
      if (id.startsWith(NOTE_PREFIX))
        return `export default ${JSON.stringify(notes.get(Number(id.slice(NOTE_PREFIX.length).replace('note-', ''))) ?? '')}`
      return null
    },
    transform(code, id) {
      const m = FRONTMATTER_MODULE.exec(id)
      return m ? lazyNotes(code, notes, Number(m[1])) : null
    },
  }
}

