// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import QuickAnswers from './QuickAnswers.vue'
import { boardReady, openAddForm } from '../../../test/components/board-ready'

let n = 0

async function add(wrapper: ReturnType<typeof mount>, first: string, second = '') {
  await boardReady(wrapper)
  const form = await openAddForm(wrapper)
  await form.get('[id$="-new-first"]').setValue(first)
  await form.get('[id$="-new-second"]').setValue(second)
  await form.trigger('submit')
  await flushPromises()
}

describe('the quick answers board', () => {
  it('shows the answers as a cloud sized by how many gave them, text as text, and as a list with counts for screen readers', async () => {
    const wrapper = mount(QuickAnswers, { props: { id: `quick-${++n}`, prompt: 'Shakiest objective?' }, attachTo: document.body })
    await add(wrapper, 'Open <b>data</b>', 'Care')
    await add(wrapper, '  open <B>DATA</b> ')
    const cloud = wrapper.get('[data-testid="quick-answers-cloud"]')
    const words = cloud.findAll('.kit-qa-words > li')
    expect(words.map(w => [w.get('.kit-qa-text').text(), w.get('.kit-qa-count').text(), w.classes().find(c => c.startsWith('kit-qa-size-'))]))
      .toEqual([['Open <b>data</b>', '2', 'kit-qa-size-5'], ['Care', '1', 'kit-qa-size-1']])
    expect(cloud.find('b').exists()).toBe(false)
    expect(cloud.get('.kit-qa-words').attributes('aria-hidden')).toBe('true')
    expect(wrapper.findAll('[data-testid="quick-answers-list"] li').map(li => li.text())).toEqual(['Open <b>data</b>: 2 people', 'Care: 1 person'])
    expect(wrapper.get('[data-testid="quick-answers-prompt"]').text()).toBe('Shakiest objective?')
    expect(wrapper.get('[data-testid="quick-answers-counts"]').text()).toBe('2 different answers from 2 people')
    wrapper.unmount()
  })

  it('says how to start when empty', async () => {
    const wrapper = mount(QuickAnswers, { props: { id: `quick-${++n}` }, attachTo: document.body })
    await boardReady(wrapper)
    expect(wrapper.get('[data-testid="board-start"]').text()).toBe('Give one to three short answers: a word or a short phrase each.')
    wrapper.unmount()
  })
})
