// `npm run live -- export|delete`: results written from a session's store, clear errors for
// a user's mistakes (exit 1, no stack trace), and a session's data removed on request.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Facilitator, Participant, spawnServer, until, sessionToken } from '../support/live-clients'
import { ROOT } from '../../src/paths'

const run = promisify(execFile)
let sessions: string

async function live(...args: string[]): Promise<{ code: number, out: string, err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'live', ...args], { cwd: ROOT, env: { ...process.env, KIT_SESSIONS_DIR: sessions } })
    return { code: 0, out: stdout, err: stderr }
  }
  catch (e: any) {
    return { code: e.code, out: e.stdout, err: e.stderr }
  }
}

beforeAll(() => {
  sessions = mkdtempSync(join(tmpdir(), 'kit-live-cli-'))
})
afterAll(() => rmSync(sessions, { recursive: true, force: true }))

describe('npm run live', () => {
  it('refuses a bad or unknown session name with a clear message', async () => {
    const bad = await live('export', '../etc')
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/is not a session name/)
    expect(bad.err).not.toMatch(/at .*\.ts:\d+/)
    const unknown = await live('delete', 'no-such-session')
    expect(unknown.code).toBe(1)
    expect(unknown.err).toMatch(/There is no live session "no-such-session"/)
  })

  it('exports a session\'s boards for the worksheets, then deletes the session', async () => {
    const token = sessionToken(sessions, 'm4-test', { title: 'Charter', module: '04-community-charter' })
    const server = await spawnServer({ KIT_SESSIONS_DIR: sessions }, ['--session', 'm4-test', '--host', '127.0.0.1', '--port', '0'])
    const boss = new Facilitator(server.wsUrl, token)
    await boss.ready()
    boss.show('m4-choose', 'idea-vote', 'Choose')
    const phone = new Participant(server.wsUrl)
    await phone.ready()
    await until(phone.controlDoc, () => phone.controlDoc.getMap('current').get('boardId') === 'm4-choose')
    expect(await phone.contribute('m4-choose', { op: 'add', list: 'ideas', row: { id: 'i1', text: 'Monthly call' } })).toMatchObject({ ok: true })
    phone.destroy()
    boss.destroy()
    // Exported while the server still runs: the store is shared safely.
    const exported = await live('export', 'm4-test')
    await server.stop()
    expect(exported.code).toBe(0)
    expect(exported.out).toMatch(/npm run export -- 04-community-charter --results .*results\.json/)
    const results = JSON.parse(readFileSync(join(sessions, 'm4-test', 'results', 'results.json'), 'utf8'))
    expect(results).toEqual([expect.objectContaining({ format: 'community-training-board', board: 'idea-vote', id: 'm4-choose', data: { votesPerPerson: 3, ideas: [{ id: 'i1', text: 'Monthly call', by: '', votes: 0, at: expect.stringMatching(/^\d{4}-/) }] } })])
    expect(existsSync(join(sessions, 'm4-test', 'results', 'm4-choose.md'))).toBe(true)
    // The session record for the host or funder, beside the boards' files: the question it asked.
    const record = readFileSync(join(sessions, 'm4-test', 'results', 'session.md'), 'utf8')
    expect(record).toMatch(/^# Session record: Charter\n/)
    expect(record).toContain('| Choose | Collect ideas and vote | 1 | 0 | 0 | 1 | no |')
    expect(exported.out).toContain('session.md')
    expect(existsSync(join(sessions, 'm4-test', 'results', 'm4-choose.csv'))).toBe(true)

    const deleted = await live('delete', 'm4-test')
    expect(deleted.code).toBe(0)
    expect(existsSync(join(sessions, 'm4-test'))).toBe(false)
  })
})
