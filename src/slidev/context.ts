// The kit's one contact with Slidev in the browser: the deck's configs (headmatter), the
// current slide's frontmatter, print mode and the shortcut lock, for components and layouts.
//
// Public API used: the SlidevContext that `useSlideContext()` returns (`$slidev.configs`, the
// same object as `configs` from @slidev/client; `$slidev.nav.isPrintMode`, the same as
// `useNav().isPrintMode`), the injection-key constants it reads (`injectionSlidevContext`,
// `injectionFrontmatter` from `@slidev/client/constants`, used by reference, never by their
// string values), and `lockShortcuts` from @slidev/client.
//
// Why not call `useSlideContext()` itself: it throws outside a slide (a board in a component
// test, or rendered outside a slide), and @slidev/client's index needs Slidev's virtual
// modules (`#slidev/configs` ...) that exist only inside a Slidev app. So the adapter injects
// the same keys `useSlideContext()` injects, optionally, and imports @slidev/client lazily,
// only when a Slidev context is present. src/slidev/contract.ts checks that these keys are
// still exported and still what `useSlideContext()` reads.
import { injectionFrontmatter, injectionSlidevContext } from '@slidev/client/constants.ts'
import { useMediaQuery } from '@vueuse/core'
import { computed, type ComputedRef, inject, onScopeDispose } from 'vue'

/** The deck's Slidev context, or undefined outside a Slidev app. */
export function useSlidevContext() {
  return inject(injectionSlidevContext, undefined)
}

/** The deck's configs (its headmatter): `configs` from @slidev/client; `{}` outside Slidev. */
export function useDeckConfigs<T extends object = Record<string, unknown>>(): Partial<T> {
  return (useSlidevContext()?.configs ?? {}) as Partial<T>
}

/** The current slide's frontmatter; `{}` outside a slide. */
export function useSlideFrontmatter(): Record<string, any> {
  return inject(injectionFrontmatter, {}) ?? {}
}

/**
 * True when the deck is being printed or exported: Slidev's own `isPrintMode` (its `?print`
 * and export routes), or the browser's print (Ctrl+P). Boards then render a worksheet.
 */
export function usePrintMode(): ComputedRef<boolean> {
  const slidev = useSlidevContext()
  const printMedia = useMediaQuery('print')
  // Outside Slidev (component tests), the rule Slidev's isPrintMode applies: a `print` query.
  const printQuery = typeof location !== 'undefined' && new URLSearchParams(location.search).has('print')
  return computed(() => (slidev ? Boolean(slidev.nav?.isPrintMode) : printQuery) || printMedia.value)
}

/**
 * Slidev's shortcut lock: while held, arrow keys and the other slide shortcuts stay with the
 * focused control (a dot being moved on a map) instead of changing slide. Released when the
 * component goes away. Outside Slidev it does nothing.
 */
export function useShortcutLock(): { lock: () => void, unlock: () => void } {
  const inSlidev = Boolean(useSlidevContext())
  let release: (() => void) | undefined
  let wanted = false
  const unlock = () => {
    wanted = false
    release?.()
    release = undefined
  }
  const lock = () => {
    if (!inSlidev || wanted)
      return
    wanted = true
    import('@slidev/client').then(({ lockShortcuts }) => {
      if (wanted && !release)
        release = lockShortcuts()
    }).catch(() => {})
  }
  onScopeDispose(unlock)
  return { lock, unlock }
}
