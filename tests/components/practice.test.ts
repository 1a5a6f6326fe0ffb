// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import PracticeActions from '../../src/components/practice/PracticeActions.vue'
import PracticeCard from '../../src/components/practice/PracticeCard.vue'
import type { PracticeCardData } from '../../src/composables/types'
import PracticeList from '../../src/components/practice/PracticeList.vue'
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
    // The city is isolated for bidi display (FSI … PDI), so its direction cannot reorder the label.
    expect(wrapper.text()).toContain('\u2068Bilbao\u2069, Spain')
    // The period in the UI language, from its parsed fields (the source says "Since 2014").
    expect(wrapper.text()).toContain('since 2014')
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

  it('renders the text plainly when nothing is searched', () => {
    const wrapper = mountWithApp(PracticeCard, { props: { practice: card(), terms: [], saved: false, uiLocale: 'en' } })
    expect(wrapper.find('mark').exists()).toBe(false)
    expect(wrapper.find('h2').text()).toBe('Anti-Rumour Web App')
    expect(wrapper.find('.summary').text()).toBe('A game to raise awareness of rumours and stereotypes.')
  })

  it('tags text in another language than the interface with its lang', () => {
    const wrapper = mountWithApp(PracticeCard, { props: { practice: card({ language: 'sr-Latn' }), terms: [], saved: false, uiLocale: 'en' } })
    expect(wrapper.find('article').attributes('lang')).toBe('sr-Latn')
  })
})

describe('PracticeList', () => {
  const ids = Array.from({ length: 15 }, (_, i) => `practice-${i}`)
  const cards = new Map(ids.map(id => [id, card({ id, title: `Practice ${id}` })]))
  const props = { terms: [], savedIds: new Set<string>(), badges: new Map(), uiLocale: 'en' }

  it('shows the first cards at once and every result soon after, in order', async () => {
    const wrapper = mountWithApp(PracticeList, { props: { ...props, ids, cards } })
    const shown = () => wrapper.findAll('article.practice-card').length
    expect(shown()).toBeGreaterThan(0)
    expect(shown()).toBeLessThan(ids.length)
    await vi.waitFor(() => expect(shown()).toBe(ids.length))
    expect(wrapper.findAll('h2').map(h => h.text())).toEqual(ids.map(id => `Practice ${id}`))
    // A shorter list later (a filter) shows exactly its results.
    await wrapper.setProps({ ids: ids.slice(0, 3) })
    expect(shown()).toBe(3)
  })

  it('asks for the data of every result, and waits for it before adding more cards', async () => {
    const wrapper = mountWithApp(PracticeList, { props: { ...props, ids, cards: new Map() } })
    expect(wrapper.emitted('needRange')?.[0]).toEqual([0, ids.length])
    await new Promise(resolve => setTimeout(resolve, 20))
    expect(wrapper.findAll('article.practice-card')).toHaveLength(0)
    // Nothing was added while the data was missing: it arrives into the first few rows, the rest follow.
    await wrapper.setProps({ cards })
    expect(wrapper.findAll('article.practice-card').length).toBeLessThan(ids.length)
    await vi.waitFor(() => expect(wrapper.findAll('article.practice-card')).toHaveLength(ids.length))
  })

  it('past its limit, puts only the cards near the screen in the page, with their data and state', async () => {
    const many = Array.from({ length: 500 }, (_, i) => `practice-${i}`)
    const manyCards = new Map(many.map(id => [id, card({ id, title: `Practice ${id}` })]))
    const wrapper = mountWithApp(PracticeList, {
      props: { ...props, ids: many, cards: manyCards, virtualFrom: 100, savedIds: new Set(['practice-1']), distances: new Map([['practice-0', '3 km']]) },
      attachTo: document.body,
    })
    const titles = () => wrapper.findAll('article.practice-card h2').map(h => h.text())
    await vi.waitFor(() => expect(titles().length).toBeGreaterThan(0))
    expect(titles().length).toBeLessThan(many.length / 4)
    expect(titles()[0]).toBe('Practice practice-0')
    expect(wrapper.text()).toContain('3 km')
    expect(wrapper.findAll('button[aria-pressed="true"]')).toHaveLength(1)
    // It asks for the rows of what is on screen (and a little beyond), not of all 500.
    const [start, end] = wrapper.emitted<[number, number]>('needRange')!.at(-1)!
    expect(start).toBe(0)
    expect(end).toBeLessThan(many.length)
    wrapper.unmount()
  })
})

describe('PracticeActions', () => {
  const actions = { saved: true, title: 'Anti-Rumour Web App', canShrink: true, canGrow: true }

  it('shows the text size now, as a percentage in the interface language', async () => {
    const wrapper = mountWithApp(PracticeActions, { props: { ...actions, scale: 1.25 } })
    expect(wrapper.find('output').text()).toBe('125%')
    await wrapper.setProps({ scale: 2, canGrow: false })
    expect(wrapper.find('output').text()).toBe('200%')
    expect(wrapper.find('[role="group"]').findAll('button').map(b => b.attributes('disabled') !== undefined)).toEqual([false, false, true])
  })
})
