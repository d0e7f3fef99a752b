// Builds the join page (src/live/join/) into .live/join/, which the live server serves.
import process from 'node:process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../paths'

export const JOIN_SRC = join(ROOT, 'src', 'live', 'join')
export const JOIN_DIST = process.env.KIT_LIVE_JOIN_DIR || join(ROOT, '.live', 'join')
const SHARED = [join(ROOT, 'src', 'live', 'protocol.ts')]

export async function buildJoinPage(outDir = JOIN_DIST): Promise<void> {
  const { build } = await import('vite')
  await build({ configFile: join(JOIN_SRC, 'vite.config.ts'), build: { outDir, emptyOutDir: true } })
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
