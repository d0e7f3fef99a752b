// What a deck costs to open: the JS and CSS a browser loads before slide 1 is drawn, as gzip
// bytes. Measured in Chromium from the network responses of the built site (what Slidev's
// client really imports for slide 1, lazy chunks included), each body gzipped here so the
// figure does not depend on the web server. The limit is the kit's budget (issue 21).
// Run: npx tsx src/site/first-load.ts [site dir, default dist/]
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { launchChromium } from '../chromium'
import { paths } from '../paths'
import { serveSite } from '../output/serve'

export const FIRST_LOAD_BUDGET_KB = 220

export interface FirstLoad {
  deck: string
  /** gzip bytes of every JS and CSS file loaded before slide 1 was drawn */
  bytes: number
  files: { url: string, bytes: number }[]
}

/** The decks of a built site: its folders that hold an index.html. */
export function builtDecks(siteDir: string): string[] {
  return readdirSync(siteDir, { withFileTypes: true })
    .filter(d => d.isDirectory() && existsSync(join(siteDir, d.name, 'index.html')) && !['handouts', 'licenses'].includes(d.name))
    .map(d => d.name)
    .sort()
}

/** Opens each deck of a built site (served from `/`) at slide 1 and sums what it loaded. */
export async function measureFirstLoad(siteDir: string, decks = builtDecks(siteDir)): Promise<FirstLoad[]> {
  const site = await serveSite(siteDir, 0, '127.0.0.1')
  const browser = await launchChromium()
  try {
    const results: FirstLoad[] = []
    for (const deck of decks) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
      const page = await context.newPage()
      const pending: Promise<{ url: string, bytes: number } | undefined>[] = []
      let drawn = false
      page.on('response', (response) => {
        if (drawn)
          return
        const url = response.url()
        const type = response.request().resourceType()
        if (type !== 'script' && type !== 'stylesheet' && !/\.(?:m?js|css)(?:\?|$)/.test(url))
          return
        pending.push(response.body().then(body => ({ url: url.slice(site.url.length), bytes: gzipSync(body).length }), () => undefined))
      })
      await page.goto(`${site.url}/${deck}/#/1`)
      await page.locator('.slidev-page-1').first().waitFor({ state: 'visible', timeout: 120_000 })
      drawn = true
      const files = (await Promise.all(pending)).filter(f => f !== undefined)
      results.push({ deck, bytes: files.reduce((n, f) => n + f.bytes, 0), files })
      await context.close()
    }
    return results
  }
  finally {
    await browser.close()
    await site.close()
  }
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1)

async function cli() {
  const siteDir = process.argv[2] ?? paths.dist
  const results = await measureFirstLoad(siteDir)
  console.log(`First load of slide 1, JS + CSS gzip (budget ${FIRST_LOAD_BUDGET_KB} KB):\n\n| deck | KB | files |\n|---|---|---|`)
  for (const r of results)
    console.log(`| ${r.deck} | ${kb(r.bytes)} | ${r.files.length} |`)
  if (process.argv.includes('--files')) {
    for (const r of results)
      console.log(`\n${r.deck}:\n${r.files.sort((a, b) => b.bytes - a.bytes).map(f => `  ${kb(f.bytes).padStart(7)} KB  ${f.url}`).join('\n')}`)
  }
  process.exitCode = results.every(r => r.bytes <= FIRST_LOAD_BUDGET_KB * 1024) ? 0 : 1
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  cli().catch((e) => { console.error(e instanceof Error ? e.message : e); process.exit(1) })
