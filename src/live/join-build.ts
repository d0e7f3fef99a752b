// Builds the join page (src/live/join/) into .live/join/, which the live server serves.
import process from 'node:process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../paths'

export const JOIN_SRC = join(ROOT, 'src', 'live', 'join')
export const JOIN_DIST = process.env.KIT_LIVE_JOIN_DIR || join(ROOT, '.live', 'join')
const SHARED = [join(ROOT, 'src', 'live', 'protocol.ts')]

/**
 * Vite's build sets process.env.NODE_ENV=production for the whole process and leaves it set:
 * the Slidev dev server started next (`npm run live` on a first run) would inherit it and show a
 * white page. The variable is put back as it was once the build is done.
 */
export async function buildJoinPage(outDir = JOIN_DIST): Promise<void> {
  const { build } = await import('vite')
  const before = process.env.NODE_ENV
  try {
    await build({ configFile: join(JOIN_SRC, 'vite.config.ts'), build: { outDir, emptyOutDir: true } })
  }
  finally {
    if (before === undefined)
      delete process.env.NODE_ENV
    else
      process.env.NODE_ENV = before
  }
}

/** True when the built page is newer than every source it is built from. */
export function joinPageIsCurrent(): boolean {
  const index = join(JOIN_DIST, 'index.html')
  if (!existsSync(index))
    return false
  const built = statSync(index).mtimeMs
  const sources = [...readdirSync(JOIN_SRC).map(f => join(JOIN_SRC, f)), ...SHARED]
  return sources.every(f => statSync(f).mtimeMs <= built)
}
