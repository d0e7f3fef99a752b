// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { stakeholderMap } from './model'
import { COHORT_KEY } from '../../state/useBoardScope'
import { useExerciseState } from '../../state/useExerciseState'
import { LANGUAGE_KEY } from '../../state/useLabels'
import StakeholderMap from './StakeholderMap.vue'
import { boardReady } from '../../../test/components/board-ready'

let n = 0
const boardId = () => `test-stakeholders-${++n}`

// Add opens the entry dialog; its form adds the stakeholder to the grid.
async function addStakeholder(wrapper: ReturnType<typeof mount>, name: string, power: number, interest: number, accepted = true) {
  await boardReady(wrapper)
  await wrapper.find('[data-testid="board-add"]').trigger('click')
  await flushPromises()
  const dialog = wrapper.find('dialog')
  expect((dialog.element as HTMLDialogElement).open).toBe(true)
  const form = dialog.find('form')
  await form.find('input[id$="-new-name"]').setValue(name)
  await form.find('input[id$="-new-power"]').setValue(power)
  await form.find('input[id$="-new-interest"]').setValue(interest)
  await form.trigger('submit')
  await flushPromises()
  expect((dialog.element as HTMLDialogElement).open).toBe(!accepted)
}

describe('StakeholderMap', () => {
  it('adds a stakeholder from the dialog, numbers it in the key and shows its computed quadrant and approach', async () => {
    const wrapper = mount(StakeholderMap, { props: { id: boardId() }, attachTo: document.body })
    await boardReady(wrapper)
    expect(wrapper.find('[data-testid="board-start"]').text()).toContain('Add the first stakeholder')
    await addStakeholder(wrapper, 'City library', 4, 2)
    expect(wrapper.find('[data-testid="board-start"]').exists()).toBe(false)
    expect(wrapper.findAll('ol.kit-sm-names li').map(li => li.text())).toEqual(['1City library'])
    const marker = wrapper.find('.kit-sm-marker')
    expect(marker.text()).toBe('1')
    expect(marker.attributes('aria-label')).toBe('1. City library: power 4, interest 2, Keep satisfied')
    // The marker (a button: Enter, Space or a click) opens it for editing, with its quadrant's approach in words.
    await marker.trigger('click')
    await flushPromises()
    const dialog = wrapper.find('dialog')
    expect((dialog.element as HTMLDialogElement).open).toBe(true)
    expect(dialog.text()).toContain('Keep satisfied: High power, lower interest')
    expect((dialog.find('input[id$="-edit-name"]').element as HTMLInputElement).value).toBe('City library')
    wrapper.unmount()
  })

  it('edits and removes a stakeholder from its dialog', async () => {
    const wrapper = mount(StakeholderMap, { props: { id: boardId() }, attachTo: document.body })
    await addStakeholder(wrapper, 'Funder', 5, 2)
    await wrapper.find('.kit-sm-marker').trigger('click')
    await flushPromises()
    const dialog = wrapper.find('dialog')
    await dialog.find('input[id$="-edit-name"]').setValue('Regional funder')
    await dialog.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('.kit-sm-marker').attributes('aria-label')).toMatch(/^\d+\. Regional funder: power 5, interest 2/)
    await wrapper.find('.kit-sm-marker').trigger('click')
    await flushPromises()
    await wrapper.findAll('dialog button').find(b => b.text() === 'Remove')!.trigger('click')
    await flushPromises()
    expect(wrapper.findAll('.kit-sm-marker')).toHaveLength(0)
    expect((dialog.element as HTMLDialogElement).open).toBe(false)
    wrapper.unmount()
  })

  it('keeps an open edit when another tab removes the stakeholder, and says it was not saved rather than adding it back', async () => {
    const wrapper = mount(StakeholderMap, { props: { id: boardId() }, attachTo: document.body })
    await addStakeholder(wrapper, 'Funder', 5, 2)
    await wrapper.find('.kit-sm-marker').trigger('click')
    await flushPromises()
    await wrapper.find('dialog input[id$="-edit-name"]').setValue('Regional funder')
    const scope = effectScope()
    const other = scope.run(() => useExerciseState(wrapper.props('id') as string, stakeholderMap))!
    await vi.waitFor(() => expect(other.data.value.stakeholders).toHaveLength(1))
    other.removeRow('stakeholders', other.data.value.stakeholders[0].id)
    await flushPromises()
    scope.stop()
    expect((wrapper.find('dialog input[id$="-edit-name"]').element as HTMLInputElement).value).toBe('Regional funder')
    await wrapper.find('dialog form').trigger('submit')
    await flushPromises()
    expect(wrapper.findAll('.kit-sm-marker')).toHaveLength(0)
    expect(wrapper.find('[role="alert"]').text()).toContain('Not saved')
    wrapper.unmount()
  })

  it('pages the key rather than shrinking it, and draws every stakeholder on the grid', async () => {
    const wrapper = mount(StakeholderMap, { props: { id: boardId() }, attachTo: document.body })
    for (let i = 1; i <= 12; i++)
      await addStakeholder(wrapper, `S${i}`, (i % 5) + 1, ((i * 2) % 5) + 1)
    expect(wrapper.findAll('.kit-sm-marker')).toHaveLength(12)
    // The key turns to the page of the stakeholder just added.
    expect(wrapper.findAll('ol.kit-sm-names li').map(li => li.text())).toEqual(['11S11', '12S12'])
    expect(wrapper.find('[data-testid="board-pager"]').text()).toContain('11-12 of 12')
    await wrapper.find('[data-testid="board-pager"] button').trigger('click')
    expect(wrapper.findAll('ol.kit-sm-names li')).toHaveLength(10)
    expect(wrapper.find('[data-testid="board-pager"]').text()).toContain('1-10 of 12')
    wrapper.unmount()
  })

  it('moves a dot with the arrow keys and recomputes the quadrant', async () => {
    const wrapper = mount(StakeholderMap, { props: { id: boardId() }, attachTo: document.body })
    await addStakeholder(wrapper, 'Funder', 2, 2)
    const dot = () => wrapper.find('.kit-sm-marker')
    expect(dot().attributes('aria-label')).toContain('Monitor')
    await dot().trigger('keydown', { key: 'ArrowUp' })
    await dot().trigger('keydown', { key: 'ArrowUp' })
    await dot().trigger('keydown', { key: 'ArrowRight' })
    await flushPromises()
    expect(dot().attributes('aria-label')).toBe('1. Funder: power 4, interest 3, Manage closely, borderline')
    wrapper.unmount()
  })

  it('shows participant text as text, never as HTML', async () => {
    const wrapper = mount(StakeholderMap, { props: { id: boardId() }, attachTo: document.body })
    await addStakeholder(wrapper, '<img src=x onerror=alert(1)>', 3, 3)
    expect(wrapper.find('.kit-sm img').exists()).toBe(false)
    expect(wrapper.find('ol.kit-sm-names').text()).toContain('<img src=x onerror=alert(1)>')
    expect(wrapper.find('.kit-sm-marker').attributes('aria-label')).toContain('<img src=x onerror=alert(1)>')
    wrapper.unmount()
  })

  it('refuses a stakeholder out of the limits in the form, naming the field; keeps and flags one from elsewhere', async () => {
    const wrapper = mount(StakeholderMap, { props: { id: boardId() }, attachTo: document.body })
    await addStakeholder(wrapper, 'Fine', 2, 2)
    await addStakeholder(wrapper, 'Too strong', 9, 3, false)
    expect(wrapper.find('dialog[open] [data-testid="field-problem"]').text()).toContain('Power (1-5): a whole number from 1 to 5')
    expect(wrapper.findAll('.kit-sm-marker')).toHaveLength(1)
    // Such a row from elsewhere (another tab, an older kit) is kept, drawn and flagged.
    const scope = effectScope()
    const other = scope.run(() => useExerciseState(wrapper.props('id') as string, stakeholderMap))!
    await vi.waitFor(() => expect(other.editable.value).toBe(true))
    other.addRow('stakeholders', { id: 'strong', name: 'Too strong', category: '', power: 9, interest: 3, currentEngagement: '', preferredChannel: '', relationshipOwner: '' })
    await flushPromises()
    scope.stop()
    expect(wrapper.findAll('.kit-sm-marker')).toHaveLength(2)
    expect(wrapper.find('[data-row] [data-testid="row-issue"]').text()).toMatch(/5/)
    await wrapper.find('[data-testid="board-issues"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('dialog[open]').text()).toMatch(/Power \(1-5\): a whole number from 1 to 5/))
    wrapper.unmount()
  })

  it('undoes the last change and resets only after confirmation', async () => {
    const wrapper = mount(StakeholderMap, { props: { id: boardId() }, attachTo: document.body })
    await addStakeholder(wrapper, 'A', 1, 1)
    await addStakeholder(wrapper, 'B', 5, 5)
    const button = (text: string) => wrapper.findAll('button').find(b => b.text().includes(text))!
    await button('Undo').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('.kit-sm-marker').map(d => d.attributes('aria-label'))).toEqual(['1. A: power 1, interest 1, Monitor'])
    await button('Reset').trigger('click')
    expect(wrapper.findAll('.kit-sm-marker')).toHaveLength(1) // asked, not yet done
    await button('Yes, reset the board').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('.kit-sm-marker')).toHaveLength(0)
    wrapper.unmount()
  })

  it('keeps its state in IndexedDB: a board mounted again (a reload) finds it, another cohort does not', async () => {
    const id = boardId()
    const first = mount(StakeholderMap, { props: { id }, attachTo: document.body })
    await vi.waitFor(() => expect(first.text()).not.toContain('Loading saved work'))
    await addStakeholder(first, 'Survives reloads', 2, 4)
    first.unmount()
    await new Promise(r => setTimeout(r, 50))
    const again = mount(StakeholderMap, { props: { id }, attachTo: document.body })
    await vi.waitFor(() => expect(again.find('ol.kit-sm-names').text()).toContain('Survives reloads'))
    again.unmount()
    const other = mount(StakeholderMap, { props: { id }, attachTo: document.body, global: { provide: { [COHORT_KEY]: 'another-cohort' } } })
    await new Promise(r => setTimeout(r, 50))
    expect(other.text()).not.toContain('Survives reloads')
    other.unmount()
  })

  it('speaks Spanish for a Spanish-speaking cohort: buttons, field names, quadrants', async () => {
    const wrapper = mount(StakeholderMap, { props: { id: boardId() }, attachTo: document.body, global: { provide: { [LANGUAGE_KEY]: 'es' } } })
    await addStakeholder(wrapper, 'Biblioteca', 4, 2)
    await wrapper.get('[data-testid="board-add"]').trigger('click') // the form's field names
    await flushPromises()
    const text = wrapper.text()
    for (const word of ['Deshacer', 'Exportar', 'Importar JSON', 'Vaciar', 'Parte interesada', 'Poder (1-5)', 'Mantener satisfecho'])
      expect(text).toContain(word)
    expect(text).not.toContain('Keep satisfied')
    wrapper.unmount()
  })
})
