// Stands in for @slidev/client in component tests, which mount boards without a Slidev app
// (its index needs Slidev's virtual modules). Only what src/slidev/context.ts uses, with
// Slidev's own rules: print mode is a `print` query. The built decks in test/site run the real
// @slidev/client.
import { computed, reactive } from 'vue'

export const configs = reactive<Record<string, unknown>>({})

export function useNav() {
  return {
    isPrintMode: computed(() => new URLSearchParams(location.search).has('print')),
    isPresenter: computed(() => location.pathname.includes('/presenter')),
    currentSlideRoute: computed(() => ({ no: 1, meta: { slide: { frontmatter: {} as Record<string, any> } } })),
    slides: computed(() => [] as any[]),
    currentSlideNo: computed(() => 1),
    clicks: computed(() => 0),
    clicksTotal: computed(() => 0),
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
