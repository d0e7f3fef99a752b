// The landing page in the pseudo-locale `xx` (test/support/pseudo-locale.ts): every word of the
// page's own comes through the catalogue; the decks' words and the cohort's are theirs.
// A node test (the decks are read from disk), with happy-dom's parser for the page.
import { Window } from 'happy-dom'
import { beforeAll, describe, expect, it } from 'vitest'
import { cohortSchema } from '../../src/cohort/schema'
import { listDecks, loadDeck, summariseDeck } from '../../src/content/decks'
import { renderLanding, renderParticipants } from '../../src/site/landing'
import { installPseudoLocale, PSEUDO, untranslated } from '../support/pseudo-locale'

beforeAll(() => installPseudoLocale())

function parse(html: string) {
  const window = new Window()
  window.document.write(html)
  return window.document
}

describe('the landing page in the pseudo-locale', () => {
  it('says every word of its own through the catalogue; the decks\' words and the cohort\'s are theirs', async () => {
    const decks = await Promise.all(listDecks().slice(0, 2).map(async ref => summariseDeck(await loadDeck(ref))))
    const cohort = cohortSchema.parse({
      name: 'Qz cohort', organisation: 'Qz network', venue: 'Qz library', timezone: 'America/Bogota', language: 'es',
      facilitators: [{ name: 'Qz Ana', pronouns: 'Qz ella', contact: 'ana@example.org' }],
      modules: [{ module: decks[0].number, start: '2027-03-04T16:00', minutes: 90 }],
    })
    const handouts = { [decks[0].name]: [{ kind: 'slides', href: 'x.pdf' }, { kind: 'worksheets', href: 'y.pdf' }, { kind: 'facilitator-guide', href: 'z.pdf' }] }
    const examples = [{ name: 'qz', title: 'Qz example', allBoards: true, charter: true }]
    const html = renderLanding({ title: 'Qz kit', decks, handouts, cohort: { ...cohort, language: PSEUDO }, sessions: { [decks[0].name]: '2027-03-04T16:00' }, participants: true, examples })
    const page = parse(html)
    const deckWords = decks.flatMap(d => [d.title, d.subtitle, ...d.objectives, ...d.agenda.map(b => b.title)])
    // The session's date is written by Intl in the page's language (none for xx): a date, not catalogue text.
    const session = [...page.querySelectorAll('.session')].map(p => p.textContent!.replace(/^⟦[^⟧]*⟧\s*/, ''))
    expect(page.querySelectorAll('.examples a').length).toBe(2)
    expect(untranslated(page.body as unknown as Element, [...deckWords, ...session, 'Qz kit', 'Qz network', 'Qz library', 'Qz Ana', 'Qz ella', 'Qz example', 'CC BY 4.0', 'CC BY-SA 4.0', 'MIT'])).toEqual([])
  })

  it('says every word of the participants\' page through the catalogue too', async () => {
    const decks = await Promise.all(listDecks().slice(0, 2).map(async ref => summariseDeck(await loadDeck(ref))))
    const cohort = cohortSchema.parse({
      name: 'Qz cohort', organisation: 'Qz network', venue: 'Qz library', timezone: 'America/Bogota', language: 'es',
      facilitators: [{ name: 'Qz Ana', contact: 'ana@example.org' }],
      modules: [{ module: decks[0].number, start: '2027-03-04T16:00', minutes: 90 }],
    })
    const handouts = { [decks[0].name]: [{ kind: 'notes', href: 'x.pdf' }, { kind: 'worksheets', href: 'y.pdf' }, { kind: 'worksheets-filled', href: 'w.pdf' }] }
    const page = parse(renderParticipants({ title: 'Qz kit', decks, handouts, cohort: { ...cohort, language: PSEUDO }, sessions: { [decks[0].name]: '2027-03-04T16:00' } }))
    expect(page.querySelectorAll('.handouts a').length).toBe(3)
    const deckWords = decks.flatMap(d => [d.title, d.subtitle, ...d.objectives])
    const session = [...page.querySelectorAll('.session')].map(p => p.textContent!.replace(/^⟦[^⟧]*⟧\s*/, ''))
    expect(untranslated(page.body as unknown as Element, [...deckWords, ...session, 'Qz kit', 'Qz network', 'Qz library', 'Qz Ana', 'CC BY 4.0', 'CC BY-SA 4.0', 'MIT'])).toEqual([])
    expect(page.title).toMatch(/⟦/)
  })

  it('sees the English of an English page (the check itself)', async () => {
    const decks = await Promise.all(listDecks().slice(0, 1).map(async ref => summariseDeck(await loadDeck(ref))))
    const page = parse(renderLanding({ title: 'Qz kit', decks }))
    expect(untranslated(page.body as unknown as Element, ['Qz kit', ...decks.flatMap(d => [d.title, d.subtitle, ...d.objectives, ...d.agenda.map(b => b.title)])])).toEqual(expect.arrayContaining(['Agenda', 'presenter view']))
  })
})
