// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import BookmarkItem from '../../src/components/saved/BookmarkItem.vue'
import SavedTransfer from '../../src/components/saved/SavedTransfer.vue'
import { db, saveBookmark } from '../../src/db'
import { BOOKMARK_FILE_FORMAT } from '../../src/db/bookmarkFile'
import SavedView from '../../src/views/SavedView.vue'
import { mountWithApp } from './mount'

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

async function mountSaved() {
  setActivePinia(createPinia())
  const wrapper = mountWithApp(SavedView)
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.findComponent(BookmarkItem).exists()).toBe(true)
  })
  return wrapper
}

describe('Saved, when the device cannot store', () => {
  beforeEach(async () => {
    await db.delete()
    await db.open()
    await saveBookmark(db, 'pt-lisbon-practice', new Date('2025-01-01T00:00:00Z'), { title: 'Lisbon', city: 'Lisbon', country: 'PT', period: { text: '', ongoing: false }, summary: '', topics: [], language: 'en' })
    vi.spyOn(console, 'error').mockImplementation(() => {})
  })
  afterEach(() => { vi.restoreAllMocks() })

  it('says so when an import cannot be written', async () => {
    const wrapper = await mountSaved()
    vi.spyOn(db.bookmarks, 'bulkPut').mockRejectedValue(quotaError())
    const file = new File([JSON.stringify({ format: BOOKMARK_FILE_FORMAT, version: 1, bookmarks: [{ id: 'es-bilbao-practice', note: 'x' }] })], 'saved.json', { type: 'application/json' })
    wrapper.findComponent(SavedTransfer).vm.$emit('import', file)
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.text()).toContain('The backup could not be imported')
    })
    wrapper.unmount()
  })

  it('says so when a note cannot be saved', async () => {
    const wrapper = await mountSaved()
    vi.spyOn(db.bookmarks, 'update').mockRejectedValue(quotaError())
    vi.spyOn(db.bookmarks, 'put').mockRejectedValue(quotaError())
    wrapper.findComponent(BookmarkItem).vm.$emit('note', 'Ask about the volunteers')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(wrapper.find('[role="alert"]').text()).toContain('Your last change could not be saved on this device')
    })
    wrapper.unmount()
  })
})
