/** Saved practices: which are saved (live across tabs), and the actions on them. The data lives in Dexie. */
import { liveQuery } from 'dexie'
import { defineStore } from 'pinia'
import { computed, onScopeDispose, shallowRef } from 'vue'
import { db, getBookmark, removeBookmark, restoreBookmark, toggleBookmark, type Bookmark } from '../db'
import { useCatalogueStore } from './catalogue'
import { useDeviceStore } from './device'

export const useBookmarksStore = defineStore('bookmarks', () => {
  const catalogue = useCatalogueStore()
  const savedIds = shallowRef<ReadonlySet<string>>(new Set())
  const subscription = liveQuery(() => db.bookmarks.toCollection().primaryKeys()).subscribe({
    next: (keys) => { savedIds.value = new Set(keys as string[]) },
    error: (error: unknown) => { console.error(error) },
  })
  onScopeDispose(() => subscription.unsubscribe())

  const count = computed(() => savedIds.value.size)

  function isSaved(id: string): boolean {
    return savedIds.value.has(id)
  }

  /** The bookmark removed last, kept so the user can undo the removal (with its note and tags). */
  const lastRemoved = shallowRef<Bookmark | undefined>()

  async function toggle(id: string): Promise<boolean> {
    const before = await getBookmark(db, id)
    // A card of the embedded first screen can be saved before the first sync has stored its practice.
    const saved = await toggleBookmark(db, id, new Date(), catalogue.firstScreen?.practices.find(p => p.id === id))
    if (saved)
      // Once there is something of the user's own on the device, ask the browser not to evict it.
      void useDeviceStore().requestPersistence()
    else
      lastRemoved.value = before
    return saved
  }

  async function remove(id: string): Promise<void> {
    lastRemoved.value = await getBookmark(db, id)
    await removeBookmark(db, id)
  }

  async function undoRemove(): Promise<void> {
    const bookmark = lastRemoved.value
    lastRemoved.value = undefined
    if (bookmark)
      await restoreBookmark(db, bookmark)
  }

  return { savedIds, count, isSaved, toggle, remove, lastRemoved, undoRemove, forgetRemoved: () => { lastRemoved.value = undefined } }
})
