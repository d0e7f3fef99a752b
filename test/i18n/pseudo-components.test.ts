// @vitest-environment happy-dom
// The deck's own tags (components/: diagrams, steps, timers, agenda, objectives) in the
// pseudo-locale `xx`: what they draw around the deck's words comes through the catalogue.
import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Component } from 'vue'
import * as frameworks from '../../src/diagrams/frameworks'
import { LANGUAGE_KEY } from '../../src/state/useLabels'
import { installPseudoLocale, PSEUDO, untranslated } from '../support/pseudo-locale'

const components = import.meta.glob<Component>('../../components/**/*.vue', { eager: true, import: 'default' })

/** Drawn only inside a running deck (presenter view, a live session, a deck's slides): the site tests see them. */
const ONLY_IN_A_DECK = ['ActivityClock.vue', 'LiveFollow.vue', 'NotesSwitch.vue', 'PaceCoach.vue', 'PresenterNext.vue']
/** Drawn only in a live session's presenter view: test/i18n/pseudo-live-components.test.ts mounts them in one. */
const ONLY_IN_A_LIVE_SESSION = ['LiveFollowSession.vue', 'LiveStatus.vue']
/** Parts of the diagrams, mounted through them. */
const PARTS = ['diagrams/DiagramFigure.vue', 'diagrams/DiagramLabel.vue']

/** The titles of the works the diagrams credit (in italics): names, kept as published. */
const WORKS = Object.values(frameworks).flatMap(v => (v && typeof v === 'object' && 'credit' in v && Array.isArray(v.credit) ? v.credit : []))
  .flatMap(part => (typeof part === 'object' && part && 'em' in part ? [String(part.em)] : []))

beforeAll(() => installPseudoLocale())

const names = Object.keys(components).map(path => path.replace('../../components/', '')).filter(n => !PARTS.includes(n))

describe.each(names.map(n => [n]))('%s in the pseudo-locale', (name) => {
  it('draws no English of its own', async () => {
    const wrapper = mount(components[`../../components/${name}`], { props: { minutes: 5, id: `pseudo-${name}` }, attachTo: document.body, global: { provide: { [LANGUAGE_KEY]: PSEUDO } } })
    await flushPromises()
    if (ONLY_IN_A_DECK.includes(name) || ONLY_IN_A_LIVE_SESSION.includes(name)) {
      expect(wrapper.element.nodeType, `${name} draws here: check it`).not.toBe(1)
    }
    else {
      expect(untranslated(wrapper.element, WORKS)).toEqual([])
    }
    wrapper.unmount()
  })
})
