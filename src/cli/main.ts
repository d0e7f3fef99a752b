#!/usr/bin/env node
// The kit's one command line. npm scripts call it: `npm start -- 3`, `npm run build`, `npm run check`.
import { spawn } from 'node:child_process'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { checkDecks, formatProblem } from '../content/check'
import { listDecks, loadDeck } from '../content/decks'
import { DIST_DIR, SLIDEV_BIN } from '../paths'
import { buildSite } from '../site/build'
import { serveSite } from '../site/serve'
import { exportHandouts } from '../handouts/export'
import { CliError, findModule } from './modules'

const USAGE = `Usage:
  npm start [-- <module>] [-- slidev options]   present a module (default: 1), e.g. npm start -- 3
  npm run build [-- --base /path/]             build every deck and the landing page into dist/
  npm run check [-- <module>...]               check the decks' content (notes, ids, timings, links)
  npm run export [-- <module>...] [--results FILE]   handouts (slides, worksheets, facilitator guide) as PDFs in dist/handouts/
  npm run serve [-- --port 4173]               serve the built site from dist/ on this computer`

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'present': return present(rest)
    case 'build': return build(rest)
    case 'check': return check(rest)
    case 'serve': return serve(rest)
    case 'export': return exportCommand(rest)
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE)
      return 0
    default:
      throw new CliError(`Unknown command "${command}".\n${USAGE}`)
  }
}

async function present(args: string[]): Promise<number> {
  // The first bare word names the module; everything else goes to Slidev (--port, --remote ...).
  const moduleArg = args[0] && !args[0].startsWith('-') ? args[0] : undefined
  const slidevArgs = moduleArg ? args.slice(1) : args
  const deck = findModule(listDecks(), moduleArg)
  console.log(`Presenting module ${deck.number}: ${deck.slug}. Presenter view: add /presenter/ to the address.`)
  const child = spawn(process.execPath, [SLIDEV_BIN, deck.entry, ...slidevArgs], { stdio: 'inherit' })
  return new Promise(resolve => child.on('exit', code => resolve(code ?? 1)))
}

async function build(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { base: { type: 'string', default: '/' } }, strict: true })
  await buildSite({ base: values.base! })
  return 0
}

async function check(args: string[]): Promise<number> {
  const all = listDecks()
  const chosen = args.length ? args.map(a => findModule(all, a)) : all
  const decks = await Promise.all(chosen.map(loadDeck))
  // Ids must be unique across the whole kit, so duplicates are checked against every deck.
  const others = await Promise.all(all.filter(d => !chosen.includes(d)).map(loadDeck))
  const chosenFiles = new Set(decks.flatMap(d => d.slides.map(s => s.file)).concat(chosen.map(d => d.entry)))
  const problems = checkDecks([...decks, ...others]).filter(p => chosenFiles.has(p.file))
  for (const p of problems)
    console.error(formatProblem(p))
  const slides = decks.reduce((n, d) => n + d.slides.length, 0)
  if (problems.length) {
    console.error(`\nContent check failed: ${problems.length} problem(s) in ${decks.length} deck(s).`)
    return 1
  }
  console.log(`Content check passed: ${decks.length} deck(s), ${slides} slides.`)
  return 0
}

async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { results: { type: 'string' } }, allowPositionals: true, strict: true })
  const all = listDecks()
  const decks = positionals.length ? positionals.map(p => findModule(all, p)) : all
  await exportHandouts({ decks, resultsFile: values.results })
  return 0
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string', default: '4173' }, host: { type: 'string', default: 'localhost' } }, strict: true })
  const site = await serveSite(DIST_DIR, Number(values.port), values.host)
  console.log(`Serving ${DIST_DIR} at ${site.url}/ (Ctrl+C to stop).`)
  return new Promise(() => {})
}

main(process.argv.slice(2)).then(
  code => process.exit(code),
  (error) => {
    console.error(error instanceof CliError ? error.message : error)
    process.exit(error instanceof CliError ? error.exitCode : 1)
  },
)
