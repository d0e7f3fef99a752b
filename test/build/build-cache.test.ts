// The build keeps a deck's previous build when none of its inputs changed, builds only the
// decks that did change, and what it keeps is byte for byte what a clean build writes.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { listDecks } from '../../src/content/decks'
import { ROOT } from '../../src/paths'
import { buildSite } from '../../src/site/build'
import { poolSize } from '../../src/site/build-pool'
import type { Kit } from '../../src/site/kit'

// Slidev only imports slides from within the project: the decks live in the git-ignored .scratch/.
// (A deck's `addons` paths are relative to its folder's parent, as `../` is for decks/<deck>/.)
mkdirSync(join(ROOT, '.scratch'), { recursive: true })
const scratch = mkdtempSync(join(ROOT, '.scratch', 'kit-build-cache-'))
const work = mkdtempSync(join(tmpdir(), 'kit-build-cache-'))
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
})

function writeDeck(name: string, title: string, body: string): void {
  const dir = join(scratch, 'decks', name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'slides.md'), `---
theme: default
colorSchema: light
addons: ['${relative(dirname(dir), ROOT)}']
title: ${title}
fonts:
  provider: none
---

# ${title}

<!-- Notes. -->

---
src: ./page.md
---
`)
  writeFileSync(join(dir, 'page.md'), `# ${body}\n\n<!-- Page notes. -->\n`)
}

function kit(): Kit {
  return { title: 'Cache test', decks: listDecks(join(scratch, 'decks')), outDir: '', basePath: '' }
}

async function build(outDir: string): Promise<string[]> {
  const lines: string[] = []
  await buildSite({ base: '/', kit: kit(), outDir, log: line => lines.push(line) })
  return lines
}

/** Every file of a tree with its bytes, by path. */
function tree(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir, { recursive: true }).map(String).sort()
    .filter(f => statSync(join(dir, f)).isFile())
    .map(f => [f, readFileSync(join(dir, f))]))
}

const built = (lines: string[]) => lines.filter(l => l.startsWith('Building ')).map(l => l.replace(/^Building (\S+).*$/, '$1')).sort()

describe('the build cache', () => {
  it('builds both decks, then nothing, then only the deck that changed; the result equals a clean build byte for byte', async () => {
    writeDeck('01-alpha', 'Alpha', 'First page')
    writeDeck('02-beta', 'Beta', 'Second page')
    const site = join(work, 'cached', 'dist')

    expect(built(await build(site))).toEqual(['01-alpha', '02-beta'])
    const first = tree(site)
    const alphaIndex = statSync(join(site, '01-alpha', 'index.html'))

    // Nothing changed: nothing is built, and the decks' folders are left as they were.
    const again = await build(site)
    expect(built(again)).toEqual([])
    expect(again.join('\n')).toContain('kept: 01-alpha, 02-beta')
    expect(tree(site)).toEqual(first)
    expect(statSync(join(site, '01-alpha', 'index.html')).mtimeMs).toBe(alphaIndex.mtimeMs)

    // A page imported with src: changes: only its deck is built again.
    writeFileSync(join(scratch, 'decks', '02-beta', 'page.md'), '# Second page, edited\n\n<!-- Page notes. -->\n')
    expect(built(await build(site))).toEqual(['02-beta'])
    expect(statSync(join(site, '01-alpha', 'index.html')).mtimeMs).toBe(alphaIndex.mtimeMs)
    expect(readFileSync(join(site, '02-beta', 'index.html'), 'utf8')).not.toEqual(first.get(join('02-beta', 'index.html'))!.toString())

    // A deck folder changed by hand is not trusted: it is built again.
    const asset = readdirSync(join(site, '01-alpha', 'assets')).find(f => f.endsWith('.css'))!
    unlinkSync(join(site, '01-alpha', 'assets', asset))
    expect(built(await build(site))).toEqual(['01-alpha'])

    // A deck that fails to build: the error names it, and the site and its record stay as they were.
    const before = tree(site)
    const page = join(scratch, 'decks', '02-beta', 'page.md')
    const good = readFileSync(page, 'utf8')
    writeFileSync(page, '# Broken\n\n<div :x="1 +"></div>\n')
    await expect(build(site)).rejects.toThrow(/Building 02-beta failed/)
    expect(tree(site)).toEqual(before)
    writeFileSync(page, good)
    expect(built(await build(site))).toEqual([])

    // The same decks built from nothing: the same bytes, file for file.
    const clean = join(work, 'clean', 'dist')
    expect(built(await build(clean))).toEqual(['01-alpha', '02-beta'])
    const cached = tree(site)
    const fresh = tree(clean)
    expect([...cached.keys()]).toEqual([...fresh.keys()])
    for (const [file, bytes] of fresh)
      expect(cached.get(file)!.equals(bytes), file).toBe(true)
  }, 900_000)

  it('builds at most one deck per core at once', () => {
    expect(poolSize(5, 2)).toBe(2)
    expect(poolSize(1, 8)).toBe(1)
    expect(poolSize(0, 2)).toBe(1)
  })
})
