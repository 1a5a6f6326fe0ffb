// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import FacetGroup from '../../src/components/filters/FacetGroup.vue'
import type { FacetOption } from '../../src/composables/types'
import FilterChips from '../../src/components/filters/FilterChips.vue'
import { mountWithApp } from './mount'

function option(value: string, count: number, selected = false): FacetOption {
  return { value, label: value, count, selected }
}

describe('FacetGroup', () => {
  it('lists each value with its count and keeps zero-count values visible but disabled', () => {
    const wrapper = mountWithApp(FacetGroup, { props: { title: 'Country', options: [option('Spain', 7), option('Norway', 0)] } })
    const boxes = wrapper.findAll('input[type="checkbox"]')
    expect(boxes).toHaveLength(2)
    expect(wrapper.text()).toContain('Spain')
    expect(wrapper.text()).toContain('7')
    expect((boxes[1]!.element as HTMLInputElement).disabled).toBe(true)
    expect((boxes[0]!.element as HTMLInputElement).disabled).toBe(false)
  })

  it('keeps a selected value enabled even when its count falls to zero, so it can be cleared', () => {
    const wrapper = mountWithApp(FacetGroup, { props: { title: 'Year', options: [option('2014', 0, true)] } })
    const box = wrapper.find('input[type="checkbox"]').element as HTMLInputElement
    expect(box.disabled).toBe(false)
    expect(box.checked).toBe(true)
  })

  it('emits the toggled value', async () => {
    const wrapper = mountWithApp(FacetGroup, { props: { title: 'Country', options: [option('Spain', 7)] } })
    await wrapper.find('input[type="checkbox"]').trigger('change')
    expect(wrapper.emitted('toggle')).toEqual([['Spain']])
  })

  it('collapses a long list to the largest values and expands on request', async () => {
    const options = Array.from({ length: 30 }, (_, i) => option(`City ${String(i).padStart(2, '0')}`, i))
    const wrapper = mountWithApp(FacetGroup, { props: { title: 'City', options } })
    expect(wrapper.findAll('input[type="checkbox"]')).toHaveLength(8)
    expect(wrapper.text()).toContain('City 29')
    expect(wrapper.text()).not.toContain('City 00')
    const more = wrapper.find('button[aria-expanded="false"]')
    expect(more.text()).toBe('Show all 30')
    await more.trigger('click')
    expect(wrapper.findAll('input[type="checkbox"]')).toHaveLength(30)
  })

  it('names each count for screen readers with the right plural', () => {
    const wrapper = mountWithApp(FacetGroup, { props: { title: 'Country', options: [option('Spain', 1), option('Italy', 2)] } })
    const labels = wrapper.findAll('.count').map(c => c.attributes('aria-label'))
    expect(labels).toEqual(['1 practice', '2 practices'])
  })
})

describe('FilterChips', () => {
  it('shows one removable chip per active filter and a reset button', async () => {
    const wrapper = mountWithApp(FilterChips, { props: { chips: [{ key: 'country:ES', label: 'Spain' }, { key: 'year:2020', label: '2020' }] } })
    const chips = wrapper.findAll('button.chip')
    expect(chips.map(c => c.attributes('aria-label'))).toEqual(['Remove filter: Spain', 'Remove filter: 2020'])
    await chips[1]!.trigger('click')
    expect(wrapper.emitted('remove')).toEqual([['year:2020']])
    await wrapper.find('button.reset').trigger('click')
    expect(wrapper.emitted('reset')).toHaveLength(1)
  })

  it('renders nothing without filters', () => {
    const wrapper = mountWithApp(FilterChips, { props: { chips: [] } })
    expect(wrapper.find('button').exists()).toBe(false)
  })
})
