// Finishing touches on PDFs printed by Chromium: metadata and one bookmark per section.
import type { LoadedDeck } from '../content/decks'
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, type PDFRef } from 'pdf-lib'
import { KIT_AUTHOR, LICENCE_LINE } from '../content/licence'

export interface Bookmark { title: string, pageIndex: number }

export interface PdfInfo {
  title: string
  /** the module's name */
  subject: string
  keywords?: string[]
  /** the document's language (BCP 47), for screen readers */
  language?: string
  bookmarks: Bookmark[]
}

/** What a handout's metadata needs of a deck: its number and title, and the cohort's details from its headmatter. */
export interface HandoutDeck {
  number: number
  title: string
  /** `cohort` of a composed deck's headmatter (src/cohort/compose.ts) */
  cohort?: { name: string, start: string, language?: string }
}

/** A deck as its handouts' metadata sees it: a cohort's composed deck carries the cohort in its headmatter. */
export function handoutDeck(deck: Pick<LoadedDeck, 'headmatter' | 'ref'>): HandoutDeck {
  const cohort = deck.headmatter.cohort as HandoutDeck['cohort'] | undefined
  return { number: deck.ref.number, title: String(deck.headmatter.title ?? deck.ref.slug), ...(cohort ? { cohort } : {}) }
}

export type HandoutWhat = 'slides' | 'facilitator guide' | 'worksheets'

const WORDS: Record<string, Record<HandoutWhat | 'Module' | 'Welcome', string>> = {
  en: { 'slides': 'slides', 'facilitator guide': 'facilitator guide', 'worksheets': 'worksheets', 'Module': 'Module', 'Welcome': 'Welcome' },
  es: { 'slides': 'diapositivas', 'facilitator guide': 'guía de facilitación', 'worksheets': 'hojas de trabajo', 'Module': 'Módulo', 'Welcome': 'Bienvenida' },
}

/**
 * A handout's title, subject, keywords and language. For a cohort's deck (its headmatter
 * carries the cohort), in the cohort's language and with its name and session date:
 * "Fundamentos: hojas de trabajo · Red Bogotá, 4 de marzo de 2027". Otherwise in English.
 */
export function handoutInfo(what: HandoutWhat, deck: HandoutDeck): Omit<PdfInfo, 'bookmarks'> {
  const language = deck.cohort?.language && WORDS[deck.cohort.language] ? deck.cohort.language : 'en'
  const w = WORDS[language]
  const moduleName = deck.number === 0 ? w.Welcome : `${w.Module} ${deck.number}: ${deck.title}`
  if (!deck.cohort)
    return { title: `${deck.title}: ${w[what]}`, subject: moduleName, keywords: [moduleName], language }
  const { name, start } = deck.cohort
  // The session's date as written in cohort.yaml (a wall-clock date in the cohort's zone).
  const date = /^\d{4}-\d\d-\d\d/.test(start)
    ? new Date(`${start.slice(0, 10)}T12:00:00Z`).toLocaleDateString(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    : start
  return {
    title: `${deck.title}: ${w[what]} · ${name}, ${date}`,
    subject: `${moduleName} · ${name}, ${date}`,
    keywords: [moduleName, name],
    language,
  }
}

export async function finishPdf(bytes: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes)
  doc.setTitle(info.title, { showInWindowTitleBar: true })
  doc.setSubject(info.subject)
  doc.setAuthor(KIT_AUTHOR)
  doc.setCreator('community-training-kit')
  doc.setProducer('Chromium and pdf-lib')
  doc.setKeywords([...(info.keywords ?? [info.subject]), LICENCE_LINE])
  if (info.language)
    doc.setLanguage(info.language)
  addBookmarks(doc, info.bookmarks.filter(b => b.pageIndex < doc.getPageCount()))
  return doc.save()
}

function addBookmarks(doc: PDFDocument, bookmarks: Bookmark[]): void {
  if (bookmarks.length === 0)
    return
  const ctx = doc.context
  const pages = doc.getPages()
  const outlinesRef = ctx.nextRef()
  const refs: PDFRef[] = bookmarks.map(() => ctx.nextRef())
  bookmarks.forEach((b, i) => {
    const entry = new Map<PDFName, any>([
      [PDFName.of('Title'), PDFHexString.fromText(b.title)],
      [PDFName.of('Parent'), outlinesRef],
      [PDFName.of('Dest'), ctx.obj([pages[b.pageIndex].ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull])],
    ])
    if (i > 0)
      entry.set(PDFName.of('Prev'), refs[i - 1])
    if (i < refs.length - 1)
      entry.set(PDFName.of('Next'), refs[i + 1])
    ctx.assign(refs[i], PDFDict.fromMapWithContext(entry, ctx))
  })
  ctx.assign(outlinesRef, ctx.obj({ Type: 'Outlines', First: refs[0], Last: refs[refs.length - 1], Count: refs.length }))
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef)
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}

/** The bookmark titles of a PDF, in order (for tests and checks). */
export async function readBookmarks(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes)
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  const titles: string[] = []
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict)
  while (item) {
    const title = item.lookup(PDFName.of('Title'))
    titles.push(title instanceof PDFHexString ? title.decodeText() : String(title))
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict)
  }
  return titles
}
