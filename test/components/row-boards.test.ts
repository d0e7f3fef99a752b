// @vitest-environment happy-dom
// Each list board, mounted: add a row through its form, see the computed text, text stays
// text, remove and undo, and the worksheet in print mode.
import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ChannelAudit from '../../components/ChannelAudit.vue'
import InformationMap from '../../components/InformationMap.vue'
import LifecycleCompass from '../../components/LifecycleCompass.vue'
import OriginTimeline from '../../components/OriginTimeline.vue'
import ValueExchangeLedger from '../../components/ValueExchangeLedger.vue'
import { boardReady } from './board-ready'

let n = 0
type Fill = Record<string, string | number>

const boards: [string, any, Fill, RegExp][] = [
  ['OriginTimeline', OriginTimeline, { title: 'Founded <b>x</b>', date: '2019-03', type: 'founding' }, /founding 1 · milestone 0 · challenge 0 · pivot 0/],
  ['LifecycleCompass', LifecycleCompass, { name: 'Bees <b>x</b>', currentStage: 'potential', targetStage: 'maturing' }, /Potential → Maturing \(forward 2 stages\)/],
  ['ChannelAudit', ChannelAudit, { channel: 'Forum <b>x</b>', mode: 'async' }, /0 synchronous · 1 asynchronous[\s\S]*no owner/],
  ['ValueExchangeLedger', ValueExchangeLedger, { contributionAsked: 'Review <b>x</b>', canDeliver: 'no', costToCommunity: 2, fairness: 2 }, /1 of 1 exchanges flagged[\s\S]*undeliverable[\s\S]*unfair/],
  ['InformationMap', InformationMap, { infoItem: 'Decisions <b>x</b>', flowType: 'transmissive' }, /1 transmissive · 0 transactional[\s\S]*no owner/],
]

async function fill(wrapper: ReturnType<typeof mount>, values: Fill) {
  await boardReady(wrapper)
  const form = wrapper.findAll('form').at(-1)!
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
    expect(wrapper.find('.kit-rows b').exists()).toBe(false)
    expect(wrapper.find('.kit-rows').text()).toContain('<b>x</b>')
    wrapper.unmount()
  })

  it('removes a row, and undo brings it back', async () => {
    const wrapper = mount(Board, { props: { id: `row-board-${++n}` }, attachTo: document.body })
    await fill(wrapper, values)
    await wrapper.find('.kit-rows button[aria-label^="Remove"]').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('.kit-rows [data-row]')).toHaveLength(0)
    await wrapper.findAll('button').find(b => b.text().includes('Undo'))!.trigger('click')
    await flushPromises()
    expect(wrapper.findAll('.kit-rows [data-row]')).toHaveLength(1)
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
    await wrapper.find('[id$="-new-channel"]').setValue('Weekly  call on Fridays')
    // Kept as typed, a quarter of a second after the last key.
    await vi.waitFor(() => expect(Object.keys(localStorage).some(k => k.startsWith('kit-draft:'))).toBe(true))
    wrapper.unmount()
    wrapper = mount(ChannelAudit, { props: { id }, attachTo: document.body })
    await boardReady(wrapper)
    const field = wrapper.find<HTMLInputElement>('[id$="-new-channel"]')
    expect(field.element.value).toBe('Weekly  call on Fridays')
    await wrapper.findAll('form').at(-1)!.trigger('submit')
    await flushPromises()
    await vi.waitFor(() => expect(Object.keys(localStorage).some(k => k.startsWith('kit-draft:'))).toBe(false))
    wrapper.unmount()
  })
})
