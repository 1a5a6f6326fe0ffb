/**
 * What the app knows about its local catalogue: version, size, taxonomy, last sync, last change. Read live
 * from Dexie. Until the first sync has stored a catalogue, the page's embedded first screen stands in for it.
 */
import { liveQuery } from 'dexie'
import { defineStore } from 'pinia'
import { computed, onScopeDispose, shallowRef } from 'vue'
import { readFirstScreen } from '../catalogue/firstScreen'
import type { Taxonomy } from '../catalogue/schema'
import { db, readCatalogueMeta, type CatalogueMeta } from '../db'
import { useSettingsStore } from './settings'

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
  const embedded = readFirstScreen(document, new Date().getFullYear())
  const settings = useSettingsStore()
  /**
   * The embedded first screen, when its cards are those of the device's catalogue: the one it was cut from,
   * or, with none stored yet, the one the first sync is fetching from the embedded feed.
   */
  const firstScreen = computed(() => {
    if (!loaded.value || !embedded)
      return undefined
    return (version.value ? version.value === embedded.version : !settings.feedUrl) ? embedded : undefined
  })
  const taxonomy = computed<Taxonomy>(() => meta.value?.taxonomy ?? { topics: firstScreen.value?.topics ?? [] })
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

  return { meta, loaded, ready, version, practiceCount, firstScreen, taxonomy, lastChange, topicName }
})
