// The cohort's look on the join page: an accent that keeps AA contrast whatever the cohort gives,
// a logo through the cohort rules' checks, and nothing but checked values in the page's head.
import { describe, expect, it } from 'vitest'
import { contrastOnWhite } from '../../src/cohort/schema'
import { accessibleAccent, brandedPage, contrastOnPage, KIT_ACCENT, logoOf } from '../../src/live/join-brand'

const HTML = '<!doctype html><html><head><title>x</title></head><body></body></html>'

describe('the join page\'s accent', () => {
  it('is the cohort\'s when it has AA contrast on the page, so white text on it too', () => {
    expect(accessibleAccent('#7a2e8e')).toBe('#7a2e8e')
    expect(accessibleAccent('#0B5D6B')).toBe('#0b5d6b')
    expect(contrastOnWhite(accessibleAccent('#7a2e8e'))).toBeGreaterThanOrEqual(4.5)
  })

  it('is darkened, same hue, until it passes, when the cohort\'s fails AA (light, or just under on the grey page)', () => {
    for (const light of ['#f4a261', '#ffff00', '#2a9d8f', '#777', '#ffffff', '#757575']) {
      const used = accessibleAccent(light)
      expect(contrastOnPage(used), light).toBeGreaterThanOrEqual(4.5)
      expect(contrastOnWhite(used), light).toBeGreaterThanOrEqual(4.5)
      expect(used, light).not.toBe(light)
    }
    // Same hue: orange stays orange (red above green above blue).
    const [r, g, b] = [1, 3, 5].map(i => Number.parseInt(accessibleAccent('#f4a261').slice(i, i + 2), 16))
    expect(r > g && g > b).toBe(true)
  })

  it('is the kit\'s without a colour', () => {
    expect(accessibleAccent(undefined)).toBe(KIT_ACCENT)
    expect(accessibleAccent('red; } body { display: none')).toBe(KIT_ACCENT)
  })
})

describe('the join page\'s head', () => {
  it('carries the checked accent, the logo\'s text as an attribute, and the kit\'s languages', () => {
    const page = brandedPage(HTML, { accent: 'url(x)', logo: { bytes: Buffer.from('<svg/>'), type: 'image/svg+xml' }, organisation: 'A "quoted" <b>org</b> & co' })
    expect(page).toContain(`:root { --kit-accent: ${KIT_ACCENT}; }`)
    expect(page).toContain('<meta name="kit-logo" content="A &#34;quoted&#34; &#60;b&#62;org&#60;/b&#62; &#38; co">')
    expect(page).toContain('<meta name="kit-languages" content="en:English,es:Español">')
    expect(page.indexOf('kit-languages')).toBeLessThan(page.indexOf('</head>'))
    expect(brandedPage(HTML, undefined)).not.toContain('kit-accent')
  })

  it('shows a logo only when its bytes are an image without scripts (the cohort rules)', async () => {
    await expect(logoOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'))).resolves.toMatchObject({ type: 'image/svg+xml' })
    await expect(logoOf(Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]))).resolves.toMatchObject({ type: 'image/png' })
    await expect(logoOf(Buffer.from('<svg><script>alert(1)</script></svg>'))).resolves.toEqual({ problem: expect.stringMatching(/<script>/) })
    await expect(logoOf(Buffer.from('not an image'))).resolves.toEqual({ problem: expect.stringMatching(/not an SVG, PNG/) })
  })
})
