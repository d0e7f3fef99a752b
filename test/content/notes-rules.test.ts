// The content check's notes and timing rules, one test per rule, each on a copy of a small
// module that passes them all (notes-fixture.ts) with one thing broken.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { edit, type Fixture, fixtureSlides, GLANCE, makeFixture, words } from './notes-fixture'

let fx: Fixture
beforeAll(() => { fx = makeFixture() })
afterAll(() => fx.cleanUp())

const base = fixtureSlides
/** The findings for slide `n` (1-based), which must name the file, the slide and its id. */
/** Findings apart from the clock's: a rule test that moves a step also moves the clock off the cues. */
const withoutClock = (problems: string[]) => problems.filter(p => !p.includes('the projector\'s clock changes step'))
const where = (n: number, id: string) => new RegExp(`01-fixture/slides\\.md:\\d+ slide ${n} \\(${id}\\): `)

describe('the fixture module', () => {
  // Its notes are a few words a slide: there is no word floor any more, only a ceiling.
  it('passes every rule, in both versions', async () => {
    expect(await fx.check()).toEqual([])
  })
})

describe('notes shape', () => {
  it('asks for the at-a-glance paragraph first', async () => {
    const problems = await fx.check(edit(base(), 1, '**At a glance** · Say: "Welcome back." · Time: 5 min · Land: we build on module 1.\n\n', ''))
    expect(problems).toEqual([expect.stringMatching(where(2, 'm1-welcome'))])
    expect(problems[0]).toMatch(/the notes do not open with the at-a-glance paragraph: start them with `\*\*At a glance\*\* · Say: … · Time: … · Land: …`/)
  })

  it('keeps the glance to 60 words', async () => {
    const problems = await fx.check(edit(base(), 2, 'Land: a map is a conversation, not a verdict.', `Land: ${words(60)}.`))
    expect(problems).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): the at-a-glance paragraph has \d+ words; keep it to 60/)])
  })

  it('asks an activity\'s glance for Say, Do, Time and Land', async () => {
    const problems = await fx.check(edit(base(), 2, ' · Do: one answer per trio · Time: 20 min', ''))
    expect(problems).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): the at-a-glance paragraph has no `Do:`, `Time:`; an activity's glance holds Say:, Do:, Time: and Land:/)])
  })

  it('allows only the fixed label words', async () => {
    const problems = await fx.check(edit(base(), 2, '**Watch for**', '**Look out for**'))
    expect(problems).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): a paragraph opens with `\*\*Look out for\*\*`, which is not a notes label\. Use one of \*\*Purpose\*\*, \*\*Set-up\*\*/)])
  })

  it('keeps the labels in order', async () => {
    const slides = edit(base(), 2, '**Purpose** Each person maps their own case.\n\n**Set-up** Trios sit together.', '**Set-up** Trios sit together.\n\n**Purpose** Each person maps their own case.')
    expect(await fx.check(slides)).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): `\*\*Purpose\*\*` comes after `\*\*Set-up\*\*`: labelled parts go in the order Purpose, Set-up, Say/)])
  })

  it('uses each label once (a variant block may repeat one)', async () => {
    const slides = edit(base(), 2, '**Running late** Two owners instead of three.', '**Running late** Two owners instead of three.\n\n**Running late** Or none.')
    expect(await fx.check(slides)).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): `\*\*Running late\*\*` opens two paragraphs: each label comes at most once/)])
  })

  it('keeps the projector\'s clock and the timing cues on the same times', async () => {
    // Seven minutes alone on the slide, the script still at six: the clock's rounds start at 10:00.
    const problems = await fx.check(edit(base(), 2, 'solo: 6', 'solo: 7'))
    expect(problems).toEqual([expect.stringMatching(where(3, 'm1-board-map'))])
    expect(problems[0]).toMatch(/the projector's clock changes step at 10:00 \(Presenter 1\), 13:00 \(Presenter 2\), 16:00 \(Presenter 3\), 19:00 \(Debrief\), but the in-person \*\*Timing cues\*\* do not: the clock runs 0:00 On devices · 3:00 Alone · 10:00 Presenter 1/)
  })

  it('asks every activity for Purpose, Say and Timing cues, in every setting', async () => {
    const slides = edit(base(), 2, '**Timing cues** 0:00 devices · 3:00 alone · 9:00 round 1 · 12:00 round 2 · 15:00 round 3 · 18:00 debrief.', '::: online\n**Timing cues** 0:00 devices.\n:::')
    const problems = await fx.check(slides)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/slide 3 \(m1-board-map\): is an activity, but its notes have no \*\*Timing cues\*\* part in the in-person, no-live, full; .* settings: every activity's notes hold at least \*\*Purpose\*\*, \*\*Say\*\*, \*\*Timing cues\*\*/)
    expect(problems[0]).not.toMatch(/online, (no-)?live/)
  })
})

describe('variant blocks and shared notes', () => {
  it('know only the kit\'s variants', async () => {
    const problems = await fx.check(edit(base(), 2, '::: online', '::: remote'))
    expect(problems).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): notes line \d+: `::: remote` is not a variant\. Known: in-person, online, hybrid, live, no-live, full, short, same-community/)])
  })

  it('are closed', async () => {
    const problems = await fx.check(edit(base(), 2, 'Phones on the board by the QR code.\n:::', 'Phones on the board by the QR code.'))
    expect(problems.join('\n')).toMatch(/slide 3 \(m1-board-map\): notes line \d+: the `::: live` block is never closed: add a line `:::` after its text/)
  })

  it('do not nest', async () => {
    const problems = await fx.check(edit(base(), 2, '**Set-up** Breakout rooms of three.\n:::', '**Set-up** Breakout rooms of three.\n::: live\nNested.\n:::\n:::'))
    expect(problems.join('\n')).toMatch(/slide 3 \(m1-board-map\): notes line \d+: opens `::: live` inside the `::: online` block of line \d+; variant blocks do not nest/)
  })

  it('catch a closing marker with nothing open', async () => {
    const problems = await fx.check(edit(base(), 1, '**Say** "Sit with your trio."', '**Say** "Sit with your trio."\n:::'))
    expect(problems).toEqual([expect.stringMatching(/slide 2 \(m1-welcome\): notes line 4: has a closing `:::` with no variant block open/)])
  })

  it('catch an included shared note inside a block that has blocks of its own', async () => {
    const problems = await fx.check(edit(base(), 2, '{% include fixture-devices %}', '::: in-person\n{% include fixture-devices %}\n:::'))
    expect(problems.join('\n')).toMatch(/slide 3 \(m1-board-map\): notes line \d+: opens `::: no-live` inside the `::: in-person` block .* \(in the notes with their shared notes included\)/)
  })

  it('name a missing shared note, and never read outside decks/shared-notes/', async () => {
    const missing = await fx.check(edit(base(), 2, '{% include fixture-devices %}', '{% include fixture-gone %}'))
    expect(missing).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): notes line \d+: includes the shared note "fixture-gone", but decks\/shared-notes\/fixture-gone\.md does not exist: create it, or fix the name\./)])
    const outside = await fx.check(edit(base(), 2, '{% include fixture-devices %}', '{% include ../01-fixture/slides %}'))
    expect(outside).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): notes line \d+: `\{% include \.\.\/01-fixture\/slides %\}` does not name a shared note: use the file's name in decks\/shared-notes\/ without `\.md`/)])
  })

  it('check the labels of an included shared note', async () => {
    writeFileSync(join(fx.sharedDir, 'fixture-label.md'), '**Online tip** Mute on entry.\n')
    const problems = await fx.check(edit(base(), 2, '{% include fixture-devices %}', '{% include fixture-label %}'))
    expect(problems).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): a paragraph opens with `\*\*Online tip\*\*`, which is not a notes label/)])
  })

  it('check the placeholders of an included shared note', async () => {
    writeFileSync(join(fx.sharedDir, 'fixture-placeholder.md'), 'Welcome to {% communityName %} and {% nope %}.\n')
    const problems = await fx.check(edit(base(), 2, '{% include fixture-devices %}', '{% include fixture-placeholder %}'))
    expect(problems).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): a shared note it includes uses the placeholder \{% nope %\}, which is not a named value\. Known: communityName/)])
  })
})

describe('notes length in any one setting', () => {
  it('holds a slide to 300 words, counted with variants resolved and shared notes included', async () => {
    // 250 words for everyone and 60 more online: over in the online settings only.
    const slides = edit(base(), 2, '**Set-up** Breakout rooms of three.', `**Set-up** Breakout rooms of three. ${words(60, 'o')}`)
    const fine = await fx.check(slides)
    expect(fine).toEqual([])
    const over = await fx.check(edit(slides, 2, '**Watch for** Owners who explain instead of listening.', `**Watch for** ${words(200)}`))
    expect(over).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): the notes run to \d+ words in the online, (no-)?live, (full|short) setting; a slide's notes hold at most 300 in any one setting\. Move material for one way of running it into a variant block/)])
  })

  it('holds the average to 150 words a slide', async () => {
    let slides = base()
    for (const i of [1, 3, 6, 7, 8, 9])
      slides = edit(slides, i, /\n-->/, `\n\n**Watch for** ${words(270)}\n-->`)
    const problems = await fx.check(slides)
    expect(problems).toEqual([expect.stringMatching(/01-fixture\/slides\.md:1: the notes average \d+ words a slide in the .* setting \(\d+ words on \d+ slides\); at most 150\. The longest: slide \d+ \(m1-[a-z-]+\) \d+/)])
  })
})

describe('timing rules', () => {
  it('gives solo work on a board at least 6 minutes, and asks for it', async () => {
    expect(withoutClock(await fx.check(edit(base(), 2, 'solo: 6', 'solo: 4')))).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): gives 4 min of solo work on the board \(`solo`\); people need at least 6/)])
    expect(withoutClock(await fx.check(edit(base(), 2, 'solo: 6\n', '')))).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): is a board slide but does not say how long people work alone on it: add `solo: <minutes>` \(at least 6\)/)])
  })

  it('gives each owner at least 2.5 minutes a round', async () => {
    expect(withoutClock(await fx.check(edit(base(), 2, 'minutes: 3 }', 'minutes: 1.5 }')))).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): gives each owner 1\.5 min in the consulting rounds; an owner needs at least 2\.5/)])
  })

  it('fits devices, solo work and the rounds with a changeover into the slide\'s minutes', async () => {
    const problems = await fx.check(edit(base(), 2, 'owners: 3', 'owners: 4'))
    expect(problems).toEqual([
      expect.stringMatching(/slide 3 \(m1-board-map\): needs 22 min \(3 devices \+ 6 solo \+ 4 owners x 3 min \+ 1 changeover\) but has 20 in the full version/),
      expect.stringMatching(/slide 3 \(m1-board-map\): needs 22 min .* but has 20 in the short version/),
    ])
  })

  it('budgets at least 3 minutes for devices on the first board, unless the session runs on paper', async () => {
    const none = edit(base(), 2, 'devices: 3\n', 'devices: 0\n')
    expect((await fx.check(none)).join('\n')).toMatch(/slide 3 \(m1-board-map\): `devices` is the minutes to get everyone onto devices, a number above 0/)
    const short = edit(base(), 2, 'devices: 3\n', 'devices: 2\n')
    expect(withoutClock(await fx.check(short, ['full']))).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): budgets 2 min to get everyone onto devices \(`devices`\); a room needs at least 3/)])
    const missing = edit(base(), 2, 'devices: 3\n', '')
    expect(withoutClock(await fx.check(missing, ['full']))).toEqual([expect.stringMatching(/slide 3 \(m1-board-map\): is the first board of the full version, but budgets no time to get everyone onto devices: add `devices: <minutes>` \(at least 3\)/)])
    expect(withoutClock(await fx.check(edit(missing, 0, 'layout: cover', 'layout: cover\npaper: true'), ['full']))).toEqual([])
  })

  it('asks no devices of a homework board, which takes no minutes in the room', async () => {
    const homework = `---
id: m1-board-homework
---

# Homework: map

<StakeholderMap id="m1-board-fixture-homework" />

<!--
**At a glance** · Say: "At home, ten minutes." · Do: at home · Land: homework has a debrief.

**Purpose** Homework board: no minutes in the room.

**Say** "Export it when you are done."

**Timing cues** At home: 10 min, then export.
-->`
    const slides = base()
    slides.splice(2, 0, homework)
    expect(withoutClock(await fx.check(slides))).toEqual([])
  })

  it('has a break of at least 5 minutes in a session longer than 75', async () => {
    expect(await fx.check(edit(base(), 3, 'break: true\n', ''))).toEqual([expect.stringMatching(/01-fixture\/slides\.md:1: the full version runs 90 min and has no break: every session longer than 75 minutes has one\. Add a slide with `break: true`, `section: Break`/)])
    const short = edit(edit(base(), 3, 'duration: 5', 'duration: 4'), 6, 'duration: 35\nshort: 26', 'duration: 36\nshort: 27')
    expect(await fx.check(short)).toEqual([expect.stringMatching(/slide 4 \(m1-break\): is the break but lasts 4 min in the full version; a break is at least 5 minutes/)])
  })

  it('holds each structure to its published timing', async () => {
    const slides = edit(edit(base(), 4, 'duration: 12', 'duration: 10'), 5, 'duration: 8', 'duration: 10')
    expect(withoutClock(await fx.check(slides))).toEqual([expect.stringMatching(/slide 5 \(m1-discuss\): runs 1-2-4-All in 10 min in the full version; its published timing needs at least 12 \(Liberating Structures: 1 alone \+ 2 in pairs \+ 4 in foursomes \+ 5 for all\)/)])
  })

  it('keeps at least 80 % of every activity the short version keeps', async () => {
    // 15 of 20 minutes short, and the 5 given to the close so the short version still adds up.
    const slides = edit(edit(base(), 2, 'duration: 20\n', 'duration: 20\nshort: 15\n'), 6, 'short: 26', 'short: 31')
    const problems = await fx.check(slides)
    expect(problems).toContainEqual(expect.stringMatching(/slide 3 \(m1-board-map\): keeps 15 of its 20 min in the short version; a kept activity keeps at least 80 % \(16 min\)\. Drop a whole block/))
  })

  it('drops whole blocks in the short version: a section marked optional takes its slides with it, a lone optional slide is refused', async () => {
    // The fixture's Discuss block is dropped by its opening slide alone (both versions add up).
    const lone = edit(edit(base(), 4, 'optional: true\n', ''), 5, 'duration: 8', 'duration: 8\noptional: true')
    const problems = await fx.check(lone)
    expect(problems).toContainEqual(expect.stringMatching(/slide 6 \(m1-discuss-debrief\): is optional inside the block "Discuss" \(slide 5\), which the short version keeps: a short version drops whole blocks\. Mark the block's opening slide `optional: true` instead/))
  })

  it('reads the cut list and checkpoints only where they are well-formed', async () => {
    expect(await fx.check(edit(base(), 4, 'cut: 1', 'cut: 2'))).toEqual([expect.stringMatching(/slide 5 \(m1-discuss\): `cut: 2` leaves a gap in the cut list \(2\): number the blocks to drop 1, 2, 3/)])
    expect(await fx.check(edit(base(), 4, 'cut: 1', 'cut: first'))).toEqual([expect.stringMatching(/slide 5 \(m1-discuss\): `cut` is the block's place in the cut list, a whole number from 1/)])
    expect(await fx.check(edit(base(), 5, 'duration: 8', 'duration: 8\ncut: 2\ncheckpoint: "Behind: skip"'))).toEqual([
      expect.stringMatching(/slide 6 \(m1-discuss-debrief\): `cut` marks a block to drop when running late, so it goes on the slide that opens the block/),
      expect.stringMatching(/slide 6 \(m1-discuss-debrief\): `checkpoint` gives the rule the run sheet prints for a block, so it goes on the slide that opens the block/),
    ])
    expect(await fx.check(edit(base(), 6, 'section: Close', 'section: Close\ncut: 1'))).toEqual([expect.stringMatching(/slide 7 \(m1-close\): `cut: 1` is also on slide 5: each block has its own place in the cut list/)])
    expect(await fx.check(edit(base(), 4, /checkpoint: .*/, 'checkpoint: ""'))).toEqual([expect.stringMatching(/slide 5 \(m1-discuss\): `checkpoint` is one line of text of at most 200 characters/)])
  })
})

describe('a cohort\'s deck', () => {
  it('is checked in its own format and version only', async () => {
    // Online-only words over the limit do not count for a cohort that runs in person.
    const slides = edit(base(), 2, '**Set-up** Breakout rooms of three.', `**Set-up** Breakout rooms of three. ${words(300, 'o')}`)
    expect((await fx.check(slides)).join('\n')).toMatch(/the notes run to \d+ words in the online/)
    const inPerson = edit(slides, 0, 'layout: cover', 'layout: cover\ncohort: { id: fixture, format: in-person, version: full }')
    expect(await fx.check(inPerson, ['full'])).toEqual([])
  })
})

it('keeps the glance the fixture uses within the rules', () => {
  expect(GLANCE.startsWith('**At a glance**')).toBe(true)
})
