// What a deck costs to open (issue 21): the JS and CSS loaded before slide 1 is drawn, gzip,
// measured in Chromium on the built site, within the kit's budget for every deck; and what only
// a live session needs (the live client, Yjs, the QR code encoder) is not part of it.
import { describe, expect, inject, it } from 'vitest'
import { listDecks } from '../../src/content/decks'
import { FIRST_LOAD_BUDGET_KB, kb, measureFirstLoad } from '../../src/site/first-load'

describe('the first load of each deck', () => {
  it(`stays within ${FIRST_LOAD_BUDGET_KB} KB of JS and CSS gzip, without the live client`, async () => {
    const results = await measureFirstLoad(inject('siteDir'), listDecks().map(d => d.name))
    expect(results.map(r => r.deck)).toEqual(listDecks().map(d => d.name))
    for (const r of results) {
      expect(r.bytes, `${r.deck}: ${kb(r.bytes)} KB\n${r.files.map(f => `  ${kb(f.bytes)} ${f.url}`).join('\n')}`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_KB * 1024)
      expect(r.files.map(f => f.url).filter(u => /LiveJoinSession|LiveFollowSession|note-\d+/.test(u)), r.deck).toEqual([])
    }
  }, 300_000)
})
