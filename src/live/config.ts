// Whether this deck runs in a live session, and its server: `npm run live` hands the address and
// token to this laptop's Slidev only, as VITE_KIT_LIVE_* variables. Apart from src/live/client.ts
// (which re-exports it), so that the deck's first load can ask without bundling Yjs and the
// Hocuspocus provider.

export interface LiveConfig {
  url: string
  token: string
  join: string
  /** the address to type, shown large on the join slide: `lucias-laptop.local:4321` or `192.168.1.20:4321` */
  typed: string
  /** the session's name: boards keep their local copy per session */
  session: string
}

export function liveConfig(env: Record<string, string | undefined> = (import.meta as any).env ?? {}): LiveConfig | undefined {
  const { VITE_KIT_LIVE_URL: url, VITE_KIT_LIVE_TOKEN: token, VITE_KIT_LIVE_JOIN: join, VITE_KIT_LIVE_TYPE: typed, VITE_KIT_LIVE_SESSION: session } = env
  // Without a name (a server started by hand), the token tells sessions apart: each has its own.
  return url && token && join ? { url, token, join, typed: typed || shortAddress(join), session: session || `token-${hashText(token)}` } : undefined
}

/** The join address as a person types it: no `http://`, no trailing `/`. */
export function shortAddress(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '')
}

/** A short, stable digest (FNV-1a), so that a document name never holds the token itself. */
function hashText(text: string): string {
  let h = 0x811C9DC5
  for (let i = 0; i < text.length; i++)
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(36)
}

