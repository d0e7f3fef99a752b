// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { stakeholderMap } from '../../src/exercises/stakeholder-map'
import { COHORT_KEY } from '../../src/state/useBoardScope'
import { useExerciseState } from '../../src/state/useExerciseState'
import { LANGUAGE_KEY } from '../../src/state/useLabels'
import StakeholderMap from '../../components/StakeholderMap.vue'
import { boardReady, openAddForm } from './board-ready'

let n = 0
const boardId = () => `test-stakeholders-${++n}`

async function addStakeholder(wrapper: ReturnType<typeof mount>, name: string, power: number, interest: number) {
  await boardReady(wrapper)
  const form = await openAddForm(wrapper)
  await form.find('input[id$="-new-name"]').setValue(name)
  await form.find('input[id$="-new-power"]').setValue(power)
  await form.find('input[id$="-new-interest"]').setValue(interest)
  await form.trigger('submit')
  await flushPromises()
}

describe('StakeholderMap', () => {
  it('adds a stakeholder from the form and shows its computed quadrant and approach', async () => {
    const wrapper = mount(StakeholderMap, { props: { id: boardId() }, attachTo: document.body })
    await addStakeholder(wrapper, 'City library', 4, 2)
    const rows = wrapper.find('ul.kit-rows').text()
    expect(rows).toContain('City library')
    expect(rows).toContain('Keep satisfied')
    expect(wrapper.find('.kit-dot').attributes('aria-label')).toBe('City library: power 4, interest 2, Keep satisfied')
    wrapper.unmount()
  })

  it('moves a dot with the arrow keys and recomputes the quadrant', async () => {
    const wrapper = mount(StakeholderMap, { props: { id: boardId() }, attachTo: document.body })
    await addStakeholder(wrapper, 'Funder', 2, 2)
    const dot = () => wrapper.find('.kit-dot')
    expect(dot().attributes('aria-label')).toContain('Monitor')
    await dot().trigger('keydown', { key: 'ArrowUp' })
    await dot().trigger('keydown', { key: 'ArrowUp' })
    await dot().trigger('keydown', { key: 'ArrowRight' })
    await flushPromises()
    expect(dot().attributes('aria-label')).toBe('Funder: power 4, interest 3, Manage closely, borderline')
    wrapper.unmount()
  })

  it('shows participant text as text, never as HTML', async () => {
    const wrapper = mount(StakeholderMap, { props: { id: boardId() }, attachTo: document.body })
    await addStakeholder(wrapper, '<img src=x onerror=alert(1)>', 3, 3)
    expect(wrapper.find('ul.kit-rows img').exists()).toBe(false)
    expect(wrapper.find('ul.kit-rows').text()).toContain('<img src=x onerror=alert(1)>')
    wrapper.unmount()
  })

  it('keeps a row that breaks the limits, flagged with what is wrong, beside the others', async () => {
    const wrapper = mount(StakeholderMap, { props: { id: boardId() }, attachTo: document.body })
    await addStakeholder(wrapper, 'Fine', 2, 2)
    // The form refuses it, naming the field …
    await addStakeholder(wrapper, 'Too strong', 9, 3)
    expect(wrapper.find('dialog[open] [data-testid="field-problem"]').text()).toContain('Power (1-5): a whole number from 1 to 5')
    expect(wrapper.findAll('.kit-dot')).toHaveLength(1)
    // … but such a row from elsewhere (another tab, an older kit) is kept and flagged.
    const scope = effectScope()
    const other = scope.run(() => useExerciseState(wrapper.props('id') as string, stakeholderMap))!
    await vi.waitFor(() => expect(other.editable.value).toBe(true))
    other.addRow('stakeholders', { id: 'strong', name: 'Too strong', category: '', power: 9, interest: 3, currentEngagement: '', preferredChannel: '', relationshipOwner: '' })
    await flushPromises()
    scope.stop()
    expect(wrapper.findAll('.kit-dot')).toHaveLength(2)
    expect(wrapper.find('[data-row] [data-testid="row-issue"]').text()).toMatch(/5/)
    // What is wrong names the field by its label, not by an internal path.
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
    expect(wrapper.findAll('.kit-dot').map(d => d.text())).toEqual(['● A'])
    await button('Reset').trigger('click')
    expect(wrapper.findAll('.kit-dot')).toHaveLength(1) // asked, not yet done
    await button('Yes, reset the board').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('.kit-dot')).toHaveLength(0)
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
    await vi.waitFor(() => expect(again.find('ul.kit-rows').text()).toContain('Survives reloads'))
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
