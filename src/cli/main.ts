#!/usr/bin/env node
// The kit's one command line. npm scripts call it: `npm start -- 3`, `npm run build`, `npm run check`.
import { networkInterfaces } from 'node:os'
import { relative } from 'node:path'
import process from 'node:process'
import { findModule, listDecks } from '../content/decks'
import { paths } from '../paths'
import { parseCommandLine, parsePort } from '../args'
import { UserError } from '../errors'

// Each command loads what it needs when it runs: `npm start` must not wait for the exporter,
// the cohort composer or Vite's build before Slidev's server listens.
const USAGE = `Usage:
  npm start [-- <module>] [-- --cohort <id>] [-- --port N] [-- --remote [password]]   present a module (default: 1), e.g. npm start -- 3
  npm run build [-- --cohort <id>] [-- --base /path/]          build the decks and a landing page into dist/
  npm run site [-- --cohort <id>] [-- --base /path/]           the site and every handout (blank and filled worksheets, guides, notes) in dist/, ready to upload or zip
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
    case 'site': return publish(rest)
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

/** `--remote` may come without a password, as with `slidev --remote`; `--port -1` is a bad port, not an option. */
function presentArgs(args: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--remote' && (i === args.length - 1 || args[i + 1].startsWith('-')))
      out.push('--remote=')
    else if ((args[i] === '--port' || args[i] === '-p') && i < args.length - 1)
      out.push(`--port=${args[++i]}`)
    else
      out.push(args[i])
  }
  return out
}

async function present(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args: presentArgs(args),
    options: { cohort: { type: 'string' }, port: { type: 'string', short: 'p' }, remote: { type: 'string' }, bind: { type: 'string' }, log: { type: 'string' }, force: { type: 'boolean', short: 'f' } },
    allowPositionals: true,
    strict: true,
  }, USAGE)
  if (positionals.length > 1)
    throw new UserError(`npm start presents one module at a time (got ${positionals.join(', ')}).\n${USAGE}`)
  const port = values.port === undefined ? undefined : parsePort(values.port)
  const logLevels = ['error', 'warn', 'info', 'silent'] as const
  if (values.log !== undefined && !logLevels.includes(values.log as typeof logLevels[number]))
    throw new UserError(`--log must be one of ${logLevels.join(', ')} (got "${values.log}").`)
  const { resolveKit } = await import('../site/kit')
  const kit = await resolveKit(values.cohort)
  const deck = findModule(kit.decks, positionals[0], kit.decks.some(d => d.number === 1) ? 1 : kit.decks[0]?.number)
  console.log(`Starting module ${deck.number}: ${deck.slug}${values.cohort ? ` for cohort ${values.cohort}` : ''} …`)
  const { startDeckServer } = await import('../slidev/build')
  const server = await startDeckServer(deck.entry, { port, remote: values.remote, bind: values.bind, log: values.log as typeof logLevels[number] | undefined, force: values.force })
  const lines = [
    '',
    `Module ${deck.number} is ready. Open it in a browser on this computer:`,
    `  Slides          ${server.url}`,
    `  Presenter view  ${server.presenterUrl}   (your notes, the timer and the next slide)`,
  ]
  if (values.remote !== undefined) {
    const lan = Object.values(networkInterfaces()).flat().filter(i => i && i.family === 'IPv4' && !i.internal).map(i => i!.address)
    for (const address of lan)
      lines.push(`  On this network http://${address}:${server.port}/   (a second screen or a phone as a remote)`)
  }
  lines.push(
    '',
    'The first load in the browser prepares the deck and takes a while (about half a minute); after that, moving through it is quick.',
    'Edits to the slides show up in the browser as you save them. Press Ctrl+C here to stop.',
  )
  console.log(lines.join('\n'))
  return new Promise((resolve) => {
    const stop = () => {
      console.log('\nStopping the presentation server …')
      server.close().finally(() => resolve(0))
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}

async function build(args: string[]): Promise<number> {
  const { values } = parseCommandLine({ args, options: { base: { type: 'string', default: '/' }, cohort: { type: 'string' } }, strict: true }, USAGE)
  const [{ buildSite }, { resolveKit }] = await Promise.all([import('../site/build'), import('../site/kit')])
  await buildSite({ base: values.base!, kit: await resolveKit(values.cohort) })
  return 0
}

async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine({ args, options: { results: { type: 'string', multiple: true }, cohort: { type: 'string' } }, allowPositionals: true, strict: true }, USAGE)
  const [{ exportHandouts }, { resolveKit }] = await Promise.all([import('../handouts/export'), import('../site/kit')])
  const kit = await resolveKit(values.cohort)
  const decks = positionals.length ? positionals.map(p => findModule(kit.decks, p)) : kit.decks
  await exportHandouts({ kit, decks, resultsFiles: values.results ?? [] })
  return 0
}

/** The whole site with every handout in it, for facilitators who will never open a terminal. */
const WORKED_EXAMPLE = 'examples/lanternfish/all-boards.json'

async function publish(args: string[]): Promise<number> {
  const { values } = parseCommandLine({ args, options: { base: { type: 'string', default: '/' }, cohort: { type: 'string' } }, strict: true }, USAGE)
  const [{ buildSite }, { exportHandouts }, { resolveKit }] = await Promise.all([import('../site/build'), import('../handouts/export'), import('../site/kit')])
  const kit = await resolveKit(values.cohort)
  await buildSite({ base: values.base!, kit })
  await exportHandouts({ kit, decks: kit.decks, resultsFiles: [WORKED_EXAMPLE] })
  console.log(`Published in ${relative(process.cwd(), kit.outDir) || kit.outDir}/: upload the folder to any static host, or zip it. Its index.html links every deck and handout; participants.html is the page to share with your group.`)
  return 0
}

async function check(args: string[]): Promise<number> {
  const [{ checkDecks, formatProblem }, { formatCohortProblem, listCohorts }, { prepareCohort }, { loadDeck }, { checkExtensions, listExtensions }] = await Promise.all([import('../content/check'), import('../cohort/load'), import('../cohort/pipeline'), import('../content/decks'), import('../content/extensions')])
  const all = listDecks()
  const chosen = args.length ? args.map(a => findModule(all, a)) : all
  const decks = await Promise.all(chosen.map(loadDeck))
  // Ids must be unique across the whole kit, so duplicates are checked against every deck.
  const others = await Promise.all(all.filter(d => !chosen.includes(d)).map(loadDeck))
  const chosenFiles = new Set(decks.flatMap(d => d.slides.map(s => s.file)).concat(chosen.map(d => d.entry)))
  const problems = checkDecks([...decks, ...others]).filter(p => chosenFiles.has(p.file)).map(formatProblem)
  // Every extension block of the modules checked, on its own and in its place, used by a cohort or not.
  const extensions = listExtensions()
  problems.push(...(await checkExtensions(all, [...decks, ...others], extensions, args.length ? chosen.map(d => d.number) : undefined)).map(formatProblem))
  // A cohort that uses a slide id the decks no longer have is a content problem too.
  // One broken cohort is reported like any other problem; it never stops the check of the rest.
  for (const id of listCohorts()) {
    try {
      problems.push(...(await prepareCohort(id, all)).problems.map(formatCohortProblem))
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
  console.log(`Content check passed: ${decks.length} deck(s), ${slides} slides, ${extensions.length} extension block(s), ${listCohorts().length} cohort file(s).`)
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
  const [{ newCohort }, { formatCohortProblem }, { prepareCohort }] = await Promise.all([import('../cohort/scaffold'), import('../cohort/load'), import('../cohort/pipeline')])
  if (action === 'new') {
    const modules = (values.module ?? []).flatMap(m => m.split(',')).map(m => m.trim()).filter(Boolean)
    const dir = await newCohort(id, { modules, example: values.example })
    console.log(`Created ${relative(process.cwd(), dir) || dir}/ ${values.example ? 'from the example' : 'with every field explained in cohort.yaml'}. Edit cohort.yaml, then: npm run cohort -- check ${id}`)
    return 0
  }
  if (values.module || values.example)
    throw new UserError(`--module and --example are for \`new\`.\n${COHORT_USAGE}`)
  const loaded = await prepareCohort(id)
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
  const { serveSite } = await import('../output/serve')
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
