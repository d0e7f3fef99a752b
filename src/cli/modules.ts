import type { DeckRef } from '../content/decks'

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message)
  }
}

/**
 * Finds a module the way a facilitator names it: `3`, `03`, `engagement`,
 * `03-community-engagement` or `community-engagement`.
 */
export function findModule(decks: DeckRef[], query: string | undefined, fallback = 1): DeckRef {
  const q = (query ?? String(fallback)).trim().toLowerCase()
  const byNumber = /^\d+$/.test(q) ? decks.find(d => d.number === Number(q)) : undefined
  const exact = byNumber ?? decks.find(d => d.name === q || d.slug === q)
  if (exact)
    return exact
  const partial = q && !/^\d+$/.test(q) ? decks.filter(d => d.slug.includes(q)) : []
  if (partial.length === 1)
    return partial[0]
  const why = partial.length > 1 ? `"${query}" matches more than one module` : `There is no module "${query}"`
  throw new CliError(`${why}. The modules are:\n${describeModules(decks)}\nName one by number or name, for example: npm start -- 2`)
}

export function describeModules(decks: DeckRef[]): string {
  return decks.map(d => `  ${d.number}  ${d.slug}`).join('\n')
}
