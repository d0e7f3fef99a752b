// The join page's files, over the live server's own HTTP port: the page itself at any path
// (a phone types the shortest address), its hashed assets, and `/healthz` (the server's clock,
// for the phones' countdowns, and a check for the facilitator). One concern: no document here.
import { existsSync, readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join } from 'node:path'
import type { Extension } from '@hocuspocus/server'
import { brandedPage, type JoinBrand } from '../join-brand'

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.png': 'image/png' }
export const SECURITY_HEADERS = {
  // Participant text is rendered as text; this also forbids inline scripts and other hosts.
  'Content-Security-Policy': 'default-src \'self\'; script-src \'self\'; style-src \'self\' \'unsafe-inline\'; img-src \'self\' data:; connect-src \'self\'; base-uri \'none\'; form-action \'none\'; frame-ancestors \'none\'',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

export interface JoinFilesOptions {
  /** the built join page; without it, the server answers with a short note */
  joinDir?: string
  /** participants connected to this instance, for /healthz */
  joined: () => number
  /** the cohort's accent and logo (the logo served at /logo) */
  brand?: JoinBrand
}

/** Answers one HTTP request; false when it is not one this extension serves (never: it serves all). */
export function serveJoinFiles(options: JoinFilesOptions, request: IncomingMessage, response: ServerResponse): void {
  const path = new URL(request.url ?? '/', 'http://x').pathname
  const reply = (status: number, type: string, body: string | Buffer, cache = 'no-cache') => {
    response.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache, ...SECURITY_HEADERS })
    response.end(request.method === 'HEAD' ? undefined : body)
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    reply(405, 'text/plain; charset=utf-8', 'Method not allowed')
  }
  else if (path === '/healthz') {
    reply(200, 'application/json', JSON.stringify({ ok: true, joined: options.joined(), now: Date.now() }))
  }
  else if (path === '/logo' && options.brand?.logo) {
    reply(200, options.brand.logo.type, options.brand.logo.bytes)
  }
  else if (options.joinDir && existsSync(join(options.joinDir, 'index.html'))) {
    // The join page at `/`, and at every other path (`/j`, `/join`, a mistyped one): the
    // shortest address to type has no path (src/live/address.ts).
    const asset = /^\/assets\/([\w.-]+)$/.exec(path)?.[1]
    const file = asset ? join(options.joinDir, 'assets', asset) : join(options.joinDir, 'index.html')
    if (asset && !existsSync(file))
      reply(404, 'text/plain; charset=utf-8', 'Not found')
    else if (asset)
      reply(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file), 'public, max-age=31536000, immutable')
    else
      reply(200, TYPES['.html'], brandedPage(readFileSync(file, 'utf8'), options.brand))
  }
  else {
    reply(503, 'text/plain; charset=utf-8', 'The join page is not built. Run: npm run live -- build')
  }
}

/** The Hocuspocus extension: every HTTP request is answered here (Hocuspocus's own answer is stopped). */
export function joinFiles(options: JoinFilesOptions): Extension {
  return {
    extensionName: 'kit-join-files',
    async onRequest({ request, response }: { request: IncomingMessage, response: ServerResponse }) {
      serveJoinFiles(options, request, response)
      // Stops Hocuspocus's default answer.
      // eslint-disable-next-line no-throw-literal
      throw null
    },
  } as Extension
}
