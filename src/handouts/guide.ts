// The facilitator guide: the preparation pages first (slides marked `prep: true`: what to do
// before the day), then the agenda, then every other slide as a thumbnail beside its notes
// and its minutes. Rendered one section at a time so each gets an exact bookmark.
//
// Notes print as the presenter view shows them (src/content/notes.ts): the glance first, shared
// notes included, and the variant blocks a session needs, each under its heading. A cohort's
// guide prints its own format and version (and both live and no-live: whether live mode runs
// is decided on the day); the generic guide prints every variant.
//
// The guide's own words (headings, table heads, the variants' headings) come from the kit's
// catalogue in the cohort's language (`translate`, src/i18n); the deck's text is the deck's.
import MarkdownIt from 'markdown-it'
import type { DeckSummary, LoadedDeck } from '../content/decks'
import { slideTitle } from '../content/decks'
import { type Format, GLANCE_LABEL, openingLabel, paragraphs, splitVariants, type Variant, VARIANT_LABELS, variantApplies } from '../content/notes'
import { withSharedNotes } from '../content/shared-notes'
import { fillPlaceholders } from '../content/placeholders'
import { blockRange, slideMinutes, type Version } from '../content/timing'
import { escapeHtml } from '../output/html'
import { translate } from '../i18n/labels'
import { handoutPage } from './html'
import { KIT_NAME, LICENCE_LINE } from '../content/licence'
import { clockTime, runSheet } from '../content/run-sheet'

// Notes are the kit's own Markdown; raw HTML in them is shown as text, not run.
const md = new MarkdownIt({ html: false, linkify: true })

export interface GuideSection { title: string, html: string }

/** A cohort's settings: the guide prints only the variants they call for. */
export interface GuideSettings { format: Format, version: Version }

/** Whether a variant's block goes in the guide: every one in the generic guide; for a cohort, its own. */
function printsVariant(variant: Variant, settings: GuideSettings | undefined): boolean {
  if (!settings || variant === 'live' || variant === 'no-live')
    return true
  return variantApplies(variant, { format: settings.format, version: settings.version, live: false })
}

/** A slide's notes as HTML: the glance, the common text and each printed variant under its heading (in `language`). */
export function renderNotes(note: string, settings?: GuideSettings, values?: Record<string, string>, language?: string): string {
  const { text: included, issues: includeIssues } = withSharedNotes(note)
  // The slide's own placeholders are filled as the deck is read; a shared note's here.
  const text = fillPlaceholders(included, values)
  const { segments, issues } = splitVariants(text)
  // A malformed note (the content check names it) prints as written.
  if (includeIssues.length || issues.length)
    return md.render(text)
  return segments.map((seg, i) => {
    if (!seg.block) {
      const paras = paragraphs(seg.text)
      if (i === 0 && paras[0] && openingLabel(paras[0]) === GLANCE_LABEL)
        return `<div class="glance">${md.render(paras[0])}</div>${md.render(paras.slice(1).join('\n\n'))}`
      return md.render(seg.text)
    }
    if (!seg.variant || !printsVariant(seg.variant, settings))
      return ''
    return `<div class="variant" data-variant="${seg.variant}"><p class="variant-label">${escapeHtml(translate(VARIANT_LABELS[seg.variant], language))}</p>${md.render(seg.text)}</div>`
  }).join('\n')
}

const CSS = `
/* A slide's row may run onto the next page (a long row kept whole left a page empty but for the
   section's heading, and still did not fit); its parts do not: the picture, the glance block, a
   paragraph, a list item, a variant. */
.slide { display: grid; grid-template-columns: 48% 1fr; gap: 5mm; padding: 3mm 0; border-bottom: 1px solid #c9d1d9; }
.slide img, .slide .meta, .slide .notes > *, .slide .notes li { break-inside: avoid; }
.slide img { width: 100%; border: 1px solid #8c959f; }
.slide .meta { font-weight: 700; color: #0b5d6b; margin-bottom: 2mm; break-after: avoid; }
.slide .notes p { margin: 0 0 2mm; }
.slide .notes .glance { background: #e3f1f3; border-left: 4px solid #0b5d6b; padding: 1.5mm 2.5mm; margin-bottom: 2mm; font-size: 11pt; }
.slide .notes .glance p { margin: 0; }
.slide .notes .variant { border-left: 3px solid #0b5d6b; padding-left: 2.5mm; margin: 0 0 2mm; }
.slide .notes .variant-label { font-weight: 700; color: #0b5d6b; text-transform: uppercase; letter-spacing: 0.04em; font-size: 8.5pt; margin: 0 0 1mm; }
/* Nothing after a section's last line: a row's bottom padding, border or margin alone once ran
   onto a page of its own, empty (module 3's guide). */
.slide:last-child { padding-bottom: 0; border-bottom: 0; }
.slide .notes > :last-child, .slide .notes .variant > :last-child, .slide .notes .variant > :last-child > :last-child { margin-bottom: 0; }
.badge { display: inline-block; border: 1.5px solid #0b5d6b; border-radius: 99px; padding: 0 6px; font-size: 8.5pt; margin-left: 4px; }
`

/**
 * The module on one page, first in the guide: its blocks with clock times from the session's
 * start (the cohort's start time where the deck is built for a cohort, else minutes from the
 * start), the checkpoint of each block and the cut list, in the order to drop blocks.
 */
export function renderRunSheet(deck: LoadedDeck, moduleName: string, language?: string): string {
  const t = (text: string, n?: number) => translate(text, language, n)
  const sheet = runSheet(deck.slides.map(s => ({ ...s.frontmatter, title: slideTitle(s) })), deck.headmatter)
  const start = /T(\d{2}:\d{2})/.exec(String((deck.headmatter.cohort as { start?: string } | undefined)?.start ?? ''))?.[1]
  const when = (from: number, to: number) => (start ? `${clockTime(start, from)}–${clockTime(start, to)}` : `${from}–${to}`)
  const rows = sheet.blocks.map(b => `<tr><td>${when(b.start, b.end)}</td><td>${escapeHtml(b.title)}</td><td>${escapeHtml(t('{n} min', b.end - b.start))}</td><td>${escapeHtml(b.checkpoint ?? '')}</td><td>${b.cut ?? ''}</td></tr>`)
  const last = sheet.blocks.at(-1)?.end ?? 0
  if (sheet.buffer)
    rows.push(`<tr><td>${when(last, last + sheet.buffer)}</td><td>${escapeHtml(t('Buffer'))}</td><td>${escapeHtml(t('{n} min', sheet.buffer))}</td><td>${escapeHtml(t('Kept free: spend it where the room is most alive, or finish early.'))}</td><td></td></tr>`)
  const from = start ? t('Clock times from the session\'s start at {start}.').replace('{start}', start) : t('Minutes from the session\'s start.')
  return `<p class="kicker">${escapeHtml(t('Facilitator guide'))} · ${escapeHtml(moduleName)}</p>
    <h1>${escapeHtml(t('Run sheet'))}</h1>
    <p>${escapeHtml(from)} ${escapeHtml(t('{n} minutes in all. The presenter view shows the same run sheet, and the time you are ahead or behind.', sheet.minutes))}</p>
    <table data-testid="run-sheet"><thead><tr><th>${escapeHtml(t('When'))}</th><th>${escapeHtml(t('Block'))}</th><th>${escapeHtml(t('Length'))}</th><th>${escapeHtml(t('Checkpoint'))}</th><th>${escapeHtml(t('Cut'))}</th></tr></thead><tbody>
    ${rows.join('\n')}
    </tbody></table>
    ${sheet.cutList.length ? `<h2>${escapeHtml(t('Cut list'))}</h2><p>${escapeHtml(t('Running late? Drop whole blocks, in this order; never squeeze the rounds:'))}</p><ol>${sheet.cutList.map(b => `<li>${escapeHtml(b.title)} (${escapeHtml(t('{n} min', b.end - b.start))})</li>`).join('')}</ol>` : ''}
    <p class="footer">${escapeHtml(t(KIT_NAME))} · ${escapeHtml(t(LICENCE_LINE))}</p>`
}

export function renderGuideSections(deck: LoadedDeck, summary: DeckSummary, thumbnails: string[], moduleName: string, cohort?: string, settings?: GuideSettings, language?: string): GuideSection[] {
  const t = (text: string, n?: number) => translate(text, language, n)
  const h = (text: string, n?: number) => escapeHtml(t(text, n))
  const lang = language ?? 'en'
  const page = (title: string, body: string) => handoutPage(title, body, CSS, lang)
  const front = `
    <p class="kicker">${h('Facilitator guide')} · ${escapeHtml(moduleName)}</p>
    <h1>${escapeHtml(summary.title)}</h1>
    ${cohort ? `<p class="cohort"><strong>${escapeHtml(cohort)}</strong></p>` : ''}
    <p class="muted">${settings ? escapeHtml(t('Notes for this cohort: {format}, {version}, with and without live mode.').replace('{format}', t(VARIANT_LABELS[settings.format]).toLowerCase()).replace('{version}', t(VARIANT_LABELS[settings.version]).toLowerCase())) : h('Notes for every way of running a session: each variant under its heading (in person, online, hybrid, live mode or not, full or short version, same community).')}</p>
    ${summary.subtitle ? `<p>${escapeHtml(summary.subtitle)}</p>` : ''}
    <p><strong>${h('{n} minutes', summary.minutes)}</strong> · ${h('{n} slides', summary.slideCount)}</p>
    <h2>${h('Learning objectives')}</h2>
    <p>${h('Participants can…')}</p>
    <ol>${summary.objectives.map(o => `<li>${escapeHtml(o)}</li>`).join('')}</ol>
    <h2>${h('Agenda')}</h2>
    <table><thead><tr><th>${h('Minutes')}</th><th>${h('Block')}</th><th>${h('Activities')}</th></tr></thead><tbody>
    ${summary.agenda.map(b => `<tr><td>${blockRange(b)}</td><td>${escapeHtml(b.title)}</td><td>${b.activities.map(a => `${escapeHtml(a.title)} (${h('{n} min', a.minutes)})`).join('<br>')}</td></tr>`).join('')}
    </tbody></table>
    <p class="footer">${escapeHtml(t(KIT_NAME))} · ${escapeHtml(t(LICENCE_LINE))}</p>`

  const slideHtml = (index: number) => {
    const slide = deck.slides[index]
    const minutes = slideMinutes(slide.frontmatter, index)
    return `<div class="slide" data-slide="${slide.number}">
        <img src="${thumbnails[index]}" alt="${h('Slide {n}', slide.number)}">
        <div>
          <div class="meta">${h('Slide {n}', slide.number)}: ${escapeHtml(slideTitle(slide))}
            ${minutes ? `<span class="badge">${h('{n} min', minutes)}</span>` : ''}
            ${slide.frontmatter.layout === 'activity' ? `<span class="badge">${h('activity')}</span>` : ''}
          </div>
          <div class="notes">${renderNotes(slide.note, settings, (deck.headmatter.cohort as { values?: Record<string, string> } | undefined)?.values, language)}</div>
        </div>
      </div>`
  }
  const isPrep = (index: number) => deck.slides[index].frontmatter.prep === true
  const prep = deck.slides.map((_, i) => i).filter(isPrep)

  const sections: GuideSection[] = [{ title: t('Run sheet'), html: page(`${summary.title}: ${t('run sheet')}`, renderRunSheet(deck, moduleName, language)) }]
  if (prep.length) {
    const html = `<p class="kicker">${h('Facilitator guide')} · ${escapeHtml(moduleName)}</p><h1>${h('Preparation')}</h1><p>${h('Before the day: materials, room set-up in person and online, how participants reach the boards, helpers, pre-work, what to print.')}</p>${prep.map(slideHtml).join('\n')}`
    sections.push({ title: t('Preparation'), html: page(`${summary.title}: ${t('preparation')}`, html) })
  }
  sections.push({ title: t('Agenda and objectives'), html: page(`${summary.title}: ${t('facilitator guide')}`, front) })
  // Slides before the first agenda block (the title) go with the first block.
  const starts = summary.agenda.map(b => b.slideIndex)
  starts[0] = 0
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? deck.slides.length
    const block = summary.agenda[i]
    const indexes = Array.from({ length: end - start }, (_, k) => start + k).filter(index => !isPrep(index))
    const body = indexes.map(slideHtml).join('\n')
    const html = `<p class="kicker">${escapeHtml(moduleName)} · ${blockRange(block)} min</p><h2>${escapeHtml(block.title)}</h2>${body}`
    sections.push({ title: `${blockRange(block)} ${block.title}`, html: page(block.title, html) })
  })
  return sections
}
