// `npm run live -- serve --cohort <id>`: the phones' page in the cohort's look (its accent at AA
// contrast and its logo, src/live/join-brand.ts), as `npm run live -- <module> --cohort` gives it,
// and a new session in the cohort's language. A cohort that cannot be used starts nothing and
// creates no session: one clear message, exit 1, no stack trace.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessibleAccent } from '../../src/live/join-brand'
import { ROOT } from '../../src/paths'
import { spawnServer } from '../support/live-clients'

const run = promisify(execFile)
let dir: string
let env: NodeJS.ProcessEnv

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-serve-cohort-'))
  // The page as built (its head is what the server brands); the bundle itself is not needed here.
  mkdirSync(join(dir, 'join'), { recursive: true })
  writeFileSync(join(dir, 'join', 'index.html'), '<!doctype html><html><head><title>Join</title></head><body><div id="app"></div></body></html>')
  env = { ...process.env, KIT_SESSIONS_DIR: join(dir, 'sessions'), KIT_LIVE_JOIN_DIR: join(dir, 'join') }
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('live serve --cohort', () => {
  it('serves the phones\' page in the cohort\'s accent and logo, and opens the session in its language', async () => {
    const cohort = readFileSync(join(ROOT, 'cohorts/example/cohort.yaml'), 'utf8')
    const accent = /accent:\s*['"]?(#[0-9a-fA-F]{3,6})/.exec(cohort)![1]
    const server = await spawnServer(env, ['--session', 'serve-cohort', '--port', '0', '--cohort', 'example'])
    try {
      const page = await (await fetch(`${server.url}/`)).text()
      expect(page).toContain(`<style id="kit-brand">:root { --kit-accent: ${accessibleAccent(accent)}; }</style>`)
      expect(page).toMatch(/<meta name="kit-logo" content="[^"]+">/)
      const logo = await fetch(`${server.url}/logo`)
      expect(logo.status).toBe(200)
      expect(logo.headers.get('content-type')).toMatch(/^image\//)
      const session = JSON.parse(readFileSync(join(dir, 'sessions', 'serve-cohort', 'session.json'), 'utf8'))
      expect(session).toMatchObject({ cohort: 'example', language: /^language:\s*(\S+)/m.exec(cohort)![1] })
    }
    finally {
      await server.stop()
    }
    // Without --cohort: the kit's own look, no logo.
    const plain = await spawnServer(env, ['--session', 'serve-plain', '--port', '0'])
    try {
      const page = await (await fetch(`${plain.url}/`)).text()
      expect(page).not.toContain('kit-brand')
      expect(page).not.toContain('kit-logo')
      expect((await fetch(`${plain.url}/logo`)).headers.get('content-type')).not.toMatch(/^image\//)
    }
    finally {
      await plain.stop()
    }
  }, 90_000)

  it('refuses a cohort that does not exist or is not an id: one message, exit 1, nothing created', async () => {
    for (const [cohort, says] of [['no-such-cohort', /--cohort no-such-cohort: the cohort cannot be used.*\n.*there is no cohort file/], ['../etc', /"\.\.\/etc" is not a cohort id/]] as const) {
      const r = await run(process.execPath, ['--import', 'tsx', 'src/live/main.ts', 'serve', '--session', 'never-made', '--port', '0', '--cohort', cohort], { cwd: ROOT, env }).then(() => ({ code: 0, stderr: '' }), (e: any) => ({ code: e.code as number, stderr: String(e.stderr) }))
      expect(r.code, cohort).toBe(1)
      expect(r.stderr).toMatch(says)
      expect(r.stderr).not.toMatch(/\n\s+at /)
      expect(existsSync(join(dir, 'sessions', 'never-made'))).toBe(false)
    }
  }, 60_000)
})
