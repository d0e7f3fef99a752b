// @vitest-environment happy-dom
// The idea board without a live session: the facilitator adds ideas and votes by hand, the
// board ranks them, and text stays text. Live, it needs no form: phones contribute.
import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import IdeaVote from './IdeaVote.vue'
import { RENDER_CONTEXT } from '../../slidev/context'
import LiveJoin from '../../../components/LiveJoin.vue'
import { boardReady } from '../../../test/components/board-ready'

describe('IdeaVote', () => {
  it('adds ideas, counts votes by hand and ranks the top ideas', async () => {
    const wrapper = mount(IdeaVote, { props: { id: 'idea-vote-component-1', top: 2 }, attachTo: document.body })
    await boardReady(wrapper)
    for (const text of ['Forum <b>x</b>', 'Meetup', 'Podcast']) {
      await wrapper.find('[data-testid="idea-new"]').setValue(text)
      await wrapper.find('form.kit-ideas-add').trigger('submit')
      await flushPromises()
    }
    const plus = (text: string) => wrapper.findAll('button').find(b => b.text() === `+1: Add a vote: ${text}`)!
    await plus('Meetup').trigger('click')
    await plus('Meetup').trigger('click')
    await plus('Forum <b>x</b>').trigger('click')
    await flushPromises()
    const top = wrapper.findAll('[data-testid="top-idea"]').map(li => li.find('.kit-ideas-text').text())
    // Filled by hand, every idea is listed (ranked) with its vote buttons, past the `top` a live board shows.
    expect(top).toEqual(['Meetup', 'Forum <b>x</b>', 'Podcast'])
    expect(plus('Podcast')).toBeDefined()
    expect(wrapper.find('.kit-ideas-top b').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('more ideas')
    expect(wrapper.find('[data-testid="idea-totals"]').text()).toBe('3 ideas · 3 votes')
    wrapper.unmount()
  })
})

describe('LiveJoin', () => {
  it('outside a live session, shows the room nothing technical and no address', () => {
    const wrapper = mount(LiveJoin)
    expect(wrapper.find('[data-testid="live-join-offline"]').text()).toMatch(/No phone needed/)
    expect(wrapper.text()).not.toMatch(/npm|live --|token/)
    expect(wrapper.find('[data-testid="live-join-url"]').exists()).toBe(false)
  })

  it('outside a live session, tells the presenter view how to start one', () => {
    const wrapper = mount(LiveJoin, { global: { provide: { [RENDER_CONTEXT as symbol]: ref('presenter') } } })
    expect(wrapper.text()).toContain('npm run live')
  })
})

describe('counted nouns', () => {
  it('follow the language\'s plural rules: 1 vote, 2 votes; 1 voto, 2 votos', async () => {
    const { count } = await import('../../i18n/labels')
    expect(count(1, '{n} vote', '{n} votes', 'en')).toBe('1 vote')
    expect(count(0, '{n} vote', '{n} votes', 'en')).toBe('0 votes')
    expect(count(2, '{n} vote', '{n} votes', 'en')).toBe('2 votes')
    expect(count(1, '{n} vote', '{n} votes', 'es')).toBe('1 voto')
    expect(count(3, '+ {n} more idea', '+ {n} more ideas', 'es')).toBe('+ 3 ideas más')
    expect(count(1, '+ {n} more idea', '+ {n} more ideas', 'en')).toBe('+ 1 more idea')
    // The count joined, on the projected board: a person, people.
    expect(count(1, '{n} person joined', '{n} people joined', 'en')).toBe('1 person joined')
    expect(count(30, '{n} person joined', '{n} people joined', 'en')).toBe('30 people joined')
    expect(count(1, '{n} person joined', '{n} people joined', 'es')).toBe('1 persona conectada')
    expect(count(30, '{n} person joined', '{n} people joined', 'es')).toBe('30 personas conectadas')
  })
})
