// The kit's one contact with Slidev in the browser: the deck's configs (headmatter), the
// current slide's frontmatter, print mode and the shortcut lock, for components and layouts.
// Public API only: `configs`, `useSlideContext`, `useNav` (its `isPrintMode`) and
// `lockShortcuts` from @slidev/client. src/slidev/contract.ts checks they are still exported.
//
// Component tests run without a Slidev app (whose virtual modules @slidev/client needs), so
// the unit tests alias @slidev/client to test/support/slidev-client.ts, which stands in for
// exactly these four; the built decks in test/site run the real ones.
import { configs, lockShortcuts, useNav, useSlideContext } from '@slidev/client'
import { useMediaQuery } from '@vueuse/core'
import { computed, type ComputedRef, inject, onScopeDispose, type Ref } from 'vue'
import { RENDER_CONTEXT, SLIDE_PAGE } from './keys'

/** The deck's configs (its headmatter, with the kit's own fields such as `cohort`). */
export function useDeckConfigs<T extends object = Record<string, unknown>>(): Partial<T> {
  return configs as unknown as Partial<T>
}

/** The current slide's frontmatter. */
export function useSlideFrontmatter(): Record<string, any> {
  return useSlideContext().$frontmatter ?? {}
}

/**
 * True when the deck is being printed or exported: Slidev's own `isPrintMode` (its `?print`
 * and export routes), or the browser's print (Ctrl+P). Boards then render a worksheet.
 */
export function usePrintMode(): ComputedRef<boolean> {
  const { isPrintMode } = useNav()
  const printMedia = useMediaQuery('print')
  return computed(() => isPrintMode.value || printMedia.value)
}

/**
 * Slidev's shortcut lock: while held, arrow keys and the other slide shortcuts stay with the
 * focused control (a dot being moved on a map) instead of changing slide. Released when the
 * component goes away.
 */
export function useShortcutLock(): { lock: () => void, unlock: () => void } {
  let release: (() => void) | undefined
  const unlock = () => {
    release?.()
    release = undefined
  }
  const lock = () => {
    release ??= lockShortcuts()
  }
  onScopeDispose(unlock)
  return { lock, unlock }
}

export { RENDER_CONTEXT, SLIDE_PAGE } from './keys'

/**
 * Where this copy of the slide is drawn: 'slide' on the projector, 'presenter' for the
 * presenter view's current slide, 'previewNext', 'overview', 'print' and so on.
 */
export function useRenderContext(): ComputedRef<string> {
  const context = inject(RENDER_CONTEXT, undefined)
  return computed(() => context?.value ?? 'none')
}

/** True in the presenter view's window (its own controls and previews), false on the projector. */
export function useIsPresenterWindow(): ComputedRef<boolean> {
  const { isPresenter } = useNav()
  return computed(() => isPresenter.value)
}

/** The current slide's frontmatter as the window's navigation sees it (outside a slide, e.g. in a global layer). */
export function useCurrentFrontmatter(): ComputedRef<Record<string, any>> {
  const { currentSlideRoute } = useNav()
  return computed(() => currentSlideRoute.value?.meta?.slide?.frontmatter ?? {})
}

/** The window's navigation as the kit reads it: the slides in order, the current one, its clicks. */
export function useDeckNav() {
  const { isPresenter, slides, currentSlideNo, currentSlideRoute, clicks, clicksTotal } = useNav()
  return { isPresenter, slides, currentSlideNo, currentSlideRoute, clicks, clicksTotal }
}

/**
 * For a component on a slide: the page it is on, and whether that page is the one this window
 * shows now. `page` is undefined outside a slide (a global layer, a unit test without Slidev).
 */
export function useSlidePlace(): { page: Ref<number> | undefined, renderContext: ComputedRef<string>, isCurrent: ComputedRef<boolean> } {
  const page = inject(SLIDE_PAGE, undefined)
  const renderContext = useRenderContext()
  const { currentSlideNo } = useNav()
  return { page, renderContext, isCurrent: computed(() => !!page && currentSlideNo.value === page.value) }
}

/** The page this window shows now (1-based). */
export function useCurrentPage(): ComputedRef<number> {
  const { currentSlideNo } = useNav()
  return computed(() => currentSlideNo.value)
}
