/**
 * The search index of the local catalogue. It is opened from the index segments held in Dexie, once
 * per catalogue version; queries are synchronous and fast enough to run on every keystroke. The engine's
 * code loads while the segments are read, not with the start-up bundle: the first screen's cards, embedded
 * in the page, are what a start shows first.
 */
import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import { db, readCatalogueMeta } from '../db'
import type { QueryContext, SearchIndex, SearchQuery, SearchResult } from '../search'
import type { Assist } from '../search/assist'
import { useFirstListStore } from './firstList'

type IndexStatus = 'idle' | 'loading' | 'ready' | 'error'

type OpenIndex = typeof import('../search/engine').openIndex

export const useSearchStore = defineStore('search', () => {
  const index = shallowRef<SearchIndex | undefined>()
  const status = ref<IndexStatus>('idle')
  const loadedVersion = ref<string | undefined>()
  /** Word forms, "Did you mean" and places: loaded after the first list, so start-up does not wait for the stemmers. */
  const assist = shallowRef<Assist | undefined>()

  let loading: Promise<void> | undefined
  let wanted: string | undefined

  /**
   * The stored segments could not be opened (written in a format this version of the app no longer reads,
   * or damaged): build them again from the practices on the device, and keep them for the next start.
   */
  async function rebuild(openIndex: OpenIndex): Promise<SearchIndex> {
    const [{ buildSegment }, { practicesByShard, replaceSearchSegments }] = await Promise.all([import('../search/segmentBuilder'), import('../db/searchSegments')])
    const [groups, meta] = await Promise.all([practicesByShard(db), readCatalogueMeta(db)])
    const taxonomy = meta?.taxonomy
    const segments = [...groups].map(([shardSha256, practices]) => ({ shardSha256, data: buildSegment(practices, taxonomy && { taxonomy }) }))
    await replaceSearchSegments(db, segments)
    return openIndex(segments.map(s => s.data))
  }

  async function readAndOpen(version: string): Promise<void> {
    const [segments, { openIndex }] = await Promise.all([db.searchSegments.toArray(), import('../search/engine')])
    // A newer version may have been asked for while this one was read.
    if (wanted !== version)
      return
    let opened: SearchIndex
    try {
      opened = openIndex(segments.map(s => new Uint8Array(s.data)))
    }
    catch (error: unknown) {
      console.warn('Rebuilding the search index:', error)
      opened = await rebuild(openIndex)
    }
    // The first query and the list it renders run in a task of their own: on a phone, opening and querying
    // in one go would hold the main thread for longer than a tap may wait.
    await new Promise(resolve => setTimeout(resolve))
    if (wanted !== version)
      return
    index.value = markRaw(opened)
    loadedVersion.value = version
    status.value = 'ready'
    useFirstListStore().whenShown(() => void loadAssist(opened))
  }

  /** Then the index is swapped for one that also looks up each word's other forms. */
  async function loadAssist(opened: SearchIndex): Promise<void> {
    const [{ createAssist }, meta] = await Promise.all([import('../search/assist'), readCatalogueMeta(db)])
    if (index.value === opened)
      index.value = markRaw((assist.value = createAssist(opened, meta?.taxonomy)).index)
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

  return { index, assist, status, loadedVersion, ensure, run }
})
