// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { COHORT_KEY } from '../../src/state/useBoardScope'
import BoardDialog from '../../src/boards/ui/BoardDialog.vue'
import ChannelAudit from '../../src/boards/channel-audit/ChannelAudit.vue'
import CharterBuilder from '../../src/boards/charter-builder/CharterBuilder.vue'
import MountainOfEngagement from '../../src/boards/mountain-of-engagement/MountainOfEngagement.vue'
import RaciMatrix from '../../src/boards/raci-matrix/RaciMatrix.vue'
import { boardReady, openAddForm } from './board-ready'
import * as Y from 'yjs'
import { exportJson } from '../../src/boards/kit/board'
import { charterBuilder } from '../../src/boards/charter-builder/model'
import { stakeholderMap } from '../../src/boards/stakeholder-map/model'
import { addRow, initBoardDoc } from '../../src/board-doc'
import { LocalStore } from '../../src/state/local-store'
import { documentName } from '../../src/state/useExerciseState'

let n = 0
const uid = (p: string) => `${p}-${++n}`

// "+ Role" opens the entry dialog; its form adds the role as a column.
async function addRole(w: ReturnType<typeof mount>, name: string) {
  await w.find('[data-testid="board-add"]').trigger('click')
  await flushPromises()
  const dialog = w.find('dialog')
  expect((dialog.element as HTMLDialogElement).open).toBe(true)
  await dialog.find('input[id$="-roles-new-name"]').setValue(name)
  await dialog.find('form').trigger('submit')
  await flushPromises()
  expect((dialog.element as HTMLDialogElement).open).toBe(false)
}

describe('RaciMatrix', () => {
  it('shows how to start and no flags before anything is filled', async () => {
    const w = mount(RaciMatrix, { props: { id: uid('raci') }, attachTo: document.body })
    await boardReady(w)
    expect(w.find('[data-testid="board-start"]').text()).toContain('Add the roles in your community first')
    // The starter activities are said before the first role brings them into view.
    expect(w.find('[data-testid="board-start"]').text()).toContain('Six common activities')
    expect(w.findAll('.kit-flag')).toHaveLength(0)
    await addRole(w, 'Manager')
    expect(w.find('[data-testid="board-start"]').exists()).toBe(false)
    expect(w.findAll('.kit-flag')).toHaveLength(0) // roles but no letter yet: still untouched
    w.unmount()
  })

  it('names its starter activities, clears the untouched ones in one click, and says where a new activity went', async () => {
    const w = mount(RaciMatrix, { props: { id: uid('raci') }, attachTo: document.body })
    await boardReady(w)
    await addRole(w, 'Manager')
    expect(w.find('[data-testid="raci-starters"]').text()).toContain('Onboarding, Community calls, Moderation')
    // A starter the facilitator uses is theirs now: it keeps its row.
    await w.find('select[aria-label="Moderation, Manager"]').setValue('A')
    await flushPromises()
    expect(w.find('[data-testid="raci-starters"]').text()).not.toContain('Moderation')
    // A facilitator demonstrating adds their own activity: it lands on page 2, and the board says so.
    await w.find('[data-testid="board-add-activity"]').trigger('click')
    await flushPromises()
    await w.find('dialog input[id$="-activities-new-name"]').setValue('Release notes')
    await w.find('dialog form').trigger('submit')
    await flushPromises()
    expect(w.text()).toMatch(/Added\.? Release notes \(Activities: 2 \/ 2\)/)
    // The untouched starters go in one click.
    await w.findAll('button').find(b => b.text() === 'Remove the starter activities')!.trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="raci-starters"]').exists()).toBe(false)
    expect(w.findAll('tbody th').map(t => t.text())).toEqual(['Moderation', 'Release notes'])
    w.unmount()
  })

  it('adds roles, sets cells with selects and shows the checks in words', async () => {
    const w = mount(RaciMatrix, { props: { id: uid('raci') }, attachTo: document.body })
    await boardReady(w)
    for (const role of ['Manager', 'Chair'])
      await addRole(w, role)
    expect(w.findAll('thead th').map(t => t.text())).toEqual(['Activity', 'Manager', 'Chair', 'Check'])
    const select = (label: string) => w.find(`select[aria-label="${label}"]`)
    await select('Onboarding, Manager').setValue('R')
    await select('Onboarding, Chair').setValue('A')
    await flushPromises()
    expect(w.find('[data-testid="raci-check-act-onboarding"]').text()).toBe('✓ OK')
    expect(w.find('[data-testid="raci-check-act-calls"]').text()).toContain('no A; no R')
    await select('Moderation, Chair').setValue('A')
    await flushPromises()
    expect(w.find('[data-testid="raci-overload"]').text()).toContain('Chair holds 100% of the A\'s')
    w.unmount()
  })

  it('renames a role in its dialog; removing it also clears its cells', async () => {
    const w = mount(RaciMatrix, { props: { id: uid('raci') }, attachTo: document.body })
    await boardReady(w)
    await addRole(w, 'Solo')
    await w.find('select[aria-label="Onboarding, Solo"]').setValue('A')
    await w.find('button[aria-label="Edit Solo"]').trigger('click')
    await flushPromises()
    const dialog = w.find('dialog')
    await dialog.find('input[id$="-roles-edit-name"]').setValue('Lead')
    await dialog.find('form').trigger('submit')
    await flushPromises()
    expect((w.find('select[aria-label="Onboarding, Lead"]').element as HTMLSelectElement).value).toBe('A')
    await w.find('button[aria-label="Edit Lead"]').trigger('click')
    await flushPromises()
    await w.findAll('dialog button').find(b => b.text() === 'Remove')!.trigger('click')
    await flushPromises()
    expect(w.findAll('select')).toHaveLength(0)
    w.unmount()
  })

  it('pages activities rather than shrinking them', async () => {
    const w = mount(RaciMatrix, { props: { id: uid('raci') }, attachTo: document.body })
    await boardReady(w)
    await addRole(w, 'Manager')
    await w.find('[data-testid="board-add-activity"]').trigger('click')
    await flushPromises()
    await w.find('dialog input[id$="-activities-new-name"]').setValue('Seventh')
    await w.find('dialog form').trigger('submit')
    await flushPromises()
    // The matrix turns to the page of the activity just added.
    expect(w.findAll('tbody th').map(th => th.text())).toEqual(['Seventh'])
    const pager = w.find('[aria-label="Activities"] [data-testid="board-pager"]')
    expect(pager.text()).toContain('7 of 7')
    await pager.find('button').trigger('click')
    expect(w.findAll('tbody tr')).toHaveLength(6)
    w.unmount()
  })
})

// Add opens the entry dialog; its form puts the persona on the mountain.
async function addPersona(w: ReturnType<typeof mount>, name: string, now: string, target: string) {
  await w.find('[data-testid="board-add"]').trigger('click')
  await flushPromises()
  const dialog = w.find('dialog')
  expect((dialog.element as HTMLDialogElement).open).toBe(true)
  const form = dialog.find('form')
  await form.find('[id$="-new-name"]').setValue(name)
  await form.find('[id$="-new-currentStage"]').setValue(now)
  await form.find('[id$="-new-targetStage"]').setValue(target)
  await form.trigger('submit')
  await flushPromises()
  expect((dialog.element as HTMLDialogElement).open).toBe(false)
}

describe('MountainOfEngagement', () => {
  it('places a persona, moves it with the arrow keys, counts per stage and plans its steps', async () => {
    const w = mount(MountainOfEngagement, { props: { id: uid('mtn') }, attachTo: document.body })
    await boardReady(w)
    expect(w.find('[data-testid="board-start"]').text()).toContain('Add a persona')
    await addPersona(w, 'Priya <i>x</i>', 'discovery', 'participation')
    expect(w.find('[data-testid="board-start"]').exists()).toBe(false)
    expect(w.find('[data-testid="mountain-count-discovery"]').text()).toBe('1')
    const chip = () => w.find('.kit-mtn-note')
    expect(chip().attributes('aria-label')).toBe('Priya <i>x</i>: now Discovery, target Participation, 2 steps to plan')
    await chip().trigger('keydown', { key: 'ArrowUp' })
    await flushPromises()
    expect(w.find('[data-testid="mountain-count-discovery"]').text()).toBe('0')
    expect(w.find('[data-testid="mountain-count-first-contact"]').text()).toBe('1')
    await chip().trigger('click') // a button: Enter, Space or a click opens it
    await flushPromises()
    expect((w.find('dialog').element as HTMLDialogElement).open).toBe(true)
    const inputs = w.find('[data-testid="steps-editor"]').findAll('input')
    expect(inputs).toHaveLength(3)
    for (const [i, v] of ['no mentor', 'buddy scheme', 'Ana'].entries()) {
      await inputs[i].setValue(v)
      await inputs[i].trigger('blur') // leaving the field saves at once; typing saves within 250 ms
    }
    await flushPromises()
    expect(chip().attributes('aria-label')).toBe('Priya <i>x</i>: now First contact, target Participation')
    expect(w.find('.kit-mtn-note i').exists()).toBe(false)
    w.unmount()
  })

  it('edits and removes a persona from its dialog', async () => {
    const w = mount(MountainOfEngagement, { props: { id: uid('mtn') }, attachTo: document.body })
    await boardReady(w)
    await addPersona(w, 'Ana', 'discovery', 'first-contact')
    await w.find('.kit-mtn-note').trigger('click')
    await flushPromises()
    const dialog = w.find('dialog')
    await dialog.find('[id$="-edit-currentStage"]').setValue('leadership')
    await dialog.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="mountain-count-leadership"]').text()).toBe('1')
    await w.find('.kit-mtn-note').trigger('click')
    await flushPromises()
    await w.findAll('dialog button').find(b => b.text() === 'Remove')!.trigger('click')
    await flushPromises()
    expect(w.findAll('.kit-mtn-note')).toHaveLength(0)
    w.unmount()
  })
})

describe('MountainOfEngagement steps', () => {
  it('saves text typed for one persona to that persona, even when the dialog closes at once and another opens', async () => {
    const w = mount(MountainOfEngagement, { props: { id: uid('mtn') }, attachTo: document.body })
    await boardReady(w)
    for (const name of ['Ana', 'Ben'])
      await addPersona(w, name, 'discovery', 'first-contact')
    const chip = (name: string) => w.findAll('.kit-mtn-note').find(c => c.attributes('aria-label')!.startsWith(name))!
    const open = async (name: string) => {
      w.findComponent(BoardDialog).vm.close()
      await flushPromises()
      await chip(name).trigger('click')
      await flushPromises()
    }
    await open('Ana')
    await w.find('[data-testid="steps-editor"] input').setValue('no mentor') // typed, not yet saved
    await open('Ben')
    expect((w.find('[data-testid="steps-editor"] input').element as HTMLInputElement).value).toBe('')
    await open('Ana')
    expect((w.find('[data-testid="steps-editor"] input').element as HTMLInputElement).value).toBe('no mentor')
    w.unmount()
  })
})

// The charter shows one page of its draft at a time; a section opens in the dialog to be written.
async function openSection(w: ReturnType<typeof mount>, page: number, section: string) {
  await w.findAll('.kit-charter-pages button')[page - 1].trigger('click')
  await w.find(`button[data-section="${section}"]`).trigger('click')
  await flushPromises()
  expect((w.find('dialog').element as HTMLDialogElement).open).toBe(true)
}

describe('CharterBuilder', () => {
  it('shows the mission sentence live, offers Module 2 roles and channels, and saves on leaving a field', async () => {
    const cohort = uid('cohort')
    const provide = { [COHORT_KEY]: cohort }
    const channels = mount(ChannelAudit, { global: { provide }, attachTo: document.body })
    await boardReady(channels)
    const form = await openAddForm(channels)
    await form.find('[id$="-new-channel"]').setValue('Forum')
    await form.find('[id$="-new-mode"]').setValue('async')
    await form.trigger('submit')
    await flushPromises()

    const w = mount(CharterBuilder, { global: { provide }, attachTo: document.body })
    await boardReady(w)
    expect(w.find('[data-testid="board-start"]').text()).toContain('Start with the mission')
    await openSection(w, 1, 'mission')
    await w.find('input[id$="-with"]').setValue('librarians')
    await w.find('input[id$="-do"]').setValue('run data clinics')
    // The draft on the slide follows each key; the board has it within 250 ms, without leaving the field.
    expect(w.find('[data-testid="mission-sentence"]').text()).toBe('Mission: With librarians, we run data clinics.')
    expect(w.find('[data-testid="board-start"]').exists()).toBe(false)
    await openSection(w, 4, 'ways')
    await vi.waitFor(() => expect(w.find('.kit-charter-offer:last-of-type').text()).toContain('Forum'))
    await w.find('.kit-charter-offer:last-of-type input[type="checkbox"]').setValue(true)
    await flushPromises()
    expect(w.find('[data-testid="charter-preview"]').text()).toContain('Channels: Forum')
    w.unmount()
    await new Promise(r => setTimeout(r, 50))
    const again = mount(CharterBuilder, { global: { provide }, attachTo: document.body })
    await boardReady(again)
    // It opens at the page the deck was left on (the page is the deck's, useBoardPages).
    expect(again.find('[data-testid="charter-preview"]').attributes('data-page')).toBe('ways')
    await openSection(again, 1, 'mission')
    await vi.waitFor(() => expect(again.find('[data-testid="mission-sentence"]').text()).toContain('librarians'))
    expect((again.find('input[id$="-with"]').element as HTMLInputElement).value).toBe('librarians')
    again.unmount()
    channels.unmount()
  })

  it('imports earlier boards\' exports by file, adding to what is typed and naming a wrong file', async () => {
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const dir = join(__dirname, '../../examples/lanternfish')
    const w = mount(CharterBuilder, { props: { id: uid('charter') }, attachTo: document.body })
    await boardReady(w)
    await openSection(w, 5, 'takeBack')
    await w.find('textarea[id$="-t-with"]').setValue('Our funder')
    await w.find('textarea[id$="-t-with"]').trigger('blur')
    await flushPromises()
    const file = (name: string, text: string) => new File([text], name, { type: 'application/json' })
    const input = w.find('[data-testid="charter-thread"]')
    Object.defineProperty(input.element, 'files', { configurable: true, value: [
      file('m2-board-raci-matrix.json', readFileSync(join(dir, 'm2-board-raci-matrix.json'), 'utf8')),
      file('m2-board-stakeholder-map.json', readFileSync(join(dir, 'm2-board-stakeholder-map.json'), 'utf8')),
      file('m3-board-mountain-of-engagement.json', readFileSync(join(dir, 'm3-board-mountain-of-engagement.json'), 'utf8')),
      file('holiday.json', '{"photos": 3}'),
    ] })
    await input.trigger('change')
    // What each file added, or why it was refused, is said in the dialog.
    await vi.waitFor(() => expect(w.find('dialog [data-testid="charter-thread-results"]').text()).toContain('holiday.json: not an export'))
    await flushPromises()
    await w.findAll('.kit-charter-pages button')[3].trigger('click')
    expect(w.find('[data-testid="charter-preview"]').text()).toContain('Lead maintainer')
    await w.findAll('.kit-charter-pages button')[1].trigger('click')
    expect(w.findAll('[data-section="milestones"] li').length).toBeGreaterThan(0)
    await openSection(w, 5, 'takeBack')
    // The imported map's stakeholders are offered to tick, after what was typed.
    expect((w.find('textarea[id$="-t-with"]').element as HTMLTextAreaElement).value).toMatch(/^Our funder\n/)
    expect(w.find('[data-testid="consult-offer"]').findAll('input:checked').length).toBeGreaterThan(1)
    w.unmount()
  })

  it('flags a code of conduct link that is not a web address, and still saves every other field', async () => {
    const id = uid('charter')
    const w = mount(CharterBuilder, { props: { id }, attachTo: document.body })
    await boardReady(w)
    await openSection(w, 3, 'conduct')
    await w.find('input[id$="-coc"]').setValue('javascript:alert(1)')
    await w.find('input[id$="-coc"]').trigger('blur')
    await flushPromises()
    expect(w.find('[data-testid="coc-problem"]').text()).toMatch(/Code of conduct link: must be a web address starting with https/)
    expect(w.find('input[id$="-coc"]').attributes('aria-invalid')).toBe('true')
    await openSection(w, 5, 'takeBack')
    await w.find('input[id$="-licence"]').setValue('CC BY 4.0')
    await w.find('input[id$="-licence"]').trigger('blur')
    await flushPromises()
    w.unmount()
    await new Promise(r => setTimeout(r, 50))
    const again = mount(CharterBuilder, { props: { id }, attachTo: document.body })
    await boardReady(again)
    await openSection(again, 5, 'takeBack')
    expect((again.find('input[id$="-licence"]').element as HTMLInputElement).value).toBe('CC BY 4.0')
    await openSection(again, 3, 'conduct')
    expect((again.find('input[id$="-coc"]').element as HTMLInputElement).value).toBe('javascript:alert(1)')
    again.unmount()
  })

  it('takes the cohort\'s earlier boards from this browser without files, adding only what is missing', async () => {
    const cohort = uid('cohort')
    const doc = new Y.Doc()
    const store = new LocalStore(documentName(cohort, 'm2-board-stakeholder-map'), doc)
    await store.loaded
    initBoardDoc(doc, stakeholderMap)
    addRow(doc, stakeholderMap, 'stakeholders', { id: 's1', name: 'Host libraries', category: '', power: 5, interest: 5, currentEngagement: '', preferredChannel: '', relationshipOwner: '' })
    await store.whenSaved()
    store.destroy()

    const w = mount(CharterBuilder, { props: { id: uid('charter') }, global: { provide: { [COHORT_KEY]: cohort } }, attachTo: document.body })
    await boardReady(w)
    await openSection(w, 5, 'takeBack')
    // The stored map's stakeholders are offered at once, before anything is taken.
    await vi.waitFor(() => expect(w.find('[data-testid="consult-offer"]').text()).toContain('Host libraries'))
    await w.find('textarea[id$="-t-with"]').setValue('Our members')
    await w.find('textarea[id$="-t-with"]').trigger('blur')
    await flushPromises()
    ;(w.find('dialog').element as HTMLDialogElement).close()
    await w.find('[data-testid="charter-from-browser"]').trigger('click')
    await vi.waitFor(() => expect(w.find('dialog [data-testid="charter-thread-results"]').text()).toContain('Stakeholder map (m2-board-stakeholder-map): Added from stakeholder-map: Host libraries'))
    expect(w.find('[data-testid="charter-not-in-browser"]').text()).toContain('RACI matrix')
    await w.findAll('.kit-charter-pages button')[4].trigger('click')
    expect(w.find('[data-testid="take-back"]').text()).toContain('Our members, Host libraries')
    w.unmount()
  })

  it('asks before Import JSON replaces a filled charter, naming what it would replace, and undoes it', async () => {
    const w = mount(CharterBuilder, { props: { id: uid('charter') }, attachTo: document.body })
    await boardReady(w)
    await openSection(w, 1, 'vision')
    await w.find('input[id$="-vision"]').setValue('Mine')
    await w.find('input[id$="-vision"]').trigger('blur')
    await flushPromises()
    ;(w.find('dialog').element as HTMLDialogElement).close()
    const other = exportJson(charterBuilder, 'x', { ...charterBuilder.empty(), vision: 'Theirs' })
    const pick = async () => {
      const input = w.find('[data-testid="board-import"]')
      Object.defineProperty(input.element, 'files', { configurable: true, value: [new File([other], 'their-charter.json', { type: 'application/json' })] })
      await input.trigger('change')
      await vi.waitFor(() => expect(w.find('[data-testid="board-import-confirm"]').exists()).toBe(true))
    }
    await pick()
    const dialog = w.find('[data-testid="board-import-confirm"]').element.closest('dialog') as HTMLDialogElement
    expect(dialog.open).toBe(true)
    expect(dialog.textContent).toContain('their-charter.json')
    expect(dialog.textContent).toContain('Vision')
    // Cancel: nothing changes.
    const cancel = [...dialog.querySelectorAll('button')].find(b => b.textContent?.trim() === 'Cancel')!
    cancel.click()
    await flushPromises()
    expect(w.find('[data-testid="vision-line"]').text()).toContain('Mine')
    // Yes: replaced, and one click undoes it.
    await pick()
    await w.find('[data-testid="board-import-yes"]').trigger('click')
    await vi.waitFor(() => expect(w.find('[data-testid="vision-line"]').text()).toContain('Theirs'))
    await w.find('[data-testid="board-undo-import"]').trigger('click')
    await vi.waitFor(() => expect(w.find('[data-testid="vision-line"]').text()).toContain('Mine'))
    expect(w.find('[data-testid="board-undo-import"]').exists()).toBe(false)
    w.unmount()
  })

  it('imports a charter into an empty board without asking (nothing to lose)', async () => {
    const w = mount(CharterBuilder, { props: { id: uid('charter') }, attachTo: document.body })
    await boardReady(w)
    const input = w.find('[data-testid="board-import"]')
    Object.defineProperty(input.element, 'files', { configurable: true, value: [new File([exportJson(charterBuilder, 'x', { ...charterBuilder.empty(), vision: 'Theirs' })], 'c.json')] })
    await input.trigger('change')
    await vi.waitFor(() => expect(w.find('[data-testid="vision-line"]').text()).toContain('Theirs'))
    expect(w.find('[data-testid="board-import-confirm"]').exists()).toBe(false)
    w.unmount()
  })
})
