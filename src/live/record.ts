// The session record for a host or funder (`npm run live -- record <session>`): every board the
// session stored, with its question, its counts and its results, hidden entries and entries
// still waiting for approval left out (only counted), as Markdown and as a PDF printed by the
// kit's Chromium (src/chromium.ts), finished like the handouts (src/handouts/pdf.ts).
//
// The record reads the store, not a list of boards: every stored board document is in it, read
// through the registry (src/boards/index.ts) and the live adapters, so a board added to the
// registry (a poll, a scale, Q&A) appears with no change here; a kind this kit does not know
// still appears with its question and counts. An individual board adds how many people opened
// and started their own copy and their entries in all (export.ts, `ownCounts`): counts only.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import { launchChromium } from '../chromium'
import { handoutPage } from '../handouts/html'
import { finishPdf } from '../handouts/pdf'
import { escapeHtml } from '../output/html'
import { readStoredBoards, sessionMarkdown, type StoredBoard } from './export'
import type { UpdateStore } from './store'

export interface SessionRecord {
  /** the session's name (its folder) and title (the deck's, as announced) */
  name: string
  title: string
  boards: StoredBoard[]
  /** stored documents whose names are not board ids: left out, named in a warning */
  refused: string[]
  markdown: string
}

/** Reads the record of a session from its store (left open). */
export async function readSessionRecord(store: UpdateStore, session: { name: string, title: string }, now = new Date()): Promise<SessionRecord> {
  const stored = await readStoredBoards(store)
  const title = stored.title || session.title
  return { name: session.name, title, boards: stored.boards, refused: stored.refused, markdown: sessionMarkdown({ name: session.name, title }, stored.boards, now) }
}

// The record's Markdown escapes every participant's text (mdText); raw HTML is shown as text too.
const md = new MarkdownIt({ html: false, linkify: false })

const CSS = `
h1 { font-size: 18pt; } h2 { margin-top: 1em; break-after: avoid; } h3 { break-after: avoid; }
table { margin: 0.4em 0 0.8em; font-size: 9.5pt; } tr { break-inside: avoid; }
td, th { overflow-wrap: anywhere; }
`

/** The record as a printable page (A4, the kit's font): the same text as the Markdown. */
export function recordHtml(record: SessionRecord): string {
  return handoutPage(`Session record: ${record.title}`, `<p class="kicker">Live session · ${escapeHtml(record.name)}</p>${md.render(record.markdown)}`, CSS, 'en')
}

/** The record printed by Chromium: tagged, with its title, subject and language set. */
export async function recordPdf(record: SessionRecord, executablePath?: string): Promise<Uint8Array> {
  const browser = await launchChromium(executablePath)
  try {
    const page = await browser.newPage()
    await page.emulateMedia({ media: 'print' })
    await page.setContent(recordHtml(record), { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready)
    const raw = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true })
    return await finishPdf(raw, { title: `Session record: ${record.title}`, subject: `Live session ${record.name}`, keywords: ['session record', record.name], language: 'en', bookmarks: [{ title: 'Session record', pageIndex: 0 }] })
  }
  finally {
    await browser.close()
  }
}

/** Writes session-record.md and (unless `pdf` is false) session-record.pdf into `out`. */
export async function writeSessionRecord(record: SessionRecord, out: string, options: { pdf?: boolean, executablePath?: string } = {}): Promise<string[]> {
  mkdirSync(out, { recursive: true, mode: 0o700 })
  const files = [join(out, 'session-record.md')]
  writeFileSync(files[0], record.markdown)
  if (options.pdf !== false) {
    files.push(join(out, 'session-record.pdf'))
    writeFileSync(files[1], await recordPdf(record, options.executablePath))
  }
  return files
}
