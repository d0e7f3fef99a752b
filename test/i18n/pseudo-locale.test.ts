// @vitest-environment happy-dom
// The pseudo-locale `xx` (every catalogue text wrapped in ⟦ ⟧ and lengthened) renders every
// board of the registry, with participants' rows on it, the join page's forms, a worksheet and
// the landing page: any English left on screen did not come through the catalogue.
import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type Component, reactive, ref, shallowRef } from 'vue'
import { BOARDS } from '../../src/boards'
import { validate } from '../../src/boards/kit/board'
import { liveBoard, liveKinds } from '../../src/live/adapters'
import BoardForm from '../../src/live/join/BoardForm.vue'
import type { LiveSession } from '../../src/live/join/connection'
import IdeaVoteForm from '../../src/live/join/IdeaVoteForm.vue'
import RoomQuestionsForm from '../../src/live/join/RoomQuestionsForm.vue'
import type { BoardFormView } from '../../src/live/protocol'
import { KIT_NAME } from '../../src/content/licence'
import { renderWorksheet } from '../../src/handouts/worksheets'
import { translate } from '../../src/i18n/labels'
import { importBoard, initBoardDoc } from '../../src/board-doc'
import { LocalStore } from '../../src/state/local-store'
import { documentName } from '../../src/state/useExerciseState'
import { LANGUAGE_KEY } from '../../src/state/useLabels'
import { installPseudoLocale, pseudo, PSEUDO, pseudoJoinWords, stringsIn, untranslated } from '../support/pseudo-locale'
import { boardReady } from '../components/board-ready'

const views = import.meta.glob<Component>('../../src/boards/*/*.vue', { eager: true, import: 'default' })

let n = 0

/** Participants' rows on each board (its registry entry's `samples.rows`): their own words start with "Qz", so the check can tell them apart. */
function sampleData(kind: string) {
  const entry = BOARDS.find(b => b.def.kind === kind)!
  const data = { ...entry.def.empty(), ...entry.samples.rows }
  expect(validate(entry.def, data), `${kind}'s sample rows`).toMatchObject({ ok: true })
  return { def: entry.def, data, userText: stringsIn(data).filter(s => s.startsWith('Qz')) }
}

/** A participant's phone, as the join page's forms see it: the form the server describes, a row on the board, one of the participant's own waiting for approval. */
function phone(kind: string, current: { boardId: string, kind: string, title: string }) {
  const { def, data, userText } = sampleData(kind)
  const doc = new Y.Doc()
  initBoardDoc(doc, def)
  importBoard(doc, def, data)
  const out = new Y.Doc()
  liveBoard(kind)?.project(doc, out, PSEUDO)
  const raw = out.getMap<unknown>('meta').get('form')
  const form = typeof raw === 'string' ? JSON.parse(raw) as BoardFormView : undefined
  const rows = Object.fromEntries((form?.lists ?? []).map(l => [l.key, ((data as Record<string, unknown>)[l.key] as Record<string, unknown>[] | undefined ?? []).slice(0, 1).map((r, i) => ({ id: String(r.id), by: 'Qz Ana', order: i, fields: r }))]))
  const mine = Object.fromEntries(Object.entries(rows).map(([key, list]) => [key, list.map(r => ({ id: r.id, status: 'pending', row: r.fields }))]))
  const live = {
    name: ref('Qz Ana'), status: ref('connected'), session: reactive({ title: 'Qz workshop', language: PSEUDO, names: true }), current: shallowRef(current), viewing: shallowRef(current),
    boardMeta: reactive({ locked: false }),
    board: shallowRef({ form, rows, roles: kind === 'raci-matrix' ? [{ id: 'r1', name: 'Qz host' }] : [], cells: {}, sections: {} }),
    boardMine: shallowRef({ lists: mine, cells: {}, left: { votes: 2 } }), outbox: ref([]), notice: shallowRef(undefined), sendingIds: ref(new Set<string>()),
    contribute: () => {}, newId: () => 'id-1',
  }
  return { live: live as unknown as LiveSession, userText: [...userText, 'Qz Ana', 'Qz workshop', current.title] }
}

/** Saves a board with rows on it where the board will read it, as an earlier session would have. */
async function seed(kind: string, boardId: string): Promise<string[]> {
  const { def, data, userText } = sampleData(kind)
  const doc = new Y.Doc()
  const store = new LocalStore(documentName('default', boardId), doc)
  await store.loaded
  initBoardDoc(doc, def)
  expect(importBoard(doc, def, data)).toMatchObject({ ok: true })
  await store.whenSaved()
  store.destroy()
  return userText
}

beforeAll(() => installPseudoLocale())

describe('the pseudo-locale', () => {
  it('wraps and lengthens, keeping placeholders', () => {
    expect(pseudo('Add a role')).toBe('⟦Ädd ä rölé~~~~⟧')
    expect(translate('{n} minutes', PSEUDO, 3)).toBe('⟦3 mïnütés~~~~⟧')
  })

  it('sees English that bypassed the catalogue (the check itself)', async () => {
    const boardId = `pseudo-control-${++n}`
    const data = await seed('channel-audit', boardId)
    const wrapper = mount(views['../../src/boards/channel-audit/ChannelAudit.vue'], { props: { id: boardId }, attachTo: document.body, global: { provide: { [LANGUAGE_KEY]: 'en' } } })
    await boardReady(wrapper)
    expect(untranslated(wrapper.element, data)).toEqual(expect.arrayContaining(['Channel audit', 'Undo']))
    wrapper.unmount()
    const page = new DOMParser().parseFromString(renderWorksheet({ boardId, kind: 'channel-audit', language: 'en', moduleName: 'Qz', exerciseTitle: 'Qz' }), 'text/html')
    expect(untranslated(page.body, [KIT_NAME]).length).toBeGreaterThan(5)
  })
})

describe.each(BOARDS.map(b => [b.component, b.def.kind] as const))('%s in the pseudo-locale', (component, kind) => {
  it('shows no English that did not come through the catalogue', async () => {
    const view = views[`../../src/boards/${kind}/${component}.vue`]
    expect(view, `src/boards/${kind}/${component}.vue`).toBeDefined()
    const boardId = `pseudo-${kind}-${++n}`
    const data = await seed(kind, boardId)
    const wrapper = mount(view, { props: { id: boardId }, attachTo: document.body, global: { provide: { [LANGUAGE_KEY]: PSEUDO } } })
    await boardReady(wrapper)
    await flushPromises()
    for (const d of data.slice(0, 1))
      expect(wrapper.text()).toContain(d)
    expect(untranslated(wrapper.element, [...data, boardId])).toEqual([])
    // The form a row is added with, where the board has one.
    const add = wrapper.find('[data-testid="board-add"]')
    if (add.exists()) {
      await add.trigger('click')
      await flushPromises()
      expect(wrapper.find('dialog[open]').exists()).toBe(true)
      expect(untranslated(wrapper.element, [...data, boardId])).toEqual([])
    }
    wrapper.unmount()
  })
})

describe('the join page in the pseudo-locale', () => {
  it('has every word of the phone in the catalogue', () => {
    const w = pseudoJoinWords()
    for (const [key, value] of Object.entries(w)) {
      const text = typeof value === 'function' ? (value as (x: never) => string)(2 as never) : value
      expect(untranslatedText(text), key).toEqual([])
    }
  })

  it.each(liveKinds().map(kind => [kind]))('%s: the phone\'s form shows no English that did not come through the catalogue', async (kind) => {
    const entry = BOARDS.find(b => b.def.kind === kind)!
    const { live, userText } = phone(kind, { boardId: entry.defaultId, kind, title: pseudo(entry.def.title) })
    const wrapper = mount(kind === 'idea-vote' ? IdeaVoteForm : kind === 'room-questions' ? RoomQuestionsForm : BoardForm, { props: { live, w: pseudoJoinWords() }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.text().length).toBeGreaterThan(20)
    expect(untranslated(wrapper.element, userText)).toEqual(KNOWN_GAPS[kind] ?? [])
    wrapper.unmount()
  })
})

/**
 * What the check still finds, to be fixed where it is said (src/i18n/README.md, "What is left").
 * The RACI board's starter activities are stored in English; the laptop shows them through t(),
 * the server's projection (src/live/list-board.ts) sends them to phones as stored.
 */
const KNOWN_GAPS: Record<string, string[]> = { 'raci-matrix': ['Onboarding'] }

function untranslatedText(text: string): string[] {
  const p = document.createElement('p')
  p.textContent = text
  return untranslated(p)
}

describe('a worksheet in the pseudo-locale', () => {
  it.each(BOARDS.map(b => [b.def.kind, b.defaultId]))('%s: every word on the page comes through the catalogue', (kind, boardId) => {
    const html = renderWorksheet({ boardId, kind, language: PSEUDO, moduleName: 'Qz module', exerciseTitle: 'Qz exercise' })
    const page = new DOMParser().parseFromString(html, 'text/html')
    // The kit's name is a name, kept as it is in every language.
    expect(untranslated(page.body, ['Qz module', 'Qz exercise', boardId, KIT_NAME])).toEqual([])
  })
})
