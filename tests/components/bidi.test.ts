// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import PracticeCard from '../../src/components/practice/PracticeCard.vue'
import BookmarkItem from '../../src/components/saved/BookmarkItem.vue'
import type { BookmarkView } from '../../src/composables/types'
import BookmarkTags from '../../src/components/saved/BookmarkTags.vue'
import { isolate } from '../../src/i18n/bidi'
import { mountWithApp } from './mount'

/** A title that, read without isolation, turns the rest of its line around: "…saved on 1 May" would read backwards. */
const HOSTILE = 'Bilbao \u202Eyrots ruomur'
const FSI = '\u2068'
const PDI = '\u2069'

/** True when the text sits in an element that isolates it for bidi display: <bdi>, or any element with dir. */
function isolated(root: Element, text: string): boolean {
  const holders = [...root.querySelectorAll('*')].filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent?.includes(text)))
  return holders.length > 0 && holders.every(el => el.closest('bdi, [dir]') !== null && el.closest('bdi, [dir]') !== root.closest('[dir]'))
}

/** A period the importer could not read is shown as the source wrote it, so its text must be isolated too. */
function bookmark(over: Partial<BookmarkView> = {}): BookmarkView {
  return {
    id: 'es-bilbao', title: HOSTILE, place: `${isolate(HOSTILE)}, Spain`, period: { text: `\u202E2014`, ongoing: false }, summary: HOSTILE, language: 'en',
    note: HOSTILE, noteEdited: '', savedLabel: 'saved 1 May 2025', tags: [HOSTILE], removed: false, ...over,
  }
}

describe('untrusted text with a right-to-left override (U+202E)', () => {
  it('is isolated in a saved practice: title, place, period, summary, note and tags', () => {
    const wrapper = mountWithApp(BookmarkItem, { props: { item: bookmark(), uiLocale: 'en' } })
    const root = wrapper.element as Element
    expect(isolated(root, HOSTILE)).toBe(true)
    expect(isolated(root, '\u202E2014')).toBe(true)
    expect(wrapper.find('.meta').text()).toContain('saved 1 May 2025')
    expect(wrapper.find('textarea').attributes('dir')).toBe('auto')
  })

  it('is isolated in a tag (an accessible name is spoken in logical order, so it needs no isolate)', () => {
    const wrapper = mountWithApp(BookmarkTags, { props: { id: 'x', tags: [HOSTILE] } })
    expect(isolated(wrapper.element as Element, HOSTILE)).toBe(true)
  })

  it('is isolated on a catalogue card: title, city, period and summary', () => {
    // A period that was not parsed shows its source text, which must be isolated like the rest.
    const practice = { id: 'es-bilbao', title: HOSTILE, city: HOSTILE, countryName: 'Spain', period: { text: '\u202E2014', ongoing: false }, summary: HOSTILE, topicNames: [], language: 'en' }
    const wrapper = mountWithApp(PracticeCard, { props: { practice, terms: [], saved: false, uiLocale: 'en' } })
    const root = wrapper.element as Element
    expect(wrapper.find('h2 a').attributes('dir')).toBe('auto')
    expect(wrapper.find('.summary').attributes('dir')).toBe('auto')
    expect(wrapper.find('.meta').text()).toContain(`${FSI}${HOSTILE}${PDI}, Spain`)
    expect(isolated(root, '\u202E2014')).toBe(true)
  })
})
