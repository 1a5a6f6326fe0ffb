// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import BookmarkItem from '../../src/components/saved/BookmarkItem.vue'
import type { BookmarkView } from '../../src/composables/types'
import { mountWithApp } from './mount'

function item(overrides: Partial<BookmarkView> = {}): BookmarkView {
  return {
    id: 'es-bilbao-anti-rumour-web-app',
    title: 'Anti-Rumour Web App',
    place: 'Bilbao, Spain',
    period: { text: 'Since 2014', start: 2014, ongoing: true },
    summary: '',
    language: 'en',
    note: '',
    noteEdited: '',
    savedLabel: 'Saved on 1 Jan 2025',
    tags: [],
    removed: false,
    ...overrides,
  }
}

describe('a saved practice', () => {
  it('shows its period in the interface language, as the catalogue\'s cards do', () => {
    const wrapper = mountWithApp(BookmarkItem, { props: { item: item(), uiLocale: 'en' } })
    expect(wrapper.text()).toContain('since 2014')
    expect(wrapper.text()).not.toContain('Since 2014')
  })

  it('shows a period it could not read as the source wrote it', () => {
    const wrapper = mountWithApp(BookmarkItem, { props: { item: item({ period: { text: 'autumn term', ongoing: false } }), uiLocale: 'en' } })
    expect(wrapper.text()).toContain('autumn term')
  })
})
