// The session's exports read from a stored session (no server): each board names its question,
// the names given, the language each entry was written in (`_lang`), the moderation and the
// times, in its Markdown, its JSON envelope and its contributions CSV; hidden entries stay out.
// Old exports (without `live`, or without `lang`) still import.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { boardByKind } from '../../src/boards'
import { importJson } from '../../src/boards/kit/board'
import { loadBoardResults } from '../../src/handouts/results'
import { exportSession } from '../../src/live/export'
import { progressDocName } from '../../src/live/protocol'
import { auditDoc, AT, emptyBoard, progressDoc, removeStoredSessions, storedSession } from '../support/stored-session'

const dirs: string[] = []
const tmp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0))
    rmSync(dir, { recursive: true, force: true })
})

const written = (dir: string) => readdirSync(dir).map(f => join(dir, f))

const sample = () => auditDoc([
  { channel: 'Typed by the facilitator' },
  { channel: 'Foro', extra: { _author: 'a1', _name: 'Ana', _status: 'visible', _at: AT, _lang: 'es' } },
  { channel: 'Newsletter', extra: { _author: 'b2', _name: '', _status: 'visible', _at: AT + 60_000, _lang: 'en' } },
  { channel: 'Chat', extra: { _author: 'c3', _name: 'Cy', _status: 'visible', _at: AT + 120_000 } },
  { channel: 'SECRET-HIDDEN', extra: { _author: 'd4', _name: 'Dee', _status: 'hidden', _at: AT + 180_000, _lang: 'es' } },
  { channel: 'SECRET-WAITING', extra: { _author: 'e5', _name: 'Eve', _status: 'pending', _at: AT + 240_000 } },
])

afterAll(removeStoredSessions)

describe('a board\'s live export', () => {
  it('names the question, the names given, the language each entry was written in, the moderation and the times', async () => {
    const db = storedSession({ 'm2-audit': sample() }, { 'm2-audit': 'Which channels do we run?' })
    const out = tmp('kit-live-record-out-')
    const written = await exportSession(db, out, new Date('2026-11-25T10:00:00Z'))
    expect(written.files).toContain(join(out, 'm2-audit.contributions.csv'))

    const md = readFileSync(join(out, 'm2-audit.md'), 'utf8')
    expect(md.split('\n')[0]).toBe('# Which channels do we run?')
    expect(md).toContain('Moderation: open (shown at once); 3 entries shown, 1 waiting for approval (left out), 1 hidden (left out); 5 participants contributed.')
    expect(md).toContain('Contributions from 2026-11-25 09:30 UTC to 2026-11-25 09:32 UTC.')
    expect(md).toContain('| List | Entry | Name given | Written in | Sent (UTC) |')
    expect(md).toContain('| channels | Foro | Ana | Español (es) | 2026-11-25 09:30 UTC |')
    expect(md).toContain('| channels | Newsletter | (anonymous) | English (en) | 2026-11-25 09:31 UTC |')
    expect(md).toContain('| channels | Chat | Cy |  | 2026-11-25 09:32 UTC |')

    const csv = readFileSync(join(out, 'm2-audit.contributions.csv'), 'utf8')
    expect(csv.split('\r\n')).toEqual([
      'List,Entry,Name given,Written in,Sent (UTC)',
      'channels,Foro,Ana,Español (es),2026-11-25 09:30 UTC',
      'channels,Newsletter,(anonymous),English (en),2026-11-25 09:31 UTC',
      'channels,Chat,Cy,,2026-11-25 09:32 UTC',
      '',
    ])

    const envelope = JSON.parse(readFileSync(join(out, 'm2-audit.json'), 'utf8'))
    expect(envelope.live.contributions).toEqual([
      { list: 'channels', id: 'c1', entry: 'Foro', by: 'Ana', lang: 'es', at: '2026-11-25T09:30:00.000Z' },
      { list: 'channels', id: 'c2', entry: 'Newsletter', by: '', lang: 'en', at: '2026-11-25T09:31:00.000Z' },
      { list: 'channels', id: 'c3', entry: 'Chat', by: 'Cy', at: '2026-11-25T09:32:00.000Z' },
    ])
    expect(envelope.live).toMatchObject({ question: 'Which channels do we run?', moderation: 'open', locked: false, counts: { shown: 3, waiting: 1, hidden: 1, merged: 0, contributors: 5 } })
    for (const file of ['m2-audit.md', 'm2-audit.json', 'm2-audit.csv', 'm2-audit.contributions.csv', 'session.md'])
      expect(readFileSync(join(out, file), 'utf8')).not.toMatch(/SECRET|Dee|Eve/)
  })

  it('counts an individual board\'s own copies (opened, started, entries), never their content or names', async () => {
    const MAP = 'm2-board-stakeholder-map'
    const progress = progressDoc({ p1: { name: 'SECRET-NAME-Ana', rows: 3 }, p2: { name: 'SECRET-NAME-Bo', rows: 0 }, p3: { name: '', rows: 2 } }, JSON.stringify({ participant: 'p1', name: 'SECRET-NAME-Ana', mine: { lists: { stakeholders: [{ row: { name: 'SECRET-SHOWN' } }] } } }))
    const db = storedSession({ [MAP]: emptyBoard('stakeholder-map') }, { [MAP]: 'Who are our stakeholders?' }, 'Lisbon', { [progressDocName(MAP)]: progress })
    const out = tmp('kit-live-own-out-')
    await exportSession(db, out, new Date('2026-11-25T10:00:00Z'))
    const envelope = JSON.parse(readFileSync(join(out, `${MAP}.json`), 'utf8'))
    expect(envelope.live.own).toEqual({ opened: 3, started: 2, entries: 5 })
    const md = readFileSync(join(out, `${MAP}.md`), 'utf8')
    expect(md).toContain('Individual board: 3 people opened their own copy, 2 started it, 5 entries in all.')
    const session = readFileSync(join(out, 'session.md'), 'utf8')
    expect(session).toContain('| Question | Board | Opened | Started | Entries |')
    expect(session).toContain('| Who are our stakeholders? | Stakeholder map | 3 | 2 | 5 |')
    for (const file of written(out))
      expect(readFileSync(file, 'utf8')).not.toContain('SECRET')
  })

  it('imports again, as do exports made before `live` and `lang`', async () => {
    const db = storedSession({ 'm2-audit': sample() }, {})
    const out = tmp('kit-live-record-out-')
    await exportSession(db, out, new Date('2026-11-25T10:00:00Z'))
    const def = boardByKind('channel-audit')!.def
    const text = readFileSync(join(out, 'm2-audit.json'), 'utf8')
    const now = importJson(def, text)
    expect(now.ok && (now.data as any).channels.map((c: any) => c.channel)).toEqual(['Typed by the facilitator', 'Foro', 'Newsletter', 'Chat'])
    // Before `lang` (the last kit's export) and before `live` (an export from the laptop).
    const envelope = JSON.parse(text)
    for (const c of envelope.live.contributions)
      delete c.lang
    const { live: _, ...plain } = envelope
    for (const old of [envelope, plain])
      expect(importJson(def, JSON.stringify(old))).toMatchObject({ ok: true })
    // results.json, as `npm run export -- --results` reads it.
    expect([...loadBoardResults(join(out, 'results.json')).keys()]).toEqual(['m2-audit'])
  })
})
