// Extension blocks: optional blocks of slides a cohort switches on in cohort.yaml
// (`extensions: [conduct-response]`), each a Markdown file `decks/extensions/<name>.md`. The
// file's first slide opens the block (`section:`) and declares where it goes:
// `extension: { module: 4, after: m4-ways-debrief }`, the last slide of the block it follows.
// The composer (src/cohort/compose.ts) imports the file right after that slide; the session
// grows by the block's minutes. The content check checks each file on its own and in its place
// in its module, so a broken block is caught even when no cohort uses it.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative } from 'node:path'
import { parseSync } from '@slidev/parser'
import { distance } from 'fastest-levenshtein'
import { stringify as toYaml } from 'yaml'
import { paths, ROOT } from '../paths'
import { checkDeck } from './check'
import { type DeckRef, displayPath, type LoadedDeck, loadDeck } from './decks'
import { EXTENSION_NAME } from './ids'
import type { Problem } from './problem'
import { extendedPlan, sessionPlan, slideMinutes } from './timing'

export { EXTENSION_NAME }
/** An extension block's minutes in all: a short block a module can take on. */
export const EXTENSION_MINUTES = { min: 10, max: 15 } as const
/** Fields an extension's slides may not carry: a block a cohort chose is never dropped or a preparation page. */
const NOT_IN_EXTENSIONS = ['cut', 'optional', 'prep', 'src'] as const

export interface ExtensionRef {
  /** the file's name without `.md`, as a cohort names it */
  name: string
  file: string
  /** the module it belongs in, from its first slide's `extension:` */
  module?: number
  /** the upstream slide it comes after: the last slide of the block before it */
  after?: string
  /** its slides' minutes in all */
  minutes: number
  /** its slides' ids, in order */
  ids: string[]
  /** what is wrong with the file on its own */
  problems: Problem[]
}

/** The extension blocks in `dir` (decks/extensions/ by default), by name. */
export function listExtensions(dir = paths.extensions): ExtensionRef[] {
  let names: string[]
  try {
    names = readdirSync(dir, { withFileTypes: true }).filter(d => d.isFile() && d.name.endsWith('.md') && d.name !== 'README.md').map(d => d.name)
  }
  catch {
    return []
  }
  return names.sort().map(name => readExtension(join(dir, name)))
}

/** One extension file, with what is wrong with it on its own (its declaration, ids, minutes, credits). */
export function readExtension(file: string): ExtensionRef {
  const name = basename(file, '.md')
  const ext: ExtensionRef = { name, file, minutes: 0, ids: [], problems: [] }
  const problem = (line: number, message: string) => ext.problems.push({ file, line, message })
  if (!EXTENSION_NAME.test(name))
    problem(1, `"${name}" is not an extension name: name the file in lower-case words joined by dashes (e.g. conduct-response.md); cohorts switch it on by that name.`)
  let slides: { frontmatter: Record<string, any>, content: string, start: number }[]
  try {
    slides = parseSync(readFileSync(file, 'utf8'), file).slides.map(s => ({ frontmatter: s.frontmatter ?? {}, content: s.content ?? '', start: s.start ?? 0 }))
  }
  catch (e) {
    problem(1, `cannot be read as slides: ${(e as Error).message.split('\n')[0]}`)
    return ext
  }
  const first = slides[0]
  if (!first) {
    problem(1, 'has no slides.')
    return ext
  }
  const declared = first.frontmatter.extension
  const example = '`extension: { module: 4, after: m4-ways-debrief }` (the module, and the last slide of the block it follows)'
  if (!declared || typeof declared !== 'object' || Array.isArray(declared)) {
    problem(first.start + 1, `its first slide does not say where the block goes: add ${example} to its frontmatter.`)
  }
  else {
    const extra = Object.keys(declared).filter(k => k !== 'module' && k !== 'after')
    if (extra.length)
      problem(first.start + 1, `\`extension\` has ${extra.map(k => `\`${k}\``).join(', ')}; it holds only \`module\` and \`after\`: ${example}.`)
    if (Number.isInteger(declared.module) && declared.module >= 1 && declared.module <= 9)
      ext.module = declared.module
    else
      problem(first.start + 1, `\`extension.module\` must be a module number from 1 (found ${JSON.stringify(declared.module)}): ${example}.`)
    if (typeof declared.after === 'string' && /^m\d-[a-z0-9]+(?:-[a-z0-9]+)*$/.test(declared.after))
      ext.after = declared.after
    else
      problem(first.start + 1, `\`extension.after\` must be the id of the upstream slide the block follows (found ${JSON.stringify(declared.after)}): ${example}.`)
  }
  if (typeof first.frontmatter.section !== 'string' || !first.frontmatter.section.trim())
    problem(first.start + 1, 'its first slide opens the block in the agenda: give it `section: <block title>`.')
  if (slides.slice(1).some(s => typeof s.frontmatter.section === 'string'))
    problem(slides.find((s, i) => i > 0 && typeof s.frontmatter.section === 'string')!.start + 1, 'an extension is one agenda block: only its first slide has a `section`.')

  const prefix = ext.module === undefined ? undefined : `m${ext.module}-ext-${name}-`
  for (const slide of slides) {
    const fm = slide.frontmatter
    const line = slide.start + 1
    if (typeof fm.id !== 'string')
      problem(line, `has no \`id\`: extension slides are named \`${prefix ?? 'm<module>-ext-<name>-'}<words>\`.`)
    else if (prefix && !fm.id.startsWith(prefix))
      problem(line, `id "${fm.id}" should start with ${prefix} (an extension's slides are named after its module and its name).`)
    else
      ext.ids.push(fm.id)
    for (const key of NOT_IN_EXTENSIONS) {
      if (key in fm)
        problem(line, `\`${key}\` is not used in an extension block: a cohort that switches the block on runs all of it, in the full and the short version alike.`)
    }
    if (typeof fm.duration === 'number')
      ext.minutes += fm.duration
  }
  if (ext.minutes < EXTENSION_MINUTES.min || ext.minutes > EXTENSION_MINUTES.max)
    problem(first.start + 1, `the block's slides add up to ${ext.minutes} min; an extension block runs ${EXTENSION_MINUTES.min}-${EXTENSION_MINUTES.max} minutes (give its slides a \`duration\`, or cut scope).`)
  if (!slides.some(s => /class="kit-credit"/.test(s.content)))
    problem(first.start + 1, 'credits no source: put `<p class="kit-credit">After … (licence)</p>` on the slide where a source is used, and list the sources, with the date you read them, on its references slide.')
  return ext
}

/** The closest names to a mistyped one, best first. */
export function closestNames(wrong: string, names: readonly string[], count = 2): string[] {
  return [...names].sort((a, b) => distance(wrong, a) - distance(wrong, b)).slice(0, count)
}

/** YAML for a composed deck's frontmatter: double-quoted strings, and no `---` that would end the block early. */
export function frontmatterYaml(data: Record<string, unknown>): string {
  return toYaml(data, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })
    .trimEnd()
    .replace(/-(?=-)/g, '\\x2D')
}

/** Why an extension's `after` cannot take it, or undefined: the slide must exist and end its block. */
export function anchorProblem(ext: ExtensionRef, upstream: LoadedDeck): string | undefined {
  const ids = upstream.slides.map(s => String(s.frontmatter.id))
  const index = ids.indexOf(ext.after ?? '')
  if (index < 0) {
    const timed = upstream.slides.filter((s, i) => slideMinutes(s.frontmatter, i) > 0).map(s => String(s.frontmatter.id))
    return `goes after slide "${ext.after}", which module ${upstream.ref.number} (${upstream.ref.name}) does not have${timed.length ? `. Closest: ${closestNames(ext.after ?? '', timed, 3).join(', ')}` : ''}. Name the last slide of the block it follows in \`extension.after\`.`
  }
  const next = upstream.slides[index + 1]
  if (next && next.frontmatter.prep !== true && typeof next.frontmatter.section !== 'string' && slideMinutes(next.frontmatter, index + 1) > 0)
    return `goes after slide "${ext.after}", but that slide does not end its block: the next one (${next.frontmatter.id}) would fall into the extension's block. Name the last slide of the block (the one before the next \`section\`).`
  return undefined
}

/**
 * The text of a deck entry that imports `upstream` with the extensions after their slides,
 * written in `deckDir` (the content check's scratch deck for one extension in its place).
 */
function extendedEntry(upstream: LoadedDeck, extensions: ExtensionRef[], deckDir: string): string {
  const rel = (file: string) => relative(deckDir, file).split('\\').join('/')
  const h = upstream.headmatter
  const extra = extensions.reduce((n, e) => n + e.minutes, 0)
  const full = sessionPlan(h, 'full')
  const short = sessionPlan(h, 'short')
  const grown = full.minutes === undefined ? undefined : extendedPlan({ minutes: full.minutes, buffer: full.buffer }, extra)
  const grownShort = short.minutes === undefined ? undefined : extendedPlan({ minutes: short.minutes, buffer: short.buffer }, extra)
  const headmatter: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(h).filter(([k]) => !['id', 'layout', 'section'].includes(k))),
    addons: [`${relative(dirname(deckDir), ROOT).split('\\').join('/')}/`],
    ...(grown ? { duration: `${grown.minutes}min`, buffer: grown.buffer } : {}),
    ...(grownShort ? { short: { duration: `${grownShort.minutes}min`, buffer: grownShort.buffer } } : {}),
  }
  const imports: string[] = []
  upstream.slides.forEach((slide, index) => {
    imports.push(`${rel(upstream.ref.entry)}#${index + 1}`)
    for (const ext of extensions.filter(e => e.after === slide.frontmatter.id))
      imports.push(rel(ext.file))
  })
  const [first, ...rest] = imports
  return [`---\n${frontmatterYaml({ ...headmatter, src: first })}\n---\n`, ...rest.map(src => `---\n${frontmatterYaml({ src })}\n---\n`)].join('\n')
}

/** A finding's rule without its counts. */
const rule = (message: string) => message.replace(/\d+/g, '#')

/**
 * Every extension file checked on its own and in its place: its declaration, its slide ids
 * (unique across the kit), and the content check of its module with the block inserted (in
 * the full and the short version), reporting what the block breaks. `modules`: only the
 * extensions of these modules (all by default).
 */
export async function checkExtensions(decks: DeckRef[], loaded: LoadedDeck[], extensions = listExtensions(), modules?: number[]): Promise<Problem[]> {
  const chosen = extensions.filter(e => !modules || e.module === undefined || modules.includes(e.module))
  const problems: Problem[] = chosen.flatMap(e => e.problems)
  // Ids are unique across the kit: cohorts and boards select slides by them.
  const owner = new Map<string, string>()
  for (const deck of loaded) {
    for (const s of deck.slides) {
      if (typeof s.frontmatter.id === 'string')
        owner.set(s.frontmatter.id, `${displayPath(s.file)}`)
    }
  }
  for (const ext of extensions) {
    for (const id of ext.ids) {
      if (owner.has(id) && chosen.includes(ext))
        problems.push({ file: ext.file, line: 1, message: `slide id "${id}" is already used by ${owner.get(id)}. Ids must be unique across the kit.` })
      owner.set(id, displayPath(ext.file))
    }
  }

  const scratch = mkdtempSync(join(tmpdir(), 'kit-extension-check-'))
  try {
    for (const ext of chosen) {
      if (ext.module === undefined || ext.after === undefined)
        continue
      const ref = decks.find(d => d.number === ext.module)
      if (!ref) {
        problems.push({ file: ext.file, line: 1, message: `belongs in module ${ext.module}, which the kit does not have (modules: ${decks.map(d => d.number).join(', ')}).` })
        continue
      }
      const upstream = loaded.find(d => d.ref.number === ref.number) ?? await loadDeck(ref)
      const wrongPlace = anchorProblem(ext, upstream)
      if (wrongPlace) {
        problems.push({ file: ext.file, line: 1, message: wrongPlace })
        continue
      }
      const dir = join(scratch, `${ref.name}-${ext.name}`)
      mkdirSync(dir, { recursive: true })
      const entry = join(dir, 'slides.md')
      writeFileSync(entry, extendedEntry(upstream, [ext], dir))
      const composed = await loadDeck({ ...ref, dir, entry })
      const upstreamFound = checkDeck(upstream)
      const known = new Set(upstreamFound.map(p => `${p.file}\n${p.line ?? ''}\n${rule(p.message)}`))
      const knownRules = new Set(upstreamFound.filter(p => p.file === upstream.ref.entry).map(p => rule(p.message)))
      for (const p of checkDeck(composed)) {
        if (p.file === ext.file)
          problems.push(p)
        else if (p.file === entry ? !knownRules.has(rule(p.message)) : !known.has(`${p.file}\n${p.line ?? ''}\n${rule(p.message)}`))
          problems.push({ file: ext.file, line: 1, message: `in module ${ref.number} with this block: ${p.file === entry ? '' : `${displayPath(p.file)}${p.line ? `:${p.line}` : ''}: `}${p.message.replace(/^in the module, /, '')}` })
      }
    }
  }
  finally {
    rmSync(scratch, { recursive: true, force: true })
  }
  return problems
}
