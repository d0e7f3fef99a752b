// How: `const pages = useBoardPages(items, perPage, { id: `${props.id}:activities`, label })` with
// `perPage` a ref (BoardNotes measures how many notes fit) and `id` naming this pager on the deck
// (the board's id and which of its lists); show `pages.items`, and give `pages` to <BoardPager>.
// `pages.reveal(i)` turns to the page holding item i (a note just added).
//
// Why: a projected board never shrinks text below 20 px and never scrolls inside the slide:
// when its items do not fit, it shows them a page at a time ("1-8 of 30"). The page a board
// shows is one state for every window of the deck in this browser, as the activity timers and
// the room's screen are (localStorage, kept in step across windows by VueUse's storage events):
// the facilitator turns it in the presenter view and the projector follows, also in a live
// session, where the projected slide shows where it is ("Page 2 of 3") and no control. A
// participant's own board shown on the projector (OwnShownBoard) pages on its own, per
// participant; its pagers are turned from the presenter view's panel (OwnProgress, PAGER_HOST),
// since nothing on the viewed board itself can be pressed. A page turned hours ago is forgotten.
// Not Slidev's createSyncState (public, @slidev/client): under its dev server (`npm start`) its
// built-in sync is off and only its own `server-reactive:` states (an internal virtual module)
// travel, so a kit state made with it would reach no other window there.
import { useStorage } from '@vueuse/core'
import { computed, type ComputedRef, effectScope, hasInjectionContext, inject, type InjectionKey, onScopeDispose, type Ref, type WritableComputedRef } from 'vue'
import { useBoardScope } from './useBoardScope'

export interface BoardPages<T> {
  /** the items on the current page */
  items: ComputedRef<T[]>
  /** 0-based, shared by the deck's windows (always a page that exists here) */
  page: WritableComputedRef<number>
  count: ComputedRef<number>
  /** first and last item shown (1-based) and the total, for "1-8 of 30" */
  range: ComputedRef<{ first: number, last: number, total: number }>
  next: () => void
  prev: () => void
  reveal: (index: number) => void
}

export interface PagerPlace {
  /** the pager's name on the deck: the board's id and which of its lists (`m2-raci:activities`) */
  id: string
  /** what it pages, said to screen readers and beside its controls in the presenter view */
  label: string
  /** the page it opens at while nobody has turned it (default: the first) */
  first?: () => number
}

/** Where a viewed board's pagers are turned from (OwnProgress in the presenter view): each pager adds itself while it exists. */
export interface PagerHost {
  add: (pager: { id: string, label: string, pages: BoardPages<unknown> }) => () => void
}
export const PAGER_HOST: InjectionKey<PagerHost> = Symbol('kit:pager-host')

/** Whether a board's pagers show their buttons here (BoardShell: its controls are drawn, and the board is not viewed read-only). */
export const PAGER_CONTROLS: InjectionKey<Readonly<Ref<boolean>>> = Symbol('kit:pager-controls')

const FORGET_AFTER_MS = 3 * 60 * 60_000
interface Turned { page: number, at: number }
let stored: Ref<Record<string, Turned>> | undefined

/** The pages turned in this browser, by pager (one entry in localStorage for every board). */
function turnedPages(): Ref<Record<string, Turned>> {
  stored ??= effectScope(true).run(() => useStorage<Record<string, Turned>>('community-training/board-pages', {}))!
  return stored
}

/** The page a pager shows in every window of the deck (0-based, not clamped). */
export function sharedPage(key: string, first: () => number = () => 0): WritableComputedRef<number> {
  const turned = turnedPages()
  return computed({
    get: () => {
      const t = turned.value[key]
      return t && typeof t.page === 'number' && Date.now() - t.at < FORGET_AFTER_MS ? t.page : first()
    },
    set: (page) => {
      const now = Date.now()
      const kept = Object.entries(turned.value).filter(([k, t]) => k !== key && now - (t?.at ?? 0) < FORGET_AFTER_MS)
      turned.value = { ...Object.fromEntries(kept), [key]: { page, at: now } }
    },
  })
}

export function useBoardPages<T>(all: Readonly<Ref<readonly T[]>>, perPage: Readonly<Ref<number>>, place: PagerPlace): BoardPages<T> {
  const size = computed(() => Math.max(1, Math.floor(perPage.value)))
  const count = computed(() => Math.max(1, Math.ceil(all.value.length / size.value)))
  // The deck's cohort, and whose board this is when it is someone's own board viewed read-only.
  const injected = hasInjectionContext()
  const scope = injected ? useBoardScope() : undefined
  const whose = scope?.readOnly ? `own:${scope.readOnly.key ?? ''}:` : ''
  const turned = sharedPage(`${scope?.cohort ?? 'default'}/${whose}${place.id}`, place.first)
  // Fewer items here (a removal, a smaller page) show the last page that exists, without turning
  // the other windows' page.
  const page = computed({
    get: () => Math.min(Math.max(0, Math.floor(turned.value) || 0), count.value - 1),
    set: (n: number) => { turned.value = Math.min(count.value - 1, Math.max(0, n)) },
  })
  const items = computed(() => all.value.slice(page.value * size.value, (page.value + 1) * size.value))
  const range = computed(() => {
    const total = all.value.length
    const first = total ? page.value * size.value + 1 : 0
    return { first, last: Math.min(total, first + size.value - 1), total }
  })
  const pages: BoardPages<T> = {
    items,
    page,
    count,
    range,
    next: () => { page.value = page.value + 1 },
    prev: () => { page.value = page.value - 1 },
    reveal: (index) => { page.value = Math.floor(index / size.value) },
  }
  const host = injected ? inject(PAGER_HOST, undefined) : undefined
  if (host)
    onScopeDispose(host.add({ id: place.id, label: place.label, pages: pages as BoardPages<unknown> }))
  return pages
}
