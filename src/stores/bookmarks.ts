/** Saved practices: which are saved (live across tabs), and the actions on them. The data lives in Dexie. */
import { liveQuery } from 'dexie'
import { defineStore } from 'pinia'
import { computed, onScopeDispose, shallowRef } from 'vue'
import { db } from '../db'
import { toggleBookmark } from '../db/bookmarks'
import { useDeviceStore } from './device'

export const useBookmarksStore = defineStore('bookmarks', () => {
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

  async function toggle(id: string): Promise<boolean> {
    const saved = await toggleBookmark(db, id)
    // Once there is something of the user's own on the device, ask the browser not to evict it.
    if (saved)
      void useDeviceStore().requestPersistence()
    return saved
  }

  return { savedIds, count, isSaved, toggle }
})
