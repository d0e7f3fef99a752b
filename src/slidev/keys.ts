import type { InjectionKey, Ref } from 'vue'

// Slidev's injection keys the kit reads. Slidev exports them only from its internal
// constants.ts (not from @slidev/client's public index), as plain strings; they are written here
// once, typed, and src/slidev/contract.ts checks that constants.ts still defines each value.
/** Where this copy of the slide is drawn (Slidev's `injectionRenderContext`); tests provide it. */
export const RENDER_CONTEXT = '$$slidev-render-context' as unknown as InjectionKey<Ref<string>>
/** The page number of the slide a component is on (Slidev's `injectionCurrentPage`); tests provide it. */
export const SLIDE_PAGE = '$$slidev-page' as unknown as InjectionKey<Ref<number>>
/** Every Slidev injection key the kit reads, by the name of Slidev's constant: the contract's list. */
export const SLIDEV_KEYS = { injectionRenderContext: RENDER_CONTEXT, injectionCurrentPage: SLIDE_PAGE } as const
