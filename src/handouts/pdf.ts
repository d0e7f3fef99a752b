// Finishing touches on PDFs printed by Chromium: metadata and one bookmark per section.
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, type PDFRef } from 'pdf-lib'
import { KIT_AUTHOR, LICENCE_LINE } from '../content/licence'

export interface Bookmark { title: string, pageIndex: number }

export interface PdfInfo {
  title: string
  /** the module's name */
  subject: string
  keywords?: string[]
  bookmarks: Bookmark[]
}

export async function finishPdf(bytes: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes)
  doc.setTitle(info.title, { showInWindowTitleBar: true })
  doc.setSubject(info.subject)
  doc.setAuthor(KIT_AUTHOR)
  doc.setCreator('community-training-kit')
  doc.setProducer('Chromium and pdf-lib')
  doc.setKeywords([...(info.keywords ?? [info.subject]), LICENCE_LINE])
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
