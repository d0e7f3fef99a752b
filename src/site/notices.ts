// The licences and third-party notices the built site carries (dist/licenses/): the kit's LICENSE,
// and the licence text of every package whose code, fonts or icons ship inside the decks (MIT and
// ISC notices must travel with copies; the fonts' OFL 1.1 and the Carbon icons' Apache-2.0 ask
// for their licence texts). Every package a built deck ships is found from the deck's own list
// of the modules in its bundle (src/slidev/build.ts); the ones named below carry their own words.
// Linked from the landing page's footer.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { KIT_NAME } from '../content/licence'
import { ROOT } from '../paths'
import { escapeHtml } from '../output/html'
import { SHIPPED_PACKAGES_FILE } from '../output/names'

/** What ships in the browser, beyond the kit's own files. */
const SHIPPED: { name: string, what: string, notice?: string, licenceFile?: string }[] = [
  { name: '@fontsource/atkinson-hyperlegible', what: 'the Atkinson Hyperlegible font' },
  { name: '@fontsource/fira-code', what: 'the Fira Code font' },
  // The Carbon icon set's package carries no licence file: the kit ships the Apache-2.0 text
  // itself (src/site/licences/) with the copyright notice Apache-2.0 §4(c) asks to keep.
  { name: '@iconify-json/carbon', what: 'Carbon icons by IBM', notice: 'Carbon icons: Copyright IBM Corp. (https://github.com/carbon-design-system/carbon, packages/icons), licensed under the Apache License, Version 2.0; shown unchanged, as icon data from @iconify-json/carbon.', licenceFile: 'apache-2.0.txt' },
  { name: '@slidev/client', what: 'Slidev, the presentation app' },
  { name: '@slidev/theme-default', what: 'Slidev\'s default theme' },
  { name: 'vue', what: 'Vue' },
  { name: '@vueuse/core', what: 'VueUse' },
  { name: 'yjs', what: 'Yjs (board state)' },
  { name: 'y-indexeddb', what: 'y-indexeddb (board state in the browser)' },
  { name: '@hocuspocus/provider', what: 'Hocuspocus provider (live mode)' },
  { name: 'qrcode', what: 'QR codes for live mode' },
  { name: 'zod', what: 'zod (board validation)' },
]

function packageInfo(dir: string): { name: string, version: string, license: string, text?: string } {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string, version: string, license?: string | { type?: string } }
  const license = typeof pkg.license === 'string' ? pkg.license : pkg.license?.type
  const file = readdirSync(dir).find(f => /^(?:licen[cs]e|copying)(?:[.-](?:md|txt|mit))?$/i.test(f))
  return { name: pkg.name, version: pkg.version, license: license ?? 'see the package', text: file ? readFileSync(join(dir, file), 'utf8') : undefined }
}

/**
 * The packages the built decks in `outDir` ship, from each deck's list (src/slidev/build.ts
 * writes it at build time, from the modules in its bundle), beside the ones named above.
 */
function shippedDirs(outDir: string): string[] {
  const dirs = new Set(SHIPPED.map(s => `node_modules/${s.name}`))
  for (const deck of existsSync(outDir) ? readdirSync(outDir) : []) {
    const list = join(outDir, deck, SHIPPED_PACKAGES_FILE)
    if (!existsSync(list))
      continue
    for (const dir of JSON.parse(readFileSync(list, 'utf8')) as string[]) {
      if (typeof dir === 'string' && /^node_modules\//.test(dir) && !dir.split('/').includes('..') && existsSync(join(ROOT, dir, 'package.json')))
        dirs.add(dir)
    }
  }
  return [...dirs]
}

export function writeNotices(outDir: string): void {
  const dir = join(outDir, 'licenses')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'LICENSE.txt'), readFileSync(join(ROOT, 'LICENSE'), 'utf8'))
  // One section a package and version; the named ones first, with their words.
  const seen = new Set<string>()
  const sections: string[] = []
  const packages = shippedDirs(outDir).map(d => ({ ...packageInfo(join(ROOT, d)), shipped: SHIPPED.find(s => `node_modules/${s.name}` === d) }))
    .sort((a, b) => Number(!a.shipped) - Number(!b.shipped) || a.name.localeCompare(b.name) || a.version.localeCompare(b.version))
  for (const info of packages) {
    const key = `${info.name}@${info.version}`
    if (seen.has(key))
      continue
    seen.add(key)
    const licence = info.shipped?.licenceFile ? readFileSync(join(ROOT, 'src', 'site', 'licences', info.shipped.licenceFile), 'utf8') : info.text
    const text = [info.shipped?.notice, licence ?? `Licensed under ${info.license}.`].filter(Boolean).join('\n\n')
    sections.push(`<section><h2>${escapeHtml(info.shipped?.what ?? info.name)}</h2><p><code>${escapeHtml(key)}</code>: ${escapeHtml(info.license)}</p><pre>${escapeHtml(text.trim())}</pre></section>`)
  }
  writeFileSync(join(dir, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Licences: ${escapeHtml(KIT_NAME)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}pre{white-space:pre-wrap;font-size:13px;background:#f6f8fa;padding:.75rem;border-radius:4px;max-height:20rem;overflow:auto}a{color:#0b5d6b}</style>
</head><body>
<h1>Licences and third-party notices</h1>
<p>This training kit: <a href="./LICENSE.txt">LICENSE</a> (content CC BY 4.0, text adapted from Liberating Structures CC BY-SA 4.0, code MIT). The built decks also contain the work of others, under the licences below.</p>
${sections.join('\n')}
<p><a href="../">Back to the training</a></p>
</body></html>
`)
}
