/** What the app knows about its local catalogue: version, size, taxonomy, last sync, last change. Read live from Dexie. */
import { liveQuery } from 'dexie'
import { defineStore } from 'pinia'
import { computed, onScopeDispose, shallowRef } from 'vue'
import type { Taxonomy } from '../catalogue/schema'
import { db, readCatalogueMeta, type CatalogueMeta } from '../db'

export const useCatalogueStore = defineStore('catalogue', () => {
  const meta = shallowRef<CatalogueMeta | undefined>()
  const loaded = shallowRef(false)
  let markLoaded: () => void = () => undefined
  const firstRead = new Promise<void>((resolve) => { markLoaded = resolve })
  const subscription = liveQuery(() => readCatalogueMeta(db)).subscribe({
    next: (value) => {
      meta.value = value
      loaded.value = true
      markLoaded()
    },
    error: (error: unknown) => {
      console.error(error)
      loaded.value = true
      markLoaded()
    },
  })
  onScopeDispose(() => subscription.unsubscribe())

  const version = computed(() => meta.value?.version)
  const practiceCount = computed(() => meta.value?.practiceCount ?? 0)
  const taxonomy = computed<Taxonomy>(() => meta.value?.taxonomy ?? { topics: [] })
  const lastChange = computed(() => meta.value?.lastChange)

  function topicName(id: string, locale: string): string {
    const topic = taxonomy.value.topics.find(t => t.id === id)
    if (!topic)
      return id
    const language = locale.split('-')[0]!
    return topic.names[locale] ?? topic.names[language] ?? topic.names.en ?? id
  }

  /** Resolves once the local catalogue's meta has been read (or could not be). */
  const ready = (): Promise<void> => firstRead

  return { meta, loaded, ready, version, practiceCount, taxonomy, lastChange, topicName }
})
