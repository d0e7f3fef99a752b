// What prints is measured in Chromium: the filled stakeholder worksheet's labels never overlap
// or leave the grid, and a board slide in the slides PDF (the print route) shows the grid at a
// legible size with its quadrant names apart.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stakeholderMap } from '../../src/boards/stakeholder-map/model'
import { ROOT } from '../../src/paths'
import { listDecks } from '../../src/content/decks'
import { renderWorksheet } from '../../src/handouts/worksheets'
import { useSiteBrowser } from '../support/site-browser'

interface Box { x: number, y: number, width: number, height: number, what: string }
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const inside = (a: Box, outer: Box) => a.x >= outer.x - 0.5 && a.y >= outer.y - 0.5 && a.x + a.width <= outer.x + outer.width + 0.5 && a.y + a.height <= outer.y + outer.height + 0.5

/** Every label on a grid (quadrant names, and each dot with its number) and the plotting area, in page pixels. */
async function gridBoxes(page: Page, svg: string, quadrant: string, dot: string) {
  return page.evaluate(({ svg, quadrant, dot }) => {
    const box = (el: Element, what: string) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height, what } }
    const root = document.querySelector(svg)!
    return {
      svg: box(root, 'svg'),
      area: box(root.querySelector('rect')!, 'grid'),
      quadrants: Array.from(root.querySelectorAll(quadrant)).map(q => box(q, `quadrant ${q.textContent}`)),
      dots: Array.from(root.querySelectorAll(dot)).map((g) => {
        const c = box(g.querySelector('circle')!, 'dot')
        const t = box(g.querySelector('text')!, 'number')
        // The dot and its number as one label.
        const x = Math.min(c.x, t.x)
        const y = Math.min(c.y, t.y)
        return { x, y, width: Math.max(c.x + c.width, t.x + t.width) - x, height: Math.max(c.y + c.height, t.y + t.height) - y, what: `dot ${g.getAttribute('data-number')}` }
      }),
    }
  }, { svg, quadrant, dot })
}

function expectApartAndInside(boxes: Awaited<ReturnType<typeof gridBoxes>>) {
  const labels = [...boxes.quadrants, ...boxes.dots]
  for (const [i, a] of labels.entries()) {
    expect(inside(a, boxes.area), `${a.what} inside the grid`).toBe(true)
    for (const b of labels.slice(i + 1))
      expect(intersects(a, b), `${a.what} and ${b.what}`).toBe(false)
  }
}

const site = useSiteBrowser()
let page: Page
beforeAll(async () => {
  page = await site.browser.newPage({ viewport: { width: 980, height: 552 } })
})
afterAll(() => page?.close())

describe('the filled stakeholder worksheet', () => {
  const lanternfish = JSON.parse(readFileSync(join(ROOT, 'examples/lanternfish/m2-board-stakeholder-map.json'), 'utf8')).data
  const person = (i: number, power: number, interest: number) => ({ id: `p${i}`, name: `Stakeholder with a long name number ${i}`, category: 'partner' as const, power, interest, currentEngagement: '' as const, preferredChannel: '', relationshipOwner: '' })
  const cases = {
    'the worked example': lanternfish,
    'twelve in one corner cell and more around it': { threshold: 3, stakeholders: [...Array.from({ length: 12 }, (_, i) => person(i, 5, 5)), ...Array.from({ length: 8 }, (_, i) => person(20 + i, 1 + (i % 5), 1)), person(40, 3, 3)] },
  }
  for (const [name, data] of Object.entries(cases)) {
    it(`numbers the dots, names them in a key beside the grid, and no label overlaps another or leaves the grid: ${name}`, async () => {
      await page.emulateMedia({ media: 'print' })
      await page.setViewportSize({ width: 688, height: 1000 })
      await page.setContent(renderWorksheet({ boardId: 'm2-board-stakeholder-map', kind: stakeholderMap.kind, data, moduleName: 'Module 2', exerciseTitle: 'Stakeholder map' }), { waitUntil: 'load' })
      await page.evaluate(() => document.fonts.ready)
      const boxes = await gridBoxes(page, 'svg.grid', 'text.quadrant', 'g.dot')
      expect(boxes.dots).toHaveLength(data.stakeholders.length)
      expect(boxes.quadrants).toHaveLength(4)
      expectApartAndInside(boxes)
      // The key sits beside the grid, not over it.
      const key = await page.locator('ol.key').boundingBox()
      expect(key!.x).toBeGreaterThanOrEqual(boxes.svg.x + boxes.svg.width)
      expect(await page.locator('ol.key li').allTextContents()).toEqual(data.stakeholders.map((s: { name: string }) => s.name))
    })
  }
})

describe('a board slide in the slides PDF', () => {
  it('the print route shows the stakeholder grid at a legible size, its quadrant names apart and on the slide', async () => {
    await page.setViewportSize({ width: 980, height: 552 })
    await page.emulateMedia({ media: 'screen' })
    await page.goto(`${site.url}/02-community-of-practice/?print=true#/print`, { waitUntil: 'networkidle' })
    const slide = page.locator('.print-slide-container', { has: page.locator('.kit-worksheet-quadrant') }).first()
    await slide.waitFor()
    await page.evaluate(() => document.fonts.ready)
    const boxes = await gridBoxes(page, '.print-slide-container .kit-worksheet-grid', '.kit-worksheet-quadrant', '.kit-worksheet-dot')
    // The grid takes most of the slide's height (552 px), not a thumbnail.
    expect(boxes.svg.height).toBeGreaterThan(250)
    expectApartAndInside(boxes)
    const fontSizes = await page.locator('.print-slide-container .kit-worksheet-quadrant').evaluateAll(els => els.map(e => Number.parseFloat(getComputedStyle(e).fontSize)))
    for (const size of fontSizes)
      expect(size).toBeLessThanOrEqual(14)
    const container = await slide.boundingBox()
    expect(boxes.svg.y + boxes.svg.height).toBeLessThanOrEqual(container!.y + container!.height)
    expect(boxes.svg.x + boxes.svg.width).toBeLessThanOrEqual(container!.x + container!.width)
  })

  it('every board slide\'s worksheet fits its slide: nothing runs off the bottom or the side', async () => {
    await page.setViewportSize({ width: 980, height: 552 })
    await page.emulateMedia({ media: 'screen' })
    const overflows: string[] = []
    for (const deck of listDecks()) {
      await page.goto(`${site.url}/${deck.name}/?print=true#/print`, { waitUntil: 'networkidle' })
      await page.locator('.print-slide-container').first().waitFor()
      await page.evaluate(() => document.fonts.ready)
      overflows.push(...await page.evaluate(name => Array.from(document.querySelectorAll('.print-slide-container')).filter(c => c.querySelector('.kit-worksheet')).flatMap((c) => {
        const slide = c.getBoundingClientRect()
        const sheet = c.querySelector('.kit-worksheet')!
        return Array.from(sheet.querySelectorAll('*')).map(e => e.getBoundingClientRect()).filter(r => r.width > 0 && (r.bottom > slide.bottom + 0.5 || r.right > slide.right + 0.5))
          .slice(0, 1).map(r => `${name}: ${sheet.getAttribute('data-kind')} runs ${Math.round(Math.max(r.bottom - slide.bottom, r.right - slide.right))} px off its slide`)
      }), deck.name))
    }
    expect(overflows).toEqual([])
  })
})
