// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { expect, it } from 'vitest'
import RoomQuestions from './RoomQuestions.vue'
import { boardReady } from '../../../test/components/board-ready'

it('lists the questions with their upvotes in words; the facilitator types one in and marks it answered, which moves it last', async () => {
  const wrapper = mount(RoomQuestions, { props: { id: 'rq-test' }, attachTo: document.body })
  await boardReady(wrapper)
  expect(wrapper.text()).toContain('No questions yet')
  for (const text of ['Who ratifies <b>it</b>?', 'When is the call?']) {
    await wrapper.get('.kit-rq-add input').setValue(text)
    await wrapper.get('.kit-rq-add').trigger('submit')
    await flushPromises()
  }
  const texts = () => wrapper.findAll('[data-testid="room-question"] .kit-rq-text').map(t => t.text())
  expect(texts()).toEqual(['Who ratifies <b>it</b>?', 'When is the call?'])
  expect(wrapper.find('.kit-rq-list b').exists()).toBe(false)
  expect(wrapper.get('[data-testid="room-question-upvotes"]').text()).toBe('▲ 0 upvotes')
  const mark = wrapper.get('[data-testid="room-question-answered"]')
  expect(mark.attributes('aria-pressed')).toBe('false')
  expect(mark.attributes('aria-label')).toBe('Answered: Who ratifies <b>it</b>?')
  await mark.trigger('click')
  await flushPromises()
  expect(texts()).toEqual(['When is the call?', 'Who ratifies <b>it</b>?'])
  const answered = wrapper.findAll('[data-testid="room-question"]')[1]
  expect(answered.get('button').text()).toBe('✓ Answered')
  expect(answered.get('button').attributes('aria-pressed')).toBe('true')
  wrapper.unmount()
})
