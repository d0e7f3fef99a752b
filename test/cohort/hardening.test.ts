// A cohort folder is something people send each other. Each class of bad input gets a
// file:line message and nothing is built from it; values stay text wherever they appear.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from '@slidev/parser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { composeDeck } from '../../src/cohort/compose'
import { formatCohortProblem } from '../../src/cohort/load'
import { prepareCohort } from '../../src/cohort/pipeline'
import { fillPlaceholders } from '../../src/content/placeholders'
import { listDecks, loadDeck, summariseDeck } from '../../src/content/decks'
import { ROOT } from '../../src/paths'

const decks = listDecks(join(ROOT, 'test/fixtures/decks'))

const BASE = `name: Test cohort
organisation: Test org
facilitators:
  - name: Ana Silva
venue: Online
timezone: Europe/Lisbon
modules:
  - module: 1
    start: 2027-03-04T10:00
    minutes: 10
    insert:
      - after: m1-welcome
        file: slides/local.md
branding:
  logo: logo.svg
`

let dir: string
let outside: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kit-cohort-bad-'))
  outside = mkdtempSync(join(tmpdir(), 'kit-outside-'))
  mkdirSync(join(dir, 'slides'))
  writeFileSync(join(dir, 'slides/local.md'), '---\nid: m1-local-story\n---\n\n# Our story\n\n<!-- **At a glance** · Say: "Our story." · Land: a story. -->\n')
  writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>')
  writeFileSync(join(outside, 'secret.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><text>secret</text></svg>')
  writeFileSync(join(outside, 'secret.md'), '---\nid: m1-secret\n---\n\n# Secret\n\n<!-- n -->\n')
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(outside, { recursive: true, force: true })
})

async function problems(yaml = BASE) {
  writeFileSync(join(dir, 'cohort.yaml'), yaml)
  const loaded = await prepareCohort('test', decks, dir)
  return { loaded, text: loaded.problems.map(formatCohortProblem).join('\n') }
}

describe('files a cohort names stay inside its folder', () => {
  it('refuses a logo that is a link to a file outside the cohort folder', async () => {
    rmSync(join(dir, 'logo.svg'))
    symlinkSync(join(outside, 'secret.svg'), join(dir, 'logo.svg'))
    const { loaded, text } = await problems()
    expect(text).toMatch(/cohort\.yaml:\d+:\d+ branding\.logo: the logo "logo\.svg" leads outside the cohort folder/)
    expect(loaded.sessions).toEqual([])
  })

  it('refuses a slide file that is a link to a file outside, even through a linked folder', async () => {
    rmSync(join(dir, 'slides'), { recursive: true })
    symlinkSync(outside, join(dir, 'slides'))
    writeFileSync(join(outside, 'local.md'), '---\nid: m1-local-story\n---\n\n# x\n\n<!-- n -->\n')
    const { text } = await problems()
    expect(text).toMatch(/modules\[0\]\.insert\[0\]\.file: the file "slides\/local\.md" leads outside the cohort folder/)
  })

  it('refuses a cohort.yaml that is a link to a file outside', async () => {
    writeFileSync(join(outside, 'cohort.yaml'), BASE)
    symlinkSync(join(outside, 'cohort.yaml'), join(dir, 'cohort.yaml'))
    const loaded = await prepareCohort('test', decks, dir)
    expect(loaded.problems.map(formatCohortProblem).join('\n')).toMatch(/cohort\.yaml leads outside the cohort folder/)
  })

  it('refuses a folder where a slide file is expected, with its line', async () => {
    mkdirSync(join(dir, 'slides/folder.md'))
    const { text } = await problems(BASE.replace('file: slides/local.md', 'file: slides/folder.md'))
    expect(text).toMatch(/cohort\.yaml:\d+:\d+ modules\[0\]\.insert\[0\]\.file: "slides\/folder\.md" is a folder; name a file\./)
  })

  it('refuses a cohort.yaml that is a folder', async () => {
    mkdirSync(join(dir, 'cohort.yaml'))
    const loaded = await prepareCohort('test', decks, dir)
    expect(loaded.problems.map(formatCohortProblem).join('\n')).toMatch(/cohort\.yaml is a folder/)
  })

  it('refuses paths that climb out, written any way', async () => {
    for (const path of ['../x.md', 'slides/../../x.md', '/etc/passwd', 'slides\\..\\..\\x.md']) {
      const { text } = await problems(BASE.replace('file: slides/local.md', `file: ${JSON.stringify(path)}`))
      expect(text, path).toMatch(/must be a path inside the cohort folder/)
    }
  })
})

describe('the YAML itself', () => {
  it('refuses an alias bomb with a line, before expanding it', async () => {
    const bomb = `${BASE}a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`
    const { text } = await problems(bomb)
    expect(text).toMatch(/cohort\.yaml:\d+:\d+ YAML aliases \(\*a\) are not allowed in a cohort file/)
  })

  it('refuses a file far too large to be a cohort file', async () => {
    const { text } = await problems(`${BASE}# ${'x'.repeat(200_000)}\n`)
    expect(text).toMatch(/the cohort file is \d+ kB/)
  })

  it('refuses a file that is a list, not a set of fields', async () => {
    const { text } = await problems('- name: x\n')
    expect(text).toMatch(/a cohort file is a set of fields/)
  })
})

describe('values', () => {
  it.each([
    ['30 February', BASE.replace('2027-03-04T10:00', '2027-02-30T10:00'), /modules\[0\]\.start: 2027-02-30 is not a date in the calendar/],
    ['29 February of a common year', BASE.replace('2027-03-04T10:00', '2027-02-29T10:00'), /2027-02-29 is not a date in the calendar/],
    ['a line break in a name', BASE.replace('name: Test cohort', 'name: "Test\\n---\\ncohort"'), /^.*cohort\.yaml:1:\d+ name: must be one line of text/],
    ['a line break in a value', `${BASE}values:\n  communityName: "a\\n---\\nb"\n`, /values\.communityName: must be one line of text/],
    ['a fractional session length', BASE.replace('minutes: 10', 'minutes: 10.5'), /modules\[0\]\.minutes: must be whole minutes/],
  ])('refuses %s', async (_, yaml, message) => {
    const { text } = await problems(yaml)
    expect(text).toMatch(message)
  })

  it('keeps a 29 February that exists', async () => {
    const { text } = await problems(BASE.replace('2027-03-04T10:00', '2028-02-29T10:00'))
    expect(text).toBe('')
  })

  it('puts template syntax and Markdown in values on slides as text only', () => {
    for (const value of ['{{ 7*7 }}', '<script>alert(1)</script>', '--- ', '# Heading', '1. first', '[x](javascript:alert(1))', '<img src=x onerror=alert(1)>', '{% communityName %}']) {
      const filled = fillPlaceholders('Welcome to {% communityName %}!', { communityName: value })
      expect(filled, value).not.toMatch(/\{\{|\}\}|<|>|\[|\]|\(|\)|\{%|^#/)
      expect(filled.startsWith('Welcome to ')).toBe(true)
      // What Vue sees once Markdown has turned the references back into characters.
      const decoded = filled.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))
      expect(decoded, value).not.toContain('{{')
    }
    expect(fillPlaceholders('{% communityName %}', { communityName: '- item' })).toMatch(/^&#45;/)
  })

  it('carries cohort details into a deck as YAML strings that cannot end the headmatter or become template', async () => {
    const yaml = BASE.replace('name: Test cohort', 'name: "{{ 7*7 }} --- <b>x</b>"').replace('venue: Online', 'venue: "---"')
    const { loaded, text } = await problems(yaml)
    expect(text).toBe('')
    const deckDir = join(dir, 'out', '01-alpha')
    mkdirSync(deckDir, { recursive: true })
    const composed = composeDeck(loaded, loaded.sessions[0], deckDir)
    expect(composed.split('\n').filter(l => l.trim() === '---').length).toBe(2 * 5) // five slide blocks, nothing else
    const md = await parse(composed, join(deckDir, 'slides.md'))
    expect(md.slides).toHaveLength(5)
    expect(md.slides[0].frontmatter.cohort.name).toBe('{{ 7*7 }} --- <b>x</b>')
    expect(md.slides[0].frontmatter.cohort.venue).toBe('---')
  })
})

describe('cohort slides meet the upstream rules, reported at their cohort.yaml line', () => {
  it.each([
    ['a negative duration', '---\nid: m1-local-story\nduration: -5\n---\n\n# x\n\n<!-- n -->\n', /modules\[0\]\.insert\[0\]\.file: slides\/local\.md:1 \(slide m1-local-story\): `duration` must be a whole number of minutes above 0 \(found -5\)/],
    ['a fractional duration', '---\nid: m1-local-story\nduration: 2.5\n---\n\n# x\n\n<!-- n -->\n', /`duration` must be a whole number of minutes above 0 \(found 2\.5\)/],
    ['an id with spaces', '---\nid: m1 local story\n---\n\n# x\n\n<!-- n -->\n', /id "m1 local story" is not of the form m<module>-<words-with-dashes>/],
    ['an id of another module', '---\nid: m2-local\n---\n\n# x\n\n<!-- n -->\n', /id "m2-local" should start with m1-/],
    ['an upstream slide\'s id', '---\nid: m1-stakeholder-map\n---\n\n# x\n\n<!-- n -->\n', /the id "m1-stakeholder-map" is an upstream slide's id in module 1/],
    ['no notes', '---\nid: m1-local-story\n---\n\n# x\n', /has no facilitator notes/],
    ['a placeholder that is not a value', '---\nid: m1-local-story\n---\n\n# {% nope %}\n\n<!-- n -->\n', /uses the placeholder \{% nope %\}/],
    ['a link to a file that does not exist', '---\nid: m1-local-story\n---\n\n![x](./missing.png)\n\n<!-- n -->\n', /links to "\.\/missing\.png", which does not exist/],
  ])('refuses %s', async (_, slide, message) => {
    writeFileSync(join(dir, 'slides/local.md'), slide)
    const { text, loaded } = await problems()
    expect(text).toMatch(message)
    expect(text).toMatch(/cohort\.yaml:1[0-9]:\d+ modules\[0\]\.insert\[0\]\.file: /)
    expect(loaded.sessions).toEqual([])
  })

  it('refuses two cohort slides with the same id', async () => {
    writeFileSync(join(dir, 'slides/local.md'), '---\nid: m1-local-story\n---\n\n# a\n\n<!-- n -->\n\n---\nid: m1-local-story\n---\n\n# b\n\n<!-- n -->\n')
    const { text } = await problems()
    expect(text).toMatch(/slide id "m1-local-story" is already used by/)
  })

  it('reports slides that no longer add up to the session at the line of `minutes`', async () => {
    const { text } = await problems(BASE.replace('minutes: 10', 'minutes: 15'))
    expect(text).toMatch(/cohort\.yaml:10:\d+ modules\[0\]\.minutes: in module 1 as this cohort runs it: the slide durations add up to 10 min .* but `duration` states 15 min\. Set `minutes`/)
  })
})

describe('a cohort\'s length chooses the short version', () => {
  let decksDir: string
  beforeEach(() => {
    decksDir = mkdtempSync(join(tmpdir(), 'kit-decks-short-'))
    mkdirSync(join(decksDir, '01-alpha'))
    writeFileSync(join(decksDir, '01-alpha/slides.md'), `---
id: m1-title
addons: ['../']
title: Alpha
duration: 20min
buffer: 2
short: { duration: 12min, buffer: 1 }
fonts: { provider: none }
colorSchema: light
objectives: [try things]
layout: cover
---

# Alpha

<!-- Title notes. -->

---
id: m1-welcome
section: Welcome
duration: 8
short: 6
---

# Welcome

<!-- Welcome notes. -->

---
id: m1-discuss
section: Discuss
duration: 5
---

# Discuss

<!-- Discuss notes. -->

---
id: m1-map
duration: 5
optional: true
---

# Map

<!-- Map notes. -->

---
id: m1-references
---

# References

<!-- References notes. -->
`)
  })
  afterEach(() => rmSync(decksDir, { recursive: true, force: true }))

  const cohort = (extra: string) => `name: Short cohort
organisation: Org
facilitators: [{ name: Ana }]
venue: Online
timezone: UTC
${extra}
`

  it('drops optional slides, uses short minutes and the short buffer, and adds up', async () => {
    writeFileSync(join(dir, 'cohort.yaml'), cohort('length: 12\nmodules:\n  - module: 1\n    start: 2027-01-01T10:00'))
    const loaded = await prepareCohort('short', listDecks(decksDir), dir)
    expect(loaded.problems.map(formatCohortProblem)).toEqual([])
    expect(loaded.sessions[0]).toMatchObject({ version: 'short', minutes: 12 })
    const deckDir = join(dir, 'out', '01-alpha')
    mkdirSync(deckDir, { recursive: true })
    writeFileSync(join(deckDir, 'slides.md'), composeDeck(loaded, loaded.sessions[0], deckDir))
    const deck = await loadDeck({ ...loaded.sessions[0].deck, dir: deckDir, entry: join(deckDir, 'slides.md') })
    expect(deck.slides.map(s => s.frontmatter.id)).toEqual(['m1-title', 'm1-welcome', 'm1-discuss', 'm1-references'])
    const summary = summariseDeck(deck)
    expect(summary.minutes).toBe(12)
    expect(summary.agenda.map(b => [b.title, b.minutes])).toEqual([['Welcome', 6], ['Discuss', 5]])
  })

  it('keeps the full version when it fits', async () => {
    writeFileSync(join(dir, 'cohort.yaml'), cohort('length: 30\nmodules:\n  - module: 1\n    start: 2027-01-01T10:00'))
    const loaded = await prepareCohort('short', listDecks(decksDir), dir)
    expect(loaded.problems).toEqual([])
    expect(loaded.sessions[0]).toMatchObject({ version: 'full', minutes: 20 })
  })

  it('says when a length fits neither version, at the line of `length`', async () => {
    writeFileSync(join(dir, 'cohort.yaml'), cohort('modules:\n  - module: 1\n    start: 2027-01-01T10:00\n    length: 10'))
    const loaded = await prepareCohort('short', listDecks(decksDir), dir)
    expect(loaded.problems.map(formatCohortProblem).join('\n')).toMatch(/cohort\.yaml:9:\d+ modules\[0\]\.length: module 1 runs 20 min, or 12 min in its short version; a length of 10 min fits neither/)
  })

  it('checks the short version adds up to the cohort\'s stated minutes', async () => {
    writeFileSync(join(dir, 'cohort.yaml'), cohort('length: 12\nmodules:\n  - module: 1\n    start: 2027-01-01T10:00\n    minutes: 14'))
    const loaded = await prepareCohort('short', listDecks(decksDir), dir)
    expect(loaded.problems.map(formatCohortProblem).join('\n')).toMatch(/modules\[0\]\.minutes: in module 1 as this cohort runs it: the slide durations add up to 11 min \(Welcome 6 \+ Discuss 5\) plus a 1-minute buffer = 12, but `duration` states 14 min/)
  })
})

describe('a cohort folder is content, not code', () => {
  const slide = (body: string, front = "") => `---\nid: m1-local-story\n${front}---\n\n# Our story\n\n${body}\n\n<!--\n**At a glance** · Say: "Our story." · Land: where we come from.\n-->\n`
  it.each([
    ['a script that imports a file of the kit', slide('<script setup>\nimport token from \'../../../sessions/a/token.txt?raw\'\n</script>\n\n{{ token }}'), /slides\/local\.md:7: <script> is not allowed in a cohort slide/],
    ['a template expression', slide('Configs: {{ $slidev.configs }}'), /slides\/local\.md:7: `\{\{` starts a template expression/],
    ['a directive that renders HTML', slide('<div v-html="$slidev.configs.title"></div>'), /the attribute v-html on <div> is code/],
    ['a bound attribute', slide('<img :src="x" alt="x">'), /the attribute :src on <img> is code/],
    ['an event handler', slide('<button @click="$nav.next()">Go</button>'), /the attribute @click on <button> is code/],
    ['an inline handler', slide('<img src="/favicon.svg" onerror="alert(1)" alt="x">'), /the attribute onerror on <img> is code/],
    ['a style block', slide('<style>\n@import "../../../src/live/server.ts";\n</style>'), /<style> is not allowed/],
    ['a snippet import', slide('<<< @/src/live/session.ts'), /`<<<` imports a code snippet/],
    ['an iframe', slide('<iframe src="http://127.0.0.1:1234"></iframe>'), /<iframe> is not allowed/],
    ['the dev server\'s file route', slide('<img src="/@fs/etc/passwd" alt="x">'), /"\/@fs\/" reaches the build tool's own files/],
    ['a javascript: link', slide('[click](javascript:alert(1))'), /a javascript: link runs code/],
    ['a `src:` import of another file', slide('text', 'src: ../../../decks/01-community-foundation/slides.md\n'), /the frontmatter key `src` makes the build read or run another file/],
  ])('refuses %s, with its line', async (_, text, message) => {
    writeFileSync(join(dir, 'slides/local.md'), text)
    const { text: found, loaded } = await problems()
    expect(found).toMatch(message)
    expect(found).toMatch(/cohort\.yaml:1[0-9]:\d+ modules\[0\]\.insert\[0\]\.file: slides\/local\.md:\d+: /)
    expect(found).not.toMatch(/\n\s+at /) // no stack trace
    expect(loaded.sessions).toEqual([])
  })

  it('refuses an image outside the cohort folder, and keeps one inside', async () => {
    const rel = join('..', '..', outside.split(/[/\\]/).pop()!, 'secret.svg')
    writeFileSync(join(dir, 'slides/local.md'), slide(`![secret](${rel})`))
    expect((await problems()).text).toMatch(/"\.\.\/\.\.\/kit-outside-\w+\/secret\.svg" is outside the cohort folder/)
    writeFileSync(join(dir, 'slides/local.md'), slide('![our logo](../logo.svg)'))
    expect((await problems()).text).toBe('')
  })

  it('accepts Markdown, plain HTML and the kit\'s components with fixed attributes', async () => {
    writeFileSync(join(dir, 'slides/local.md'), slide('<p class="kit-credit">After someone (CC BY 4.0). Say onward, not on=.</p>\n\n- **Bold** and `code`\n\n<div class="grid" data-x="1">\n\nText\n\n</div>\n\n![kit](/favicon.svg)'))
    const { text, loaded } = await problems()
    expect(text).toBe('')
    expect(loaded.sessions).toHaveLength(1)
  })
})

describe('a logo is checked by its content, not its name', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
  it.each([
    ['a PNG named .svg', () => writeFileSync(join(dir, 'logo.svg'), PNG), /"logo\.svg" is named as an SVG image but its content is a PNG image/],
    ['a text file named .svg', () => writeFileSync(join(dir, 'logo.svg'), 'hello'), /"logo\.svg" is named as an SVG image but its content is not an image/],
    ['an SVG with a script', () => writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), /the SVG logo contains a <script>/],
    ['an SVG with a handler', () => writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), /the SVG logo contains an event handler/],
    ['an SVG that loads from another host', () => writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.org/x.png"/></svg>'), /loads something from another host/],
  ])('refuses %s', async (_, write, message) => {
    write()
    const { text, loaded } = await problems()
    expect(text).toMatch(/cohort\.yaml:1[0-9]:\d+ branding\.logo: /)
    expect(text).toMatch(message)
    expect(loaded.sessions).toEqual([])
  })

  it('accepts a PNG named .png', async () => {
    writeFileSync(join(dir, 'logo.png'), PNG)
    const { text } = await problems(BASE.replace('logo: logo.svg', 'logo: logo.png'))
    expect(text).toBe('')
  })
})
