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

/**
 * A lighter first load for built decks (issue 21: at most 220 KB of JS and CSS gzip for slide 1).
 * Slidev's client loads two things on every page that the kit's decks never use:
 * - TwoSlash's popups (`@shikijs/vitepress-twoslash/client`, with floating-vue and its CSS),
 *   for ```ts twoslash code blocks: no deck of the kit has one (a training deck shows no
 *   TypeScript hover types), so the plugin is replaced with one that installs nothing;
 * - Vue's template compiler (Slidev aliases `vue` to the full build): every template of a deck,
 *   layout and component is compiled at build time, so the runtime-only build is enough.
 * Both only in `build`: the dev server of `npm start` keeps Slidev's own set-up.
 */
export function lightClientPlugin(): Plugin {
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
      return null
    },
    load(id) {
      if (id === NO_TWOSLASH)
        return 'export default { install() {} }'
      if (id === NO_TWOSLASH_CSS)
        return ''
      return null
    },
  }
}

