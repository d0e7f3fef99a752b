// The page a board shows (useBoardPages): one state for every view of the same pager in this
// browser, so the projector follows the page turned in the presenter view; each view shows a page
// that exists for it without turning the others'; a viewed participant's board pages on its own.
// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { READONLY_KEY } from '../../src/state/useBoardScope'
import { type BoardPages, PAGER_HOST, useBoardPages } from '../../src/state/useBoardPages'

let n = 0
const items = (count: number) => ref(Array.from({ length: count }, (_, i) => `item ${i + 1}`))

/** A view of one pager (`id`), as a board's component holds it: its pages, exposed. */
function view(id: string, all = items(20), perPage = ref(8), provide: Record<string | symbol, unknown> = {}) {
  let pages!: BoardPages<string>
  const wrapper = mount(defineComponent({ setup: () => { pages = useBoardPages(all, perPage, { id, label: 'Items' }); return () => h('p') } }), { global: { provide } })
  return { pages, wrapper, all, perPage }
}

describe('useBoardPages', () => {
  it('shares the page between two views of the same pager, and only of it', async () => {
    const id = `pages-${++n}`
    const presenter = view(id)
    const projector = view(id)
    const other = view(`pages-${++n}`)
    presenter.pages.next()
    await nextTick()
    expect(projector.pages.page.value).toBe(1)
    expect(projector.pages.items.value[0]).toBe('item 9')
    expect(projector.pages.range.value).toEqual({ first: 9, last: 16, total: 20 })
    expect(other.pages.page.value).toBe(0)
    projector.pages.reveal(19)
    expect(presenter.pages.page.value).toBe(2)
  })

  it('shows a page that exists in each view, without turning the other views\' page', () => {
    const id = `pages-${++n}`
    const presenter = view(id, items(20), ref(6))
    const projector = view(id, items(20), ref(8))
    presenter.pages.page.value = 3
    expect(presenter.pages.range.value).toEqual({ first: 19, last: 20, total: 20 })
    // 8 a page: 3 pages here, the last shown; the presenter stays on its fourth.
    expect(projector.pages.page.value).toBe(2)
    expect(presenter.pages.page.value).toBe(3)
    projector.perPage.value = 4
    expect(projector.pages.page.value).toBe(3)
  })

  it('pages a participant\'s viewed board apart from the room\'s, and tells the presenter view\'s panel of its pagers', () => {
    const id = `pages-${++n}`
    const room = view(id)
    const added: string[] = []
    const host = { add: (p: { id: string }) => { added.push(p.id); return () => { added.splice(added.indexOf(p.id), 1) } } }
    const theirs = view(id, items(20), ref(8), { [READONLY_KEY]: { fill: () => {}, key: 'participant-1' }, [PAGER_HOST]: host })
    expect(added).toEqual([id])
    theirs.pages.next()
    expect(room.pages.page.value).toBe(0)
    theirs.wrapper.unmount()
    expect(added).toEqual([])
  })
})
