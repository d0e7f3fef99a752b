// The handout people print: three slides a page, each with ruled lines beside it for notes,
// in the cohort's language and with its name, session date and logo in the header.
import { escapeHtml } from '../output/html'
import { handoutPage } from './html'
import { translate } from '../i18n/labels'
import { KIT_NAME, LICENCE_LINE } from '../content/licence'
import type { WorksheetHeader } from './worksheets'
import { headerHtml, HEADER_CSS } from './worksheets'

export interface NotesHandoutInput {
  /** each slide's title (the image's text alternative) and its picture as a data URL */
  slides: { title: string, image: string }[]
  header: WorksheetHeader
  title: string
  language: string
  /** lines beside each slide */
  lines?: number
}

export const SLIDES_PER_PAGE = 3

const CSS = `
.page { break-after: page; display: flex; flex-direction: column; gap: 5mm; }
.page:last-child { break-after: auto; }
.row { display: grid; grid-template-columns: 100mm 1fr; gap: 6mm; align-items: start; break-inside: avoid; }
.row img { width: 100mm; height: 56.3mm; border: 1px solid #8c959f; display: block; }
.row .n { font-size: 8pt; color: #4a5562; margin: 0 0 1mm; }
.lines div { border-bottom: 1px solid #8c959f; height: 7.2mm; }
${HEADER_CSS}
`

export function renderNotesHandout({ slides, header, title, language, lines = 8 }: NotesHandoutInput): string {
  const t = (s: string) => translate(s, language)
  const pages: string[] = []
  for (let i = 0; i < slides.length; i += SLIDES_PER_PAGE) {
    const rows = slides.slice(i, i + SLIDES_PER_PAGE).map((s, k) => `<div class="row" data-slide="${i + k + 1}">
        <div><p class="n">${escapeHtml(t('Slide'))} ${i + k + 1}</p><img src="${s.image}" alt="${escapeHtml(s.title)}"></div>
        <div><p class="n">${escapeHtml(t('Notes'))}</p><div class="lines">${'<div></div>'.repeat(lines)}</div></div>
      </div>`).join('\n')
    pages.push(`<section class="page">${i === 0 ? `${headerHtml(header)}<p class="kicker">${escapeHtml(header.moduleName)}</p><h1>${escapeHtml(title)}</h1>` : ''}${rows}${i + SLIDES_PER_PAGE >= slides.length ? `<p class="footer">${escapeHtml(t(KIT_NAME))} · ${escapeHtml(t(LICENCE_LINE))}</p>` : ''}</section>`)
  }
  return handoutPage(`${title}: ${t('Notes')}`, pages.join('\n'), CSS, language)
}
