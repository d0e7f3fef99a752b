// @vitest-environment happy-dom
// The presenter view's live tags (LiveFollowSession.vue, LiveStatus.vue) in the pseudo-locale
// `xx`: they draw only in a live session's presenter view, so the live client is replaced by one
// with a session, a problem, a burst of joins and joining closed; all they say of their own
// comes through the catalogue (the server's problem text is the server's).
import { flushPromises, mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { computed, ref } from 'vue'
import LiveFollowSession from '../../components/LiveFollowSession.vue'
import LiveStatus from '../../components/LiveStatus.vue'
import { LANGUAGE_KEY } from '../../src/state/useLabels'
import { installPseudoLocale, PSEUDO, untranslated } from '../support/pseudo-locale'

const PROBLEM = 'Qz store unreachable'

vi.mock('../../src/live/client', () => ({
  BURST_NOTICE: 20,
  useFollowSlides: () => {},
  openSessionBoard: () => {},
  useRoomQuestionsOnScreen: () => ({ shown: computed(() => false), toggle: () => {} }),
  ROOM_QUESTIONS_ID: 'room-questions',
  useLiveSession: () => ({
    enabled: true,
    joinUrl: 'http://192.0.2.1:4321/j/qz',
    token: 'qz-token',
    joined: computed(() => 7),
    connected: computed(() => true),
    problems: computed(() => [PROBLEM]),
  }),
  useAdmission: () => ({
    enabled: true,
    joining: ref('closed'),
    newLastMinute: ref(21),
    refused: ref(3),
    setJoining: () => {},
  }),
}))

beforeAll(() => installPseudoLocale())

// The presenter view's window (the stand-in's useNav reads the path, as Slidev's routes do).
beforeAll(() => history.replaceState(null, '', '/presenter/1'))

describe.each([['LiveFollowSession.vue', LiveFollowSession], ['LiveStatus.vue', LiveStatus]] as const)('%s in a live session, in the pseudo-locale', (name, component) => {
  it('draws no English of its own', async () => {
    const wrapper = mount(component, { attachTo: document.body, global: { provide: { [LANGUAGE_KEY]: PSEUDO } } })
    await flushPromises()
    expect(wrapper.element.nodeType, `${name} draws in a live session's presenter view`).toBe(1)
    expect(wrapper.text()).toContain('⟦')
    expect(untranslated(wrapper.element, [PROBLEM, 'http://192.0.2.1:4321/j/qz', 'qz-token'])).toEqual([])
    wrapper.unmount()
  })
})

describe('LiveStatus.vue in a live session', () => {
  it('says the counts by the catalogue: 21 new, 3 turned away, joining closed', async () => {
    const wrapper = mount(LiveStatus, { global: { provide: { [LANGUAGE_KEY]: 'es' } } })
    await flushPromises()
    expect(wrapper.get('[data-testid="live-burst"]').text()).toContain('Nuevas en el último minuto: 21')
    expect(wrapper.get('[data-testid="live-burst"]').text()).toContain('Rechazadas: 3')
    expect(wrapper.get('[data-testid="live-problems"]').text()).toContain(PROBLEM)
    expect(wrapper.get('[data-testid="live-joining"]').text()).toBe('Abrir la entrada')
    wrapper.unmount()
  })
})
