// Reads and validates a cohort file: the first step of load → compose → check
// (src/cohort/pipeline.ts). Every problem is collected with the file, line, field path,
// what is wrong and, for slide ids, the closest valid ids; nothing is composed from a cohort
// with problems. A cohort folder is something people send each other, so every file it names
// must resolve inside it after following links, and the YAML itself is bounded.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { closest, distance } from 'fastest-levenshtein'
import { type Document, LineCounter, parseDocument, visit } from 'yaml'
import type { z } from 'zod'
import { type DeckRef, listDecks, loadDeck, type LoadedDeck, lookUpDeck } from '../content/decks'
import { anchorProblem, closestNames, type ExtensionRef, listExtensions } from '../content/extensions'
import { extendedPlan, sessionPlan, type Version } from '../content/timing'
import { paths, ROOT } from '../paths'
import { cohortContentProblems, imageKind, svgProblem } from './content-rules'
import { EXTENSION_NAME, SLIDE_ID } from '../content/ids'
import { type Cohort, cohortFileSchema, cohortSchema, type ModuleSession, moduleSessionSchema } from './schema'

export const COHORT_ID = /^[a-z0-9][a-z0-9-]{0,40}$/
/** A cohort file is a page of settings; anything far larger is a mistake or an attack. */
const MAX_COHORT_FILE = 100_000
/** A cohort slide file: a few slides of Markdown. */
export const MAX_SLIDE_FILE = 200_000
const MAX_LOGO = 300_000

export interface CohortProblem { file: string, line?: number, column?: number, path?: string, message: string }

/** An extension block a cohort switched on, and where in cohort.yaml it is named. */
export interface SessionExtension { ext: ExtensionRef, path: (string | number)[] }

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
  /** the extension blocks switched on for this module, in the order cohort.yaml names them */
  extensions: SessionExtension[]
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

/** Where a key of the mapping at `path` is written. */
function keyPosition(doc: Document | undefined, counter: LineCounter, path: readonly PropertyKey[], key: string): { line?: number, column?: number } {
  const map = doc?.getIn(path as (string | number)[], true) as { items?: { key?: { value?: unknown, range?: [number, number, number] } }[] } | undefined
  const node = map?.items?.find(pair => pair.key?.value === key)?.key
  if (!node?.range)
    return lineOf(doc, counter, path)
  const pos = counter.linePos(node.range[0])
  return { line: pos.line, column: pos.col }
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
    for (const issue of reportedIssues(parsed.error.issues, raw)) {
      const path = issue.path as (string | number)[]
      // An unknown field is shown at its own key, the line to correct.
      const where = issue.code === 'unrecognized_keys' ? { ...keyPosition(doc, counter, path, issue.keys[0]), path: pathText(path) } : at(...path)
      problem({ ...at(...path), ...where, message: describeIssue(issue, raw) })
    }
    // A module with a mistake in one field still has its slide ids and files checked.
    modules = (Array.isArray(raw.modules) ? raw.modules : [])
      .map((m: unknown, i: number) => [i, salvageSession(m)] as const)
      .filter(([, session]: readonly [number, ModuleSession | undefined]) => session !== undefined) as [number, ModuleSession][]
    logo = typeof raw.branding?.logo === 'string' ? raw.branding.logo : undefined
  }
  const cohortLength = typeof raw.length === 'number' ? raw.length : undefined

  // Extension blocks: each name must be a file in decks/extensions/, in the module it declares.
  const available = listExtensions()
  const describeExtensions = () => available.length
    ? `The extensions are: ${available.map(e => `${e.name}${e.module === undefined ? '' : ` (module ${e.module})`}`).join(', ')}.`
    : 'The kit has no extension blocks (decks/extensions/).'
  const findExtension = (name: unknown, path: (string | number)[]): ExtensionRef | undefined => {
    if (typeof name !== 'string' || !EXTENSION_NAME.test(name))
      return undefined // the schema reports it
    const ext = available.find(e => e.name === name)
    if (!ext) {
      const [best] = closestNames(name, available.map(e => e.name), 1)
      const meant = best !== undefined && distance(name, best) <= Math.max(3, Math.floor(best.length / 3)) ? ` Did you mean "${best}"?` : ''
      problem({ ...at(...path), message: `unknown extension "${name}".${meant} ${describeExtensions()}` })
    }
    else if (ext.module === undefined) {
      problem({ ...at(...path), message: `the extension "${name}" does not say which module it belongs in (${relative(ROOT, ext.file)} is broken; npm run check says how).` })
      return undefined
    }
    return ext
  }
  const listed = new Set<string>()
  const noteListed = (ext: ExtensionRef, path: (string | number)[]) => {
    if (listed.has(ext.name)) {
      problem({ ...at(...path), message: `the extension "${ext.name}" is switched on twice; list it once (at the top level or under module ${ext.module}).` })
      return false
    }
    listed.add(ext.name)
    return true
  }
  const topLevel: SessionExtension[] = []
  const topNames: unknown[] = parsed.success ? parsed.data.extensions : Array.isArray(raw.extensions) ? raw.extensions : []
  topNames.forEach((name, k) => {
    const ext = findExtension(name, ['extensions', k])
    if (ext && noteListed(ext, ['extensions', k]))
      topLevel.push({ ext, path: ['extensions', k] })
  })

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
    // A malformed id or path is the schema's to report; only well-formed ones are looked up.
    const checkId = (slideId: string, path: (string | number)[]) => {
      if (SLIDE_ID.test(slideId) && !ids.includes(slideId))
        problem({ ...at(...path), message: `slide id "${slideId}" is not in module ${deck.number} (${deck.name}). Closest: ${closestIds(slideId, ids).join(', ')}.` })
    }
    const slideFiles: [string, (string | number)[]][] = []
    const checkFile = (rel: string, path: (string | number)[]) => {
      if (!cohortFileSchema.safeParse(rel).success)
        return
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
    // This module's extension blocks: the top level's for this module, then its own.
    const extensions: SessionExtension[] = topLevel.filter(x => x.ext.module === deck.number)
    session.extensions.forEach((name, k) => {
      const path = ['modules', i, 'extensions', k]
      const ext = findExtension(name, path)
      if (!ext)
        return
      if (ext.module !== deck.number)
        problem({ ...at(...path), message: `the extension "${ext.name}" belongs in module ${ext.module} (after slide ${ext.after}), not module ${deck.number}: list it under module ${ext.module}, or in the top-level \`extensions\`.` })
      else if (noteListed(ext, path))
        extensions.push({ ext, path })
    })
    for (const { ext, path } of extensions) {
      const wrongPlace = anchorProblem(ext, upstream)
      if (wrongPlace)
        problem({ ...at(...path), message: `the extension "${ext.name}" ${wrongPlace.replace(/ Name the last slide.*$/, '')} (${relative(ROOT, ext.file)} must name another slide in \`extension.after\`; npm run check reports it too).` })
    }
    // A cohort slide is content: nothing in it runs or reaches outside the cohort folder.
    for (const [real, path] of slideFiles) {
      for (const p of await cohortContentProblems(readFileSync(real, 'utf8'), real, dir))
        problem({ ...at(...path), message: `${relative(dir, real)}:${p.line}: ${p.message}` })
    }

    // The session's length chooses the module's version: the full one when it fits, else the short one.
    const length = session.length ?? cohortLength
    // Each extension block adds its minutes (and the air a longer session needs), unless the cohort states them.
    const extra = extensions.reduce((n, x) => n + x.ext.minutes, 0)
    const lengthOf = (v: Version) => {
      const plan = sessionPlan(upstream.headmatter, v)
      return plan.minutes === undefined || !extra ? plan.minutes : extendedPlan({ minutes: plan.minutes, buffer: plan.buffer }, extra).minutes
    }
    const full = lengthOf('full')
    const short = upstream.headmatter.short === undefined ? undefined : lengthOf('short')
    let version: Version = 'full'
    if (length !== undefined && full !== undefined && length < full) {
      if (short !== undefined && length >= short) {
        version = 'short'
      }
      else {
        const lengthPath = session.length !== undefined ? ['modules', i, 'length'] : ['length']
        problem({ ...at(...lengthPath), message: `module ${deck.number} runs ${full} min${extra ? ` with its extension blocks` : ''}${short !== undefined ? `, or ${short} min in its short version` : ' and has no short version'}; a length of ${length} min fits neither. Give it more time, or drop this module${extra ? ' or an extension block' : ''}.` })
      }
    }
    const minutes = session.minutes ?? lengthOf(version) ?? 0
    if (result.problems.length === before)
      result.sessions.push({ deck, upstream, session, version, minutes, index: i, extensions })
  }

  for (const { ext, path } of topLevel) {
    if (!seen.has(ext.module!))
      problem({ ...at(...path), message: `the extension "${ext.name}" belongs in module ${ext.module}, which this cohort does not run: add module ${ext.module} to \`modules\`, or remove the extension.` })
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
  if (!parsed.success || result.problems.length)
    result.sessions = []
  sortProblems(result)
  return result
}

/** A cohort's problems in the order of its file, so they can be fixed from the top down. */
export function sortProblems(loaded: LoadedCohort): void {
  const first = (p: CohortProblem) => (p.file === loaded.file ? 0 : 1)
  loaded.problems.sort((a, b) => first(a) - first(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}

/** The value at a path of the raw YAML, or undefined. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), raw)
}

/** The field a mistyped key most likely meant, if it is close enough to be a typo. */
function meantKey(key: string, known: readonly string[]): string | undefined {
  if (!known.length)
    return undefined
  const best = closest(key, known as string[])
  return distance(key, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined
}

/**
 * The schema's issues as a person would list the mistakes: a required field that is missing
 * because its key is mistyped (`modul: 2`) is one mistake, reported once, as the unknown field
 * with its did-you-mean.
 */
function reportedIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): z.core.$ZodIssue[] {
  const typoFor = new Set<string>()
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys')
      continue
    const known = knownKeysAt(issue.path)
    for (const k of issue.keys) {
      const meant = meantKey(k, known)
      if (meant)
        typoFor.add(pathText([...issue.path, meant]))
    }
  }
  return issues.filter(issue => !(issue.code !== 'unrecognized_keys' && valueAt(raw, issue.path) === undefined && typoFor.has(pathText(issue.path))))
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(issue.path)
    const meant = issue.keys.map(k => meantKey(k, known))
    const suggestions = issue.keys.map((k, n) => meant[n] ? `"${k}" → "${meant[n]}"` : undefined).filter(Boolean)
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(k => `"${k}"`).join(', ')}${known.length ? `.${suggestions.length ? ` Did you mean ${issue.keys.length > 1 ? suggestions.join(', ') : `"${meant[0]}"`}?` : ''} Allowed: ${known.join(', ')}` : ''}.`
  }
  if (issue.code === 'invalid_key')
    return `${JSON.stringify(String(issue.path.at(-1)))} is not a slide id: use an id such as m2-stakeholder-map, from the slide's frontmatter in decks/*/slides.md.`
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined'))
    return `is required (${issue.expected}).`
  if (issue.path.length && valueAt(raw, issue.path) === undefined)
    return `is required: ${issue.message.replace(/^must/, 'it must')}.`.replace(/\.\.$/, '.')
  return issue.message
}

/** What a schema is once defaults, optionals and pipes are looked through. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let s = schema
  for (let def = s._zod.def as any; ['default', 'optional', 'nullable', 'prefault', 'catch', 'readonly', 'nonoptional', 'pipe'].includes(def.type); def = s._zod.def as any)
    s = def.type === 'pipe' ? def.in : def.innerType
  return s
}

/** The field names allowed at a path of the cohort file (any nested object), for "did you mean". */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType | undefined = cohortSchema
  for (const key of path) {
    if (!schema)
      return []
    const def = unwrap(schema)._zod.def as any
    schema = def.type === 'object' ? def.shape[key as string] : def.type === 'array' ? def.element : def.type === 'record' ? def.valueType : undefined
  }
  if (!schema)
    return []
  const def = unwrap(schema)._zod.def as any
  if (def.type === 'object')
    return Object.keys(def.shape)
  // A record with named keys (values): its names.
  const keyDef = def.type === 'record' ? unwrap(def.keyType)._zod.def as any : undefined
  return keyDef?.type === 'enum' ? Object.values(keyDef.entries as Record<string, string>) : []
}

/** Renames keys that are typos of a missing allowed key, so the rest of the object can be checked. */
function withTyposFixed(value: unknown, known: readonly string[]): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return value
  const fixed: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    const meant = known.includes(k) ? k : meantKey(k, known)
    if (meant && !(meant in value) && !(meant in fixed))
      fixed[meant] = v
    else if (known.includes(k))
      fixed[k] = v
  }
  return fixed
}

/**
 * The checkable part of a module session whose fields are not all valid: mistyped keys read as
 * what they meant, each field kept if valid (each slide id, replacement and insertion on its
 * own). The schema has already reported what is wrong; this only lets the slide ids and files
 * be checked too. Undefined when the module itself cannot be told.
 */
function salvageSession(raw: unknown): ModuleSession | undefined {
  const shape = moduleSessionSchema.shape
  const m = withTyposFixed(raw, Object.keys(shape)) as Record<string, unknown> | undefined
  if (!m || typeof m !== 'object')
    return undefined
  const field = <K extends keyof typeof shape>(k: K): ModuleSession[K] | undefined => {
    const r = shape[k].safeParse(m[k])
    return r.success ? r.data as ModuleSession[K] : undefined
  }
  const module = field('module')
  if (module === undefined)
    return undefined
  const insertKeys = Object.keys(((shape.insert.unwrap() as z.ZodArray<z.ZodObject>).element).shape)
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  // Entries keep their positions (problems name them by index); a malformed one, already
  // reported by the schema, is left for the checks to skip.
  return {
    module,
    start: text(m.start),
    minutes: field('minutes'),
    length: field('length'),
    title: field('title'),
    subtitle: field('subtitle'),
    drop: Array.isArray(m.drop) ? m.drop.map(text) : [],
    replace: m.replace && typeof m.replace === 'object' && !Array.isArray(m.replace)
      ? Object.fromEntries(Object.entries(m.replace).map(([id, f]) => [id, text(f)]))
      : {},
    extensions: Array.isArray(m.extensions) ? m.extensions.filter((x): x is string => typeof x === 'string') : [],
    insert: Array.isArray(m.insert)
      ? m.insert.map((x) => {
          const item = withTyposFixed(x, insertKeys) as Record<string, unknown> | undefined
          return { after: text(item?.after), file: text(item?.file) }
        })
      : [],
  }
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
