// Stands in for @slidev/client in component tests, which mount boards without a Slidev app
// (its index needs Slidev's virtual modules). Only what src/slidev/context.ts uses, with
// Slidev's own rules: print mode is a `print` query. The built decks in test/site run the real
// @slidev/client.
import { computed, reactive } from 'vue'

export const configs = reactive<Record<string, unknown>>({})

/** What the board asked Slidev's navigation to do, in order (a board test reads it). */
export const navigations: string[] = []
export function useNav() {
  const go = (name: string) => () => { navigations.push(name) }
  return {
    isPrintMode: computed(() => new URLSearchParams(location.search).has('print')),
    next: go('next'),
    prev: go('prev'),
    nextSlide: go('nextSlide'),
    prevSlide: go('prevSlide'),
  }
}

export function useSlideContext() {
  return { $slidev: { configs }, $frontmatter: {} as Record<string, any> }
}

export const locks = new Set<symbol>()
export function lockShortcuts(): () => void {
  const lock = Symbol('lock')
  locks.add(lock)
  return () => { locks.delete(lock) }
}
