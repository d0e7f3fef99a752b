// Extension blocks (decks/extensions/<name>.md): a cohort switches them on in cohort.yaml, the
// composer puts each after the slide it declares, the session grows by its minutes, and the
// content check covers every extension file, used by a cohort or not.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { formatCohortProblem } from '../../src/cohort/load'
import { prepareCohort, writeComposedDecks } from '../../src/cohort/pipeline'
import { checkExtensions, listExtensions } from '../../src/content/extensions'
import { listDecks, loadDeck, type LoadedDeck, summariseDeck } from '../../src/content/decks'
import { ROOT } from '../../src/paths'

const decks = listDecks()
const EXTENSIONS_DIR = join(ROOT, 'decks/extensions')

const COHORT = `name: Bogotá 2027
organisation: Red Bogotá
facilitators:
  - name: Ana Silva
venue: Bogotá
timezone: America/Bogota
extensions: [conduct-response, onboarding]
modules:
  - module: 3
    start: 2027-03-18T16:00
  - module: 4
    start: 2027-03-25T16:00
`

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-extensions-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function load(yaml: string) {
  writeFileSync(join(dir, 'cohort.yaml'), yaml)
  const loaded = await prepareCohort('bogota', decks, dir)
  return { loaded, problems: loaded.problems.map(formatCohortProblem) }
}

describe('a cohort that switches on two extension blocks', () => {
  it('composes, checks clean, and has each block in the agenda after its slide, with its minutes', async () => {
    const { loaded, problems } = await load(COHORT)
    expect(problems).toEqual([])
    const blocks = Object.fromEntries(listExtensions().map(e => [e.name, e]))
    const [m3, m4] = loaded.sessions
    expect(m3.extensions.map(x => x.ext.name)).toEqual(['onboarding'])
    expect(m4.extensions.map(x => x.ext.name)).toEqual(['conduct-response'])

    const composed = writeComposedDecks(loaded, join(dir, 'composed'))
    for (const [deck, session, name, before, after] of [
      [composed[0], m3, 'onboarding', 'Personas on the mountain', 'Break'],
      [composed[1], m4, 'conduct-response', 'First reply', 'Take it back to your community'],
    ] as const) {
      const upstream = summariseDeck(session.upstream)
      const summary = summariseDeck(await loadDeck(deck))
      const titles = summary.agenda.map(b => b.title)
      const i = titles.findIndex(t => t.endsWith('(extension)'))
      // In the agenda right after the block it follows, with the block's minutes.
      expect([titles[i - 1], titles[i + 1]]).toEqual([before, after])
      expect(summary.agenda[i].minutes).toBe(blocks[name].minutes)
      expect(summary.agenda[i].minutes).toBeGreaterThanOrEqual(10)
      // The session grows by the block's minutes, and its buffer by what the longer session needs.
      expect(session.minutes).toBe(upstream.minutes! + blocks[name].minutes + (summary.buffer - upstream.buffer))
      expect(summary.minutes).toBe(session.minutes)
      expect(summary.agenda.reduce((n, b) => n + b.minutes, 0) + summary.buffer).toBe(session.minutes)
    }
  })

  it('keeps the block whole in the short version, even when the slide it follows is left out', async () => {
    const { loaded, problems } = await load(COHORT.replace('[conduct-response, onboarding]', '[onboarding]').replace('modules:\n', 'length: 75\nmodules:\n').replace('  - module: 4\n    start: 2027-03-25T16:00\n', ''))
    expect(problems).toEqual([])
    const m3 = loaded.sessions[0]
    expect(m3.version).toBe('short')
    // The short version leaves out the optional blocks around the onboarding block (the break, the case).
    expect(m3.upstream.slides.find(s => s.frontmatter.id === 'm3-value-case')?.frontmatter.optional).toBe(true)
    const [deck] = writeComposedDecks(loaded, join(dir, 'composed'))
    const composed = await loadDeck(deck)
    const ids = composed.slides.map(s => String(s.frontmatter.id))
    expect(ids).not.toContain('m3-value-case')
    expect(ids.filter(id => id.startsWith('m3-ext-onboarding-'))).toEqual(['m3-ext-onboarding-intro', 'm3-ext-onboarding-draft', 'm3-ext-onboarding-debrief', 'm3-ext-onboarding-references'])
    const titles = summariseDeck(composed).agenda.map(b => b.title)
    expect(titles[titles.indexOf('Onboarding by design (extension)') - 1]).toBe('Personas on the mountain')
  })

  it('chooses the version by the length with the block: the short one when the full one with it does not fit, neither when too short', async () => {
    const only3 = COHORT.replace('[conduct-response, onboarding]', '[onboarding]').replace('  - module: 4\n    start: 2027-03-25T16:00\n', '')
    // Module 3 runs 90 min, 60 short; with the 13-minute block (and the buffer a longer session needs), 104 and 74.
    expect((await load(only3.replace('modules:\n', 'length: 100\nmodules:\n'))).loaded.sessions[0]).toMatchObject({ version: 'short', minutes: 74 })
    expect((await load(only3.replace('modules:\n', 'length: 104\nmodules:\n'))).loaded.sessions[0]).toMatchObject({ version: 'full', minutes: 104 })
    const { problems } = await load(only3.replace('modules:\n', 'length: 70\nmodules:\n'))
    expect(problems).toEqual([expect.stringMatching(/length: module 3 runs 104 min with its extension blocks, or 74 min in its short version; a length of 70 min fits neither\. Give it more time, or drop this module or an extension block\./)])
  })

  it('may name a block under its own module instead', async () => {
    const { loaded, problems } = await load(COHORT.replace('extensions: [conduct-response, onboarding]\n', '').replace('    start: 2027-03-25T16:00\n', '    start: 2027-03-25T16:00\n    extensions: [conduct-response]\n'))
    expect(problems).toEqual([])
    expect(loaded.sessions[1].extensions.map(x => x.ext.name)).toEqual(['conduct-response'])
  })

  it('that states `minutes` hears at that line when the slides do not add up', async () => {
    const { problems } = await load(COHORT.replace('    start: 2027-03-25T16:00\n', '    start: 2027-03-25T16:00\n    minutes: 90\n'))
    expect(problems).toEqual([expect.stringMatching(/cohort\.yaml:13:\d+ modules\[1\]\.minutes: in module 4 as this cohort runs it: .*add up to.*extension blocks included/)])
  })
})

describe('naming an extension', () => {
  it('refuses an unknown name with a did-you-mean at its line', async () => {
    const { problems } = await load(COHORT.replace('[conduct-response, onboarding]', '[conduct-response, onbording]'))
    expect(problems).toEqual([expect.stringMatching(/^.*cohort\.yaml:7:\d+ extensions\[1\]: unknown extension "onbording"\. Did you mean "onboarding"\? The extensions are: .*conduct-response \(module 4\).*onboarding \(module 3\)/)])
  })

  it('refuses an unknown name under a module too', async () => {
    const { problems } = await load(COHORT.replace('    start: 2027-03-18T16:00\n', '    start: 2027-03-18T16:00\n    extensions: [onboardin]\n'))
    expect(problems).toEqual([expect.stringMatching(/cohort\.yaml:11:18 modules\[0\]\.extensions\[0\]: unknown extension "onboardin"\. Did you mean "onboarding"\?/)])
  })

  it('refuses a block under the wrong module, a block for a module the cohort does not run, and a block named twice', async () => {
    const { problems } = await load(COHORT
      .replace('[conduct-response, onboarding]', '[conduct-response, onboarding, succession]')
      .replace('    start: 2027-03-18T16:00\n', '    start: 2027-03-18T16:00\n    extensions: [community-health, onboarding]\n'))
    const text = problems.join('\n')
    expect(text).toMatch(/extensions\[2\]: the extension "succession" belongs in module 2, which this cohort does not run/)
    expect(text).toMatch(/modules\[0\]\.extensions\[0\]: the extension "community-health" belongs in module 4 \(after slide m4-[a-z-]+\), not module 3/)
    expect(text).toMatch(/modules\[0\]\.extensions\[1\]: the extension "onboarding" is switched on twice/)
    expect(problems).toHaveLength(3)
  })
})

describe('the content check of extension files', () => {
  let loaded: LoadedDeck[]
  beforeAll(async () => {
    loaded = await Promise.all(decks.map(loadDeck))
  })

  it('finds the four blocks, each 10-15 minutes in the module it declares, and every one clean in its place', async () => {
    const all = listExtensions()
    expect(all.map(e => [e.name, e.module])).toEqual([['community-health', 4], ['conduct-response', 4], ['onboarding', 3], ['succession', 2]])
    for (const e of all)
      expect(e.minutes, e.name).toSatisfy((m: number) => m >= 10 && m <= 15)
    expect((await checkExtensions(decks, loaded, all)).map(p => `${p.file}:${p.line} ${p.message}`)).toEqual([])
  })

  it('reports a broken block: its notes, its place, its ids and its minutes', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'kit-extensions-broken-'))
    try {
      const text = (name: string) => readFileSync(join(EXTENSIONS_DIR, `${name}.md`), 'utf8')
      // Notes taken off the activity; a slide the module no longer has; an id of another module; no minutes.
      writeFileSync(join(broken, 'succession.md'), text('succession').replace(/(# Your succession card[\s\S]*?)<!--[\s\S]*?-->/, '$1'))
      writeFileSync(join(broken, 'onboarding.md'), text('onboarding').replace('after: m3-persona-debrief', 'after: m3-ideas-removed'))
      writeFileSync(join(broken, 'conduct-response.md'), text('conduct-response').replace('id: m4-ext-conduct-response-debrief', 'id: m2-debrief'))
      writeFileSync(join(broken, 'community-health.md'), text('community-health').replace(/^duration: \d+$/gm, 'duration: 1'))
      const problems = (await checkExtensions(decks, loaded, listExtensions(broken))).map(p => `${p.file.replace(`${broken}/`, '')}:${p.line} ${p.message}`)
      expect(problems).toEqual(expect.arrayContaining([
        expect.stringMatching(/^succession\.md:\d+ .*has no facilitator notes/),
        expect.stringMatching(/^onboarding\.md:1 goes after slide "m3-ideas-removed", which module 3 \(03-community-engagement\) does not have\. Closest: /),
        expect.stringMatching(/^conduct-response\.md:\d+ id "m2-debrief" should start with m4-ext-conduct-response-/),
        expect.stringMatching(/^community-health\.md:1 the block's slides add up to 3 min; an extension block runs 10-15 minutes/),
      ]))
    }
    finally {
      rmSync(broken, { recursive: true, force: true })
    }
  })

  it('fails `npm run check` for a broken extension file, and passes with the files as they are', () => {
    const copy = mkdtempSync(join(tmpdir(), 'kit-extensions-cli-'))
    try {
      for (const f of readdirSync(EXTENSIONS_DIR).filter(f => f.endsWith('.md')))
        copyFileSync(join(EXTENSIONS_DIR, f), join(copy, f))
      const run = () => spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/main.ts', 'check', '2'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KIT_EXTENSIONS_DIR: copy } })
      const clean = run()
      expect(clean.stderr).not.toMatch(/succession\.md/)
      expect(clean.stdout).toMatch(/4 extension block\(s\)/)
      writeFileSync(join(copy, 'succession.md'), readFileSync(join(copy, 'succession.md'), 'utf8').replace(/^section: .*$/m, ''))
      const broken = run()
      expect(broken.status).toBe(1)
      expect(broken.stderr).toMatch(/succession\.md:1: its first slide opens the block in the agenda: give it `section: <block title>`/)
    }
    finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })
})

// Each block's first slide tells whoever sets up the cohort which lines make room for it
// ("under `- module: N`: `minutes: M` · `drop: [...]` · `extensions: [name]`"): those lines,
// read from the notes as written, must compose and check clean, at the minutes they state.
describe('the cohort.yaml lines each extension block gives', () => {
  for (const ext of listExtensions()) {
    it(`${ext.name}: its lines compose a module that checks clean`, async () => {
      const text = readFileSync(join(EXTENSIONS_DIR, `${ext.name}.md`), 'utf8')
      const found = /under `- module: (\d)`: `minutes: (\d+)` · `drop: \[([^\]]*)\]` · `extensions: \[([^\]]*)\]`/.exec(text)
      expect(found, `${ext.name}.md names no cohort.yaml lines of the form under \`- module: N\`: \`minutes: M\` · \`drop: [...]\` · \`extensions: [...]\``).not.toBeNull()
      const [, module, minutes, drop, names] = found!
      const { loaded, problems } = await load(`name: Lines check
organisation: Red
facilitators:
  - name: Ana Silva
venue: Bogotá
timezone: America/Bogota
modules:
  - module: ${module}
    start: 2027-03-18T16:00
    minutes: ${minutes}
    drop: [${drop}]
    extensions: [${names}]
`)
      expect(problems).toEqual([])
      expect(loaded.sessions[0].extensions.map(x => x.ext.name)).toContain(ext.name)
    })
  }
})
