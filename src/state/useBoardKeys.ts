// How: `useBoardKeys(rootRef)` once per board, on the board's root element (BoardShell does
// it, so a board inside BoardShell needs nothing more). An item that uses the arrow keys itself
// (a dot moved on a grid, a persona on the mountain) carries the attribute `data-kit-arrows`.
//
// Why: every board behaves the same in front of a room with a keyboard or a presentation
// clicker (which sends →/← or PageDown/PageUp).
// - Slidev ignores all its shortcuts while a button or link has focus, so after a click on a
//   board button a clicker would stop working: here those keys go on to Slidev's navigation,
//   unless the focus is in a text field, a select, an open dialog or an item that uses arrows.
// - Space and Enter on a board control operate the control only; they never also turn the
//   slide (a <summary> or an item with a tabindex is not a button for Slidev).
// - While a select or an arrow-using item has focus, Slidev's shortcuts are locked, so its
//   arrow keys change the choice or move the item, not the slide.
import { useEventListener } from '@vueuse/core'
import type { Ref } from 'vue'
import { useShortcutLock, useSlideNav } from '../slidev/context'

export const ARROWS_ATTRIBUTE = 'data-kit-arrows'

/** The keys a clicker or a presenter uses to move through the slides, and where they go. */
const NAVIGATION: Record<string, 'next' | 'prev' | 'nextSlide' | 'prevSlide'> = {
  ArrowRight: 'next',
  PageDown: 'next',
  ArrowLeft: 'prev',
  PageUp: 'prev',
  ArrowDown: 'nextSlide',
  ArrowUp: 'prevSlide',
}
const PAGE_KEYS = new Set(['PageDown', 'PageUp'])

function isTyping(el: HTMLElement): boolean {
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)
}

/** True when the element (a button, a link, a summary or an item with a tabindex) is a board control that does not type. */
function isControl(el: HTMLElement): boolean {
  return ['BUTTON', 'A', 'SUMMARY'].includes(el.tagName) || el.tabIndex >= 0
}

export function useBoardKeys(root: Readonly<Ref<HTMLElement | undefined | null>>): void {
  const nav = useSlideNav()
  const shortcuts = useShortcutLock()

  useEventListener(root, 'keydown', (event: KeyboardEvent) => {
    const el = event.target as HTMLElement
    if (event.defaultPrevented || el.closest('dialog') || isTyping(el) || !isControl(el))
      return
    if ((event.key === ' ' || event.key === 'Enter') && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // The control's own job; Slidev listens on window, after the board.
      event.stopPropagation()
      return
    }
    const go = NAVIGATION[event.key]
    if (!go || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey)
      return
    if (el.closest(`[${ARROWS_ATTRIBUTE}]`) && !PAGE_KEYS.has(event.key))
      return
    // Slidev itself ignores the key while a button has focus; an item with a tabindex that is
    // not a button lets Slidev see it, and then the board must not turn the slide twice.
    if (!['BUTTON', 'A'].includes(el.tagName) && !el.closest(`[${ARROWS_ATTRIBUTE}]`))
      return
    // Slidev must not see this key as well: with the control blurred it would turn the slide a second time.
    event.preventDefault()
    event.stopPropagation()
    el.blur() // the slide is leaving: Slidev's own shortcuts apply again, not this control
    void nav[go]()
  })

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
