// The kit's build gives the hooks of Slidev's plugins Rolldown hook filters (src/slidev/build.ts,
// SLIDEV_HOOK_FILTERS), so that Rolldown skips calling them for modules they do nothing with.
// A filter that missed an id a hook acts on would change the build: a deck built with and
// without the filters must be the same, file for file and byte for byte.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, describe, expect, it } from 'vitest'
import { findModule, listDecks } from '../../src/content/decks'
import { ROOT } from '../../src/paths'
import { SLIDEV_HOOK_FILTERS, withHookFilters } from '../../src/slidev/build'
import { spawnChild } from '../../src/spawn'

const work = mkdtempSync(join(tmpdir(), 'kit-hook-filters-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function tree(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir, { recursive: true }).map(String).sort()
    .filter(f => statSync(join(dir, f)).isFile())
    .map(f => [f, readFileSync(join(dir, f))]))
}

function buildDeck(entry: string, outDir: string, filters: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnChild(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'build', 'fixtures', 'build-deck.ts'), entry, outDir, '/deck/', ...(filters ? [] : ['--no-filters'])], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => { output += d })
    child.stderr.on('data', (d) => { output += d })
    child.on('error', reject)
    child.on('exit', code => (code === 0 ? resolve() : reject(new Error(`building ${entry} failed (exit code ${code}):\n${output}`))))
  })
}

describe('hook filters on Slidev\'s plugins', () => {
  it('add a filter to the named hooks only, keep everything else of each plugin, and leave a hook that has one', async () => {
    const handler = () => null
    const plugins = await withHookFilters([
      { name: 'slidev:loader', enforce: 'pre', resolveId: { order: 'pre', handler }, load: handler, transform: handler },
      [Promise.resolve({ name: 'slidev:flags', transform: { filter: { id: /x/ }, handler } })],
      { name: 'someone-else', load: handler },
      false,
    ])
    const [loader, [flags], other, none] = plugins as any[]
    expect(loader.enforce).toBe('pre')
    expect(loader.resolveId).toEqual({ order: 'pre', handler, filter: { id: SLIDEV_HOOK_FILTERS['slidev:loader'].resolveId } })
    expect(loader.load).toEqual({ handler, filter: { id: SLIDEV_HOOK_FILTERS['slidev:loader'].load } })
    expect(loader.transform).toBe(handler)
    expect(flags.transform.filter).toEqual({ id: /x/ })
    expect(other.load).toBe(handler)
    expect(none).toBe(false)
  })

  it('leave unplugin-vue-markdown and unplugin-vue-components as they are when the vite.config sets their options', async () => {
    const handler = () => null
    const [markdown, components] = await withHookFilters([{ name: 'unplugin-vue-markdown', transform: handler }, { name: 'unplugin-vue-components', transform: handler }], { markdown: { include: [/\.mdx$/] }, components: { dirs: [] } }) as any[]
    expect(markdown.transform).toBe(handler)
    expect(components.transform).toBe(handler)
  })

  it('cover each id the filtered hooks act on: a deck builds the same with and without them', async () => {
    const deck = findModule(listDecks(), '2')
    const [without, withFilters] = [join(work, 'without'), join(work, 'with')]
    await Promise.all([buildDeck(deck.entry, without, false), buildDeck(deck.entry, withFilters, true)])
    const a = tree(without)
    const b = tree(withFilters)
    expect(a.size).toBeGreaterThan(10)
    expect([...b.keys()]).toEqual([...a.keys()])
    for (const [file, bytes] of a)
      expect(b.get(file)!.equals(bytes), file).toBe(true)
  }, 600_000)
})
