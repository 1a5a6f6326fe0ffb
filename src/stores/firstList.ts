/**
 * Whether the first list of practices is on screen (PracticeList marks it with performance.mark). Secondary
 * interface and work (the sync check, prompts, facets) wait for it, or for 3 s, so start-up loads only
 * what the first list needs.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { FIRST_LIST_MARK } from '../catalogue/firstScreen'

const GIVE_UP_MS = 3000

export const useFirstListStore = defineStore('firstList', () => {
  const shown = ref(performance.getEntriesByName(FIRST_LIST_MARK).length > 0)
  const waiting: (() => void)[] = []

  function settle(): void {
    if (shown.value)
      return
    shown.value = true
    observer?.disconnect()
    waiting.splice(0).forEach(callback => callback())
  }

  const observer = shown.value
    ? undefined
    : new PerformanceObserver(list => list.getEntriesByName(FIRST_LIST_MARK).length > 0 && settle())
  observer?.observe({ type: 'mark' })
  // Pages without a list (a practice page, Saved) must not wait for one.
  setTimeout(settle, GIVE_UP_MS)

  function whenShown(callback: () => void): void {
    if (shown.value)
      callback()
    else
      waiting.push(callback)
  }

  return { shown, whenShown }
})
