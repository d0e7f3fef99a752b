// Boards take edits only once their saved state has loaded: tests wait for that, as a person would.
import type { VueWrapper } from '@vue/test-utils'
import { expect, vi } from 'vitest'

export async function boardReady(wrapper: VueWrapper<any>): Promise<void> {
  await vi.waitFor(() => {
    const sets = wrapper.findAll('fieldset.kit-board-controls')
    expect(sets.length).toBeGreaterThan(0)
    for (const s of sets)
      expect((s.element as HTMLFieldSetElement).disabled).toBe(false)
  })
}

/** Opens a board's Add dialog (the toolbar's Add button) and gives its form. */
export async function openAddForm(wrapper: VueWrapper<any>) {
  await wrapper.get('[data-testid="board-add"]').trigger('click')
  await vi.waitFor(() => expect(wrapper.find('dialog[open] form').exists()).toBe(true))
  return wrapper.get('dialog[open] form')
}
