// The licences and third-party notices the built site carries (dist/licenses/): the kit's LICENSE,
// and the licence text of every package whose code, fonts or icons ship inside the decks (MIT and
// ISC notices must travel with copies; the fonts' OFL 1.1 and the Carbon icons' Apache-2.0 ask
// for their licence texts). Linked from the landing page's footer.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { KIT_NAME } from '../content/licence'
import { ROOT } from '../paths'
import { escapeHtml } from '../output/html'

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

function packageInfo(name: string): { version: string, license: string, text?: string } {
  const dir = join(ROOT, 'node_modules', name)
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string, license?: string }
  const file = existsSync(dir) ? readdirSync(dir).find(f => /^(?:licen[cs]e|copying)(?:\.(?:md|txt))?$/i.test(f)) : undefined
  return { version: pkg.version, license: pkg.license ?? 'see the package', text: file ? readFileSync(join(dir, file), 'utf8') : undefined }
}

export function writeNotices(outDir: string): void {
  const dir = join(outDir, 'licenses')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'LICENSE.txt'), readFileSync(join(ROOT, 'LICENSE'), 'utf8'))
  const sections = SHIPPED.map(({ name, what, notice, licenceFile }) => {
    const info = packageInfo(name)
    const licence = licenceFile ? readFileSync(join(ROOT, 'src', 'site', 'licences', licenceFile), 'utf8') : info.text
    const text = [notice, licence ?? `Licensed under ${info.license}.`].filter(Boolean).join('\n\n')
    return `<section><h2>${escapeHtml(what)}</h2><p><code>${escapeHtml(name)}@${escapeHtml(info.version)}</code>: ${escapeHtml(info.license)}</p><pre>${escapeHtml(text.trim())}</pre></section>`
  })
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
