// One catalogue per language, in its own folder, listed once: the lookup names no language.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { join as englishJoin } from '../../src/i18n/en/join'
import { addLanguage, addPhrases, catalogueFor, count, en, labelsFor, LANGUAGES, translate } from '../../src/i18n/labels'
import { CATALOGUES } from '../../src/i18n/languages'
import { WORDS, pageLanguage, wordsFor } from '../../src/live/join/words'
import { say } from '../../src/live/words'
import { ROOT } from '../../src/paths'

const I18N = join(ROOT, 'src/i18n')
const folders = readdirSync(I18N).filter(f => statSync(join(I18N, f)).isDirectory()).sort()

describe('the languages', () => {
  it('are the folders of src/i18n, each listed once', () => {
    expect(folders).toEqual(expect.arrayContaining(['en', 'es']))
    expect([...LANGUAGES].sort()).toEqual(folders)
    expect(CATALOGUES.map(c => c.code).sort()).toEqual(folders)
  })

  it('each have every label, none empty, and the phone\'s words', () => {
    for (const c of CATALOGUES) {
      expect(Object.keys(c.labels).sort(), c.code).toEqual(Object.keys(en).sort())
      expect(Object.entries(c.labels).filter(([, v]) => !v), c.code).toEqual([])
      expect(Object.keys(wordsFor(c.code)).sort(), c.code).toEqual(Object.keys(englishJoin).sort())
      expect(WORDS[c.code], `src/i18n/${c.code}/join.ts`).toBeDefined()
    }
  })

  it('falls back to English for a language the kit does not have, and for a text its catalogue lacks', () => {
    expect(translate('Stakeholder', 'xh')).toBe('Stakeholder')
    expect(labelsFor('xh')).toBe(en)
    expect(wordsFor('xh')).toBe(englishJoin)
    expect(wordsFor('constructor')).toBe(englishJoin)
    expect(pageLanguage('constructor')).toBe('en')
    expect(translate('A sentence no catalogue has.', 'es')).toBe('A sentence no catalogue has.')
    expect(translate('constructor', 'es')).toBe('constructor')
  })

  it('takes a new language by its catalogue alone: boards, counted nouns and the server\'s messages', () => {
    addLanguage({ code: 'fr', name: 'Français', labels: { ...en, undo: 'Annuler' }, phrases: { 'Stakeholder': 'Partie prenante', '{n} vote': '{n} vote', '{n} votes': '{n} votes', 'The board is full ({n} entries).': 'Le tableau est plein ({n} entrées).' } })
    expect(catalogueFor('fr')?.name).toBe('Français')
    expect(labelsFor('fr').undo).toBe('Annuler')
    expect(translate('Stakeholder', 'fr')).toBe('Partie prenante')
    // French counts 0 as singular, English does not: the language's own plural rules.
    expect(count(0, '{n} vote', '{n} votes', 'fr')).toBe('0 vote')
    expect(count(0, '{n} vote', '{n} votes', 'en')).toBe('0 votes')
    expect(say('fr', 'The board is full ({n} entries).', { n: 30 })).toBe('Le tableau est plein (30 entrées).')
  })

  it('finds a board\'s own words whether they come before or after their language (the built site loads the language first)', () => {
    addPhrases('pt', { 'Quick answers': 'Respostas rápidas', 'Stakeholder': 'Parte interessada (board)' })
    expect(translate('Quick answers', 'pt')).toBe('Quick answers') // no Portuguese catalogue yet: English
    addLanguage({ code: 'pt', name: 'Português', labels: en, phrases: { Stakeholder: 'Parte interessada' } })
    expect(translate('Quick answers', 'pt')).toBe('Respostas rápidas')
    expect(translate('Stakeholder', 'pt')).toBe('Parte interessada') // the catalogue's own files win
    addPhrases('pt', { Answer: 'Resposta' })
    expect(translate('Answer', 'pt')).toBe('Resposta')
    expect(catalogueFor('pt')!.phrases).toMatchObject({ 'Quick answers': 'Respostas rápidas', 'Answer': 'Resposta' })
  })

  it('count the phone\'s nouns by plural rules', () => {
    expect(wordsFor('en').votesLeft(1)).toBe('You have 1 vote left.')
    expect(wordsFor('en').votesLeft(2)).toBe('You have 2 votes left.')
    expect(wordsFor('en').charsLeft(1)).toBe('1 character left')
    expect(wordsFor('es').votesLeft(1)).toBe('Te queda 1 voto.')
    expect(wordsFor('es').votes(3)).toBe('3 votos')
    expect(wordsFor('es').charsLeft(1)).toBe('Queda 1 carácter')
  })
})
