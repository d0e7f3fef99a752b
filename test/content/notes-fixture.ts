// A small module that follows every notes and timing rule (decks/README.md), for the content
// check's rule tests: each test breaks one thing in a copy. The real decks are being rewritten
// to these rules, so the rules are tested here, on a deck of known shape.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkDeck, formatProblem } from '../../src/content/check'
import { listDecks, loadDeck } from '../../src/content/decks'

export const GLANCE = '**At a glance** · Say: "Which score did your consultants challenge?" · Do: one answer per trio · Time: 20 min · Land: a map is a conversation, not a verdict.'

/** The slides of module 1 (frontmatter, content, notes), as Slidev Markdown. */
export function fixtureSlides(): string[] {
  return [
    `---
id: m1-title
theme: default
colorSchema: light
addons: ['../']
title: Fixture module
duration: 90min
buffer: 5
short: { duration: 60min, buffer: 4 }
fonts:
  provider: none
objectives:
  - try the rules
layout: cover
---

# Fixture module

<!--
**At a glance** · Say: "Welcome." · Land: today is practice.
-->`,
    `---
id: m1-welcome
section: Welcome
duration: 5
---

# Welcome

<!--
**At a glance** · Say: "Welcome back." · Time: 5 min · Land: we build on module 1.

**Say** "Sit with your trio."
-->`,
    `---
id: m1-board-map
layout: activity
duration: 20
solo: 6
devices: 3
rounds: { owners: 3, minutes: 3 }
grouping: solo, then trios
---

# Map your stakeholders

<StakeholderMap id="m1-board-fixture-map" />

<!--
${GLANCE}

**Purpose** Each person maps their own case.

**Set-up** Trios sit together.

**Say** "Alone first, then your trio."

::: online
**Set-up** Breakout rooms of three.
:::

::: live
Phones on the board by the QR code.
:::

{% include fixture-devices %}

**Timing cues** 0:00 devices · 3:00 alone · 9:00 round 1 · 12:00 round 2 · 15:00 round 3 · 18:00 debrief.

**Watch for** Owners who explain instead of listening.

**Debrief** What? So what? Now what?

**Running late** Two owners instead of three.
-->`,
    `---
id: m1-break
section: Break
break: true
duration: 5
---

# Break

<!--
**At a glance** · Say: "Five minutes." · Time: 5 min · Land: rest.
-->`,
    `---
id: m1-discuss
section: Discuss
optional: true
cut: 1
checkpoint: "More than 5 minutes behind here: drop this block"
layout: activity
structure: 1-2-4-All
duration: 12
---

# Discuss

<!--
**At a glance** · Say: "What stands out?" · Do: 1-2-4-All · Time: 12 min · Land: every voice counts.

**Purpose** Hear everyone.

**Say** "One minute alone."

**Timing cues** 0:00 alone · 1:00 pairs · 3:00 fours · 7:00 all.
-->`,
    `---
id: m1-discuss-debrief
duration: 8
---

# What we heard

<!--
**At a glance** · Say: "What did you hear?" · Time: 8 min · Land: patterns.
-->`,
    `---
id: m1-close
section: Close
duration: 35
short: 26
---

# Close

<!--
**At a glance** · Say: "Next steps." · Time: 35 min · Land: one action each.
-->`,
    `---
id: m1-exit-ticket
---

# Exit ticket

<!--
**At a glance** · Say: "One word." · Land: we close the loop.
-->`,
    `---
id: m1-references
---

# References

<!--
**At a glance** · Say: "Sources." · Land: credit.
-->`,
    `---
id: m1-prep-room
prep: true
---

# Preparation

<!--
**At a glance** · Say: nothing, this page is for you. · Land: be ready.
-->`,
  ]
}

export interface Fixture {
  dir: string
  sharedDir: string
  /** writes the slides (or a whole module file) and returns the check's findings, formatted */
  check: (slides?: string[], versions?: ('full' | 'short')[]) => Promise<string[]>
  cleanUp: () => void
}

export function makeFixture(): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'kit-notes-rules-'))
  const sharedDir = join(dir, 'shared-notes')
  mkdirSync(join(dir, '01-fixture'), { recursive: true })
  mkdirSync(sharedDir)
  writeFileSync(join(sharedDir, 'fixture-devices.md'), '::: no-live\nOne device per trio, with a scribe.\n:::\n')
  return {
    dir,
    sharedDir,
    async check(slides = fixtureSlides(), versions = ['full', 'short']) {
      writeFileSync(join(dir, '01-fixture', 'slides.md'), `${slides.join('\n\n')}\n`)
      const [ref] = listDecks(dir)
      return checkDeck(await loadDeck(ref), { versions, sharedNotesDir: sharedDir }).map(formatProblem)
    },
    cleanUp: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** Replaces `from` in slide `index` (it must be there, so a test never breaks nothing). */
export function edit(slides: string[], index: number, from: string | RegExp, to: string): string[] {
  const copy = [...slides]
  if (typeof from === 'string' ? !copy[index].includes(from) : !from.test(copy[index]))
    throw new Error(`slide ${index + 1} of the fixture has no ${String(from)}`)
  copy[index] = copy[index].replace(from, to)
  return copy
}

export const words = (n: number, stem = 'word') => Array.from({ length: n }, (_, i) => `${stem}${i}`).join(' ')
