import { computed, type Ref } from 'vue'
import type { Practice } from '../catalogue/schema'
import { db, getPractice, type Bookmark } from '../db'
import { useLiveQuery } from './useLiveQuery'

/**
 * One practice with its full text, live: a sync that changes it updates the page. `undefined` while
 * loading, `null` when the catalogue has no such practice.
 */
export function usePractice(id: Ref<string>) {
  const practice = useLiveQuery(async () => (await getPractice(db, id.value)) ?? null, undefined as Practice | null | undefined, id)
  const bookmark = useLiveQuery(async () => (await db.bookmarks.get(id.value)) ?? null, undefined as Bookmark | null | undefined, id)
  const loading = computed(() => practice.value === undefined || bookmark.value === undefined)
  return { practice, bookmark, loading }
}
