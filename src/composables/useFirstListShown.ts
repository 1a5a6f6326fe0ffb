import { computed, type ComputedRef } from 'vue'
import { useFirstListStore } from '../stores/firstList'

/** Whether the first list is on screen: secondary parts of the shell wait for it (src/stores/firstList). */
export function useFirstListShown(): ComputedRef<boolean> {
  const firstList = useFirstListStore()
  return computed(() => firstList.shown)
}
