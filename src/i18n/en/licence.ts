// The kit's licences, stated once: every footer, PDF and page the kit distributes takes its
// licence line from here, so the built site, the worksheets and the guides say what LICENSE says.
// Beside the English catalogue: its sentences are catalogue keys (src/i18n/<lang>/ translates them).
// Content is CC BY 4.0; text adapted from Liberating Structures is CC BY-SA 4.0 and marked where it
// is used; code is MIT; fonts (OFL 1.1) and icons (Apache-2.0) keep their own licences, whose texts
// the built site ships under licenses/ (src/site/notices.ts).

export const KIT_NAME = 'Foundational Community Building and Engagement Training'
export const KIT_AUTHOR = `The ${KIT_NAME} contributors`

export const LICENCES = {
  content: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  shareAlike: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  code: { name: 'MIT', url: 'https://opensource.org/license/mit' },
} as const

/** One line for a printed page or a PDF's metadata. */
export const LICENCE_LINE = `Content ${LICENCES.content.name} (${LICENCES.content.url}); text adapted from Liberating Structures, marked where it is used, ${LICENCES.shareAlike.name} (${LICENCES.shareAlike.url}); code ${LICENCES.code.name}; Carbon icons (IBM), Apache-2.0; fonts Atkinson Hyperlegible and Fira Code, OFL-1.1. Frameworks are credited where they are used and on each deck's references slide.`

/** The sentence of the HTML line, a catalogue key: its {links} are filled in by licenceHtml. */
export const LICENCE_HTML_TEXT = 'Content: {content}; text adapted from Liberating Structures, marked where it is used: {shareAlike}; code: {code}; Carbon icons (IBM): Apache-2.0; fonts Atkinson Hyperlegible and Fira Code: OFL-1.1. Frameworks are credited on the slides where they are used and on each deck\'s references slide. {notices}.'
export const LICENCE_NOTICES = 'Licences and third-party notices'

/**
 * The same as HTML with links, for the built site's pages; `t` says the words in the page's
 * language (translate from src/i18n/labels.ts; English by default).
 */
export function licenceHtml(t: (text: string) => string = text => text): string {
  const link = (href: string, text: string) => `<a href="${href}">${text.replace(/[&<>"]/g, c => `&#${c.charCodeAt(0)};`)}</a>`
  const parts: Record<string, string> = {
    content: link(LICENCES.content.url, LICENCES.content.name),
    shareAlike: link(LICENCES.shareAlike.url, LICENCES.shareAlike.name),
    code: LICENCES.code.name,
    notices: link('./licenses/', t(LICENCE_NOTICES)),
  }
  return t(LICENCE_HTML_TEXT).replace(/[&<>"]/g, c => `&#${c.charCodeAt(0)};`).replace(/\{(\w+)\}/g, (all, key: string) => parts[key] ?? all)
}

export const LICENCE_HTML = licenceHtml()
