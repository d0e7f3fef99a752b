// The session record (`npm run live -- record <session>`): every stored board, found through the
// store and the registry (a board kind added later needs no change to the record), with its
// question and counts; hidden and waiting entries left out; Markdown and a PDF from Chromium.
// A missing session or a session without boards is a clear error, exit 1, no stack trace.
import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBookmarks } from '../../src/handouts/pdf'
import { ROOT } from '../../src/paths'
import { readSessionRecord, recordHtml, writeSessionRecord } from '../../src/live/record'
import { LiveStore } from '../../src/live/store'
import { sessionToken } from '../support/live-clients'
import { progressDocName } from '../../src/live/protocol'
import { AT, auditDoc, emptyBoard, progressDoc, removeStoredSessions, storedSession } from '../support/stored-session'

const run = promisify(execFile)

/** A board of a kind this kit does not know (a newer kit's poll), with one shown and one hidden entry. */
function pollDoc(): Y.Doc {
  const doc = new Y.Doc()
  doc.getMap('meta').set('kind', 'future-poll')
  const answers = doc.getMap('answers')
  for (const [id, text, status] of [['p1', 'Yes please', 'visible'], ['p2', 'SECRET-POLL-HIDDEN', 'hidden']]) {
    const row = new Y.Map<unknown>()
    answers.set(id, row)
    row.set('text', text)
    row.set('_author', id)
    row.set('_name', id === 'p1' ? 'Pat' : 'Quinn')
    row.set('_status', status)
    row.set('_at', AT)
  }
  return doc
}

function sample() {
  return storedSession({
    'm2-audit': auditDoc([
      { channel: 'Foro', extra: { _author: 'a1', _name: 'Ana', _status: 'visible', _at: AT, _lang: 'es' } },
      { channel: 'SECRET-AUDIT-HIDDEN', extra: { _author: 'b2', _name: 'Bo', _status: 'hidden', _at: AT } },
      { channel: 'SECRET-AUDIT-WAITING', extra: { _author: 'c3', _name: 'Cy', _status: 'pending', _at: AT } },
    ]),
    'm2-poll': pollDoc(),
  }, { 'm2-audit': 'Which channels do we run?', 'm2-poll': 'Shall we meet monthly?' })
}

/** A session with an individual board: the room's board empty, three people's own copies counted in its progress. */
const MAP = 'm2-board-stakeholder-map'
function individualSample() {
  const shown = JSON.stringify({ participant: 'p1', name: 'SECRET-NAME-Ana', mine: { lists: { stakeholders: [{ row: { name: 'SECRET-SHOWN' } }] } } })
  return storedSession({ [MAP]: emptyBoard('stakeholder-map') }, { [MAP]: 'Who are our stakeholders?' }, 'Lisbon, module 3', {
    [progressDocName(MAP)]: progressDoc({ p1: { name: 'SECRET-NAME-Ana', rows: 4 }, p2: { name: 'SECRET-NAME-Bo', rows: 1 }, p3: { name: '', rows: 0 } }, shown),
  })
}

afterAll(removeStoredSessions)

describe('the session record', () => {
  it('lists every stored board, known or not, with its question and counts; hidden entries left out', async () => {
    const store = new LiveStore(sample())
    const record = await readSessionRecord(store, { name: 'lisbon-m2', title: 'fallback' }, new Date('2026-11-25T10:00:00Z')).finally(() => store.close())
    expect(record.boards.map(b => b.id)).toEqual(['m2-audit', 'm2-poll'])
    const md = record.markdown
    expect(md.split('\n')[0]).toBe('# Session record: Lisbon, module 2')
    expect(md).toContain('Session `lisbon-m2`, exported 2026-11-25 10:00 UTC.')
    expect(md).toContain('| Which channels do we run? | Channel audit | 1 | 1 | 1 | 3 | no |')
    expect(md).toContain('| Shall we meet monthly? | future-poll (a board this kit does not know) | 1 | 0 | 1 | 2 | no |')
    expect(md).toContain('## Shall we meet monthly?')
    expect(md).toContain('Foro')
    expect(md).not.toMatch(/SECRET|Bo\b|Quinn/)
    // The page for the PDF: the same text, participants' text escaped (never markup).
    const html = recordHtml(record)
    expect(html).toContain('<h1>Session record: Lisbon, module 2</h1>')
    expect(html).toContain('<td>Shall we meet monthly?</td>')
    expect(html).not.toContain('SECRET')
  })

  it('escapes participants\' text in the printed page', async () => {
    const file = storedSession({ 'm2-audit': auditDoc([{ channel: '<img src=x onerror=alert(1)>', extra: { _author: 'a1', _name: '<b>Ana</b>', _status: 'visible', _at: AT } }]) }, {})
    const store = new LiveStore(file)
    const record = await readSessionRecord(store, { name: 'x', title: 'X' }).finally(() => store.close())
    const html = recordHtml(record)
    expect(html).not.toMatch(/<img|<b>Ana/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('prints a PDF with Chromium: the record\'s title, language and text', async () => {
    const store = new LiveStore(sample())
    const record = await readSessionRecord(store, { name: 'lisbon-m2', title: '' }).finally(() => store.close())
    const out = mkdtempSync(join(tmpdir(), 'kit-record-pdf-'))
    try {
      const files = await writeSessionRecord(record, out)
      expect(files).toEqual([join(out, 'session-record.md'), join(out, 'session-record.pdf')])
      const pdf = readFileSync(files[1])
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      expect(await readBookmarks(pdf)).toEqual(['Session record'])
      const { stdout: text } = await run('pdftotext', ['-layout', files[1], '-'])
      expect(text).toContain('Session record: Lisbon, module 2')
      expect(text).toContain('Shall we meet monthly?')
      expect(text).not.toContain('SECRET')
      const { stdout: info } = await run('pdfinfo', [files[1]])
      expect(info).toMatch(/Title:\s+Session record: Lisbon, module 2/)
    }
    finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 120_000)

  describe('npm run live -- record', () => {
    let sessions: string
    const env = () => ({ ...process.env, KIT_SESSIONS_DIR: sessions })
    const live = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/live/main.ts', ...args], { cwd: ROOT, env: env() }).then(r => ({ code: 0, ...r }), (e: any) => ({ code: e.code as number, stdout: String(e.stdout), stderr: String(e.stderr) }))
    beforeAll(() => {
      sessions = mkdtempSync(join(tmpdir(), 'kit-record-sessions-'))
      sessionToken(sessions, 'lisbon-m2', { title: 'Lisbon, module 2' })
      sessionToken(sessions, 'empty-one', { title: 'Nothing yet' })
      mkdirSync(join(sessions, 'lisbon-m2'), { recursive: true })
      copyFileSync(sample(), join(sessions, 'lisbon-m2', 'live.sqlite'))
      sessionToken(sessions, 'lisbon-m3', { title: 'Lisbon, module 3' })
      copyFileSync(individualSample(), join(sessions, 'lisbon-m3', 'live.sqlite'))
    })
    afterAll(() => rmSync(sessions, { recursive: true, force: true }))

    it('writes the Markdown record into the session\'s results', async () => {
      const r = await live('record', 'lisbon-m2', '--no-pdf')
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      const file = join(sessions, 'lisbon-m2', 'results', 'session-record.md')
      expect(r.stdout).toContain(file)
      expect(readFileSync(file, 'utf8')).toContain('| Shall we meet monthly? |')
      expect(existsSync(join(sessions, 'lisbon-m2', 'results', 'session-record.pdf'))).toBe(false)
    }, 60_000)

    it('counts the individual boards\' own copies, never their content or the names given', async () => {
      const r = await live('record', 'lisbon-m3', '--no-pdf')
      expect(r.code).toBe(0)
      const md = readFileSync(join(sessions, 'lisbon-m3', 'results', 'session-record.md'), 'utf8')
      expect(md).toContain('| Question | Board | Opened | Started | Entries |')
      expect(md).toContain('| Who are our stakeholders? | Stakeholder map | 3 | 2 | 5 |')
      expect(md).toContain('Individual board: 3 people opened their own copy, 2 started it, 5 entries in all.')
      expect(md).not.toContain('SECRET')
    }, 60_000)

    it('refuses a missing session, a session without boards and a bad name: one clear line, exit 1, no stack trace', async () => {
      for (const [args, says] of [
        [['record', 'no-such-session'], /There is no live session "no-such-session" in .*Sessions: empty-one, lisbon-m2, lisbon-m3\./],
        [['record', 'empty-one'], /Session "empty-one" has no stored boards yet .*nothing to record/],
        [['record', 'Bad Name!'], /"Bad Name!" is not a session name/],
        [['record'], /Name one session: npm run live -- record <session>/],
      ] as const) {
        const r = await live(...args)
        expect(r.code, args.join(' ')).toBe(1)
        expect(r.stderr).toMatch(says)
        expect(r.stderr).not.toMatch(/\n\s+at /)
      }
    }, 60_000)
  })
})
