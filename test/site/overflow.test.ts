// No slide's content runs off the slide: every slide of every deck, as the projector shows it at
// 1280×720. Slidev clips what reaches past its 980×552 canvas, so the room would never see it
// (module 2's references slide lost its last entries that way). Text a board shortens with an
// ellipsis, and screen-reader-only text, are not overflow.
import { describe, expect, it } from 'vitest'
import { loadDecks } from '../support/kit-pages'
import { useSiteBrowser } from '../support/site-browser'

const env = useSiteBrowser()

describe('every slide fits its slide', () => {
  it('has no content past the slide\'s edges, in any deck', async () => {
    const decks = await loadDecks()
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    const found: string[] = []
    try {
      for (const deck of decks) {
        await page.goto(`${env.url}/${deck.ref.name}/#/1`, { waitUntil: 'networkidle' })
        for (const slide of deck.slides) {
          const n = slide.number
          await page.evaluate(to => { location.hash = `#/${to}` }, n)
          await page.locator(`.slidev-page-${n}`).first().waitFor({ state: 'visible' })
          await page.evaluate(() => document.fonts.ready)
          await page.waitForFunction(() => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'))
          const outside = await page.evaluate((no) => {
            const canvas = document.querySelector('#slide-content')!.getBoundingClientRect()
            const root = document.querySelector(`.slidev-page-${no}`)!
            const shown = (el: Element) => el.getClientRects().length > 0 && !el.closest('dialog:not([open]), .sr-only, [aria-hidden="true"]')
            const out: string[] = []
            for (const el of root.querySelectorAll('*')) {
              if (!shown(el) || el.closest('dialog'))
                continue
              const r = el.getBoundingClientRect()
              if (r.width > 0 && r.height > 0 && (r.bottom > canvas.bottom + 2 || r.right > canvas.right + 2 || r.top < canvas.top - 2 || r.left < canvas.left - 2))
                out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 50)}" (${Math.round(r.bottom - canvas.bottom)} px below, ${Math.round(r.right - canvas.right)} px right)`)
            }
            // The outermost offender says enough; its children are past the edge with it.
            return out.slice(0, 2)
          }, n)
          for (const o of outside)
            found.push(`${deck.ref.name} slide ${n} (${slide.frontmatter.id}): ${o}`)
        }
      }
    }
    finally {
      await context.close()
    }
    expect(found, found.join('\n')).toEqual([])
  }, 600_000)
})
