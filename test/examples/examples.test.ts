// The worked examples in examples/: real board exports that every deck's boards accept, that
// the handout export can load, and whose charter visibly reuses modules 1-3.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { listDecks, loadDeck } from '../../src/content/decks'
import { FORMAT, importJson } from '../../src/boards/kit/board'
import type { ChannelAuditData } from '../../src/boards/channel-audit/model'
import { CHARTER_SECTIONS, type CharterData, charterMarkdown, DECISION_LEVELS, type DecisionRule, NOT_DECIDED } from '../../src/boards/charter-builder/model'
import { en } from '../../src/i18n/labels'
import type { InformationMapData } from '../../src/boards/information-map/model'
import { type LifecycleCompassData, STAGE_LABELS, type Stage } from '../../src/boards/lifecycle-compass/model'
import { type MountainData, missingSteps } from '../../src/boards/mountain-of-engagement/model'
import { checkRows, type RaciMatrixData } from '../../src/boards/raci-matrix/model'
import { boardByKind, boardsInMarkdown } from '../../src/boards'
import type { StakeholderMapData } from '../../src/boards/stakeholder-map/model'
import type { ValueExchangeLedgerData } from '../../src/boards/value-exchange-ledger/model'
import { loadResults } from '../../src/handouts/results'
import { isEmptyBoard } from '../../src/handouts/worksheets'
import { ROOT } from '../../src/paths'

const EXAMPLES = join(ROOT, 'examples')
const examples = readdirSync(EXAMPLES, { withFileTypes: true }).filter(d => d.isDirectory()).map(d => d.name).sort()
const boardFiles = (slug: string) => readdirSync(join(EXAMPLES, slug)).filter(f => f.endsWith('.json') && f !== 'all-boards.json').sort()
const readText = (slug: string, file: string) => readFileSync(join(EXAMPLES, slug, file), 'utf8')

/** Every board file of an example, imported with its own board's importJson; throws on a refusal. */
function imported(slug: string): Map<string, unknown> {
  const boards = new Map<string, unknown>()
  for (const file of boardFiles(slug)) {
    const text = readText(slug, file)
    const envelope = JSON.parse(text)
    const entry = boardByKind(envelope.board)
    if (!entry)
      throw new Error(`${slug}/${file}: unknown board ${envelope.board}`)
    const result = importJson(entry.def, text)
    if (!result.ok)
      throw new Error(`${slug}/${file}: ${result.error}`)
    boards.set(envelope.id, result.data)
  }
  return boards
}

async function boardsInDecks() {
  const uses = []
  for (const ref of listDecks()) {
    const deck = await loadDeck(ref)
    for (const slide of deck.slides)
      uses.push(...boardsInMarkdown(slide.content).map(u => ({ deck: ref.name, kind: u.entry.def.kind, boardId: u.boardId })))
  }
  return uses
}

it('ships the two worked examples that module 4 names: a research community and an open-source project', () => {
  expect(examples).toEqual(['data-clinic-network', 'lanternfish'])
  const module4 = readFileSync(join(ROOT, 'decks', '04-community-charter', 'slides.md'), 'utf8')
  expect(module4).toContain('the Data Clinic Network')
  expect(module4).toContain('Lanternfish')
})

describe.each(examples)('the %s example', (slug) => {
  it('has board files that their own board imports, each named after its board id, none of them blank', () => {
    const files = boardFiles(slug)
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const text = readText(slug, file)
      const envelope = JSON.parse(text)
      expect(envelope.format, file).toBe(FORMAT)
      expect(`${envelope.id}.json`, file).toBe(file)
      expect(Number.isNaN(Date.parse(envelope.exportedAt)), file).toBe(false)
      const entry = boardByKind(envelope.board)!
      expect(entry, file).toBeDefined()
      const result = importJson(entry.def, text)
      expect(result, file).toMatchObject({ ok: true })
      if (result.ok)
        expect(isEmptyBoard(entry.def, result.data), file).toBe(false)
    }
  })

  it('has an export of every board that any deck places, with the id and kind the deck uses', async () => {
    const uses = await boardsInDecks()
    expect(uses.length).toBeGreaterThanOrEqual(9)
    const boards = new Map(boardFiles(slug).map(f => [f, JSON.parse(readText(slug, f))]))
    for (const use of uses) {
      const envelope = boards.get(`${use.boardId}.json`)
      expect(envelope, `${use.deck}: ${use.boardId}`).toBeDefined()
      expect(envelope.board, `${use.deck}: ${use.boardId}`).toBe(use.kind)
    }
  })

  it('has all-boards.json: the list of the single files, which the handout export loads whole', () => {
    const list = JSON.parse(readText(slug, 'all-boards.json'))
    const singles = boardFiles(slug).map(f => JSON.parse(readText(slug, f)))
    expect(Array.isArray(list)).toBe(true)
    const byId = (envelopes: any[]) => Object.fromEntries(envelopes.map(e => [e.id, e]))
    expect(list).toHaveLength(singles.length)
    expect(byId(list)).toEqual(byId(singles))
    const results = loadResults(join(EXAMPLES, slug, 'all-boards.json'))
    expect([...results.keys()].sort()).toEqual(singles.map(e => e.id).sort())
    expect(Object.fromEntries(results)).toEqual(Object.fromEntries(imported(slug)))
  })

  describe('the thread through the modules', () => {
    let compass: LifecycleCompassData, stakeholders: StakeholderMapData, raci: RaciMatrixData, audit: ChannelAuditData
    let mountain: MountainData, ledger: ValueExchangeLedgerData, infoMap: InformationMapData, charter: CharterData
    let roleNames: string[], channelNames: string[]
    beforeAll(() => {
      const boards = imported(slug)
      compass = boards.get('m1-board-lifecycle-compass') as LifecycleCompassData
      stakeholders = boards.get('m2-board-stakeholder-map') as StakeholderMapData
      raci = boards.get('m2-board-raci-matrix') as RaciMatrixData
      audit = boards.get('m2-board-channel-audit') as ChannelAuditData
      mountain = boards.get('m3-board-mountain-of-engagement') as MountainData
      ledger = boards.get('m3-board-value-exchange-ledger') as ValueExchangeLedgerData
      infoMap = boards.get('m3-board-information-map') as InformationMapData
      charter = boards.get('m4-board-charter-builder') as CharterData
      roleNames = raci.roles.map(r => r.name)
      channelNames = audit.channels.map(c => c.channel)
    })

    it('the charter\'s roles include every role of the RACI matrix', () => {
      expect(roleNames.length).toBeGreaterThanOrEqual(3)
      expect(charter.waysOfWorking.roles).toEqual(expect.arrayContaining(roleNames))
    })

    it('the charter\'s channels are channels from the channel audit', () => {
      expect(charter.waysOfWorking.channels.length).toBeGreaterThanOrEqual(3)
      for (const channel of charter.waysOfWorking.channels)
        expect(channelNames, channel).toContain(channel)
    })

    it('the charter\'s mission sentence ends with the "so that" of module 1\'s purpose sentence', () => {
      const readme = readText(slug, 'README.md').replace(/\s+/g, ' ')
      const purpose = /"(We exist to [^"]+)"/.exec(readme)?.[1]
      expect(purpose).toBeDefined()
      expect(charter.mission.soThat.trim()).not.toBe('')
      expect(purpose).toContain(`so that ${charter.mission.soThat.trim()}`)
    })

    it('milestones run from module 3\'s interventions (short term) to module 1\'s target stage (long term), each owned by a RACI role', () => {
      // The stage the group chose to head for (its README), one the compass's entries aim at.
      const target = /heading for \*\*([a-z]+)\*\*/.exec(readText(slug, 'README.md'))?.[1] as Stage
      expect(compass.entries.map(e => e.targetStage)).toContain(target)
      const long = charter.milestones.filter(m => m.horizon === 'long')
      expect(long.some(m => m.title.toLowerCase().includes(STAGE_LABELS[target].split(' ')[0].toLowerCase()))).toBe(true)
      expect(charter.milestones.some(m => m.horizon === 'short')).toBe(true)
      const stepOwners = new Set(mountain.personas.flatMap(p => p.steps.map(s => s.owner)))
      expect(charter.milestones.filter(m => m.horizon === 'short').every(m => stepOwners.has(m.owner))).toBe(true)
      for (const m of charter.milestones) {
        expect(roleNames, m.title).toContain(m.owner)
        expect(m.successIndicator.trim(), m.title).not.toBe('')
      }
    })

    it('modules 2 and 3 are complete and speak of the same roles, channels, stakeholders and personas', () => {
      expect(checkRows(raci).flatMap(r => r.flags)).toEqual([])
      for (const p of mountain.personas) {
        expect(missingSteps(p), p.name).toEqual([])
        for (const s of p.steps)
          expect(roleNames, `${p.name}: ${s.stage}`).toContain(s.owner)
      }
      for (const item of infoMap.items) {
        expect(channelNames, item.infoItem).toContain(item.channel)
        expect(roleNames, item.infoItem).toContain(item.owner)
      }
      for (const c of audit.channels)
        expect(roleNames, c.channel).toContain(c.owner)
      for (const s of stakeholders.stakeholders)
        expect(roleNames, s.name).toContain(s.relationshipOwner)
      const askedOf = new Set([...mountain.personas.map(p => p.name), ...roleNames, ...stakeholders.stakeholders.map(s => s.name)])
      for (const row of ledger.rows)
        expect(askedOf.has(row.persona), row.contributionAsked).toBe(true)
    })
  })
})

// Each example's README is printed as a helper card: what it says about the charter builder
// must be what the builder is, and the example charter must fill what the builder has.
const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']
const RULE_WORDS: Record<DecisionRule, string> = { 'consensus': 'consensus', 'consent': 'consent', 'lazy-consensus': 'lazy consensus', 'vote': 'vote', 'lead-decides': 'named person' }

/** A README section's text, from its heading to the next. */
function readmeSection(readme: string, heading: string): string {
  const start = readme.indexOf(`## ${heading}\n`)
  expect(start, `README section "${heading}"`).toBeGreaterThanOrEqual(0)
  const end = readme.indexOf('\n## ', start + 1)
  return readme.slice(start, end < 0 ? undefined : end)
}

/** The bullets of a section, by their bold label: `- **Label** ...` */
function bullets(section: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of section.matchAll(/^- \*\*([^*]+)\*\*([\s\S]*?)(?=\n- |\n\n|(?![\s\S]))/gm))
    out.set(m[1], m[2].replace(/\s+/g, ' '))
  return out
}

/** The words the charter builder and its toolbar show: the names a README may give its buttons. */
function builderWords(): Set<string> {
  const words = new Set<string>(Object.values(en))
  for (const file of ['src/boards/charter-builder/CharterBuilder.vue', 'src/boards/ui/BoardShell.vue']) {
    for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/\bt\('((?:[^'\\]|\\.)+)'\)/g))
      words.add(m[1].replace(/\\'/g, '\''))
  }
  return words
}

describe.each(examples)('the %s README\'s claims about the charter builder', (slug) => {
  const readme = readText(slug, 'README.md')
  const section = readmeSection(readme, 'How the charter reuses modules 1-3')
  const listed = bullets(section)
  let charter: CharterData
  let stakeholders: StakeholderMapData
  beforeAll(() => {
    const boards = imported(slug)
    charter = boards.get('m4-board-charter-builder') as CharterData
    stakeholders = boards.get('m2-board-stakeholder-map') as StakeholderMapData
  })

  it('names the builder\'s sections, all of them, in the builder\'s order, and no section the builder lacks', () => {
    expect([...listed.keys()]).toEqual([...CHARTER_SECTIONS])
  })

  it('fills every section of the builder in the example charter (nothing prints as not yet decided)', () => {
    const md = charterMarkdown(charter)
    for (const heading of CHARTER_SECTIONS)
      expect(md, heading).toMatch(new RegExp(`## ${heading}\\n\\n(?!_${NOT_DECIDED})`))
    expect(md.toLowerCase()).not.toContain(NOT_DECIDED.toLowerCase())
  })

  it('never says the builder lacks a box or mislabels a heading', () => {
    expect(readme).not.toMatch(/has no box|no box (yet )?for|swap the two headings/i)
  })

  it('gives each decision level the rule the example charter holds', () => {
    const text = listed.get('Decisions')!.toLowerCase()
    const parts = text.split(/operational|collective choice|constitutional/).slice(1)
    expect(parts).toHaveLength(DECISION_LEVELS.length)
    DECISION_LEVELS.forEach((k, i) => expect(parts[i], k).toContain(RULE_WORDS[charter.decisions[k].rule as DecisionRule]))
  })

  it('consults the stakeholders the map ranks highest, as many as it says', () => {
    const text = listed.get('Taking this draft back to the community')!
    const n = NUMBERS.indexOf(/consult the (\w+) stakeholders the map ranks highest/.exec(text)?.[1] ?? '')
    expect(n).toBe(charter.takeBack.consultWith.length)
    const score = (name: string) => { const s = stakeholders.stakeholders.find(x => x.name === name)!; return s.power + s.interest }
    const chosen = charter.takeBack.consultWith
    for (const name of chosen)
      expect(stakeholders.stakeholders.map(s => s.name), name).toContain(name)
    const lowest = Math.min(...chosen.map(score))
    for (const other of stakeholders.stakeholders.filter(s => !chosen.includes(s.name)))
      expect(other.power + other.interest, other.name).toBeLessThanOrEqual(lowest)
  })

  it('gives the review date and licence the example charter holds', () => {
    const date = new Date(`${charter.takeBack.reviewDate}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    expect(listed.get('Review')).toContain(date)
    expect(listed.get('Licence')).toContain(charter.licence)
  })

  it('names only buttons the builder has', () => {
    const words = builderWords()
    const text = [section, readmeSection(readme, 'How to use these files')].join('\n').replace(/^- \*\*[^*]+\*\*/gm, '')
    const named = [...text.matchAll(/\*\*([^*]+)\*\*/g)].map(m => m[1])
    expect(named).toEqual(expect.arrayContaining(['Import JSON', 'Take from this browser\'s boards', 'Import from earlier boards']))
    for (const name of named)
      expect(words, name).toContain(name)
  })
})

describe('the worked examples\' printed charters', () => {
  it('are exactly what the charter builder writes from the example\'s export (examples/<slug>/CHARTER.md)', async () => {
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { charterBuilder } = await import('../../src/boards/charter-builder/model')
    const { ROOT } = await import('../../src/paths')
    for (const slug of ['data-clinic-network', 'lanternfish']) {
      const exported = JSON.parse(readFileSync(join(ROOT, 'examples', slug, 'm4-board-charter-builder.json'), 'utf8'))
      const parsed = charterBuilder.schema.parse(exported.data)
      expect(readFileSync(join(ROOT, 'examples', slug, 'CHARTER.md'), 'utf8'), slug).toBe(charterBuilder.toMarkdown(parsed))
    }
  })
})
