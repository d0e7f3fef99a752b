import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse, prettifySlide, stringify } from '@slidev/parser'
import { Document } from 'yaml'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkDecks, formatProblem } from '../../src/content/check'
import { listDecks, loadDeck, summariseDeck } from '../../src/content/decks'
import { DECKS_DIR } from '../../src/paths'

async function checkAll(decksDir = DECKS_DIR) {
  const decks = await Promise.all(listDecks(decksDir).map(loadDeck))
  return checkDecks(decks).map(formatProblem)
}

describe('the kit\'s own decks', () => {
  it('pass the content check', async () => {
    expect(await checkAll()).toEqual([])
  })

  it('are complete sessions: 20-40 slides per module, objectives and an agenda that fills the stated length', async () => {
    for (const ref of listDecks()) {
      const summary = summariseDeck(await loadDeck(ref))
      if (ref.number > 0)
        expect(summary.slideCount, ref.name).toBeGreaterThanOrEqual(20)
      expect(summary.slideCount, ref.name).toBeLessThanOrEqual(40)
      expect(summary.objectives.length, ref.name).toBeGreaterThan(0)
      expect(summary.agenda.reduce((n, b) => n + b.minutes, 0) + summary.buffer, ref.name).toBe(summary.minutes)
      expect(summary.minutes, ref.name).toBeGreaterThanOrEqual(ref.number > 0 ? 60 : 10)
      expect(summary.minutes, ref.name).toBeLessThanOrEqual(90)
    }
  })
})

describe('the content check on broken copies', () => {
  let dir: string
  const deck = '01-community-foundation'
  const file = () => join(dir, deck, 'slides.md')

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kit-decks-'))
    cpSync(DECKS_DIR, dir, { recursive: true })
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  async function mutate(change: (slides: any[]) => void) {
    const md = await parse(readFileSync(file(), 'utf8'), file())
    change(md.slides)
    // Write back through Slidev's own serialiser, from the changed frontmatter, content and notes.
    for (const slide of md.slides) {
      slide.frontmatterDoc = new Document(slide.frontmatter)
      prettifySlide(slide)
    }
    writeFileSync(file(), stringify(md))
  }

  it('names the file and slide of a slide without notes', async () => {
    await mutate((s) => { s[4].note = '' })
    const problems = await checkAll(dir)
    expect(problems, problems.join('\n')).toHaveLength(1)
    expect(problems[0]).toMatch(new RegExp(`${deck}/slides\\.md:\\d+ slide 5 \\(m1-[a-z0-9-]+\\): has no facilitator notes`))
  })

  it('requires light mode in the headmatter', async () => {
    await mutate((s) => { s[0].frontmatter.colorSchema = 'auto' })
    const problems = await checkAll(dir)
    expect(problems).toEqual([expect.stringMatching(new RegExp(`${deck}/slides\\.md:1: the headmatter must set \`colorSchema: light\` \\(found "auto"\\)`))])
  })

  it('flags a slide with more than 60 words of visible text, not counting notes, comments or tags', async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')
    await mutate((s) => {
      s[4].content += `\n\n${words(61)}`
      // Comments, tags and notes are not shown to the room; references and preparation pages are exempt.
      s[5].content += `\n\n<!-- ${words(200)} -->\n\n<ModuleObjectives long-attribute="${words(5)}" />`
      s[6].note += `\n\n${words(20)}`
      const refs = s.find(x => String(x.frontmatter.id).endsWith('-references'))
      refs.content += `\n\n${words(200)}`
    })
    const problems = await checkAll(dir)
    expect(problems, problems.join('\n')).toHaveLength(1)
    expect(problems[0]).toMatch(new RegExp(`${deck}/slides\\.md:\\d+ slide 5 \\(m1-[a-z0-9-]+\\): shows \\d+ words of text; a slide the room reads should show at most 60\\. Move the detail into the facilitator notes\\.`))
  })

  it('catches a duplicate id and says where the first one is', async () => {
    let firstId = ''
    await mutate((s) => { firstId = s[2].frontmatter.id; s[6].frontmatter.id = firstId })
    const problems = await checkAll(dir)
    expect(problems.some(p => p.includes('slide 7') && p.includes(`slide id "${firstId}" is already used by`) && p.includes('slide 3'))).toBe(true)
  })

  it('catches timings that do not add up to the module length', async () => {
    await mutate((s) => {
      const activity = s.find(x => x.frontmatter.layout === 'activity')
      activity.frontmatter.duration += 5
    })
    const problems = await checkAll(dir)
    // The full version is off by 5; the short version too where the slide has no short minutes of its own.
    expect(problems.filter(p => !/in the short version/.test(p))).toHaveLength(1)
    expect(problems[0]).toMatch(/in the module, the slide durations add up to \d+ min \(.+\) plus a \d+-minute buffer = 95, but `duration` states 90 min/)
  })

  it('catches a slide without an id and an activity without a duration', async () => {
    await mutate((s) => {
      delete s[3].frontmatter.id
      const activity = s.find(x => x.frontmatter.layout === 'activity')
      delete activity.frontmatter.duration
    })
    const problems = (await checkAll(dir)).join('\n')
    expect(problems).toMatch(/slide 4: has no `id` in its frontmatter/)
    expect(problems).toMatch(/is an activity \(`layout: activity`\) but declares no `duration`/)
  })

  it('catches a local image or link whose target is missing', async () => {
    await mutate((s) => { s[5].content += '\n\n![Map](./img/missing-map.png)\n\n[Handout](/handouts/gone.pdf)\n' })
    const problems = (await checkAll(dir)).join('\n')
    expect(problems).toContain('links to "./img/missing-map.png", which does not exist')
    expect(problems).toContain('links to "/handouts/gone.pdf", which does not exist (looked for public/handouts/gone.pdf)')
  })

  it('catches a buffer below 5 minutes per 90 and a short version that does not add up', async () => {
    await mutate((s) => {
      s[0].frontmatter.buffer = 1
      s[0].frontmatter.duration = '71min'
      let dropped = false // the short version drops a whole block when its opening slide is optional
      const kept = s.find((x) => {
        if (x.frontmatter.section) dropped = x.frontmatter.optional === true
        return !dropped && x.frontmatter.layout === 'activity'
      })
      kept.frontmatter.short = (kept.frontmatter.short ?? kept.frontmatter.duration) + 1
    })
    const problems = (await checkAll(dir)).join('\n')
    expect(problems).toMatch(/`buffer` is 1 min; a 71-minute session needs at least 4/)
    expect(problems).toMatch(/in the short version, the slide durations add up to/)
  })

  it('keeps preparation pages out of the room: no minutes, after the references', async () => {
    await mutate((s) => {
      const prep = s.find(x => x.frontmatter.prep === true)
      prep.frontmatter.duration = 3
      s.splice(3, 0, ...s.splice(s.indexOf(prep), 1))
    })
    const problems = (await checkAll(dir)).join('\n')
    expect(problems).toMatch(/slide 4 \(m1-prep-[a-z0-9-]+\): is a preparation slide \(`prep: true`\): it takes no time/)
    expect(problems).toMatch(/slide 4 \(m1-prep-[a-z0-9-]+\): is a preparation slide \(`prep: true`\) before the references slide/)
  })

  it('does not count links to other hosts or anchors as local files', async () => {
    await mutate((s) => { s[5].content += '\n\n[TTW](https://book.the-turing-way.org) [top](#1) [mail](mailto:a@b.org)\n' })
    expect(await checkAll(dir)).toEqual([])
  })
})
