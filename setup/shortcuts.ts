// Keys that are safe with a presentation clicker and a keyboard, on slides that hold boards.
//
// Slidev ignores every slide shortcut while a button or link has focus, so after a facilitator
// clicks a board button (Export, Undo, +1) the clicker's → and PageDown stop working until
// they click the slide background. And it does not count a <summary>, a select or an element
// with a control role as a control, so Space on the board's Export menu both opens it and
// turns the slide. Here: Space never turns the slide while any control has focus, and the
// clicker's keys (→ ← PageDown PageUp, and ↓ ↑ as Slidev has them) do turn it while a button or link has focus, unless the
// control used the key itself (a dot moved with the arrows calls preventDefault) or sits in
// a dialog or menu (an item that moves with the arrows, `data-kit-arrows`, calls preventDefault
// and holds Slidev's shortcut lock: src/state/useBoardKeys.ts). Text fields keep every key. Checked by test/site/clicker.test.ts.
//
// The kit's own keys (README, "Presenting"): B or . blanks the room's screen and shows it again
// (what clickers' blank-screen button sends); T starts or pauses the current activity's clock
// and N moves it to its next step, from the presenter view or the projector alike. The
// preparation pages (`prep: true`) are the facilitator's: the keys that go forward stop at the
// last slide before them (the overview and the presenter view still reach them).
import { defineShortcutsSetup } from '@slidev/types'
import { useDeckConfigs, useDeckNav } from '../src/slidev/context'
import { activityPlan, timerKey } from '../src/activities/activity-plan'
import { activityTimerControls } from '../src/state/useActivityTimer'
import { useRoomScreen } from '../src/state/useRoomScreen'
import { useActiveElement, useEventListener } from '@vueuse/core'
import { computed, isRef, type Ref } from 'vue'

/** Focused elements that take Space themselves (Slidev already leaves buttons, links and text fields alone). */
const TAKES_SPACE = 'summary, select, [role="button"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"], [role="slider"], [contenteditable]:not([contenteditable="false"])'
/** Where arrow keys belong to the control, not the slides. */
const KEEPS_ARROWS = 'dialog, [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"], [role="grid"], [role="tablist"], [role="radiogroup"]'
const CLICKER: Record<string, 'next' | 'prev' | 'nextSlide' | 'prevSlide'> = { ArrowRight: 'next', PageDown: 'next', ArrowLeft: 'prev', PageUp: 'prev', ArrowDown: 'nextSlide', ArrowUp: 'prevSlide' }

export default defineShortcutsSetup((nav, base) => {
  const active = useActiveElement()
  const onControl = computed(() => !!active.value?.matches?.(TAKES_SPACE))

  // On the document, after the focused control's own handlers (which may take the key) and
  // before Slidev's key state on the window: Slidev must not see the key held, or it turns the
  // slide a second time when the focused button leaves with its slide.
  useEventListener(document, 'keydown', (e: KeyboardEvent) => {
    const go = CLICKER[e.key]
    const el = document.activeElement as HTMLElement | null
    // Only where Slidev's own shortcuts stand aside: a focused button or link.
    if (!go || e.defaultPrevented || e.repeat || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !el || !['BUTTON', 'A'].includes(el.tagName))
      return
    if (el.closest(KEEPS_ARROWS) || !el.closest('.slidev-page'))
      return
    e.preventDefault()
    e.stopPropagation()
    void nav[go]()
  })

  const screen = useRoomScreen()
  const { slides, currentSlideNo, currentSlideRoute, clicks, clicksTotal } = useDeckNav()
  const configs = useDeckConfigs<{ cohort?: { id?: string } }>()
  const frontmatter = () => (currentSlideRoute.value?.meta?.slide?.frontmatter ?? {}) as Record<string, any>
  const cohort = () => configs.cohort?.id || 'default'
  const clock = () => {
    const fm = frontmatter()
    const steps = activityPlan(fm)
    return steps.length && typeof fm.id === 'string' ? { controls: activityTimerControls(timerKey(cohort(), fm.id)), steps } : undefined
  }
  // Forward stops before the preparation pages, unless the facilitator is already among them.
  const intoPrep = () => {
    const next = slides.value[currentSlideNo.value]
    return frontmatter().prep !== true && next?.meta?.slide?.frontmatter?.prep === true && clicks.value >= clicksTotal.value
  }
  const FORWARD = new Set(['next_space', 'next_right', 'next_page_key', 'next_down', 'next_shift'])

  const kit = [
    { name: 'kit_blank', key: 'b', fn: () => screen.toggleBlank() },
    { name: 'kit_blank_period', key: '.', fn: () => screen.toggleBlank() },
    { name: 'kit_clock_toggle', key: 't', fn: () => clock()?.controls.toggle() },
    { name: 'kit_clock_next', key: 'n', fn: () => { const c = clock(); c?.controls.nextStep(c.steps) } },
  ]

  return [...base.map((s) => {
    let shortcut = s
    if ((s.name === 'next_space' || s.name === 'prev_space') && isRef(s.key)) {
      const key = s.key as Ref<boolean>
      shortcut = { ...s, key: computed(() => key.value && !onControl.value) }
    }
    if (FORWARD.has(s.name ?? '') && shortcut.fn) {
      const go = shortcut.fn
      shortcut = { ...shortcut, fn: () => { if (!intoPrep()) go() } }
    }
    return shortcut
  }), ...kit]
})
