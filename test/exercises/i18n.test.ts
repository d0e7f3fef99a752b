// Spanish is shipped complete: every word a board shows has its Spanish.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DECISION_DETAIL_LABELS, DECISION_LABELS, LEVEL_LABELS } from '../../src/boards/charter-builder/model'
import type { FieldDef } from '../../src/boards/kit/fields'
import { catalogueFor, en, translate } from '../../src/i18n/labels'
import { STAGE_LABELS } from '../../src/boards/lifecycle-compass/model'
import { PATHWAY_LABELS } from '../../src/boards/mountain-of-engagement/model'
import { DEFAULT_ACTIVITIES, RACI_MEANING } from '../../src/boards/raci-matrix/model'
import { BOARDS } from '../../src/boards'
import { QUADRANTS } from '../../src/boards/stakeholder-map/model'
import { STRUCTURES } from '../../src/activities/structures'
import { ROOT } from '../../src/paths'

// Every board's fields, from the registry: its worksheet's table and its phone form's lists.
const FIELDS: FieldDef[] = BOARDS.flatMap(b => [
  ...(b.worksheet.list?.fields ?? []),
  ...(b.phone ? b.phone.lists.flatMap(l => l.fields) : []),
])
/** The Spanish catalogue, with each board's own words merged in by the registry. */
const ES = catalogueFor('es')!.phrases
const FLAGS = ['no owner', 'no purpose', 'undeliverable', 'unfair', 'no value offered', 'no A', 'no R', 'more than one A']

function boardStrings(): string[] {
  return [
    ...BOARDS.flatMap(b => [b.def.title, ...b.def.instructions]),
    ...FIELDS.flatMap(f => [f.label, f.hint ?? '', ...('options' in f ? f.options.map(o => o.label) : [])]),
    ...Object.values(QUADRANTS).flatMap(q => [q.label, q.strategy]),
    ...Object.values(STAGE_LABELS), ...Object.values(PATHWAY_LABELS), ...Object.values(RACI_MEANING), ...Object.values(DECISION_LABELS), ...Object.values(DECISION_DETAIL_LABELS), ...Object.values(LEVEL_LABELS),
    ...DEFAULT_ACTIVITIES.map(([, name]) => name),
    ...Object.values(STRUCTURES).flatMap(s => s.steps.flatMap(step => [step.title, step.detail])),
    ...FLAGS,
  ].filter(Boolean)
}

function templateStrings(): string[] {
  const found: string[] = []
  // The deck's own tags (components/) and every board's view and parts (src/boards/).
  const files = [
    ...readdirSync(join(ROOT, 'components')).map(f => join(ROOT, 'components', f)),
    ...readdirSync(join(ROOT, 'src/boards'), { recursive: true, encoding: 'utf8' }).map(f => join(ROOT, 'src/boards', f)),
  ].filter(f => f.endsWith('.vue'))
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/\bt\((['"])((?:(?!\1).)+)\1\)/g))
      found.push(m[2].replace(/\\'/g, '\''))
  }
  return found
}

describe('the boards in Spanish', () => {
  it('have every shared button and message', () => {
    const es = catalogueFor('es')!.labels
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort())
    for (const [key, value] of Object.entries(es))
      expect(value, key).not.toBe('')
  })

  it('have every field name, hint, choice, instruction, rule and flag', () => {
    const missing = boardStrings().filter(s => !(s in ES))
    expect(missing).toEqual([])
  })

  it('have every word the components show through t()', () => {
    const strings = templateStrings()
    expect(strings.length).toBeGreaterThan(60)
    expect(strings.filter(s => !(s in ES))).toEqual([])
  })

  it('fall back to English only for languages without a phrasebook', () => {
    expect(translate('Stakeholder', 'es')).toBe('Parte interesada')
    expect(translate('Stakeholder', 'en')).toBe('Stakeholder')
  })
})
