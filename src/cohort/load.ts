// Reads and checks a cohort file. Every problem is collected with the file, line, field path,
// what is wrong and, for slide ids, the closest valid ids; nothing is built from a cohort
// with problems.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse } from '@slidev/parser'
import { closest, distance } from 'fastest-levenshtein'
import { type Document, LineCounter, parseDocument } from 'yaml'
import type { z } from 'zod'
import { type DeckRef, listDecks, loadDeck, type LoadedDeck } from '../content/decks'
import { ROOT } from '../paths'
import { type Cohort, cohortSchema, type ModuleSession, moduleSessionSchema } from './schema'

export const COHORTS_DIR = join(ROOT, 'cohorts')
export const COHORT_ID = /^[a-z0-9][a-z0-9-]{0,40}$/

export interface CohortProblem { file: string, line?: number, column?: number, path?: string, message: string }

export interface ResolvedSession {
  deck: DeckRef
  upstream: LoadedDeck
  session: Cohort['modules'][number]
}

export interface LoadedCohort {
  id: string
  dir: string
  file: string
  cohort?: Cohort
  sessions: ResolvedSession[]
  problems: CohortProblem[]
  warnings: string[]
}

export function formatCohortProblem(p: CohortProblem): string {
  const at = `${relative(ROOT, p.file) || p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}`
  return `${at} ${p.path ? `${p.path}: ` : ''}${p.message}`
}

/** The ids nearest to a mistyped one, best first. */
export function closestIds(wrong: string, valid: readonly string[], count = 3): string[] {
  return [...valid].sort((a, b) => distance(wrong, a) - distance(wrong, b)).slice(0, count)
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k), '')
}

function lineOf(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): { line?: number, column?: number } {
  // The deepest node that exists along the path: a missing key points at its parent.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined
    if (node && node.range) {
      const pos = counter.linePos(node.range[0])
      return { line: pos.line, column: pos.col }
    }
  }
  return {}
}

export function cohortDir(id: string): string {
  return join(COHORTS_DIR, id)
}

export async function loadCohort(id: string, decks: DeckRef[] = listDecks(), dir = cohortDir(id)): Promise<LoadedCohort> {
  const file = join(dir, 'cohort.yaml')
  const result: LoadedCohort = { id, dir, file, sessions: [], problems: [], warnings: [] }
  const problem = (p: Omit<CohortProblem, 'file'> & { file?: string }) => result.problems.push({ file, ...p })

  if (!COHORT_ID.test(id)) {
    problem({ message: `"${id}" is not a cohort id: use lower-case letters, digits and dashes (e.g. lisbon-2027).` })
    return result
  }
  if (!existsSync(file)) {
    const known = existsSync(COHORTS_DIR) ? listCohorts() : []
    problem({ message: `there is no cohort file. Create one with: npm run cohort -- new ${id}${known.length ? ` (existing cohorts: ${known.join(', ')})` : ''}` })
    return result
  }

  const counter = new LineCounter()
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: counter, prettyErrors: true, uniqueKeys: true })
  for (const e of doc.errors) {
    const pos = e.linePos?.[0]
    problem({ line: pos?.line, column: pos?.col, message: `YAML syntax: ${e.message.split('\n')[0]}` })
  }
  if (doc.errors.length)
    return result

  const raw = doc.toJS() ?? {}
  const parsed = cohortSchema.safeParse(raw)
  // The checks against the decks and the cohort folder run even when some fields are wrong,
  // on the module sessions that are well-formed, so every problem is reported in one pass.
  let modules: [number, ModuleSession][]
  let logo: string | undefined
  if (parsed.success) {
    result.cohort = parsed.data
    modules = [...parsed.data.modules.entries()]
    logo = parsed.data.branding.logo
  }
  else {
    for (const issue of parsed.error.issues)
      problem({ ...lineOf(doc, counter, issue.path), path: pathText(issue.path), message: describeIssue(issue) })
    modules = (Array.isArray(raw.modules) ? raw.modules : [])
      .map((m: unknown, i: number) => [i, moduleSessionSchema.safeParse(m)] as const)
      .filter(([, r]: readonly [number, { success: boolean }]) => r.success)
      .map(([i, r]: readonly [number, { data?: ModuleSession }]) => [i, r.data!] as [number, ModuleSession])
    logo = typeof raw.branding?.logo === 'string' ? raw.branding.logo : undefined
  }

  const at = (...path: (string | number)[]) => ({ ...lineOf(doc, counter, path), path: pathText(path) })
  const seen = new Set<number>()
  for (const [i, session] of modules) {
    const deck = findDeck(decks, session.module)
    if (!deck) {
      problem({ ...at('modules', i, 'module'), message: `unknown module ${JSON.stringify(session.module)}. The modules are: ${decks.map(d => `${d.number} (${d.slug})`).join(', ')}.` })
      continue
    }
    if (seen.has(deck.number))
      problem({ ...at('modules', i, 'module'), message: `module ${deck.number} is listed twice.` })
    seen.add(deck.number)
    const upstream = await loadDeck(deck)
    const ids = upstream.slides.map(s => String(s.frontmatter.id))
    const checkId = (slideId: string, path: (string | number)[]) => {
      if (!ids.includes(slideId))
        problem({ ...at(...path), message: `slide id "${slideId}" is not in module ${deck.number} (${deck.name}). Closest: ${closestIds(slideId, ids).join(', ')}.` })
    }
    const checkFile = (rel: string, path: (string | number)[]) => {
      if (!existsSync(join(dir, rel)))
        problem({ ...at(...path), message: `the file "${rel}" does not exist in ${relative(ROOT, dir)}/.` })
    }
    session.drop.forEach((slideId, k) => checkId(slideId, ['modules', i, 'drop', k]))
    if (session.drop.includes(ids[0]))
      problem({ ...at('modules', i, 'drop'), message: `the title slide (${ids[0]}) cannot be dropped; replace it instead.` })
    for (const [slideId, rel] of Object.entries(session.replace)) {
      checkId(slideId, ['modules', i, 'replace', slideId])
      checkFile(rel, ['modules', i, 'replace', slideId])
      if (session.drop.includes(slideId))
        problem({ ...at('modules', i, 'replace', slideId), message: `slide "${slideId}" is both dropped and replaced; choose one.` })
    }
    session.insert.forEach((ins, k) => {
      checkId(ins.after, ['modules', i, 'insert', k, 'after'])
      checkFile(ins.file, ['modules', i, 'insert', k, 'file'])
    })
    result.sessions.push({ deck, upstream, session })

    // The cohort's own slides meet the same rules as upstream ones, and the session's
    // slides should still add up to its stated length.
    let minutes = upstream.slides.reduce((n, slide, k) =>
      n + (k > 0 && !session.drop.includes(String(slide.frontmatter.id)) && !session.replace[String(slide.frontmatter.id)] && typeof slide.frontmatter.duration === 'number' ? slide.frontmatter.duration : 0), 0)
    const files = [...Object.entries(session.replace).map(([k, f]) => [['modules', i, 'replace', k], f] as const), ...session.insert.map((x, k) => [['modules', i, 'insert', k, 'file'], x.file] as const)]
    for (const [path, rel] of files) {
      const full = join(dir, rel)
      if (!existsSync(full))
        continue
      const md = await parse(readFileSync(full, 'utf8'), full)
      md.slides.forEach((slide, k) => {
        const where = `slide ${k + 1} of ${rel}`
        const sid = slide.frontmatter.id
        if (typeof sid !== 'string' || !sid.startsWith(`m${deck.number}-`))
          problem({ ...at(...path), message: `${where} needs an \`id\` starting with m${deck.number}- in its frontmatter.` })
        else if (ids.includes(sid))
          problem({ ...at(...path), message: `${where} uses the id "${sid}", which an upstream slide already has; choose a new id.` })
        if (!slide.note?.trim())
          problem({ ...at(...path), message: `${where} has no facilitator notes (an HTML comment at the end of the slide).` })
        if (typeof slide.frontmatter.duration === 'number')
          minutes += slide.frontmatter.duration
      })
    }
    if (minutes !== session.minutes)
      result.warnings.push(`module ${deck.number}: the slides add up to ${minutes} min, but the session is ${session.minutes} min; the agenda slide will show ${minutes}.`)
  }

  if (logo) {
    const file = join(dir, logo)
    if (!existsSync(file))
      problem({ ...at('branding', 'logo'), message: `the logo "${logo}" does not exist in ${relative(ROOT, dir)}/.` })
    else if (!/\.(svg|png|jpe?g|webp)$/i.test(file))
      problem({ ...at('branding', 'logo'), message: 'the logo must be an SVG, PNG, JPEG or WebP image.' })
    else if (statSync(file).size > 300_000)
      problem({ ...at('branding', 'logo'), message: `the logo is ${Math.round(statSync(file).size / 1000)} kB; keep it under 300 kB.` })
  }
  if (!parsed.success)
    result.sessions = []
  return result
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(issue.path)
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(k => `"${k}"`).join(', ')}${known.length ? `. Did you mean ${issue.keys.map(k => `"${closest(k, known)}"`).join(', ')}? Allowed: ${known.join(', ')}` : ''}.`
  }
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined'))
    return `is required (${issue.expected}).`
  return issue.message
}

/** The field names allowed at a path of the cohort file, for "did you mean". */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  const shapes: Record<string, string[]> = {
    '': Object.keys(cohortSchema.shape),
    'facilitators': ['name', 'pronouns', 'contact'],
    'modules': ['module', 'start', 'minutes', 'drop', 'replace', 'insert'],
    'insert': ['after', 'file'],
    'branding': ['logo', 'accent'],
  }
  const named = [...path].reverse().find(k => typeof k === 'string') as string | undefined
  return shapes[named ?? ''] ?? []
}

function findDeck(decks: DeckRef[], module: number | string): DeckRef | undefined {
  if (typeof module === 'number')
    return decks.find(d => d.number === module)
  const q = module.toLowerCase()
  return decks.find(d => d.name === q || d.slug === q || String(d.number) === q)
}

export function listCohorts(): string[] {
  if (!existsSync(COHORTS_DIR))
    return []
  return readdirSync(COHORTS_DIR).filter(name => existsSync(join(COHORTS_DIR, name, 'cohort.yaml')))
}
