// `npm run cohort -- new <id> [--module <n>]...`: a new cohort folder with a short cohort.yaml,
// every field explained in a comment, valid as written (the check passes on it straight away),
// for the modules chosen (all by default). `--example` copies the documented five-module
// example instead (cohorts/example/).
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type DeckRef, listDecks, loadDeck, lookUpDeck } from '../content/decks'
import { listExtensions } from '../content/extensions'
import { sessionPlan } from '../content/timing'
import { UserError } from '../errors'
import { ROOT } from '../paths'
import { COHORT_ID, cohortDir } from './load'
import { DEFAULT_VALUES } from '../content/placeholders'

export interface NewCohortOptions {
  /** the modules to run, by number or name; every module when empty */
  modules?: string[]
  /** copy the complete example instead of writing the short template */
  example?: boolean
  /** the folder to create (by default cohorts/<id>/) */
  dir?: string
  decks?: DeckRef[]
  /** the first session's date (tests); by default four weeks from today */
  today?: Date
}

export async function newCohort(id: string, options: NewCohortOptions = {}): Promise<string> {
  if (!COHORT_ID.test(id))
    throw new UserError(`"${id}" is not a cohort id: use lower-case letters, digits and dashes (e.g. lisbon-2027).`)
  const dir = options.dir ?? cohortDir(id)
  if (existsSync(dir))
    throw new UserError(`cohorts/${id}/ already exists; nothing was changed. Choose another id or edit that cohort.`)
  const decks = options.decks ?? listDecks()
  if (options.example) {
    if (options.modules?.length)
      throw new UserError('--example copies the complete example with all its modules; leave out --module, or leave out --example for a short template.')
    // The documented example in the repository, wherever cohorts live.
    cpSync(join(ROOT, 'cohorts', 'example'), dir, { recursive: true })
    const file = join(dir, 'cohort.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, `name: ${JSON.stringify(`Cohort ${id}`)}`))
    return dir
  }
  const chosen = options.modules?.length
    ? options.modules.map((m) => {
        const deck = lookUpDeck(decks, /^\d+$/.test(m) ? Number(m) : m)
        if (!deck)
          throw new UserError(`--module ${m}: there is no such module. The modules are: ${decks.map(d => `${d.number} (${d.slug})`).join(', ')}.`)
        return deck
      })
    : decks
  const text = await cohortTemplate(id, [...new Set(chosen)], options.today ?? new Date())
  mkdirSync(join(dir, 'slides'), { recursive: true })
  writeFileSync(join(dir, 'cohort.yaml'), text)
  writeFileSync(join(dir, 'slides', 'README.md'), '# Your cohort\'s slides\n\nPut the Markdown files your cohort.yaml names under `replace` and `insert` here (see cohorts/README.md).\n')
  return dir
}

/** The local time zone when it is an IANA name, else UTC. */
function localTimeZone(): string {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone
  return tz && tz.includes('/') ? tz : 'UTC'
}

function dateIn(days: number, from: Date): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days))
  return `${d.toISOString().slice(0, 10)}T10:00`
}

const quote = (s: string) => JSON.stringify(s)

/** A line of YAML with its comment in a column of its own. */
const line = (code: string, comment?: string) => (comment ? `${code.padEnd(39)} # ${comment}` : code)

/** A cohort.yaml with every field explained and the optional ones commented out. */
export async function cohortTemplate(id: string, decks: DeckRef[], today: Date): Promise<string> {
  const modules: string[] = []
  const extensions = listExtensions().filter(e => e.module !== undefined && decks.some(d => d.number === e.module))
  for (const [k, deck] of decks.entries()) {
    const upstream = await loadDeck(deck)
    const ids = upstream.slides.map(s => String(s.frontmatter.id))
    // Real ids of this module, so the commented examples work once uncommented.
    const optional = upstream.slides.find((s, i) => i > 0 && s.frontmatter.optional === true)?.frontmatter.id
    const second = ids[1] ?? ids[0]
    const h = upstream.headmatter
    const full = sessionPlan(h, 'full').minutes
    const short = h.short === undefined ? undefined : sessionPlan(h, 'short').minutes
    modules.push([
      line(`  - module: ${deck.number}`, `${deck.slug}: ${String(h.title ?? '')}`),
      line(`    start: ${dateIn(28 + 7 * k, today)}`, 'the session\'s local date and time in `timezone`'),
      line(`    # title: ${quote(String(h.title ?? ''))}`, 'the module\'s title for this cohort'),
      ...(h.subtitle ? [line(`    # subtitle: ${quote(String(h.subtitle))}`, 'and its subtitle')] : []),
      line(`    # length: ${short ?? full ?? 90}`, `the minutes you have: ${full ?? '?'} runs the full version${short === undefined ? '' : `, ${short} the short one`}`),
      line(`    # minutes: ${full ?? 90}`, 'the session\'s length, when drops and insertions change it'),
      line(`    # drop: [${optional ?? second}]`, `slide ids to leave out (see decks/${deck.name}/slides.md)`),
      line(`    # replace:`, 'a slide id: a Markdown file in this folder that takes its place'),
      `    #   ${second}: slides/my-slide.md`,
      line(`    # insert:`, 'your own slides, after a slide id'),
      `    #   - after: ${second}`,
      `    #     file: slides/my-story.md`,
      ...extensions.filter(e => e.module === deck.number).slice(0, 1).map(e =>
        line(`    # extensions: [${e.name}]`, `optional blocks for this module: ${extensions.filter(x => x.module === deck.number).map(x => `${x.name} (${x.minutes} min)`).join(', ')}`)),
    ].join('\n'))
  }
  return [
    `# The cohort ${id}: one group you run the training for.`,
    '# Every field is described in cohorts/README.md. Lines starting with # are comments:',
    `# remove the # to use a field. Check the file with: npm run cohort -- check ${id}`,
    '',
    line(`name: ${quote(`Cohort ${id}`)}`, 'shown on the title slides, the landing page and the handouts'),
    line('organisation: "Your organisation"', 'who runs or hosts the cohort'),
    line('facilitators:', 'one or more'),
    '  - name: "Your name"',
    '    # pronouns: they/them',
    '    # contact: you@example.org',
    line('venue: "Online"', 'a room, a city, or "online"'),
    line(`timezone: ${localTimeZone()}`, 'the IANA time zone of the session times, e.g. America/Bogota'),
    line('language: en', 'the boards\' language: en or es'),
    line('# length: 90', 'the minutes you have for each module (a module can set its own)'),
    line('# format: in-person', 'in-person, online or hybrid: the notes the presenter view shows'),
    ...extensions.slice(0, 1).map(e => line(`# extensions: [${e.name}]`, `optional blocks, each in its module: ${extensions.map(x => `${x.name} (module ${x.module})`).join(', ')}`)),
    '',
    line('modules:', 'the modules you run, in the order you run them'),
    ...modules,
    '',
    line('# values:', 'what the slides and notes say in place of the defaults'),
    ...Object.entries(DEFAULT_VALUES).map(([k, v]) => `#   ${k}: ${quote(v)}`),
    '',
    line('# branding:', 'your logo and colour on the title slides, the landing page and the handouts'),
    line('#   logo: logo.svg', 'an SVG, PNG, JPEG or WebP file in this folder, under 300 kB'),
    line('#   accent: "#0b5d6b"', 'headings and links; at least 4.5:1 contrast on white'),
    '',
  ].join('\n')
}
