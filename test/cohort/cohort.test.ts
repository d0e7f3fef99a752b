import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from '@slidev/parser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { composeDeck } from '../../src/cohort/compose'
import { closestIds, formatCohortProblem } from '../../src/cohort/load'
import { contrastOnWhite } from '../../src/cohort/schema'
import { prepareCohort } from '../../src/cohort/pipeline'
import { decodeCharacterReferences, fillPlaceholders, placeholdersIn } from '../../src/content/placeholders'
import { listDecks } from '../../src/content/decks'
import { ROOT } from '../../src/paths'

const decks = listDecks(join(ROOT, 'test/fixtures/decks'))

const VALID = `name: Bees of Lisbon 2027
organisation: Lisbon Open Science
facilitators:
  - name: Ana Silva
    pronouns: she/her
    contact: ana@example.org
venue: Lisbon, room 2.14
timezone: Europe/Lisbon
language: es
modules:
  - module: 2
    start: 2027-03-11T10:00
    minutes: 10
  - module: 1
    start: 2027-03-04T10:00
    minutes: 10
    drop: [m1-stakeholder-map]
    replace:
      m1-welcome: slides/welcome.md
    insert:
      - after: m1-welcome
        file: slides/local.md
values:
  communityName: Las Abejas
branding:
  logo: logo.svg
  accent: "#7a2e8e"
`

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-cohort-'))
  mkdirSync(join(dir, 'slides'))
  writeFileSync(join(dir, 'slides/welcome.md'), '---\nid: m1-welcome-lisbon\nduration: 4\n---\n\n# Bem-vindas\n\n<!-- **At a glance** · Say: \"Bem-vindas.\" · Time: 4 min · Land: welcome. -->\n')
  writeFileSync(join(dir, 'slides/local.md'), '---\nid: m1-local-story\nduration: 6\n---\n\n# Our story\n\n<!-- **At a glance** · Say: \"Our story.\" · Time: 6 min · Land: a story. -->\n')
  writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5"/></svg>')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function problemsFor(yaml: string) {
  writeFileSync(join(dir, 'cohort.yaml'), yaml)
  const loaded = await prepareCohort('test', decks, dir)
  return loaded.problems.map(formatCohortProblem)
}

describe('the cohort file', () => {
  it('accepts a complete, valid file', async () => {
    writeFileSync(join(dir, 'cohort.yaml'), VALID)
    const loaded = await prepareCohort('test', decks, dir)
    expect(loaded.problems).toEqual([])
    expect(loaded.sessions.map(s => s.deck.number)).toEqual([2, 1])
    expect(loaded.cohort!.language).toBe('es')
  })

  it.each([
    ['YAML syntax', VALID.replace('venue: Lisbon, room 2.14', 'venue: [Lisbon'), /cohort\.yaml:\d+:\d+ YAML syntax/],
    ['an unknown field, with a suggestion', VALID.replace('venue:', 'venu:'), /cohort\.yaml:1:1 : unknown field "venu"\. Did you mean "venue"\?|unknown field "venu"\. Did you mean "venue"\?/],
    ['a wrong type', VALID.replace('minutes: 10\n  - module: 1', 'minutes: ten\n  - module: 1'), /cohort\.yaml:13:\d+ modules\[0\]\.minutes: .*number/],
    ['an unknown module', VALID.replace('module: 2', 'module: 7'), /modules\[0\]\.module: unknown module 7\. The modules are: 1 \(alpha\), 2 \(beta\)/],
    ['an unknown slide id, with the closest ids', VALID.replace('drop: [m1-stakeholder-map]', 'drop: [m1-stakeholdr-map]'), /cohort\.yaml:\d+:\d+ modules\[1\]\.drop\[0\]: slide id "m1-stakeholdr-map" is not in module 1 \(01-alpha\)\. Closest: m1-stakeholder-map/],
    ['a missing replacement file', VALID.replace('slides/welcome.md', 'slides/missing.md'), /modules\[1\]\.replace\.m1-welcome: the file "slides\/missing\.md" does not exist/],
    ['a missing logo', VALID.replace('logo: logo.svg', 'logo: brand.png'), /branding\.logo: the logo "brand\.png" does not exist/],
    ['a colour that is not a colour', VALID.replace('"#7a2e8e"', 'purple'), /branding\.accent: must be a colour like #0b5d6b/],
    ['a colour too light to read', VALID.replace('"#7a2e8e"', '"#ffd700"'), /#ffd700 has a contrast of 1\.4:1 on white/],
    ['a language without labels', VALID.replace('language: es', 'language: fr'), /language: must be a language with board labels: en, es/],
    ['a time zone that does not exist', VALID.replace('Europe/Lisbon', 'Europe/Atlantis'), /timezone: must be an IANA time zone/],
    ['a start that is not a date and time', VALID.replace('2027-03-11T10:00', 'next Tuesday'), /modules\[0\]\.start: must be a local date and time/],
    ['no facilitators', VALID.replace(/facilitators:\n(\s+.*\n){3}/, 'facilitators: []\n'), /facilitators: name at least one facilitator/],
    ['an unknown named value', VALID.replace('communityName: Las Abejas', 'communityNam: Las Abejas'), /values/],
    ['a slide both dropped and replaced', VALID.replace('drop: [m1-stakeholder-map]', 'drop: [m1-welcome]'), /slide "m1-welcome" is both dropped and replaced/],
    ['a path outside the cohort folder', VALID.replace('slides/local.md', '../../decks/x.md'), /must be a path inside the cohort folder/],
  ])('refuses %s, naming the file, line and field', async (_, yaml, message) => {
    const problems = await problemsFor(yaml)
    expect(problems.join('\n')).toMatch(message)
    expect(problems.every(p => p.includes('cohort.yaml'))).toBe(true)
  })

  it('collects every problem, not just the first', async () => {
    const problems = await problemsFor(VALID
      .replace('drop: [m1-stakeholder-map]', 'drop: [m1-nope]')
      .replace('slides/welcome.md', 'slides/missing.md')
      .replace('logo: logo.svg', 'logo: none.svg'))
    expect(problems).toHaveLength(3)
  })

  it('collects field errors and slide-id and file errors in the same pass', async () => {
    const problems = await problemsFor(VALID
      .replace('Europe/Lisbon', 'Europe/Atlantis')
      .replace('"#7a2e8e"', 'purple')
      .replace('drop: [m1-stakeholder-map]', 'drop: [m1-nope]')
      .replace('logo: logo.svg', 'logo: none.svg'))
    const text = problems.join('\n')
    expect(problems).toHaveLength(4)
    expect(text).toMatch(/timezone: must be an IANA time zone/)
    expect(text).toMatch(/branding\.accent: must be a colour/)
    expect(text).toMatch(/modules\[1\]\.drop\[0\]: slide id "m1-nope" is not in module 1/)
    expect(text).toMatch(/branding\.logo: the logo "none\.svg" does not exist/)
  })

  it('suggests the nearest ids first', () => {
    expect(closestIds('m2-stakholder-map', ['m2-title', 'm2-stakeholder-map', 'm2-raci'], 2)[0]).toBe('m2-stakeholder-map')
  })

  it('measures colour contrast as WCAG does', () => {
    expect(contrastOnWhite('#000000')).toBeCloseTo(21, 0)
    expect(contrastOnWhite('#fff')).toBeCloseTo(1, 5)
    expect(contrastOnWhite('#0b5d6b')).toBeGreaterThan(7)
  })
})

describe('composing a cohort deck', () => {
  async function composed() {
    writeFileSync(join(dir, 'cohort.yaml'), VALID)
    const loaded = await prepareCohort('test', decks, dir)
    const deckDir = join(dir, 'out', '01-alpha')
    mkdirSync(deckDir, { recursive: true })
    const text = composeDeck(loaded, loaded.sessions[1], deckDir)
    return { text, md: await parse(text, join(deckDir, 'slides.md')) }
  }

  it('imports upstream slides by position, drops, replaces and inserts in order', async () => {
    const { md } = await composed()
    const sources = md.slides.map(s => s.frontmatter.src)
    expect(sources).toEqual([
      expect.stringMatching(/test\/fixtures\/decks\/01-alpha\/slides\.md#1$/),
      expect.stringMatching(/slides\/welcome\.md$/),
      expect.stringMatching(/slides\/local\.md$/),
      expect.stringMatching(/01-alpha\/slides\.md#4$/),
    ])
  })

  it('carries the cohort, its session length and the addon root in the headmatter', async () => {
    const { md } = await composed()
    const h = md.slides[0].frontmatter
    expect(h.duration).toBe('10min')
    expect(h.title).toBe('Alpha')
    expect(h.cohort).toMatchObject({ id: 'test', name: 'Bees of Lisbon 2027', start: '2027-03-04T10:00', language: 'es', accent: '#7a2e8e', values: { communityName: 'Las Abejas' } })
    expect(h.cohort.logo).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(h.addons).toHaveLength(1)
    // Light mode only: Slidev hides its dark toggle and ignores `d`.
    expect(h.colorSchema).toBe('light')
    // The cohort's language reaches <html lang>.
    expect(h.lang).toBe('es')
    expect(h.htmlAttrs).toEqual({ lang: 'es' })
  })
})

describe('placeholders', () => {
  it('fill with the cohort\'s value, or the default without a cohort', () => {
    const text = 'Welcome to {% communityName %}! See {%codeOfConductUrl%}.'
    expect(decodeCharacterReferences(fillPlaceholders(text, { communityName: 'Las Abejas' }))).toBe('Welcome to Las Abejas! See https://www.contributor-covenant.org/version/2/1/code_of_conduct/.')
    expect(fillPlaceholders(text)).toMatch(/^Welcome to your community!/)
    expect(placeholdersIn(text)).toEqual(['communityName', 'codeOfConductUrl'])
  })
  it('keep values as text, never markup', () => {
    const filled = fillPlaceholders('{% communityName %}', { communityName: '<script>x</script>' })
    expect(filled).not.toMatch(/[<>]/)
    expect(decodeCharacterReferences(filled)).toBe('<script>x</script>')
  })
  it('leave an unknown placeholder visible (the content check reports it)', () => {
    expect(fillPlaceholders('{% nope %}')).toBe('{% nope %}')
  })
})
