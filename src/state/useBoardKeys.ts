// How: `useBoardKeys(rootRef)` once per board, on the board's root element (BoardShell does
// it, so a board inside BoardShell needs nothing more). An item that uses the arrow keys itself
// (a dot moved on a grid, a persona on the mountain) carries the attribute `data-kit-arrows`
// and calls preventDefault on the arrow keys it uses.
//
// Why: while a select or an arrow-using item has focus, Slidev's shortcuts are locked, so its
// arrow keys change the choice or move the item, not the slide; focus leaving the board gives
// Slidev its keys back. The clicker's keys after a click on a button, and Space on a control,
// are handled once for every slide, boards included, in setup/shortcuts.ts.
import { useEventListener } from '@vueuse/core'
import type { Ref } from 'vue'
import { useShortcutLock } from '../slidev/context'

export const ARROWS_ATTRIBUTE = 'data-kit-arrows'

export function useBoardKeys(root: Readonly<Ref<HTMLElement | undefined | null>>): void {
  const shortcuts = useShortcutLock()

  useEventListener(root, 'focusin', (event: FocusEvent) => {
    const el = event.target as HTMLElement
    if (el.tagName === 'SELECT' || el.closest(`[${ARROWS_ATTRIBUTE}]`))
      shortcuts.lock()
    else
      shortcuts.unlock()
  })
  useEventListener(root, 'focusout', (event: FocusEvent) => {
    // Focus moving out of the board (or nowhere) gives Slidev its keys back.
    const next = event.relatedTarget as HTMLElement | null
    if (!next || !root.value?.contains(next))
      shortcuts.unlock()
  })
}
