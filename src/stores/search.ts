/**
 * The search index of the local catalogue. It is opened from the index segments held in Dexie, once
 * per catalogue version; queries are synchronous and fast enough to run on every keystroke.
 */
import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import { db } from '../db'
import { openIndex, type QueryContext, type SearchIndex, type SearchQuery, type SearchResult } from '../search'

export type IndexStatus = 'idle' | 'loading' | 'ready' | 'error'

export const useSearchStore = defineStore('search', () => {
  const index = shallowRef<SearchIndex | undefined>()
  const status = ref<IndexStatus>('idle')
  const loadedVersion = ref<string | undefined>()
  let loading: Promise<void> | undefined
  let wanted: string | undefined

  async function readAndOpen(version: string): Promise<void> {
    const segments = await db.searchSegments.toArray()
    // A newer version may have been asked for while this one was read.
    if (wanted !== version)
      return
    index.value = markRaw(openIndex(segments.map(s => new Uint8Array(s.data))))
    loadedVersion.value = version
    status.value = 'ready'
  }

  /** Opens the index for this catalogue version, unless it is already open. */
  function ensure(version: string | undefined): Promise<void> {
    if (!version || (version === loadedVersion.value && status.value === 'ready'))
      return Promise.resolve()
    if (wanted === version && loading)
      return loading
    wanted = version
    if (status.value !== 'ready')
      status.value = 'loading'
    loading = readAndOpen(version).catch((error: unknown) => {
      console.error(error)
      status.value = 'error'
    }).finally(() => { loading = undefined })
    return loading
  }

  function run(query: SearchQuery, context: QueryContext): SearchResult | undefined {
    return index.value?.query(query, context)
  }

  return { index, status, loadedVersion, ensure, run }
})
