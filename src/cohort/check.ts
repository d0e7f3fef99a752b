// The last step of load → compose → check (src/cohort/pipeline.ts): a cohort's decks meet the
// same rules as the upstream decks. Each deck as composed and written is read with Slidev's
// parser (loadDeck) and checked by the content check (checkDeck). What the cohort changed is
// reported against the line of cohort.yaml that caused it; what the upstream deck already gets
// wrong is left to the upstream check.
import { relative } from 'node:path'
import { checkDeck, duplicateIds, type Problem } from '../content/check'
import { loadDeck } from '../content/decks'
import { ROOT } from '../paths'
import type { ComposedDeck } from './compose'
import type { CohortProblem, LoadedCohort, ResolvedSession } from './load'

/** The problems of a cohort's composed decks (`decks`: its sessions' decks as written, by name). */
export async function checkComposedDecks(loaded: LoadedCohort, decks: readonly ComposedDeck[]): Promise<CohortProblem[]> {
  const problems: CohortProblem[] = []
  for (const resolved of loaded.sessions) {
    const composed = decks.find(d => d.name === resolved.deck.name)
    if (!composed)
      throw new Error(`module ${resolved.deck.name} of cohort ${loaded.id} was not composed`)
    problems.push(...await checkSession(loaded, resolved, composed))
  }
  return problems
}

/** A finding at its place, without its counts: a cohort's values change word counts, not whose problem it is. */
const key = (p: Problem) => `${p.file}\n${p.line ?? ''}\n${rule(p.message)}`
/** A finding's rule, without its counts: a deck-level rule upstream already breaks is upstream's to fix. */
const rule = (message: string) => message.replace(/\d+/g, '#')

async function checkSession(loaded: LoadedCohort, resolved: ResolvedSession, deckFile: ComposedDeck): Promise<CohortProblem[]> {
  const { deck, upstream, session, index } = resolved
  const { entry } = deckFile
  const composed = await loadDeck({ ...deck, dir: deckFile.dir, entry })
  const found = [...checkDeck(composed, { versions: ['full'] }), ...duplicateIds([composed])]

  // What upstream already reports is the upstream check's; deck-level findings are compared by message.
  const upstreamFound = checkDeck(upstream, { versions: ['full'] })
  const known = new Set(upstreamFound.map(key))
  const knownRules = new Set(upstreamFound.filter(p => p.file === upstream.ref.entry).map(p => rule(p.message)))

  // Which cohort.yaml field names each of the cohort's files.
  const cohortFiles = new Map<string, (string | number)[]>()
  for (const [slideId, rel] of Object.entries(session.replace))
    cohortFiles.set(loaded.resolveFile(rel), ['modules', index, 'replace', slideId])
  session.insert.forEach((ins, k) => cohortFiles.set(loaded.resolveFile(ins.file), ['modules', index, 'insert', k, 'file']))
  // An extension block the cohort switched on: what breaks in it is reported at its name.
  const extensionFiles = new Map(resolved.extensions.map(x => [x.ext.file, x.path]))

  const upstreamIds = new Set(upstream.slides.map(s => String(s.frontmatter.id)))
  const problems: CohortProblem[] = []
  const report = (path: (string | number)[], message: string) => problems.push({ file: loaded.file, ...loaded.at(...path), message })
  const describe = (p: Problem) => {
    const file = relative(loaded.dir, p.file)
    return `${file}${p.line ? `:${p.line}` : ''}${p.id ? ` (slide ${p.id})` : ''}: ${p.message}`
  }

  for (const p of found) {
    const field = cohortFiles.get(p.file)
    const extension = extensionFiles.get(p.file)
    if (field) {
      report(field, describe(p))
    }
    else if (extension) {
      report(extension, `${relative(ROOT, p.file)}${p.line ? `:${p.line}` : ''}${p.id ? ` (slide ${p.id})` : ''}: ${p.message}`)
    }
    else if (p.file === entry) {
      if (!knownRules.has(rule(p.message))) {
        const timing = /add up to|buffer|agenda/.test(p.message)
        report(['modules', index, timing && session.minutes !== undefined ? 'minutes' : 'module'], `in module ${deck.number} as this cohort runs it: ${p.message.replace(/^in the module, /, '')}${timing ? ` Set \`minutes\` to what the slides add up to plus the buffer${resolved.extensions.length ? ' (extension blocks included)' : ''}, or change what is dropped, replaced or inserted.` : ''}`)
      }
    }
    else if (!known.has(key(p))) {
      // An upstream slide that only breaks in this cohort's deck (a block left without minutes).
      report(['modules', index, session.drop.length ? 'drop' : 'module'], `in module ${deck.number} as this cohort runs it: ${relative(loaded.dir, p.file)}${p.line ? `:${p.line}` : ''}: ${p.message}`)
    }
  }

  // A cohort slide must not take an upstream slide's id: boards and other cohorts select by it.
  for (const slide of composed.slides) {
    const field = cohortFiles.get(slide.file)
    const id = slide.frontmatter.id
    if (field && typeof id === 'string' && upstreamIds.has(id))
      report(field, `${relative(loaded.dir, slide.file)}:${slide.line}: the id "${id}" is an upstream slide's id in module ${deck.number}; give the cohort's slide a new id (for example m${deck.number}-${loaded.id}-${id.replace(/^m\d-/, '')}).`)
  }
  return problems
}
