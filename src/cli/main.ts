#!/usr/bin/env node
// The kit's one command line. npm scripts call it: `npm start -- 3`, `npm run build`, `npm run check`.
import { spawn } from 'node:child_process'
import { relative } from 'node:path'
import process from 'node:process'
import { formatCohortProblem, listCohorts, loadCohort } from '../cohort/load'
import { newCohort } from '../cohort/scaffold'
import { checkDecks, formatProblem } from '../content/check'
import { exportHandouts } from '../handouts/export'
import { paths, SLIDEV_BIN } from '../paths'
import { buildSite } from '../site/build'
import { resolveKit } from '../site/kit'
import { serveSite } from '../site/serve'
import { findModule, listDecks, loadDeck } from '../content/decks'
import { parseCommandLine, parsePort } from '../args'
import { UserError } from '../errors'

const USAGE = `Usage:
  npm start [-- <module>] [-- --cohort <id>] [-- slidev options]   present a module (default: 1), e.g. npm start -- 3
  npm run build [-- --cohort <id>] [-- --base /path/]          build the decks and a landing page into dist/
  npm run export [-- <module>...] [--cohort <id>] [--results FILE]...   handout PDFs into dist/handouts/ (--results: filled worksheets too; several files, the later winning)
  npm run check [-- <module>...]                                check the decks' content and every cohort file
  npm run cohort -- new <id> [--module <n>] [--example] | check <id>   start a cohort (a short template, or the example), or check one
  npm run serve [-- --port 4173]                                serve the built site in dist/ on this computer
  npm run live -- <module> | export <session> | delete <session>   a live workshop: participants join from their phones`

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'present': return present(rest)
    case 'build': return build(rest)
    case 'check': return check(rest)
    case 'export': return exportCommand(rest)
    case 'cohort': return cohort(rest)
    case 'serve': return serve(rest)
    case 'live': return (await import('../live/main')).live(rest)
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE)
      return 0
    default:
      throw new UserError(`Unknown command "${command}".\n${USAGE}`)
  }
}

/** Takes `--cohort <id>` out of an argument list that is otherwise passed on. */
function takeCohort(args: string[]): { cohort?: string, rest: string[] } {
  const i = args.findIndex(a => a === '--cohort' || a.startsWith('--cohort='))
  if (i < 0)
    return { rest: args }
  const inline = args[i].includes('=') ? args[i].split('=')[1] : undefined
  const cohort = inline ?? args[i + 1]
  if (!cohort || cohort.startsWith('-'))
    throw new UserError('--cohort needs a cohort id, for example --cohort example.')
  return { cohort, rest: [...args.slice(0, i), ...args.slice(i + (inline ? 1 : 2))] }
}

async function present(args: string[]): Promise<number> {
  const { cohort, rest } = takeCohort(args)
  // The first bare word names the module; everything else goes to Slidev (--port, --remote ...).
  const moduleArg = rest[0] && !rest[0].startsWith('-') ? rest[0] : undefined
  const slidevArgs = moduleArg ? rest.slice(1) : rest
  const port = slidevArgs.findIndex(a => a === '--port' || a.startsWith('--port='))
  if (port >= 0)
    parsePort(slidevArgs[port].includes('=') ? slidevArgs[port].split('=')[1] : slidevArgs[port + 1] ?? '')
  const kit = await resolveKit(cohort)
  const deck = findModule(kit.decks, moduleArg, kit.decks.some(d => d.number === 1) ? 1 : kit.decks[0]?.number)
  console.log(`Presenting module ${deck.number}: ${deck.slug}${cohort ? ` for cohort ${cohort}` : ''}. Presenter view: add /presenter/ to the address.`)
  const child = spawn(process.execPath, [SLIDEV_BIN, deck.entry, ...slidevArgs], { stdio: 'inherit' })
  return new Promise(resolve => child.on('exit', code => resolve(code ?? 1)))
}

async function build(args: string[]): Promise<number> {
  const { values } = parseCommandLine({ args, options: { base: { type: 'string', default: '/' }, cohort: { type: 'string' } }, strict: true }, USAGE)
  await buildSite({ base: values.base!, kit: await resolveKit(values.cohort) })
  return 0
}

async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine({ args, options: { results: { type: 'string', multiple: true }, cohort: { type: 'string' } }, allowPositionals: true, strict: true }, USAGE)
  const kit = await resolveKit(values.cohort)
  const decks = positionals.length ? positionals.map(p => findModule(kit.decks, p)) : kit.decks
  await exportHandouts({ kit, decks, resultsFiles: values.results ?? [] })
  return 0
}

async function check(args: string[]): Promise<number> {
  const all = listDecks()
  const chosen = args.length ? args.map(a => findModule(all, a)) : all
  const decks = await Promise.all(chosen.map(loadDeck))
  // Ids must be unique across the whole kit, so duplicates are checked against every deck.
  const others = await Promise.all(all.filter(d => !chosen.includes(d)).map(loadDeck))
  const chosenFiles = new Set(decks.flatMap(d => d.slides.map(s => s.file)).concat(chosen.map(d => d.entry)))
  const problems = checkDecks([...decks, ...others]).filter(p => chosenFiles.has(p.file)).map(formatProblem)
  // A cohort that uses a slide id the decks no longer have is a content problem too.
  // One broken cohort is reported like any other problem; it never stops the check of the rest.
  for (const id of listCohorts()) {
    try {
      problems.push(...(await loadCohort(id, all)).problems.map(formatCohortProblem))
    }
    catch (e) {
      problems.push(`cohorts/${id}/: could not be checked (${(e as Error).message.split('\n')[0]}).`)
    }
  }
  for (const p of problems)
    console.error(p)
  const slides = decks.reduce((n, d) => n + d.slides.length, 0)
  if (problems.length) {
    console.error(`\nContent check failed: ${problems.length} problem(s).`)
    return 1
  }
  console.log(`Content check passed: ${decks.length} deck(s), ${slides} slides, ${listCohorts().length} cohort file(s).`)
  return 0
}

const COHORT_USAGE = `Usage:
  npm run cohort -- new <id> [--module <n>]...   a short cohort.yaml, every field explained, for the modules chosen (default: all)
  npm run cohort -- new <id> --example           a copy of the complete example (cohorts/example/)
  npm run cohort -- check <id>                   check a cohort without building`

async function cohort(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine({ args, options: { module: { type: 'string', multiple: true }, example: { type: 'boolean' } }, allowPositionals: true, strict: true }, COHORT_USAGE)
  const [action, id, ...extra] = positionals
  if (!id || extra.length || !['new', 'check'].includes(action))
    throw new UserError(COHORT_USAGE)
  if (action === 'new') {
    const modules = (values.module ?? []).flatMap(m => m.split(',')).map(m => m.trim()).filter(Boolean)
    const dir = await newCohort(id, { modules, example: values.example })
    console.log(`Created ${relative(process.cwd(), dir) || dir}/ ${values.example ? 'from the example' : 'with every field explained in cohort.yaml'}. Edit cohort.yaml, then: npm run cohort -- check ${id}`)
    return 0
  }
  if (values.module || values.example)
    throw new UserError(`--module and --example are for \`new\`.\n${COHORT_USAGE}`)
  const loaded = await loadCohort(id)
  for (const p of loaded.problems)
    console.error(formatCohortProblem(p))
  for (const w of loaded.warnings)
    console.warn(`warning: ${w}`)
  if (loaded.problems.length) {
    console.error(`\nCohort "${id}" has ${loaded.problems.length} problem(s).`)
    return 1
  }
  console.log(`Cohort "${id}" is valid: ${loaded.sessions.map(s => `module ${s.deck.number}`).join(', ')}.`)
  return 0
}

/** A TCP port from the command line, or a clear error. */
async function serve(args: string[]): Promise<number> {
  const { values } = parseCommandLine({ args, options: { port: { type: 'string', default: '4173' }, host: { type: 'string', default: 'localhost' } }, strict: true }, USAGE)
  const site = await serveSite(paths.dist, parsePort(values.port!), values.host)
  console.log(`Serving ${paths.dist} at ${site.url}/ (Ctrl+C to stop).`)
  return new Promise(() => {})
}

main(process.argv.slice(2)).then(
  code => process.exit(code),
  (error) => {
    if (error instanceof UserError) {
      console.error(error.message)
      process.exit(error.exitCode)
    }
    console.error('The kit hit an unexpected error (a bug: please report it with what you ran):')
    console.error(error)
    process.exit(1)
  },
)
