// The join page in the cohort's look: its accent colour and logo, given to the page when the live
// server serves it (the page itself is built once for every cohort). The accent keeps WCAG AA
// contrast (src/cohort/schema.ts's contrastOnWhite): one that fails is darkened until it passes.
// The logo's bytes go through the cohort rules' own checks (src/cohort/content-rules.ts).
import { readFileSync } from 'node:fs'
import { contrastOnWhite } from '../cohort/schema'
import type { LoadedCohort } from '../cohort/load'
import { catalogueFor, LANGUAGES } from '../i18n/labels'

export interface JoinBrand {
  /** a `#rrggbb` colour with at least 4.5:1 on the page's background (and white on it) */
  accent?: string
  logo?: { bytes: Buffer, type: string }
  /** the logo's text alternative: the cohort's organisation */
  organisation?: string
}

/** The kit's own accent (styles/kit.css `--kit-accent`), the join page's colour without a cohort. */
export const KIT_ACCENT = '#0b5d6b'
/** The join page's background (src/live/join/join.css `body`): text in the accent sits on it. */
export const PAGE_BACKGROUND = '#f6f6f8'
const AA = 4.5
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i

const full = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map(c => c + c).join('')}` : hex).toLowerCase()

/** Contrast of `hex` on the page's background: contrast on white over the background's own. */
export const contrastOnPage = (hex: string) => contrastOnWhite(hex) / contrastOnWhite(PAGE_BACKGROUND)

/**
 * The accent the page uses: the cohort's when it has AA contrast as text on the page (and so as
 * white text on it), else the same hue darkened step by step until it has; the kit's own when
 * the cohort gives none or something that is not a colour.
 */
export function accessibleAccent(accent: string | undefined): string {
  if (!accent || !HEX.test(accent))
    return KIT_ACCENT
  let hex = full(accent)
  for (let i = 0; i < 100 && contrastOnPage(hex) < AA; i++) {
    const [r, g, b] = [1, 3, 5].map(at => Math.floor(Number.parseInt(hex.slice(at, at + 2), 16) * 0.95))
    hex = `#${[r, g, b].map(c => c.toString(16).padStart(2, '0')).join('')}`
  }
  return hex
}

const MIME = { svg: 'image/svg+xml', png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' } as const

/**
 * A logo's bytes as the page may show them, or why not (not an image, an SVG with a script).
 * The cohort rules are loaded only here: a server started without a cohort never needs them.
 */
export async function logoOf(bytes: Buffer): Promise<{ bytes: Buffer, type: string } | { problem: string }> {
  const { imageKind, svgProblem } = await import('../cohort/content-rules')
  const kind = imageKind(bytes)
  if (!kind)
    return { problem: 'the logo is not an SVG, PNG, JPEG or WebP image' }
  const why = kind === 'svg' ? svgProblem(bytes.toString('utf8')) : undefined
  return why ? { problem: why } : { bytes, type: MIME[kind] }
}

/** A checked cohort's brand for its join page (`npm run live -- <module> --cohort <id>`). */
export async function cohortBrand(loaded: LoadedCohort | undefined): Promise<JoinBrand | undefined> {
  const c = loaded?.cohort
  if (!loaded || !c)
    return undefined
  const brand: JoinBrand = { accent: accessibleAccent(c.branding.accent), organisation: c.organisation }
  if (c.branding.logo) {
    const logo = await logoOf(readFileSync(loaded.resolveFile(c.branding.logo)))
    if ('problem' in logo)
      console.warn(`The cohort's logo is left off the join page: ${logo.problem}`)
    else
      brand.logo = logo
  }
  return brand
}

const escapeAttribute = (text: string) => text.replace(/[&"<>]/g, ch => `&#${ch.charCodeAt(0)};`)

/** The kit's languages, `code:name` each in its own name (src/i18n/languages.ts): the phone's language switch. */
export const languagesMeta = () => LANGUAGES.map(code => `${code}:${catalogueFor(code)?.name ?? code}`).join(',')

/**
 * The join page's HTML as served: the kit's languages for the phone's language switch and the
 * brand in its head: the accent as a CSS variable (a checked hex colour, nothing else reaches
 * the style), and, with a logo, a meta naming its text alternative (the page shows `/logo`).
 * Without a brand the page keeps the kit's accent.
 */
export function brandedPage(html: string, brand: JoinBrand | undefined): string {
  const head = [
    `<meta name="kit-languages" content="${escapeAttribute(languagesMeta())}">`,
    ...(brand ? [`<style id="kit-brand">:root { --kit-accent: ${accessibleAccent(brand.accent)}; }</style>`] : []),
    ...(brand?.logo ? [`<meta name="kit-logo" content="${escapeAttribute(brand.organisation ?? '')}">`] : []),
  ].join('\n')
  return html.replace('</head>', `${head}\n</head>`)
}
