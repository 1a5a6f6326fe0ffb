import { computed } from 'vue'
import { useCatalogueStore } from '../stores/catalogue'
import { useSyncStore } from '../stores/sync'

/** What the sync banner shows: the sync's state and progress, and what the local catalogue last received. */
export function useSyncStatus() {
  const sync = useSyncStore()
  const catalogue = useCatalogueStore()
  return {
    state: computed(() => sync.state),
    progress: computed(() => sync.progress),
    stage: computed(() => sync.stage),
    failure: computed(() => sync.failure),
    lastSuccessAt: computed(() => catalogue.meta?.lastSuccessAt),
    lastChange: computed(() => catalogue.lastChange),
    syncNow: () => sync.syncNow(),
    removal: computed(() => sync.removal),
    keepCatalogue: () => sync.keepCatalogue(),
    applyRemoval: () => sync.applyRemoval(),
  }
}
