// Vue's single-file-component compiler with its two costly steps remembered within one process,
// given to @vitejs/plugin-vue through its public `compiler` option (the root vite.config.ts).
// A build process of src/site/build-pool.ts builds several decks one after another, and every
// deck compiles the same Slidev client and kit components: the same file, the same source and
// the same options (the decks are sibling folders, so even a component's id, a hash of its path
// from the deck and its source, is the same). The second deck then takes the first one's result.
// The options are part of the key, so any difference (production or not, another base, another
// id) compiles again. No imports of the kit's other files: Vite loads this with its config.
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'

type Compiler = typeof import('vue/compiler-sfc')

/** Results kept per process: enough for every component of the five decks, bounded for a long dev session. */
const LIMIT = 2000

/** The options as text: data only (functions, such as a file-system reader, are the same plugin's), without the AST compiled from the same source. */
function keyOf(step: string, parts: unknown[]): string {
  const text = JSON.stringify([step, ...parts], (key, value) => (typeof value === 'function' || key === 'ast' || key === 'compiler' ? undefined : value))
  return createHash('sha256').update(text).digest('base64url')
}

/**
 * One store per process: Vite loads the config file afresh for every deck (a new copy of this
 * module each time), so the results live on the process, not on the module.
 */
const STORE = Symbol.for('kit:vue-compiler-results')
const store = ((globalThis as Record<symbol, unknown>)[STORE] ??= new Map<string, Map<string, unknown>>()) as Map<string, Map<string, unknown>>

function remembered<A extends unknown[], R>(step: string, run: (...args: A) => R, key: (...args: A) => unknown[]): (...args: A) => R {
  if (!store.has(step))
    store.set(step, new Map())
  const results = store.get(step) as Map<string, R>
  return (...args: A) => {
    const k = keyOf(step, key(...args))
    const known = results.get(k)
    if (known !== undefined)
      return known
    const result = run(...args)
    if (results.size >= LIMIT)
      results.delete(results.keys().next().value!)
    results.set(k, result)
    return result
  }
}

/**
 * Vue's compiler (the one @vitejs/plugin-vue would find from the kit), with compileScript and
 * compileTemplate remembered for a build. A dev server compiles each component once and then
 * its edits: it gets the compiler as it is.
 */
export function sharedVueCompiler(command: 'build' | 'serve'): Compiler {
  const vue = createRequire(import.meta.url)('vue/compiler-sfc') as Compiler
  if (command !== 'build')
    return vue
  return {
    ...vue,
    compileScript: remembered('script', vue.compileScript, (descriptor, options) => [descriptor.filename, descriptor.source, options]),
    compileTemplate: remembered('template', vue.compileTemplate, options => [options]),
  }
}
