// A deck running in Slidev's dev server for a live session, as `npm run live` starts it: the
// slides written into a scratch deck folder, Slidev started with the live address and token in
// its VITE_KIT_LIVE_* variables, ready once it answers. Shared by the live browser tests.
import type { ChildProcess } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { ROOT, SLIDEV_BIN } from '../../src/paths'
import { spawnChild } from '../../src/spawn'

/** A port nobody listens on now. */
export const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number }
    s.close(() => resolve(port))
  })
})

export interface LiveDeck { url: string, stop: () => void }

/**
 * Starts `slides` (a whole slides.md) under decks/_scratch/<name>-<pid> with the given VITE_KIT_LIVE_* variables.
 * `onOutput` hears what the dev server prints (at Vite's `info` level: its dependency optimizer's runs too).
 */
export async function startLiveDeck(name: string, slides: string, live: Record<string, string>, onOutput?: (text: string) => void): Promise<LiveDeck> {
  const deckDir = join(ROOT, 'decks', '_scratch', `${name}-${process.pid}`)
  mkdirSync(deckDir, { recursive: true })
  writeFileSync(join(deckDir, 'slides.md'), slides)
  const port = await freePort()
  const url = `http://localhost:${port}`
  const slidev: ChildProcess = spawnChild(process.execPath, [SLIDEV_BIN, join(deckDir, 'slides.md'), '--port', String(port), ...(onOutput ? ['--log', 'info'] : [])], {
    cwd: ROOT,
    stdio: onOutput ? ['ignore', 'pipe', 'pipe'] : 'ignore',
    env: live,
  })
  slidev.stdout?.on('data', (d: Buffer) => onOutput?.(String(d)))
  slidev.stderr?.on('data', (d: Buffer) => onOutput?.(String(d)))
  process.once('exit', () => slidev.kill('SIGKILL'))
  const stop = () => {
    slidev.kill('SIGTERM')
    rmSync(deckDir, { recursive: true, force: true })
  }
  const end = Date.now() + 120_000
  for (;;) {
    if (await fetch(`${url}/`).then(r => r.ok, () => false))
      return { url, stop }
    if (Date.now() > end) {
      stop()
      throw new Error('Slidev did not start')
    }
    await new Promise(resolve => setTimeout(resolve, 300))
  }
}
