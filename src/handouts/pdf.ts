// Finishing touches on PDFs printed by Chromium: metadata and one bookmark per section.
import type { LoadedDeck } from '../content/decks'
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFObjectCopier, PDFPage, type PDFPageLeaf, PDFRef, PDFString } from 'pdf-lib'
import { KIT_AUTHOR, LICENCE_LINE } from '../content/licence'
import { catalogueFor, translate } from '../i18n/labels'

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
  cohort?: { name: string, start: string, language?: string, logo?: string, accent?: string }
}

/** A deck as its handouts' metadata sees it: a cohort's composed deck carries the cohort in its headmatter. */
export function handoutDeck(deck: Pick<LoadedDeck, 'headmatter' | 'ref'>): HandoutDeck {
  const cohort = deck.headmatter.cohort as HandoutDeck['cohort'] | undefined
  return { number: deck.ref.number, title: String(deck.headmatter.title ?? deck.ref.slug), ...(cohort ? { cohort } : {}) }
}

export type HandoutWhat = 'slides' | 'facilitator guide' | 'worksheets' | 'filled worksheets' | 'notes'

/** What each handout is, in English: catalogue keys, said in the handout's language. */
const WHAT: Record<HandoutWhat, string> = {
  'slides': 'slides',
  'facilitator guide': 'facilitator guide',
  'worksheets': 'worksheets',
  'filled worksheets': 'worksheets, filled in',
  'notes': 'slides with space for notes',
}

/** The language a deck's handouts are written in: the cohort's where the kit has its catalogue, else English. */
export function handoutLanguage(deck: HandoutDeck): string {
  return catalogueFor(deck.cohort?.language)?.code ?? 'en'
}

/** "Module 2: …" in the handout's language ("Módulo 2: …"), or the welcome's name. */
export function moduleName(deck: HandoutDeck): string {
  const language = handoutLanguage(deck)
  return deck.number === 0 ? translate('Welcome', language) : `${translate('Module', language)} ${deck.number}: ${deck.title}`
}

/** The session's date as written in cohort.yaml (a wall-clock date in the cohort's zone), in the handout's language. */
export function sessionDate(start: string, language: string): string {
  return /^\d{4}-\d\d-\d\d/.test(start)
    ? new Date(`${start.slice(0, 10)}T12:00:00Z`).toLocaleDateString(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    : start
}

/**
 * A handout's title, subject, keywords and language. For a cohort's deck (its headmatter
 * carries the cohort), in the cohort's language and with its name and session date:
 * "Fundamentos: hojas de trabajo · Red Bogotá, 4 de marzo de 2027". Otherwise in English.
 */
export function handoutInfo(what: HandoutWhat, deck: HandoutDeck): Omit<PdfInfo, 'bookmarks'> {
  const language = handoutLanguage(deck)
  const whatIn = translate(WHAT[what], language)
  const module = moduleName(deck)
  if (!deck.cohort)
    return { title: `${deck.title}: ${whatIn}`, subject: module, keywords: [module], language }
  const { name, start } = deck.cohort
  const date = sessionDate(start, language)
  return {
    title: `${deck.title}: ${whatIn} · ${name}, ${date}`,
    subject: `${module} · ${name}, ${date}`,
    keywords: [module, name],
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

/** Whether a PDF is tagged: its catalog marks it (/MarkInfo << /Marked true >>) and has a structure tree. */
export function isTagged(doc: PDFDocument): boolean {
  const mark = doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)
  return mark?.get(PDFName.of('Marked')) === PDFBool.True && doc.catalog.has(PDFName.of('StructTreeRoot'))
}

/**
 * Joins tagged PDFs (each printed by Chromium with `tagged: true`) into one tagged PDF: their
 * pages in order, and their structure trees under one root, so a screen reader reads the joined
 * PDF as it reads the parts. Each part's parent tree keys are shifted past the previous parts'.
 * Returns the joined PDF and the index of each part's first page.
 */
export async function joinTaggedPdfs(parts: Uint8Array[], language = 'en'): Promise<{ bytes: Uint8Array, starts: number[] }> {
  const merged = await PDFDocument.create()
  const ctx = merged.context
  const rootRef = ctx.nextRef()
  const kids: PDFRef[] = []
  const nums: (PDFNumber | PDFRef | PDFArray | PDFDict)[] = []
  const starts: number[] = []
  let offset = 0
  for (const bytes of parts) {
    const part = await PDFDocument.load(bytes)
    starts.push(merged.getPageCount())
    const copier = PDFObjectCopier.for(part.context, ctx)
    const root = part.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
    // The part's top elements point at its root: cut that link before copying, so the old root is not copied along.
    const top = root ? asRefs(root.get(PDFName.of('K'))) : []
    for (const ref of top)
      part.context.lookup(ref, PDFDict).set(PDFName.of('P'), PDFNull)
    for (const page of part.getPages()) {
      const ref = copier.copy(page.ref) as PDFRef
      const leaf = ctx.lookup(ref) as PDFPageLeaf
      shiftKey(leaf, 'StructParents', offset)
      for (const annot of asRefs(leaf.get(PDFName.of('Annots'))))
        shiftKey(ctx.lookup(annot, PDFDict), 'StructParent', offset)
      merged.addPage(PDFPage.of(leaf, ref, merged))
    }
    for (const ref of top) {
      const copied = copier.copy(ref) as PDFRef
      ctx.lookup(copied, PDFDict).set(PDFName.of('P'), rootRef)
      kids.push(copied)
    }
    if (root) {
      const entries = numberTree(root.lookupMaybe(PDFName.of('ParentTree'), PDFDict))
      let next = 0
      for (const [key, value] of entries) {
        nums.push(PDFNumber.of(key + offset), copier.copy(value) as PDFRef)
        next = Math.max(next, key + 1)
      }
      const declared = root.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0
      offset += Math.max(next, declared)
    }
  }
  const parentTree = ctx.register(ctx.obj({ Nums: ctx.obj(nums) }))
  ctx.assign(rootRef, ctx.obj({ Type: 'StructTreeRoot', K: ctx.obj(kids), ParentTree: parentTree, ParentTreeNextKey: offset }))
  merged.catalog.set(PDFName.of('StructTreeRoot'), rootRef)
  merged.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Type: 'MarkInfo', Marked: true }))
  merged.catalog.set(PDFName.of('Lang'), PDFString.of(language))
  return { bytes: await merged.save(), starts }
}

function asRefs(value: unknown): PDFRef[] {
  if (value instanceof PDFRef)
    return [value]
  if (value instanceof PDFArray)
    return value.asArray().filter((v): v is PDFRef => v instanceof PDFRef)
  return []
}

function shiftKey(dict: PDFDict, key: string, offset: number): void {
  const value = dict.get(PDFName.of(key))
  if (value instanceof PDFNumber)
    dict.set(PDFName.of(key), PDFNumber.of(value.asNumber() + offset))
}

/** The entries of a number tree (a parent tree), flattened. */
function numberTree(node: PDFDict | undefined): [number, PDFRef | PDFArray | PDFDict][] {
  if (!node)
    return []
  const out: [number, PDFRef | PDFArray | PDFDict][] = []
  const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray)
  for (let i = 0; nums && i + 1 < nums.size(); i += 2)
    out.push([(nums.get(i) as PDFNumber).asNumber(), nums.get(i + 1) as PDFRef])
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray)
  for (let i = 0; kids && i < kids.size(); i++)
    out.push(...numberTree(kids.lookup(i, PDFDict)))
  return out
}
