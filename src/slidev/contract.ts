// What the kit relies on in Slidev, each named with why, and a check that it is still there.
// test/unit/slidev-contract.test.ts runs every check, so an upgrade of Slidev that removes or
// renames one fails with the name of what is gone instead of breaking a build or an export
// silently. The adapter files (build.ts, context.ts) explain how each one is used.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../paths'
import { SLIDEV_KEYS } from './keys'

export interface ContractItem {
  name: string
  /** what breaks without it */
  why: string
  /** undefined when it holds; otherwise what is missing */
  check: (slidevDir: string) => Promise<string | undefined>
}

/** Where the installed @slidev packages are. */
export const SLIDEV_DIR = join(ROOT, 'node_modules', '@slidev')

function sourceHas(file: string, ...needles: (string | RegExp)[]): (dir: string) => Promise<string | undefined> {
  return async (dir) => {
    const path = join(dir, file)
    if (!existsSync(path))
      return `${path} does not exist`
    const text = readFileSync(path, 'utf8')
    const missing = needles.filter(n => (typeof n === 'string' ? !text.includes(n) : !n.test(text)))
    return missing.length ? `${file} no longer contains ${missing.map(n => JSON.stringify(String(n))).join(', ')}` : undefined
  }
}

async function exportsFunctions(specifier: string, names: string[]): Promise<string | undefined> {
  let mod: Record<string, unknown>
  try {
    mod = await import(specifier)
  }
  catch (e) {
    return `${specifier} cannot be imported: ${(e as Error).message}`
  }
  const missing = names.filter(n => typeof mod[n] !== 'function' && typeof mod[n] !== 'string')
  return missing.length ? `${specifier} no longer exports ${missing.join(', ')}` : undefined
}

export const SLIDEV_CONTRACT: ContractItem[] = [
  {
    name: '@slidev/cli exports resolveOptions and ViteSlidevPlugin',
    why: 'the in-process build of every deck (src/slidev/build.ts); without them each deck is built by a slower slidev child process',
    check: () => exportsFunctions('@slidev/cli', ['resolveOptions', 'ViteSlidevPlugin']),
  },
  {
    name: 'resolved options carry utils.indexHtml',
    why: 'the HTML entry of the in-process build (src/slidev/build.ts)',
    check: sourceHas('types/dist/index.d.mts', /utils: ResolvedSlidevUtils/, /indexHtml: string/),
  },
  {
    name: '@slidev/parser/fs exports load and injectPreparserExtensionLoader',
    why: 'reading decks as Slidev does (src/content/decks.ts) and filling {% placeholders %} through setup/preparser.ts',
    check: () => exportsFunctions('@slidev/parser/fs', ['load', 'injectPreparserExtensionLoader']),
  },
  {
    name: 'the parser asks the preparser loader with the deck\'s roots',
    why: 'setup/preparser.ts runs for every deck only if the parser passes the roots (kit root included) to the loader',
    check: sourceHas('parser/dist/fs.mjs', 'preparserExtensionLoader(options.roots'),
  },
  {
    name: 'the client\'s /print route is guarded by __SLIDEV_FEATURE_PRINT__',
    why: 'the kit turns that flag on in built decks (printRoutePlugin) so the exporter can print the built site',
    check: sourceHas('client/setup/routes.ts', /if \(__SLIDEV_FEATURE_PRINT__\)/, 'name: \'print\''),
  },
  {
    name: 'the print page renders one .print-slide-container per slide',
    why: 'the exporter waits for and counts them (src/handouts/export.ts)',
    check: sourceHas('client/internals/PrintSlideClick.vue', 'class="print-slide-container"'),
  },
  {
    name: '@slidev/client exports configs, useNav, useSlideContext and lockShortcuts',
    why: 'components read the deck\'s configs, the slide\'s frontmatter and print mode, and hold the shortcut lock, through them (src/slidev/context.ts)',
    check: sourceHas('client/index.ts', 'export { useNav }', 'export { useSlideContext }', 'lockShortcuts', 'export * from \'./env\''),
  },
  {
    name: 'useNav() has isPrintMode',
    why: 'boards switch to their worksheet in print mode (usePrintMode)',
    check: sourceHas('client/composables/useNav.ts', /isPrintMode: ComputedRef<boolean>/),
  },
  {
    name: 'useSlideContext() returns $frontmatter',
    why: 'activity slides and timers default to the slide\'s frontmatter (useSlideFrontmatter)',
    check: sourceHas('client/context.ts', '$frontmatter,'),
  },
  {
    name: 'Slidev\'s injection keys keep the values the kit reads',
    why: 'boards and the live mode read the page a slide is on and where it is drawn (src/slidev/context.ts, SLIDEV_KEYS); a renamed key would leave them unset, silently',
    check: sourceHas('client/constants.ts', ...Object.entries(SLIDEV_KEYS).map(([name, key]) => `export const ${name} = '${String(key)}'`)),
  },
  {
    name: 'configs is exported from @slidev/client/env',
    why: 'the deck\'s headmatter (the cohort, its language, the objectives) reaches components as configs',
    check: sourceHas('client/env.ts', 'export { configs }'),
  },
  {
    name: 'the slidev binary',
    why: 'the fallback build, the dev server (npm start) and the benchmark run it',
    check: async dir => (existsSync(join(dir, 'cli', 'bin', 'slidev.mjs')) ? undefined : `${join(dir, 'cli', 'bin', 'slidev.mjs')} does not exist`),
  },
]

/** Every item of the contract that does not hold, with why it matters. */
export async function brokenContract(slidevDir = SLIDEV_DIR): Promise<{ name: string, why: string, problem: string }[]> {
  const broken = []
  for (const item of SLIDEV_CONTRACT) {
    const problem = await item.check(slidevDir)
    if (problem)
      broken.push({ name: item.name, why: item.why, problem })
  }
  return broken
}
