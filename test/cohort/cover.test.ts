// @vitest-environment happy-dom
// The title slide of a cohort's deck shows the module's title as the cohort gives it.
import { mount } from '@vue/test-utils'
import { configs } from '../support/slidev-client'
import { afterEach, describe, expect, it } from 'vitest'
import Cover from '../../layouts/cover.vue'

const cohort = { id: 'bogota', name: 'Bogotá 2027', organisation: 'Red', venue: 'Bogotá', timezone: 'America/Bogota', language: 'es', facilitators: [{ name: 'Ana' }], start: '2027-03-04T10:00', values: {} }
const slot = { default: '<h1>Community foundation</h1><p>Module 1 · the upstream tagline</p>' }

afterEach(() => {
  delete configs.cohort
})

describe('the title slide', () => {
  it('shows the cohort\'s title and subtitle for the module, as text, in place of the deck\'s heading', () => {
    configs.cohort = { ...cohort, title: 'Fundamentos <b>de</b> la comunidad', subtitle: 'Historia y propósito' }
    const page = mount(Cover, { slots: slot })
    expect(page.get('[data-testid="cohort-module-title"]').text()).toBe('Fundamentos <b>de</b> la comunidad')
    expect(page.find('[data-testid="cohort-module-title"] b').exists()).toBe(false)
    expect(page.get('.kit-cover-subtitle').text()).toBe('Historia y propósito')
    expect(page.get('.kit-cover-body').classes()).toEqual(expect.arrayContaining(['kit-cover-retitled', 'kit-cover-resubtitled']))
  })

  it('keeps the deck\'s own heading without a cohort title', () => {
    configs.cohort = cohort
    const page = mount(Cover, { slots: slot })
    expect(page.find('[data-testid="cohort-module-title"]').exists()).toBe(false)
    expect(page.get('.kit-cover-body').classes()).not.toContain('kit-cover-retitled')
    expect(page.get('h1').text()).toBe('Community foundation')
  })
})
