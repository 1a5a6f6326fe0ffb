// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import PracticeCard, { type PracticeCardData } from '../../src/components/practice/PracticeCard.vue'
import SaveToggle from '../../src/components/practice/SaveToggle.vue'
import { mountWithApp } from './mount'

function card(overrides: Partial<PracticeCardData> = {}): PracticeCardData {
  return {
    id: 'es-bilbao-anti-rumour-web-app',
    title: 'Anti-Rumour Web App',
    city: 'Bilbao',
    countryName: 'Spain',
    period: { text: 'Since 2014', start: 2014, ongoing: true },
    summary: 'A game to raise awareness of rumours and stereotypes.',
    topicNames: ['Anti-rumour'],
    language: 'en',
    ...overrides,
  }
}

describe('SaveToggle', () => {
  it('announces its state with aria-pressed and names the practice', async () => {
    const wrapper = mountWithApp(SaveToggle, { props: { saved: false, title: 'Anti-Rumour Web App', compact: true } })
    const button = wrapper.find('button')
    expect(button.attributes('aria-pressed')).toBe('false')
    expect(button.attributes('aria-label')).toBe('Save “Anti-Rumour Web App”')
    await wrapper.setProps({ saved: true })
    expect(button.attributes('aria-pressed')).toBe('true')
    await button.trigger('click')
    expect(wrapper.emitted('toggle')).toHaveLength(1)
  })
})

describe('PracticeCard', () => {
  it('shows title, place, period, summary and topics, linking to the practice page', () => {
    const wrapper = mountWithApp(PracticeCard, { props: { practice: card(), terms: [], saved: false, uiLocale: 'en' } })
    expect(wrapper.find('h2 a').attributes('href')).toBe('/practice/es-bilbao-anti-rumour-web-app')
    expect(wrapper.text()).toContain('Bilbao, Spain')
    expect(wrapper.text()).toContain('Since 2014')
    expect(wrapper.text()).toContain('Anti-rumour')
  })

  it('renders hostile catalogue text as text, never as HTML', () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    const wrapper = mountWithApp(PracticeCard, { props: { practice: card({ title: hostile, summary: hostile }), terms: ['img'], saved: false, uiLocale: 'en' } })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.find('script').exists()).toBe(false)
    expect(wrapper.find('h2').text()).toBe(hostile)
  })

  it('marks the words that match the search', () => {
    const wrapper = mountWithApp(PracticeCard, { props: { practice: card(), terms: ['rumour'], saved: false, uiLocale: 'en' } })
    expect(wrapper.findAll('mark').map(m => m.text())).toContain('Rumour')
  })

  it('tags text in another language than the interface with its lang', () => {
    const wrapper = mountWithApp(PracticeCard, { props: { practice: card({ language: 'sr-Latn' }), terms: [], saved: false, uiLocale: 'en' } })
    expect(wrapper.find('article').attributes('lang')).toBe('sr-Latn')
  })
})
