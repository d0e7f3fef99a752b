// @vitest-environment happy-dom
// Each list board, mounted: add a row through the Add dialog, see the computed text on its
// note, text stays text, remove (from the note's dialog) and undo, and the worksheet in print
// mode; the month field and its error; the keys a clicker sends.
import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { Component } from 'vue'
import { BOARDS } from '../../src/boards'
import ChannelAudit from '../../src/boards/channel-audit/ChannelAudit.vue'
import OriginTimeline from '../../src/boards/origin-timeline/OriginTimeline.vue'
import { boardReady, openAddForm } from './board-ready'

let n = 0
type Fill = Record<string, string | number>

const views = import.meta.glob<Component>('../../src/boards/*/*.vue', { eager: true, import: 'default' })

/** Every board of the registry whose entry gives what its Add form is filled with and then shows (`samples.form`). */
const boards: [string, any, Fill, RegExp][] = BOARDS.flatMap(b => (b.samples.form
  ? [[b.component, Object.entries(views).find(([path]) => path.endsWith(`/${b.component}.vue`))![1], b.samples.form.fill, b.samples.form.shows] as [string, any, Fill, RegExp]]
  : []))

async function fill(wrapper: ReturnType<typeof mount>, values: Fill) {
  await boardReady(wrapper)
  const form = await openAddForm(wrapper)
  for (const [key, value] of Object.entries(values)) {
    const field = form.find(`[id$="-new-${key}"]`)
    await field.setValue(value)
  }
  await form.trigger('submit')
  await flushPromises()
}

describe.each(boards)('%s', (_, Board, values, computed) => {
  it('adds a row from the form and shows what it computes, with participant text as text', async () => {
    const wrapper = mount(Board, { props: { id: `row-board-${++n}` }, attachTo: document.body })
    await fill(wrapper, values)
    expect(wrapper.text()).toMatch(computed)
    expect(wrapper.find('dialog[open]').exists()).toBe(false) // saved: the dialog has closed
    expect(wrapper.find('.kit-notes b').exists()).toBe(false)
    expect(wrapper.find('.kit-notes .kit-note').text()).toContain('<b>x</b>')
    wrapper.unmount()
  })

  it('removes a row, and undo brings it back', async () => {
    const wrapper = mount(Board, { props: { id: `row-board-${++n}` }, attachTo: document.body })
    await fill(wrapper, values)
    await wrapper.find('.kit-notes button.kit-note').trigger('click') // the note opens its dialog
    await vi.waitFor(() => expect(wrapper.find('dialog[open] form').exists()).toBe(true))
    await wrapper.get('dialog[open]').findAll('button').find(b => b.text() === 'Remove')!.trigger('click')
    await flushPromises()
    expect(wrapper.findAll('.kit-notes [data-row]')).toHaveLength(0)
    expect(wrapper.find('[data-testid="board-start"]').exists()).toBe(true) // empty again: how to start
    await wrapper.findAll('button').find(b => b.text().includes('Undo'))!.trigger('click')
    await flushPromises()
    expect(wrapper.findAll('.kit-notes [data-row]')).toHaveLength(1)
    wrapper.unmount()
  })

  it('prints a blank worksheet with its instructions and no controls', async () => {
    window.history.replaceState(null, '', '/?print')
    try {
      const wrapper = mount(Board, { props: { id: `row-board-${++n}` } })
      expect(wrapper.find('[data-testid="worksheet"]').exists()).toBe(true)
      expect(wrapper.findAll('button, input, select, textarea')).toHaveLength(0)
      expect(wrapper.find('.kit-worksheet-steps li').exists()).toBe(true)
      wrapper.unmount()
    }
    finally {
      window.history.replaceState(null, '', '/')
    }
  })
})

describe('a half-typed entry', () => {
  it('survives the board being closed and opened again (a reload), and is gone once saved', async () => {
    localStorage.clear()
    const id = `row-board-draft-${++n}`
    let wrapper = mount(ChannelAudit, { props: { id }, attachTo: document.body })
    await boardReady(wrapper)
    await (await openAddForm(wrapper)).find('[id$="-new-channel"]').setValue('Weekly  call on Fridays')
    // Kept as typed, a quarter of a second after the last key.
    await vi.waitFor(() => expect(Object.keys(localStorage).some(k => k.startsWith('kit-draft:'))).toBe(true))
    wrapper.unmount()
    wrapper = mount(ChannelAudit, { props: { id }, attachTo: document.body })
    await boardReady(wrapper)
    let form = await openAddForm(wrapper)
    expect(form.find<HTMLInputElement>('[id$="-new-channel"]').element.value).toBe('Weekly  call on Fridays')
    // Closing the dialog with Escape keeps it too; Cancel is what drops it.
    wrapper.get<HTMLDialogElement>('dialog[open]').element.close()
    await flushPromises()
    form = await openAddForm(wrapper)
    expect(form.find<HTMLInputElement>('[id$="-new-channel"]').element.value).toBe('Weekly  call on Fridays')
    await form.find('[id$="-new-mode"]').setValue('sync')
    await form.trigger('submit')
    await flushPromises()
    await vi.waitFor(() => expect(Object.keys(localStorage).some(k => k.startsWith('kit-draft:'))).toBe(false))
    wrapper.unmount()
  })
})

describe('the month field', () => {
  it('takes a typed 2024-3 or 03/2024 as 2024-03, and names the field when it cannot read it', async () => {
    const wrapper = mount(OriginTimeline, { props: { id: `row-board-${++n}` }, attachTo: document.body })
    await boardReady(wrapper)
    let form = await openAddForm(wrapper)
    await form.find('[id$="-new-title"]').setValue('First meeting')
    await form.find('[id$="-new-type"]').setValue('founding')
    await form.find('[id$="-new-date"]').setValue('2024-13')
    await form.trigger('submit')
    await flushPromises()
    // Not saved; the error names the field by its label, never an internal path like events.0.date.
    expect(wrapper.find('dialog[open]').exists()).toBe(true)
    expect(form.get('[data-testid="field-problem"]').text()).toBe('When: use year and month, like 2024-03')
    expect(form.get('[id$="-new-date"]').attributes('aria-invalid')).toBe('true')
    expect(form.get('[id$="-new-date"]').attributes('aria-describedby')).toContain('-new-date-problem')
    expect(wrapper.findAll('.kit-notes [data-row]')).toHaveLength(0)
    await form.find('[id$="-new-date"]').setValue('2024-3')
    await form.trigger('submit')
    await flushPromises()
    expect(wrapper.find('.kit-note').text()).toContain('2024-03')
    form = await openAddForm(wrapper)
    await form.find('[id$="-new-title"]').setValue('Second meeting')
    await form.find('[id$="-new-type"]').setValue('milestone')
    await form.find('[id$="-new-date"]').setValue('03/2025')
    await form.trigger('submit')
    await flushPromises()
    expect(wrapper.findAll('.kit-note').map(n => n.text())).toEqual([expect.stringContaining('2024-03'), expect.stringContaining('2025-03')])
    wrapper.unmount()
  })

  it('starts a required choice on "Choose…" and says which fields are required', async () => {
    const wrapper = mount(OriginTimeline, { props: { id: `row-board-${++n}` }, attachTo: document.body })
    await boardReady(wrapper)
    const form = await openAddForm(wrapper)
    const type = form.get<HTMLSelectElement>('[id$="-new-type"]')
    expect(type.element.selectedOptions[0].textContent).toBe('Choose…')
    expect(form.get('label[for$="-new-type"]').text()).toBe('Type (required)')
    expect(form.get('label[for$="-new-date"]').text()).toBe('When (optional)')
    await form.find('[id$="-new-title"]').setValue('Untyped')
    await form.trigger('submit')
    await flushPromises()
    expect(form.get('[data-testid="field-problem"]').text()).toBe('Type: choose one of the options')
    wrapper.unmount()
  })
})
