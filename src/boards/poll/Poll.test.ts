// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import Poll from './Poll.vue'
import Scale from '../scale/Scale.vue'
import { boardReady } from '../../../test/components/board-ready'

let n = 0
const counts = (wrapper: ReturnType<typeof mount>) => wrapper.findAll('[data-testid="bar-count"]').map(c => c.text())

describe('the poll board', () => {
  it('shows the slide\'s question and a bar per option, its votes and share in words; +1 and −1 type in a show of hands', async () => {
    const wrapper = mount(Poll, { props: { id: `poll-${++n}`, question: 'Your <b>hope</b>: met?', options: 'Met | Partly | Not yet' }, attachTo: document.body })
    await boardReady(wrapper)
    expect(wrapper.get('[data-testid="poll-question"]').text()).toBe('Your <b>hope</b>: met?')
    expect(wrapper.find('b').exists()).toBe(false)
    expect(wrapper.findAll('.kit-bar-label').map(l => l.text())).toEqual(['Met', 'Partly', 'Not yet'])
    expect(wrapper.get('[data-testid="poll-total"]').text()).toBe('No votes yet.')
    const adds = wrapper.findAll('[data-testid="bar-add"]')
    expect(adds[0].attributes('aria-label')).toBe('+1 vote for Met')
    await adds[0].trigger('click')
    await adds[0].trigger('click')
    await adds[2].trigger('click')
    await flushPromises()
    expect(counts(wrapper)).toEqual(['2 votes · 67%', '0 votes · 0%', '1 vote · 33%'])
    expect(wrapper.get('[data-testid="poll-total"]').text()).toBe('3 votes')
    expect(wrapper.findAll('.kit-bar-fill').map(f => (f.element as HTMLElement).style.width)).toEqual(['66.66666666666667%', '0%', '33.333333333333336%'])
    await wrapper.findAll('[data-testid="bar-remove"]')[0].trigger('click')
    await flushPromises()
    expect(counts(wrapper)).toEqual(['1 vote · 50%', '0 votes · 0%', '1 vote · 50%'])
    expect(wrapper.findAll('[data-testid="bar-remove"]')[1].attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('says what is missing when the slide gives no options', async () => {
    const wrapper = mount(Poll, { props: { id: `poll-${++n}` }, attachTo: document.body })
    await boardReady(wrapper)
    expect(wrapper.get('[data-testid="board-start"]').text()).toBe('This poll has no options: give them on the slide.')
    wrapper.unmount()
  })
})

describe('the 1-5 scale board', () => {
  it('shows the statement, the five points with the slide\'s words at the ends, counts in words and the average', async () => {
    const wrapper = mount(Scale, { props: { id: `scale-${++n}`, statement: 'I could run a consulting round tomorrow.', low: 'not yet', high: 'yes' }, attachTo: document.body })
    await boardReady(wrapper)
    expect(wrapper.findAll('.kit-bar-label').map(l => l.text())).toEqual(['1 · not yet', '2', '3', '4', '5 · yes'])
    const adds = wrapper.findAll('[data-testid="bar-add"]')
    await adds[3].trigger('click')
    await adds[4].trigger('click')
    await flushPromises()
    expect(counts(wrapper)[3]).toBe('1 vote · 50%')
    expect(wrapper.get('[data-testid="scale-total"]').text()).toBe('2 answers · Average 4.5 of 5')
    wrapper.unmount()
  })
})
