// Every slide id, command and repository path the documentation shows exists: a remixer copies
// them as written. Slide ids (m<N>-… in backticks or code blocks) must be slides or boards of the
// decks; `npm run …` commands must be scripts of package.json, with subcommands, modules and
// options the kit's command line knows; paths must be in the repository.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BOARDS } from '../src/boards'
import { findModule, listDecks, loadDeck } from '../src/content/decks'
import { listExtensions } from '../src/content/extensions'
import { ROOT } from '../src/paths'

const DOCS = [
  'README.md',
  'cohorts/README.md',
  'decks/README.md',
  ...readdirSync(join(ROOT, 'docs')).filter(f => f.endsWith('.md')).map(f => `docs/${f}`),
  ...readdirSync(join(ROOT, 'examples'), { withFileTypes: true }).filter(d => d.isDirectory() && existsSync(join(ROOT, 'examples', d.name, 'README.md'))).map(d => `examples/${d.name}/README.md`),
  // The boards' own: how boards are built, and each board folder's README (src/boards/<kind>/).
  'src/boards/README.md',
  ...readdirSync(join(ROOT, 'src/boards'), { withFileTypes: true }).filter(d => d.isDirectory() && existsSync(join(ROOT, 'src/boards', d.name, 'README.md'))).map(d => `src/boards/${d.name}/README.md`),
]

interface Snippet { doc: string, line: number, text: string }

/** The code a document shows: inline `code` and fenced blocks, with their line numbers. */
export function codeIn(doc: string, markdown: string): Snippet[] {
  const out: Snippet[] = []
  let fenced = false
  markdown.split('\n').forEach((line, i) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced
      return
    }
    if (fenced)
      out.push({ doc, line: i + 1, text: line })
    else
      for (const m of line.matchAll(/`([^`]+)`/g)) out.push({ doc, line: i + 1, text: m[1] })
  })
  return out
}

/** Slide and board ids shown: m<N>-words, but not file names such as m1-board-x.json. */
export function idsIn(snippet: Snippet): string[] {
  return [...snippet.text.matchAll(/(?<![\w/.-])m\d-[a-z0-9]+(?:-[a-z0-9]+)*(?![\w.-]*\.[a-z]{2,4}\b)(?![\w-])/g)].map(m => m[0])
}

/** `npm run x -- args`, `npm start -- args`, `npm test`: the script and its arguments. */
export function commandsIn(snippet: Snippet): { script: string, args: string[] }[] {
  const text = snippet.text.replace(/#.*$/, '')
  return [...text.matchAll(/\bnpm (?:run ([\w:-]+)|(start|test))\b((?:\s+(?!&&|\|)[^\s<>]+|\s+<[^>]*>)*)/g)].map(m => ({
    script: m[1] ?? m[2],
    args: m[3].trim().split(/\s+/).filter(a => a && a !== '--' && a !== '\\'),
  }))
}

/** What the repository's top level holds, less what .gitignore leaves out (build output, sessions). */
function repositoryRoots(): Set<string> {
  const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')
    .map(l => l.trim().replace(/^\//, '').replace(/\/$/, ''))
    .filter(l => l && !l.startsWith('#') && !l.includes('/') && !l.includes('*'))
  return new Set(readdirSync(ROOT).filter(n => !ignored.includes(n) && n !== '.git'))
}

/** Repository paths in a snippet: words whose first part is a top-level entry of the repository. */
export function pathsIn(snippet: Snippet, roots: Set<string>): string[] {
  return snippet.text.split(/[\s`'"(),;]+/)
    .map(w => w.replace(/[.:]+$/, '').replace(/#.*$/, ''))
    .filter(w => w && !/[<>…{}]|:\/\//.test(w) && !w.startsWith('-'))
    .filter(w => roots.has(w.replace(/^\.\//, '').split('/')[0]) && (w.includes('/') || /\.\w+$/.test(w)))
}

function globExists(pattern: string): boolean {
  const parts = pattern.split('/').filter(Boolean)
  const walk = (dir: string, i: number): boolean => {
    if (i === parts.length)
      return true
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      return false
    // `**`: any number of folders, none included (src/**/*.test.ts).
    if (parts[i] === '**')
      return walk(dir, i + 1) || readdirSync(dir, { withFileTypes: true }).some(d => d.isDirectory() && d.name !== 'node_modules' && walk(join(dir, d.name), i))
    const re = new RegExp(`^${parts[i].replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`)
    return readdirSync(dir).filter(n => re.test(n)).some(n => i === parts.length - 1 || walk(join(dir, n), i + 1))
  }
  return walk(ROOT, 0)
}

/** The usage lines of the kit's command lines (src/cli/main.ts, src/live/main.ts), by script. */
function usageLines(): Map<string, string[]> {
  const usage = new Map<string, string[]>()
  for (const file of ['src/cli/main.ts', 'src/live/main.ts']) {
    for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/^\s*npm (?:run ([\w:-]+)|(start))(.*)$/gm)) {
      const script = m[1] ?? m[2]
      // The usage itself, without its description (after three spaces).
      usage.set(script, [...(usage.get(script) ?? []), m[3].trim().split(/\s{3,}/)[0]])
    }
  }
  return usage
}

const usage = usageLines()
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>
const decks = listDecks()

/** What is wrong with a documented command, or undefined. */
export function commandProblem(script: string, args: string[]): string | undefined {
  if (!scripts[script])
    return `there is no script "${script}" in package.json (scripts: ${Object.keys(scripts).join(', ')})`
  const lines = usage.get(script)
  if (!lines) {
    // A script without a usage text (bench, tests): each option must appear in its source.
    const source = scripts[script].match(/\b(src\/\S+\.ts)\b/)?.[1]
    const text = source ? readFileSync(join(ROOT, source), 'utf8') : ''
    const unknown = args.filter(a => a.startsWith('--')).map(a => a.split('=')[0]).filter(f => !text.includes(`'${f.slice(2)}'`) && !text.includes(`${f.slice(2)}:`) && !text.includes(f))
    return unknown.length && source ? `${source} does not read ${unknown.join(', ')}` : undefined
  }
  // Alternatives of the usage text, as tokens: literal subcommands, <placeholders> and --options.
  const alternatives = lines.flatMap(l => l.split(/\s+\|\s+(?=[a-z<])/)).map(l => l.replace(/[[\]]|\.\.\./g, ' ').split(/\s+/).filter(t => t && t !== '--'))
  const tokens = alternatives.flat()
  const passesOptionsOn = lines.some(l => /\boptions\b/.test(l))
  // An option is known from the usage text or from the command line's own option list.
  const cliSource = ['src/cli/main.ts', 'src/live/main.ts'].map(f => readFileSync(join(ROOT, f), 'utf8')).join('\n')
  const knownOption = (flag: string) => tokens.includes(flag) || new RegExp(`\\b${flag.slice(2)}: \\{ type:`).test(cliSource)
  const takesValue = new Set(tokens.filter((t, i) => t.startsWith('--') && tokens[i + 1] && !tokens[i + 1].startsWith('--')))
  const positionals: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a.startsWith('--')) {
      const flag = a.split('=')[0]
      if (!knownOption(flag) && !passesOptionsOn)
        return `npm run ${script} has no option ${flag} (usage: ${lines.map(l => l.trim()).join(' | ')})`
      if (takesValue.has(flag) && !a.includes('='))
        i++
      else if (passesOptionsOn && !tokens.includes(flag) && args[i + 1] && !args[i + 1].startsWith('-') && positionals.length)
        i++ // a Slidev option's value (--port 4000)
      continue
    }
    // A placeholder the documentation explains (`npm start -- <module>`).
    if (!/^<.*>$/.test(a))
      positionals.push(a)
  }
  if (!positionals.length)
    return undefined
  const first = positionals[0]
  const subcommands = [...new Set(alternatives.map(t => t[0]).filter(t => t && /^[a-z]/.test(t)))]
  if (subcommands.includes(first))
    return undefined
  if (alternatives.some(t => t[0] === '<module>') || tokens.includes('<module>')) {
    try {
      findModule(decks, first)
      return undefined
    }
    catch (e) {
      return `"${first}" is not a module: ${(e as Error).message.split('\n')[0]}`
    }
  }
  return `npm run ${script} has no subcommand "${first}"${subcommands.length ? ` (it has: ${subcommands.join(', ')})` : ''}`
}

describe('what the documentation shows exists', () => {
  const docs = DOCS.map(doc => ({ doc, text: readFileSync(join(ROOT, doc), 'utf8') }))
  const snippets = docs.flatMap(d => codeIn(d.doc, d.text))
  let known: Set<string>

  beforeAll(async () => {
    // Slide ids from the decks as Slidev reads them, and the ids of boards placed on slides.
    const loaded = await Promise.all(decks.map(loadDeck))
    known = new Set(loaded.flatMap(d => d.slides.flatMap(s => [String(s.frontmatter.id), ...[...s.content.matchAll(/\bid="(m\d-[a-z0-9-]+)"/g)].map(m => m[1])])))
    // ...and the extension blocks' slides (decks/extensions/).
    for (const ext of listExtensions())
      ext.ids.forEach(id => known.add(id))
  })

  it('reads every documentation file, and finds ids, commands and paths in them', () => {
    expect(DOCS).toEqual(expect.arrayContaining(['README.md', 'cohorts/README.md', 'decks/README.md', 'docs/live.md', 'examples/lanternfish/README.md']))
    expect(snippets.flatMap(idsIn).length).toBeGreaterThan(5)
    expect(snippets.flatMap(commandsIn).length).toBeGreaterThan(20)
  })

  it('slide ids', () => {
    const missing = snippets.flatMap(s => idsIn(s).filter(id => !known.has(id)).map(id => `${s.doc}:${s.line}: ${id}`))
    expect(missing).toEqual([])
  })

  it('npm commands: the script exists and the command line knows the subcommand, module and options', () => {
    // A command continued on the next line (a trailing \) is read whole.
    const joined = snippets.reduce<Snippet[]>((all, s) => {
      const last = all.at(-1)
      if (last && last.doc === s.doc && last.line === s.line - 1 && /\\\s*$/.test(last.text))
        last.text = `${last.text.replace(/\\\s*$/, '')} ${s.text.trim()}`
      else
        all.push({ ...s })
      return all
    }, [])
    const wrong = joined.flatMap(s => commandsIn(s).map(c => ({ s, c, why: commandProblem(c.script, c.args) })))
      .filter(x => x.why)
      .map(x => `${x.s.doc}:${x.s.line}: npm ${['start', 'test'].includes(x.c.script) ? '' : 'run '}${x.c.script} ${x.c.args.join(' ')}: ${x.why}`)
    expect(wrong).toEqual([])
  })

  it('repository paths and links', () => {
    const roots = repositoryRoots()
    const missing: string[] = []
    for (const s of snippets) {
      for (const p of pathsIn(s, roots)) {
        if (!(p.includes('*') ? globExists(p) : existsSync(join(ROOT, p))))
          missing.push(`${s.doc}:${s.line}: ${p}`)
      }
    }
    // Markdown links to files, relative to the document.
    for (const { doc, text } of docs) {
      text.split('\n').forEach((line, i) => {
        for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) {
          const target = m[1].replace(/#.*$/, '')
          if (!target || /^[a-z]+:/.test(target))
            continue
          const file = resolve(dirname(join(ROOT, doc)), target)
          if (!existsSync(file))
            missing.push(`${doc}:${i + 1}: link ${m[1]} (${relative(ROOT, file)})`)
        }
      })
    }
    expect(missing).toEqual([])
  })
})

describe('the board folders\' READMEs', () => {
  const folders = readdirSync(join(ROOT, 'src/boards'), { withFileTypes: true }).filter(d => d.isDirectory()).map(d => d.name)

  it('every board of the registry, and kit/ and ui/, has one, and the docs checks read it', () => {
    const wanted = [...BOARDS.map(b => b.def.kind), 'kit', 'ui'].map(f => `src/boards/${f}/README.md`)
    expect(wanted.filter(f => !existsSync(join(ROOT, f)))).toEqual([])
    expect(DOCS).toEqual(expect.arrayContaining(wanted))
  })

  it('names every file of its folder, and every file it names beside it exists', () => {
    const problems: string[] = []
    for (const folder of folders.filter(f => existsSync(join(ROOT, 'src/boards', f, 'README.md')))) {
      const doc = `src/boards/${folder}/README.md`
      const text = readFileSync(join(ROOT, doc), 'utf8')
      const named = new Set(codeIn(doc, text).flatMap(s => s.text.split(/[\s`'"(),;]+/)).filter(w => /^(?:\.\.\/)?[\w./-]+\.(?:ts|vue|md)$/.test(w) && !w.includes('/') || w.startsWith('../')))
      for (const file of readdirSync(join(ROOT, 'src/boards', folder)).filter(f => f !== 'README.md' && !named.has(f)))
        problems.push(`${doc} does not name ${file}`)
      for (const w of named) {
        if (!existsSync(resolve(ROOT, 'src/boards', folder, w)))
          problems.push(`${doc} names ${w}, which is not there`)
      }
    }
    expect(problems).toEqual([])
  })
})

describe('the documentation checks themselves', () => {
  const s = (text: string): Snippet => ({ doc: 'x.md', line: 1, text })
  it('find ids but not file names', () => {
    expect(idsIn(s('drop: [m2-channel-audit-intro], m1-board-x.json, id: m2-title'))).toEqual(['m2-channel-audit-intro', 'm2-title'])
  })
  it('refuse a script, a subcommand, a module or an option the kit does not have', () => {
    expect(commandProblem('cohort', ['new', 'x', '--module', '2'])).toBeUndefined()
    expect(commandProblem('cohort', ['create', 'x'])).toMatch(/no subcommand "create" \(it has: new, check\)/)
    expect(commandProblem('cohort', ['new', 'x', '--modules', '2'])).toMatch(/no option --modules/)
    expect(commandProblem('start', ['9'])).toMatch(/"9" is not a module/)
    expect(commandProblem('start', ['2', '--port', '4000', '--remote'])).toBeUndefined()
    expect(commandProblem('live', ['export', 'lisbon-m2'])).toBeUndefined()
    expect(commandProblem('deploy', [])).toMatch(/no script "deploy"/)
    expect(commandsIn(s('npm ci && npm start -- 3   # module 3'))).toEqual([{ script: 'start', args: ['3'] }])
  })
  it('find repository paths, not placeholders or build output', () => {
    const roots = repositoryRoots()
    expect(pathsIn(s('see cohorts/example/ and decks/*/slides.md, not cohorts/<id>/ or dist/x or slides/a.md'), roots)).toEqual(['cohorts/example/', 'decks/*/slides.md'])
    expect(globExists('src/**/*.test.ts')).toBe(true)
    expect(globExists('src/**/nothing-like-this.test.ts')).toBe(false)
  })
})
