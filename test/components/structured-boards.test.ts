// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { COHORT_KEY } from '../../src/state/useBoardScope'
import ChannelAudit from '../../components/ChannelAudit.vue'
import CharterBuilder from '../../components/CharterBuilder.vue'
import MountainOfEngagement from '../../components/MountainOfEngagement.vue'
import RaciMatrix from '../../components/RaciMatrix.vue'
import { boardReady, openAddForm } from './board-ready'

let n = 0
const uid = (p: string) => `${p}-${++n}`

describe('RaciMatrix', () => {
  it('adds roles, sets cells with selects and shows the checks in words', async () => {
    const w = mount(RaciMatrix, { props: { id: uid('raci') }, attachTo: document.body })
    await boardReady(w)
    for (const role of ['Manager', 'Chair']) {
      await w.find('input[id$="-new-role"]').setValue(role)
      await w.findAll('form')[0].trigger('submit')
      await flushPromises()
    }
    expect(w.findAll('thead th').map(t => t.text())).toEqual(['Activity', 'Manager ×', 'Chair ×', 'Check'])
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

  it('removing a role also clears its cells', async () => {
    const w = mount(RaciMatrix, { props: { id: uid('raci') }, attachTo: document.body })
    await boardReady(w)
    await w.find('input[id$="-new-role"]').setValue('Solo')
    await w.findAll('form')[0].trigger('submit')
    await flushPromises()
    await w.find('select[aria-label="Onboarding, Solo"]').setValue('A')
    await w.find('button[aria-label="Remove Solo"]').trigger('click')
    await flushPromises()
    expect(w.findAll('select')).toHaveLength(0)
    w.unmount()
  })
})

describe('MountainOfEngagement', () => {
  it('places a persona, moves it with the arrow keys, counts per stage and plans its steps', async () => {
    const w = mount(MountainOfEngagement, { props: { id: uid('mtn') }, attachTo: document.body })
    await boardReady(w)
    const form = await openAddForm(w)
    await form.find('[id$="-new-name"]').setValue('Priya <i>x</i>')
    await form.find('[id$="-new-currentStage"]').setValue('discovery')
    await form.find('[id$="-new-targetStage"]').setValue('participation')
    await form.trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="mountain-count-discovery"]').text()).toBe('1')
    const chip = () => w.find('.kit-persona')
    expect(chip().attributes('aria-label')).toBe('Priya <i>x</i>: now Discovery, target Participation, 2 steps to plan')
    await chip().trigger('keydown', { key: 'ArrowUp' })
    await flushPromises()
    expect(w.find('[data-testid="mountain-count-discovery"]').text()).toBe('0')
    expect(w.find('[data-testid="mountain-count-first-contact"]').text()).toBe('1')
    await chip().trigger('keydown', { key: 'Enter' })
    const inputs = w.find('[data-testid="steps-editor"]').findAll('input')
    expect(inputs).toHaveLength(3)
    for (const [i, v] of ['no mentor', 'buddy scheme', 'Ana'].entries()) {
      await inputs[i].setValue(v)
      await inputs[i].trigger('blur') // leaving the field saves at once; typing saves within 250 ms
    }
    await flushPromises()
    expect(chip().attributes('aria-label')).toBe('Priya <i>x</i>: now First contact, target Participation')
    expect(w.find('.kit-persona i').exists()).toBe(false)
    w.unmount()
  })
})

describe('MountainOfEngagement steps', () => {
  it('saves text typed for one persona to that persona, even when another is selected at once', async () => {
    const w = mount(MountainOfEngagement, { props: { id: uid('mtn') }, attachTo: document.body })
    await boardReady(w)
    for (const name of ['Ana', 'Ben']) {
      const form = await openAddForm(w)
      await form.find('[id$="-new-name"]').setValue(name)
      await form.find('[id$="-new-currentStage"]').setValue('discovery')
      await form.find('[id$="-new-targetStage"]').setValue('first-contact')
      await form.trigger('submit')
      await flushPromises()
    }
    const chip = (name: string) => w.findAll('.kit-persona').find(c => c.text().startsWith(name))!
    await chip('Ana').trigger('click')
    await w.find('[data-testid="steps-editor"] input').setValue('no mentor') // typed, not yet saved
    await chip('Ben').trigger('click')
    await flushPromises()
    expect((w.find('[data-testid="steps-editor"] input').element as HTMLInputElement).value).toBe('')
    await chip('Ana').trigger('click')
    await flushPromises()
    expect((w.find('[data-testid="steps-editor"] input').element as HTMLInputElement).value).toBe('no mentor')
    w.unmount()
  })
})

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
    await vi.waitFor(() => expect(w.find('.kit-charter-offer:last-of-type').text()).toContain('Forum'))
    await w.find('input[id$="-with"]').setValue('librarians')
    await w.find('input[id$="-do"]').setValue('run data clinics')
    // The preview follows each key; the board has it within 250 ms, without leaving the field.
    expect(w.find('[data-testid="mission-sentence"]').text()).toBe('Mission: With librarians, we run data clinics.')
    await w.find('.kit-charter-offer:last-of-type input[type="checkbox"]').setValue(true)
    await flushPromises()
    expect(w.find('[data-testid="charter-preview"]').text()).toContain('Channels: Forum')
    w.unmount()
    await new Promise(r => setTimeout(r, 50))
    const again = mount(CharterBuilder, { global: { provide }, attachTo: document.body })
    await boardReady(again)
    await vi.waitFor(() => expect((again.find('input[id$="-with"]').element as HTMLInputElement).value).toBe('librarians'))
    again.unmount()
    channels.unmount()
  })

  it('imports earlier boards\' exports by file, adding to what is typed and naming a wrong file', async () => {
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const dir = join(__dirname, '../../examples/lanternfish')
    const w = mount(CharterBuilder, { props: { id: uid('charter') }, attachTo: document.body })
    await boardReady(w)
    await w.find('input[id$="-c-who"]').setValue('Our funder')
    await w.find('input[id$="-c-who"]').trigger('blur')
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
    await vi.waitFor(() => expect(w.find('[data-testid="charter-thread-results"]').text()).toContain('holiday.json: not an export'))
    await flushPromises()
    const preview = w.find('[data-testid="charter-preview"]').text()
    expect(preview).toContain('Lead maintainer')
    expect((w.find('input[id$="-c-who"]').element as HTMLInputElement).value).toMatch(/^Our funder, /)
    expect(w.findAll('.kit-rows li').length).toBeGreaterThan(0)
    w.unmount()
  })

  it('flags a code of conduct link that is not a web address, and still saves every other field', async () => {
    const id = uid('charter')
    const w = mount(CharterBuilder, { props: { id }, attachTo: document.body })
    await boardReady(w)
    await w.find('input[id$="-coc"]').setValue('javascript:alert(1)')
    await w.find('input[id$="-coc"]').trigger('blur')
    await w.find('input[id$="-licence"]').setValue('CC BY 4.0')
    await w.find('input[id$="-licence"]').trigger('blur')
    await flushPromises()
    expect(w.find('[data-testid="coc-problem"]').text()).toMatch(/Code of conduct link: must be a web address starting with https/)
    expect(w.find('input[id$="-coc"]').attributes('aria-invalid')).toBe('true')
    w.unmount()
    await new Promise(r => setTimeout(r, 50))
    const again = mount(CharterBuilder, { props: { id }, attachTo: document.body })
    await boardReady(again)
    expect((again.find('input[id$="-licence"]').element as HTMLInputElement).value).toBe('CC BY 4.0')
    expect((again.find('input[id$="-coc"]').element as HTMLInputElement).value).toBe('javascript:alert(1)')
    again.unmount()
  })
})
