// Reads and checks a cohort file. Every problem is collected with the file, line, field path,
// what is wrong and, for slide ids, the closest valid ids; nothing is built from a cohort
// with problems. A cohort folder is something people send each other, so every file it names
// must resolve inside it after following links, and the YAML itself is bounded.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { closest, distance } from 'fastest-levenshtein'
import { type Document, LineCounter, parseDocument, visit } from 'yaml'
import type { z } from 'zod'
import { type DeckRef, listDecks, loadDeck, type LoadedDeck, lookUpDeck } from '../content/decks'
import { sessionPlan, type Version } from '../content/timing'
import { paths, ROOT } from '../paths'
import { checkComposedDecks } from './check'
import { cohortContentProblems, imageKind, svgProblem } from './content-rules'
import { type Cohort, cohortSchema, type ModuleSession, moduleSessionSchema } from './schema'

export const COHORT_ID = /^[a-z0-9][a-z0-9-]{0,40}$/
/** A cohort file is a page of settings; anything far larger is a mistake or an attack. */
const MAX_COHORT_FILE = 100_000
/** A cohort slide file: a few slides of Markdown. */
export const MAX_SLIDE_FILE = 200_000
const MAX_LOGO = 300_000

export interface CohortProblem { file: string, line?: number, column?: number, path?: string, message: string }

export interface ResolvedSession {
  deck: DeckRef
  upstream: LoadedDeck
  session: Cohort['modules'][number]
  /** the version of the module the session's length chose */
  version: Version
  /** the session's length in minutes */
  minutes: number
  /** where in cohort.yaml this session is: its index in `modules` */
  index: number
}

export interface LoadedCohort {
  id: string
  dir: string
  file: string
  cohort?: Cohort
  sessions: ResolvedSession[]
  problems: CohortProblem[]
  warnings: string[]
  /** the cohort.yaml position of a field path, for problems found after loading */
  at: (...path: (string | number)[]) => Pick<CohortProblem, 'line' | 'column' | 'path'>
  /** a file the cohort names, as a checked absolute path inside its folder */
  resolveFile: (rel: string) => string
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

function lineOf(doc: Document | undefined, counter: LineCounter, path: readonly PropertyKey[]): { line?: number, column?: number } {
  // The deepest node that exists along the path: a missing key points at its parent.
  for (let n = path.length; doc && n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined
    if (node && node.range) {
      const pos = counter.linePos(node.range[0])
      return { line: pos.line, column: pos.col }
    }
  }
  return {}
}

export function cohortDir(id: string): string {
  return join(paths.cohorts, id)
}

/**
 * Where a file the cohort names really is, following links: refused unless it is a regular
 * file inside the cohort folder and not too large. Returns the real path or the problem.
 */
export function resolveCohortFile(dir: string, rel: string, maxBytes: number): { file: string } | { problem: string } {
  const shown = JSON.stringify(rel)
  let real: string
  try {
    real = realpathSync(join(dir, rel))
  }
  catch {
    return { problem: `the file ${shown} does not exist in ${displayDir(dir)}/.` }
  }
  const root = realpathSync(dir)
  if (!real.startsWith(root + sep))
    return { problem: `the file ${shown} leads outside the cohort folder (it is a link to ${real}); copy the file into ${displayDir(dir)}/ instead.` }
  const stat = statSync(real)
  if (!stat.isFile())
    return { problem: `${shown} is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}; name a file.` }
  if (stat.size > maxBytes)
    return { problem: `the file ${shown} is ${Math.round(stat.size / 1000)} kB; keep it under ${maxBytes / 1000} kB.` }
  return { file: real }
}

function displayDir(dir: string): string {
  return relative(ROOT, dir) || dir
}

export async function loadCohort(id: string, decks: DeckRef[] = listDecks(), dir = cohortDir(id)): Promise<LoadedCohort> {
  const file = join(dir, 'cohort.yaml')
  const counter = new LineCounter()
  let doc: Document | undefined
  const at = (...path: (string | number)[]) => ({ ...lineOf(doc, counter, path), path: pathText(path) })
  const result: LoadedCohort = {
    id,
    dir,
    file,
    sessions: [],
    problems: [],
    warnings: [],
    at,
    resolveFile: (rel) => {
      const r = resolveCohortFile(dir, rel, MAX_SLIDE_FILE)
      if ('problem' in r)
        throw new Error(`unchecked cohort file ${rel}: ${r.problem}`)
      return r.file
    },
  }
  const problem = (p: Omit<CohortProblem, 'file'> & { file?: string }) => result.problems.push({ file, ...p })

  if (!COHORT_ID.test(id)) {
    problem({ message: `"${id}" is not a cohort id: use lower-case letters, digits and dashes (e.g. lisbon-2027).` })
    return result
  }
  const known = listCohorts()
  let stat
  try {
    stat = lstatSync(file)
  }
  catch {
    problem({ message: `there is no cohort file. Create one with: npm run cohort -- new ${id}${known.length ? ` (existing cohorts: ${known.join(', ')})` : ''}` })
    return result
  }
  if (stat.isSymbolicLink() || !stat.isFile()) {
    const checked = resolveCohortFile(dir, 'cohort.yaml', MAX_COHORT_FILE)
    if ('problem' in checked) {
      problem({ message: checked.problem.replace('"cohort.yaml"', 'cohort.yaml') })
      return result
    }
  }
  if (statSync(file).size > MAX_COHORT_FILE) {
    problem({ message: `the cohort file is ${Math.round(statSync(file).size / 1000)} kB; a cohort file is a page of settings (at most ${MAX_COHORT_FILE / 1000} kB).` })
    return result
  }

  doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: counter, prettyErrors: true, uniqueKeys: true })
  for (const e of doc.errors) {
    const pos = e.linePos?.[0]
    problem({ line: pos?.line, column: pos?.col, message: `YAML syntax: ${e.message.split('\n')[0]}` })
  }
  if (doc.errors.length)
    return result
  // Aliases (`*name`) can multiply a small file into a huge one; a cohort file never needs them.
  visit(doc, {
    Alias(_, node) {
      const pos = node.range ? counter.linePos(node.range[0]) : undefined
      problem({ line: pos?.line, column: pos?.col, message: `YAML aliases (*${node.source}) are not allowed in a cohort file; write the value out in full.` })
      return visit.BREAK
    },
  })
  if (result.problems.length)
    return result

  let raw: any
  try {
    raw = doc.toJS({ maxAliasCount: 0 }) ?? {}
  }
  catch (e) {
    problem({ message: `cannot read the YAML: ${(e as Error).message}` })
    return result
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problem({ line: 1, message: 'a cohort file is a set of fields (name: …, modules: …), not a single value or a list.' })
    return result
  }
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
      problem({ ...at(...issue.path as (string | number)[]), message: describeIssue(issue) })
    modules = (Array.isArray(raw.modules) ? raw.modules : [])
      .map((m: unknown, i: number) => [i, moduleSessionSchema.safeParse(m)] as const)
      .filter(([, r]: readonly [number, { success: boolean }]) => r.success)
      .map(([i, r]: readonly [number, { data?: ModuleSession }]) => [i, r.data!] as [number, ModuleSession])
    logo = typeof raw.branding?.logo === 'string' ? raw.branding.logo : undefined
  }
  const cohortLength = typeof raw.length === 'number' ? raw.length : undefined

  const seen = new Set<number>()
  for (const [i, session] of modules) {
    const deck = lookUpDeck(decks, session.module)
    if (!deck) {
      problem({ ...at('modules', i, 'module'), message: `unknown module ${JSON.stringify(session.module)}. The modules are: ${decks.map(d => `${d.number} (${d.slug})`).join(', ')}.` })
      continue
    }
    if (seen.has(deck.number))
      problem({ ...at('modules', i, 'module'), message: `module ${deck.number} is listed twice.` })
    seen.add(deck.number)
    const upstream = await loadDeck(deck)
    const ids = upstream.slides.map(s => String(s.frontmatter.id))
    const before = result.problems.length
    const checkId = (slideId: string, path: (string | number)[]) => {
      if (!ids.includes(slideId))
        problem({ ...at(...path), message: `slide id "${slideId}" is not in module ${deck.number} (${deck.name}). Closest: ${closestIds(slideId, ids).join(', ')}.` })
    }
    const slideFiles: [string, (string | number)[]][] = []
    const checkFile = (rel: string, path: (string | number)[]) => {
      const r = resolveCohortFile(dir, rel, MAX_SLIDE_FILE)
      if ('problem' in r)
        problem({ ...at(...path), message: r.problem })
      else
        slideFiles.push([r.file, path])
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
    // A cohort slide is content: nothing in it runs or reaches outside the cohort folder.
    for (const [real, path] of slideFiles) {
      for (const p of await cohortContentProblems(readFileSync(real, 'utf8'), real, dir))
        problem({ ...at(...path), message: `${relative(dir, real)}:${p.line}: ${p.message}` })
    }

    // The session's length chooses the module's version: the full one when it fits, else the short one.
    const length = session.length ?? cohortLength
    const full = sessionPlan(upstream.headmatter, 'full').minutes
    const short = upstream.headmatter.short === undefined ? undefined : sessionPlan(upstream.headmatter, 'short').minutes
    let version: Version = 'full'
    if (length !== undefined && full !== undefined && length < full) {
      if (short !== undefined && length >= short) {
        version = 'short'
      }
      else {
        const lengthPath = session.length !== undefined ? ['modules', i, 'length'] : ['length']
        problem({ ...at(...lengthPath), message: `module ${deck.number} runs ${full} min${short !== undefined ? `, or ${short} min in its short version` : ' and has no short version'}; a length of ${length} min fits neither. Give it more time, or drop this module.` })
      }
    }
    const minutes = session.minutes ?? sessionPlan(upstream.headmatter, version).minutes ?? 0
    if (result.problems.length === before)
      result.sessions.push({ deck, upstream, session, version, minutes, index: i })
  }

  if (logo) {
    const r = resolveCohortFile(dir, logo, MAX_LOGO)
    if ('problem' in r)
      problem({ ...at('branding', 'logo'), message: r.problem.replace(/^the file/, 'the logo') })
    else {
      const bytes = readFileSync(r.file)
      const kind = imageKind(bytes)
      const named = /\.svg$/i.test(r.file) ? 'svg' : /\.png$/i.test(r.file) ? 'png' : /\.jpe?g$/i.test(r.file) ? 'jpeg' : /\.webp$/i.test(r.file) ? 'webp' : undefined
      if (!named)
        problem({ ...at('branding', 'logo'), message: 'the logo must be an SVG, PNG, JPEG or WebP image (.svg, .png, .jpg, .webp).' })
      else if (kind !== named)
        problem({ ...at('branding', 'logo'), message: `${JSON.stringify(logo)} is named as a${named === 'svg' ? 'n' : ''} ${named.toUpperCase()} image but its content is ${kind ? `a${kind === 'svg' ? 'n' : ''} ${kind.toUpperCase()} image` : 'not an image'}; export the logo again as SVG, PNG, JPEG or WebP with the matching extension.` })
      else if (kind === 'svg') {
        const why = svgProblem(bytes.toString('utf8'))
        if (why)
          problem({ ...at('branding', 'logo'), message: why })
      }
    }
  }
  // The cohort's decks meet the same rules as the upstream ones: composed and checked as Slidev reads them.
  if (parsed.success && result.problems.length === 0)
    result.problems.push(...await checkComposedDecks(result))
  if (!parsed.success || result.problems.length)
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
    'modules': Object.keys(moduleSessionSchema.shape),
    'insert': ['after', 'file'],
    'branding': ['logo', 'accent'],
  }
  const named = [...path].reverse().find(k => typeof k === 'string') as string | undefined
  return shapes[named ?? ''] ?? []
}

export function listCohorts(): string[] {
  try {
    return readdirSync(paths.cohorts, { withFileTypes: true })
      .filter(d => COHORT_ID.test(d.name) && (d.isDirectory() || d.isSymbolicLink()))
      .filter((d) => {
        try {
          return lstatSync(join(paths.cohorts, d.name, 'cohort.yaml')) !== undefined
        }
        catch {
          return false
        }
      })
      .map(d => d.name)
      .sort()
  }
  catch {
    return []
  }
}
