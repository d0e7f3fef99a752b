// Issue 17: in a cohort's language, the facilitator guide's own words (its chrome) and the notes'
// variant headings (`::: online` …, in the guide and in the presenter view) come from the kit's
// catalogue. Checked in Spanish (the example cohort's language) and in the pseudo-locale `xx`,
// where any English chrome left is text that bypassed the catalogue.
import MarkdownIt from 'markdown-it'
import { beforeAll, describe, expect, it } from 'vitest'
import preparser, { renderNoteForSlidev } from '../../setup/preparser'
import { listDecks, loadDeck, type LoadedDeck, summariseDeck } from '../../src/content/decks'
import { VARIANT_LABELS } from '../../src/content/notes'
import { renderGuideSections, renderNotes } from '../../src/handouts/guide'
import { escapeHtml } from '../../src/output/html'
import { installPseudoLocale, PSEUDO } from '../support/pseudo-locale'

const VARIANTS = Object.keys(VARIANT_LABELS)
const NOTE = `**At a glance** · Say: "Hola." · Land: x.\n\n${VARIANTS.map(v => `::: ${v}\nTexto ${v}.\n:::`).join('\n\n')}`
const SPANISH_HEADINGS = ['Presencial', 'En línea', 'Híbrida', 'Modo en vivo', 'Sin modo en vivo', 'Versión completa', 'Versión corta', 'Misma comunidad']
const labels = (html: string) => [...html.matchAll(/class="(?:kit-)?variant-label"[^>]*>([^<]*)</g)].map(m => m[1])

let deck: LoadedDeck
beforeAll(async () => {
  deck = await loadDeck(listDecks()[2])
  deck.headmatter.cohort = { name: 'Red Bogotá', start: '2027-03-04T16:00', language: 'es' }
  installPseudoLocale()
})
const sections = (language?: string) => renderGuideSections(deck, summariseDeck(deck), deck.slides.map(() => 'data:,'), 'Módulo 2', 'Red Bogotá', { format: 'online', version: 'full' }, language)

describe('the notes\' variant headings in the cohort\'s language', () => {
  it('in the guide', () => {
    expect(labels(renderNotes(NOTE, undefined, undefined, 'es'))).toEqual(SPANISH_HEADINGS)
    expect(labels(renderNotes(NOTE))).toEqual(Object.values(VARIANT_LABELS))
  })

  it('in the presenter view (the preparser, from the cohort in the deck\'s headmatter)', async () => {
    const md = new MarkdownIt({ html: true })
    expect(labels(md.render(renderNoteForSlidev(NOTE, {}, 'es')))).toEqual(SPANISH_HEADINGS)
    const [step] = await preparser({ headmatter: { cohort: { language: 'es', values: {} } }, mode: 'dev' } as never) as { transformNote: (n: string) => Promise<string> }[]
    expect(labels(md.render(await step.transformNote(NOTE)))).toEqual(SPANISH_HEADINGS)
    const [english] = await preparser({ headmatter: {}, mode: 'dev' } as never) as { transformNote: (n: string) => Promise<string> }[]
    expect(labels(md.render(await english.transformNote(NOTE)))).toEqual(Object.values(VARIANT_LABELS))
  })

  it('a note\'s problem (a missing shared note) in the presenter view', () => {
    const note = `${NOTE}\n\n{% include no-such-note %}`
    expect(renderNoteForSlidev(note, {}, 'es')).toContain('Problema en las notas: incluye la nota compartida "no-such-note", pero decks/shared-notes/no-such-note.md no existe: créela o corrija el nombre. Ejecute npm run check.')
    expect(renderNoteForSlidev(note)).toContain('Notes problem: includes the shared note "no-such-note", but decks/shared-notes/no-such-note.md does not exist: create it, or fix the name. Run npm run check.')
  })
})

describe('the facilitator guide\'s chrome in the cohort\'s language', () => {
  it('Spanish: headings, tables, badges and bookmarks; the page says lang="es"', () => {
    const es = sections('es')
    expect(es.slice(0, 3).map(s => s.title)).toEqual(['Guion de tiempos', 'Preparación', 'Agenda y objetivos'])
    const all = es.map(s => s.html).join('\n')
    for (const words of ['<h1>Guion de tiempos</h1>', 'Horas desde el inicio de la sesión a las 16:00.', '<th>Cuándo</th>', '<h2>Objetivos de aprendizaje</h2>', 'Las personas participantes pueden…', 'Notas para esta cohorte: en línea, versión completa, con y sin modo en vivo.', 'Diapositiva 1:', 'alt="Diapositiva 1"', '<html lang="es">', 'Guía de facilitación · Módulo 2'])
      expect(all.includes(words), words).toBe(true)
    // The licence line on the run sheet and the first page, as on the worksheets.
    expect(all.match(/Contenido CC BY 4\.0 \(/g)?.length).toBeGreaterThanOrEqual(2)
    for (const english of ['Content CC BY 4.0', 'Run sheet', 'Learning objectives', 'Participants can', 'Facilitator guide', '>Slide ', 'Clock times', 'Notes for this cohort', '>When<', 'Agenda and objectives'])
      expect(all.includes(english), english).toBe(false)
  })

  it('the pseudo-locale: no English chrome left on the run sheet and the first page', () => {
    const xx = sections(PSEUDO)
    const summary = summariseDeck(deck)
    // What the deck wrote (titles, objectives, checkpoints) and what is not words (times, numbers).
    const deckText = [summary.title, summary.subtitle, ...summary.objectives, ...summary.agenda.flatMap(b => [b.title, ...b.activities.map(a => a.title)]),
      ...deck.slides.map(s => String(s.frontmatter.checkpoint ?? '')), ...deck.slides.map(s => String(s.frontmatter.section ?? '')), 'Módulo 2', 'Red Bogotá']
    for (const section of [xx[0], xx.find(s => s.html.includes('<h2>'))!]) {
      let text = section.html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<title>[\s\S]*?<\/title>/, '').replace(/<p class="footer">[\s\S]*?<\/p>/g, '').replace(/<[^>]+>/g, '\n')
      text = text.replace(/⟦[^⟧]*⟧/g, '')
      for (const t of deckText.filter(Boolean).sort((a, b) => b.length - a.length))
        text = text.split(escapeHtml(t)).join('')
      const left = text.split('\n').map(l => l.replace(/[\d\s:–·().,-]/g, '')).filter(Boolean)
      expect(left, section.title).toEqual([])
    }
  })
})
