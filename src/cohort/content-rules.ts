// A cohort folder is content a remixer receives from a colleague, not code: its slides may
// use Markdown, plain HTML and the kit's components with fixed attributes, and may show files
// from their own folder or the kit's public/ folder. Anything that runs code at build or show
// time (scripts, template expressions, directives, event handlers), imports another file
// (`src:`, snippet imports, styles with imports) or reaches outside those folders is refused,
// with its line, before anything is composed or built. The check and the build agree because
// the build only ever sees files this check passed.
import { existsSync, realpathSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'
import { parse } from '@slidev/parser'
import { localTargets } from '../content/check'

export interface ContentProblem { line: number, message: string }

/** Tags that run code, load other documents or change where the page's links go. */
const FORBIDDEN_TAGS = ['script', 'style', 'iframe', 'object', 'embed', 'link', 'meta', 'base', 'form', 'frame', 'frameset', 'template', 'svg:script']
/** Frontmatter keys that make Slidev read another file or run something. */
const FORBIDDEN_KEYS = ['src', 'importSnippets', 'setup', 'preload', 'monaco', 'routeAlias']

const FIX = 'A cohort slide is content: Markdown, plain HTML and the kit\'s components with fixed attributes.'

/** Line numbers of the text outside HTML comments (the notes), with comments blanked. */
function withoutComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, m => m.replace(/[^\n]/g, ' '))
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length
}

/** Problems of one cohort slide file's text; `file` is its real path inside `cohortDir`. */
export async function cohortContentProblems(text: string, file: string, cohortDir: string): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = []
  const body = withoutComments(text)
  const add = (index: number, message: string) => problems.push({ line: lineAt(body, index), message: `${message} ${FIX}` })

  for (const m of body.matchAll(/<\s*\/?\s*([a-z][\w:-]*)\b([^>]*)>?/gi)) {
    const tag = m[1].toLowerCase()
    if (FORBIDDEN_TAGS.includes(tag)) {
      add(m.index!, `<${tag}> is not allowed in a cohort slide: it would run code or load other files when the deck is built or shown.`)
      continue
    }
    for (const a of (m[2] ?? '').replace(/"[^"]*"|'[^']*'/g, '""').matchAll(/(?:^|\s)([^\s=/>"']+)(?=\s*=|\s|$)/g)) {
      const name = a[1]
      if (/^(?:v-|:|@|#)/.test(name) || /^on/i.test(name))
        add(m.index!, `the attribute ${name} on <${tag}> is code (a Vue directive, binding or event handler) and is not allowed in a cohort slide; give the attribute a fixed value or leave it out.`)
    }
  }
  for (const m of body.matchAll(/\{\{/g))
    add(m.index!, '`{{` starts a template expression, which would be run; write it as `{ {` or put it in the notes.')
  for (const m of body.matchAll(/^\s*<<<.*$/gm))
    add(m.index!, '`<<<` imports a code snippet from another file; paste the code into the slide instead.')
  for (const m of body.matchAll(/\b(?:javascript|vbscript):/gi))
    add(m.index!, `a ${m[0]} link runs code; link to a page or a file in the cohort folder instead.`)
  for (const m of body.matchAll(/\/@fs\/|\/@id\/|\/@vite\//g))
    add(m.index!, `"${m[0]}" reaches the build tool's own files; link to a file in the cohort folder instead.`)

  let slides
  try {
    slides = (await parse(text, file)).slides
  }
  catch (e) {
    problems.push({ line: 1, message: `cannot be read as slides: ${(e as Error).message.split('\n')[0]}` })
    return problems
  }
  const root = realpathSync(cohortDir)
  for (const slide of slides) {
    const line = (slide.start ?? 0) + 1
    for (const key of FORBIDDEN_KEYS) {
      if (key in (slide.frontmatter ?? {}))
        problems.push({ line, message: `the frontmatter key \`${key}\` makes the build read or run another file and is not allowed in a cohort slide; copy the slide's content into this file instead.` })
    }
    const targets = localTargets({ content: withoutComments(slide.content), frontmatter: Object.fromEntries(Object.entries(slide.frontmatter ?? {}).filter(([k]) => k !== 'src')) })
    for (const target of targets) {
      const problem = outsideProblem(target, file, root)
      if (problem)
        problems.push({ line, message: problem })
    }
  }
  return problems.sort((a, b) => a.line - b.line)
}

/** Why a local link or image of a cohort slide is not allowed, or undefined when it is fine. */
function outsideProblem(target: string, file: string, root: string): string | undefined {
  if (target.split(/[/\\]/).includes('..') && target.startsWith('/'))
    return `"${target}" climbs out of the kit's public folder; name a file in public/ or in the cohort folder.`
  if (target.startsWith('/')) {
    // An absolute path is the kit's shared public/ folder, as in the upstream decks.
    return undefined
  }
  const path = join(dirname(file), target)
  if (!existsSync(path))
    return undefined // the content check reports a missing target with its own message
  const real = realpathSync(path)
  if (real !== root && !real.startsWith(root + sep))
    return `"${target}" is outside the cohort folder; copy the file into the cohort folder and link to the copy.`
  return undefined
}

/** Which image a logo's bytes are, whatever its name says; undefined when it is none of the allowed ones. */
export function imageKind(bytes: Buffer): 'png' | 'jpeg' | 'webp' | 'svg' | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])))
    return 'png'
  if (bytes[0] === 0xFF && bytes[1] === 0xD8 && bytes[2] === 0xFF)
    return 'jpeg'
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'webp'
  const head = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').trimStart()
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head))
    return 'svg'
  return undefined
}

/** Why an SVG logo is refused: it is shown on slides and handouts, so it may not run code or load anything. */
export function svgProblem(text: string): string | undefined {
  if (/<script[\s>]/i.test(text))
    return 'the SVG logo contains a <script>; export the logo again without scripts.'
  if (/\son[a-z]+\s*=/i.test(text))
    return 'the SVG logo contains an event handler (on…=); export the logo again without scripts.'
  if (/(?:href|src)\s*=\s*["']\s*(?:https?:|\/\/|javascript:)/i.test(text) || /url\(\s*["']?\s*(?:https?:|\/\/)/i.test(text) || /@import/i.test(text))
    return 'the SVG logo loads something from another host; embed the image data in the SVG instead (the kit works offline).'
  return undefined
}
