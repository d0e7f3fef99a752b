// The built site (shared by the site project, see global-site.ts) served on a free port, and one
// quiet Chromium, opened before a file's tests and closed after them.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { launchChromium } from '../../src/chromium'
import { serveSite } from '../../src/output/serve'

export interface SiteBrowser {
  readonly url: string
  readonly browser: Browser
}

export function useSiteBrowser(): SiteBrowser {
  let site: { url: string, close: () => Promise<void> } | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    site = await serveSite(inject('siteDir'), 0)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })
  return {
    get url() { return site!.url },
    get browser() { return browser! },
  }
}
