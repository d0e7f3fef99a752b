// What the projector shows of an individual board (components in src/boards/ui/OwnProgress.vue),
// measured in the page: shared by the own-board browser tests.
import type { Page } from 'playwright-core'

/** The projected own board: the slide's scale, its smallest text (in screen px), its controls, what lies past the slide. */
export const projected = (page: Page, scope = '') => page.evaluate((scope) => {
  const slide = document.querySelector('#slide-content, .slidev-page')!.getBoundingClientRect()
  const scale = slide.width / 980
  const own = document.querySelector(`${scope} [data-testid="own-progress"]`)!
  let smallest = Infinity
  for (const el of own.querySelectorAll<HTMLElement>('*')) {
    const text = [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())
    const r = el.getBoundingClientRect()
    if (text && r.width > 0 && r.height > 0)
      smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(el).fontSize) * scale)
  }
  const outside = [...own.querySelectorAll<HTMLElement>('*')]
    .filter((el) => {
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && (r.bottom > slide.bottom + 0.5 || r.right > slide.right + 0.5)
    })
    .map(el => `${el.tagName.toLowerCase()}.${el.className} ${(el.textContent ?? '').trim().slice(0, 30)}`)
  const controls = [...own.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [role="button"]')]
    .filter(el => !el.matches(':disabled'))
    .map(el => (el.textContent ?? '').trim() || el.outerHTML.slice(0, 60))
  return { smallest: Math.round(smallest * 10) / 10, outside, controls }
}, scope)
