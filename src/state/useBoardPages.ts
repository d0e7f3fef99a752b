// How: `const pages = useBoardPages(items, perPage)` with `perPage` a ref (BoardNotes measures
// how many notes fit); show `pages.items`, and give `pages` to <BoardPager>. `pages.reveal(i)`
// turns to the page holding item i (a note just added).
//
// Why: a projected board never shrinks text below 20 px and never scrolls inside the slide:
// when its items do not fit, it shows them a page at a time ("1-8 of 30").
import { computed, type ComputedRef, type Ref, ref, watch } from 'vue'

export interface BoardPages<T> {
  /** the items on the current page */
  items: ComputedRef<T[]>
  /** 0-based */
  page: Ref<number>
  count: ComputedRef<number>
  /** first and last item shown (1-based) and the total, for "1-8 of 30" */
  range: ComputedRef<{ first: number, last: number, total: number }>
  next: () => void
  prev: () => void
  reveal: (index: number) => void
}

export function useBoardPages<T>(all: Readonly<Ref<readonly T[]>>, perPage: Readonly<Ref<number>>): BoardPages<T> {
  const size = computed(() => Math.max(1, Math.floor(perPage.value)))
  const count = computed(() => Math.max(1, Math.ceil(all.value.length / size.value)))
  const page = ref(0)
  // Fewer items (a removal, a reset) or a bigger page: stay on a page that exists.
  watch(count, (n) => { page.value = Math.min(page.value, n - 1) })
  const items = computed(() => all.value.slice(page.value * size.value, (page.value + 1) * size.value))
  const range = computed(() => {
    const total = all.value.length
    const first = total ? page.value * size.value + 1 : 0
    return { first, last: Math.min(total, first + size.value - 1), total }
  })
  return {
    items,
    page,
    count,
    range,
    next: () => { page.value = Math.min(count.value - 1, page.value + 1) },
    prev: () => { page.value = Math.max(0, page.value - 1) },
    reveal: (index) => { page.value = Math.min(count.value - 1, Math.max(0, Math.floor(index / size.value))) },
  }
}
