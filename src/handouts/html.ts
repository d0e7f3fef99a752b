// The page around every printed handout (A4 portrait): the kit's font, inlined so the
// PDF needs nothing from any server, and print styles.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { escapeHtml } from '../output/html'

const require = createRequire(import.meta.url)
let fontCss: string | undefined

function fonts(): string {
  fontCss ??= [['400', 'normal'], ['700', 'normal']].map(([weight, style]) => {
    const file = require.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-${weight}-${style}.woff2`)
    const data = readFileSync(file).toString('base64')
    return `@font-face { font-family: 'Atkinson Hyperlegible'; font-weight: ${weight}; font-style: ${style}; src: url(data:font/woff2;base64,${data}) format('woff2'); }`
  }).join('\n')
  return fontCss
}

export function handoutPage(title: string, body: string, extraCss = '', language = 'en'): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
${fonts()}
@page { size: A4 portrait; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
body { font-family: 'Atkinson Hyperlegible', system-ui, sans-serif; color: #1b1f24; font-size: 10.5pt; line-height: 1.4; margin: 0; }
h1, h2, h3 { color: #0b5d6b; margin: 0 0 0.4em; line-height: 1.2; break-after: avoid; }
/* A table's header row repeats on each page it runs onto; a row is never split across pages. */
thead { display: table-header-group; } tr { break-inside: avoid; }
h1 { font-size: 20pt; } h2 { font-size: 14pt; } h3 { font-size: 11.5pt; }
.kicker { color: #4a5562; text-transform: uppercase; letter-spacing: 0.05em; font-size: 8.5pt; margin: 0 0 0.3em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #8c959f; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #e3f1f3; }
.muted { color: #4a5562; }
.footer { margin-top: 1.5em; font-size: 8pt; color: #4a5562; }
${extraCss}
</style></head><body>${body}</body></html>`
}
