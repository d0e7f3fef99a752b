// The join page's files extension on its own, behind a real HTTP server: the page at any path,
// its assets cached for good, /healthz, the security headers, and clear answers otherwise.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveJoinFiles } from '../../../src/live/extensions/files'

let dir: string
let withPage: Server
let withoutPage: Server
const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`
const listen = (s: Server) => new Promise<void>(resolve => s.listen(0, '127.0.0.1', resolve))

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kit-files-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Join</title>')
  writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)')
  withPage = createServer((req, res) => serveJoinFiles({ joinDir: dir, joined: () => 7 }, req, res))
  withoutPage = createServer((req, res) => serveJoinFiles({ joined: () => 0 }, req, res))
  await Promise.all([listen(withPage), listen(withoutPage)])
})
afterAll(() => {
  withPage?.close()
  withoutPage?.close()
  rmSync(dir, { recursive: true, force: true })
  rmSync(join(dir, '..', `${dir.split('/').pop()}-secret.txt`), { force: true })
})

describe('the join page files', () => {
  it('serves the page at / and at any other path a person types, never cached', async () => {
    for (const path of ['/', '/j', '/join']) {
      const res = await fetch(`${urlOf(withPage)}${path}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(await res.text()).toContain('<title>Join</title>')
    }
  })

  it('serves hashed assets for good, and says 404 for one that is not there', async () => {
    const res = await fetch(`${urlOf(withPage)}/assets/app-1a2b.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect((await fetch(`${urlOf(withPage)}/assets/missing.js`)).status).toBe(404)
    // Only plain file names: a path out of the folder is not an asset, and never reads the file.
    writeFileSync(join(dir, '..', `${dir.split('/').pop()}-secret.txt`), 'secret')
    for (const path of [`/assets/..%2F..%2F${dir.split('/').pop()}-secret.txt`, `/assets/../../${dir.split('/').pop()}-secret.txt`])
      expect(await (await fetch(`${urlOf(withPage)}${path}`)).text()).not.toContain('secret')
  })

  it('answers /healthz with the count joined and the server\'s clock', async () => {
    const before = Date.now()
    const body = await (await fetch(`${urlOf(withPage)}/healthz`)).json() as { ok: boolean, joined: number, now: number }
    expect(body.ok).toBe(true)
    expect(body.joined).toBe(7)
    expect(body.now).toBeGreaterThanOrEqual(before)
  })

  it('sends the security headers that keep participant text as text', async () => {
    const res = await fetch(`${urlOf(withPage)}/`)
    expect(res.headers.get('content-security-policy')).toContain('script-src \'self\'')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('refuses anything but GET and HEAD, and says how to build a missing page', async () => {
    expect((await fetch(`${urlOf(withPage)}/`, { method: 'POST', body: 'x' })).status).toBe(405)
    const res = await fetch(`${urlOf(withoutPage)}/`)
    expect(res.status).toBe(503)
    expect(await res.text()).toBe('The join page is not built. Run: npm run live -- build')
  })
})
