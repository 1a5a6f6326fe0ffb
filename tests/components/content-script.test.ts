// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter } from 'vue-router'
import en from '../../locales/en.json'
import srCyrl from '../../locales/sr-Cyrl.json'
import srLatn from '../../locales/sr-Latn.json'
import PracticeCard from '../../src/components/practice/PracticeCard.vue'
import { pluralRule } from '../../src/i18n/plural'

function mountCard(locale: string, language: string, title: string) {
  const i18n = createI18n({ legacy: false, locale, messages: { en, 'sr-Cyrl': srCyrl, 'sr-Latn': srLatn }, pluralRules: { [locale]: pluralRule(locale) } })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/practice/:id', name: 'practice', component: { render: () => null } }] })
  const practice = { id: 'x', title, city: 'Novi Sad', countryName: 'Srbija', period: { text: 'OD 2020', start: 2020, ongoing: true }, summary: title, topicNames: [], language }
  return mount(PracticeCard, { props: { practice, terms: [], saved: false, uiLocale: locale }, global: { plugins: [i18n, router] } })
}

describe('a Serbian practice on a card', () => {
  // The transliteration tables load on first use under a Serbian interface.
  it('reads in Cyrillic under the Cyrillic interface, marked as such, its period in Serbian', async () => {
    const wrapper = mountCard('sr-Cyrl', 'sr-Latn', 'Razvijanje kulture otvorenosti u Nišu')
    await vi.waitFor(() => expect(wrapper.find('h2').text()).toBe('Развијање културе отворености у Нишу'))
    expect(wrapper.find('article').attributes('lang')).toBeUndefined()
    expect(wrapper.find('.period').text()).toBe('од 2020.')
  })

  it('reads in Latin under the Latin interface when written in Cyrillic', async () => {
    const wrapper = mountCard('sr-Latn', 'sr-Cyrl', 'Развијање културе отворености у Нишу')
    await vi.waitFor(() => expect(wrapper.find('h2').text()).toBe('Razvijanje kulture otvorenosti u Nišu'))
  })

  it('is left as written under any other interface', () => {
    const wrapper = mountCard('en', 'sr-Latn', 'Razvijanje kulture otvorenosti u Nišu')
    expect(wrapper.find('h2').text()).toBe('Razvijanje kulture otvorenosti u Nišu')
    expect(wrapper.find('article').attributes('lang')).toBe('sr-Latn')
    expect(wrapper.find('.period').text()).toBe('since 2020')
  })
})
