// The README states each module's length as the deck states it: a facilitator plans the day
// from that table, so it must never drift from the slides (issue: lengths stated honestly).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listDecks, loadDeck } from '../../src/content/decks'
import { sessionPlan } from '../../src/content/timing'
import { ROOT } from '../../src/paths'

describe('the README\'s module table', () => {
  it('gives every module the lengths its deck states, full and short', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    for (const ref of listDecks()) {
      const deck = await loadDeck(ref)
      const minutes = sessionPlan(deck.headmatter, 'full').minutes
      const row = new RegExp(`^\\| ${ref.number} \\|.*\\| (\\d+) min \\| (\\d+) min \\|$`, 'm').exec(readme)
      expect(row, `README.md has no row for module ${ref.number}`).not.toBeNull()
      expect(Number(row![1]), `module ${ref.number} (${ref.name})`).toBe(minutes)
      expect(Number(row![2]), `module ${ref.number} (${ref.name}), short version`).toBe(sessionPlan(deck.headmatter, 'short').minutes)
    }
  })
})
