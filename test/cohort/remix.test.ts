// Remixing as a community manager meets it: a typo in one field never hides the rest of the
// file's problems, a replacement keeps its own agenda section, and a cohort can retitle a module.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { formatCohortProblem } from '../../src/cohort/load'
import { prepareCohort, writeComposedDecks } from '../../src/cohort/pipeline'
import { listDecks, loadDeck, summariseDeck } from '../../src/content/decks'
import { ROOT } from '../../src/paths'

const decks = listDecks(join(ROOT, 'test/fixtures/decks'))

const BASE = `name: Bogotá 2027
organisation: Red Bogotá
facilitators:
  - name: Ana Silva
    pronouns: she/her
venue: Bogotá
timezone: America/Bogota
modules:
  - module: 1
    start: 2027-03-04T10:00
    minutes: 10
    replace:
      m1-welcome: slides/welcome.md
    insert:
      - after: m1-welcome
        file: slides/local.md
branding:
  logo: logo.svg
`

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-cohort-remix-'))
  mkdirSync(join(dir, 'slides'))
  writeFileSync(join(dir, 'slides/welcome.md'), '---\nid: m1-welcome-bogota\nduration: 4\n---\n\n# Bienvenida\n\n<!--\n**At a glance** · Say: "Hola." · Time: 4 min · Land: welcome.\n-->\n')
  writeFileSync(join(dir, 'slides/local.md'), '---\nid: m1-local-story\n---\n\n# Our story\n\n<!--\n**At a glance** · Say: "Our story." · Land: where we come from.\n-->\n')
  writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function load(yaml = BASE) {
  writeFileSync(join(dir, 'cohort.yaml'), yaml)
  const loaded = await prepareCohort('bogota', decks, dir)
  return { loaded, problems: loaded.problems.map(formatCohortProblem) }
}

describe('a mistyped key', () => {
  it('in a module is one problem with a did-you-mean, and the module\'s other problems are still found', async () => {
    const { problems } = await load(BASE
      .replace('  - module: 1', '  - modul: 1')
      .replace('start: 2027-03-04T10:00', 'start: 2027-03-41T10:00')
      .replace('after: m1-welcome', 'after: m1-welcom')
      .replace('slides/welcome.md', 'slides/missing.md'))
    const text = problems.join('\n')
    expect(text).not.toMatch(/Invalid input/)
    expect(text).toMatch(/cohort\.yaml:9:5 modules\[0\]: unknown field "modul"\. Did you mean "module"\?/)
    expect(text).toMatch(/modules\[0\]\.start: must be a local date and time/)
    expect(text).toMatch(/modules\[0\]\.insert\[0\]\.after: slide id "m1-welcom" is not in module 1 \(01-alpha\)\. Closest: m1-welcome/)
    expect(text).toMatch(/modules\[0\]\.replace\.m1-welcome: the file "slides\/missing\.md" does not exist/)
    expect(problems).toHaveLength(4)
  })

  it.each([
    ['a facilitator', BASE.replace('pronouns: she/her', 'pronoun: she/her'), /cohort\.yaml:5:5 facilitators\[0\]: unknown field "pronoun"\. Did you mean "pronouns"\?/],
    ['an insertion', BASE.replace('        file: slides/local.md', '        fiel: slides/local.md'), /cohort\.yaml:16:9 modules\[0\]\.insert\[0\]: unknown field "fiel"\. Did you mean "file"\?/],
    ['the branding', BASE.replace('logo: logo.svg', 'logos: logo.svg'), /branding: unknown field "logos"\. Did you mean "logo"\?/],
    ['the values', `${BASE}values:\n  comunityName: Red\n`, /values: unknown field "comunityName"\. Did you mean "communityName"\? Allowed: communityName, organisation/],
    ['a module field', BASE.replace('minutes: 10', 'minute: 10'), /modules\[0\]: unknown field "minute"\. Did you mean "minutes"\?/],
  ])('in %s gets a did-you-mean at its own line', async (_, yaml, message) => {
    const { problems } = await load(yaml)
    expect(problems.join('\n')).toMatch(message)
    expect(problems.join('\n')).not.toMatch(/Invalid input|is required/)
  })

  it('is still a problem when it is not close to any field, with the allowed fields', async () => {
    const { problems } = await load(BASE.replace('  - module: 1', '  - module: 1\n    colour: red'))
    expect(problems).toEqual([expect.stringMatching(/modules\[0\]: unknown field "colour"\. Allowed: module, start, .*title, subtitle\.$/)])
  })

  it('says what a module must be when it is neither a number nor a name', async () => {
    const { problems } = await load(BASE.replace('  - module: 1', '  - module: true'))
    expect(problems.join('\n')).toMatch(/modules\[0\]\.module: must be a module number \(0-4\) or a module name/)
  })

  it('names a replaced key that is not a slide id', async () => {
    const { problems } = await load(BASE.replace('m1-welcome: slides/welcome.md', 'Welcome: slides/welcome.md'))
    expect(problems.join('\n')).toMatch(/modules\[0\]\.replace\.Welcome: "Welcome" is not a slide id/)
  })
})

describe('a replaced slide in the agenda', () => {
  async function agendaOf(welcome: string) {
    writeFileSync(join(dir, 'slides/welcome.md'), welcome)
    const { loaded, problems } = await load()
    expect(problems).toEqual([])
    const [composed] = writeComposedDecks(loaded, join(dir, 'out'))
    const deck = await loadDeck(composed)
    return { deck, agenda: summariseDeck(deck).agenda.map(b => [b.title, b.minutes]) }
  }

  it('shows the section the replacement declares', async () => {
    const { agenda } = await agendaOf('---\nid: m1-welcome-bogota\nsection: Bienvenida\nduration: 4\n---\n\n# Bienvenida\n\n<!--\n**At a glance** · Say: "Hola." · Time: 2 min · Land: welcome.\n-->\n')
    expect(agenda).toEqual([['Bienvenida', 10]])
  })

  it('keeps the replaced slide\'s section when the replacement declares none', async () => {
    const { agenda } = await agendaOf('---\nid: m1-welcome-bogota\nduration: 4\n---\n\n# Bienvenida\n\n<!--\n**At a glance** · Say: "Hola." · Time: 2 min · Land: welcome.\n-->\n')
    expect(agenda).toEqual([['Welcome', 10]])
  })

  it('opens the replaced slide\'s section once when the replacement has several slides', async () => {
    const { deck, agenda } = await agendaOf('---\nid: m1-welcome-bogota\nduration: 2\n---\n\n# Hola\n\n<!--\n**At a glance** · Say: "Hola." · Time: 2 min · Land: welcome.\n-->\n\n---\nid: m1-welcome-bogota-2\nduration: 2\n---\n\n# Trios\n\n<!--\n**At a glance** · Say: "Hola." · Time: 2 min · Land: welcome.\n-->\n')
    expect(agenda).toEqual([['Welcome', 10]])
    expect(deck.slides.map(s => s.frontmatter.id)).toEqual(['m1-title', 'm1-welcome-bogota', 'm1-welcome-bogota-2', 'm1-local-story', 'm1-stakeholder-map', 'm1-references'])
  })
})

describe('a module\'s title for a cohort', () => {
  it('is carried into the composed deck\'s headmatter, for the title slide, the browser, the landing page and the handouts', async () => {
    const { loaded, problems } = await load(BASE.replace('    minutes: 10\n', '    minutes: 10\n    title: Fundamentos de la comunidad\n    subtitle: Historia, propósito y rumbo\n'))
    expect(problems).toEqual([])
    const [composed] = writeComposedDecks(loaded, join(dir, 'out'))
    const deck = await loadDeck(composed)
    expect(deck.headmatter.title).toBe('Fundamentos de la comunidad')
    expect(deck.headmatter.subtitle).toBe('Historia, propósito y rumbo')
    expect(deck.headmatter.cohort).toMatchObject({ title: 'Fundamentos de la comunidad', subtitle: 'Historia, propósito y rumbo', name: 'Bogotá 2027' })
    // The landing page and the handouts read the deck's summary.
    expect(summariseDeck(deck)).toMatchObject({ title: 'Fundamentos de la comunidad', subtitle: 'Historia, propósito y rumbo' })
  })

  it('keeps the upstream title when the cohort gives none', async () => {
    const { loaded } = await load()
    const [composed] = writeComposedDecks(loaded, join(dir, 'out'))
    const deck = await loadDeck(composed)
    expect(deck.headmatter.title).toBe('Alpha')
    expect(deck.headmatter.cohort.title).toBeUndefined()
  })

  it('is one line of text', async () => {
    const { problems } = await load(BASE.replace('    minutes: 10\n', '    minutes: 10\n    title: ""\n'))
    expect(problems.join('\n')).toMatch(/modules\[0\]\.title: must not be empty/)
  })
})

describe('all problems at once', () => {
  it('are listed in the order of the file, and a missing module says what it must be', async () => {
    const { problems } = await load(BASE
      .replace('  - module: 1', '  - mod: 1')
      .replace('timezone: America/Bogota', 'timezone: America/Bogata')
      .replace('logo: logo.svg', 'logo: none.svg'))
    expect(problems.map(p => p.replace(/^.*cohort\.yaml:/, ''))).toEqual([
      expect.stringMatching(/^7:\d+ timezone: must be an IANA time zone/),
      expect.stringMatching(/^9:\d+ modules\[0\]\.module: is required: it must be a module number \(0-4\) or a module name/),
      expect.stringMatching(/^9:5 modules\[0\]: unknown field "mod"\. Allowed: module, start/),
      expect.stringMatching(/^18:\d+ branding\.logo: the logo "none\.svg" does not exist/),
    ])
  })
})
