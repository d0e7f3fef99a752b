// The kit's Spanish is neutral Latin American Spanish: ustedes for the room, never Spain's
// vosotros (a new user running a Latin American group found the boards in vosotros).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import '../../src/boards' // the registry merges each board's own words (src/boards/<kind>/i18n.ts) into the catalogues
import { catalogueFor } from '../../src/i18n/labels'
import { WORDS } from '../../src/live/join/words'
import { ROOT } from '../../src/paths'
import { vosotrosForms } from '../support/vosotros'

function joinWords(): string[] {
  // Every parameter gets a number: a missing one would read 'undefined', which ends like an imperative.
  return Object.values(WORDS.es).map(w => (typeof w === 'function' ? (w as (...x: never[]) => string)(...Array.from({ length: Math.max(1, w.length) }, () => 2 as never)) : w))
}

function cohortFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(f => /\.(md|ya?ml)$/.test(f)).map(f => join(dir, f))
}

describe('the Spanish the kit ships', () => {
  it('finds vosotros when it is there (the check itself)', () => {
    expect(vosotrosForms('Añadid los roles de vuestra comunidad; preguntaos qué hacéis y dadle un responsable.')).toEqual(['Añadid', 'vuestra', 'preguntaos', 'hacéis', 'dadle'])
    expect(vosotrosForms('Añadan los roles de su comunidad en la red; usted decide la mitad, en tríos.')).toEqual([])
  })

  it('has no vosotros in any phrasebook or catalogue', () => {
    const values = [...Object.values(catalogueFor('es')!.phrases), ...Object.values(catalogueFor('es')!.labels), ...joinWords()]
    expect(values.length).toBeGreaterThan(500)
    const found = values.flatMap(v => vosotrosForms(v).map(w => `${w}: ${v}`))
    expect(found).toEqual([])
  })

  it('has no vosotros in the example cohort', () => {
    const files = cohortFiles(join(ROOT, 'cohorts/example'))
    expect(files.length).toBeGreaterThan(1)
    const found = files.flatMap(f => readFileSync(f, 'utf8').split('\n')
      .filter(line => /[áéíóúñ¿¡]/.test(line))
      .flatMap(line => vosotrosForms(line).map(w => `${f}: ${w}: ${line}`)))
    expect(found).toEqual([])
  })
})
