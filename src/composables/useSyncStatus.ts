import { computed } from 'vue'
import { useCatalogueStore } from '../stores/catalogue'
import { isPassingFailure, useSyncStore } from '../stores/sync'

/** What the sync banner shows: the sync's state and progress, and what the local catalogue last received. */
export function useSyncStatus() {
  const sync = useSyncStore()
  const catalogue = useCatalogueStore()
  return {
    state: computed(() => sync.state),
    progress: computed(() => sync.progress),
    stage: computed(() => sync.stage),
    failure: computed(() => sync.failure),
    /** The failure only says the network did not reach the catalogue, and there is one on the device. */
    failurePasses: computed(() => sync.failure !== undefined && isPassingFailure(sync.failure, Boolean(catalogue.version))),
    /** No catalogue on the device yet: the first visit. */
    firstRun: computed(() => catalogue.loaded && !catalogue.version),
    generatedAt: computed(() => catalogue.meta?.generatedAt || undefined),
    practiceCount: computed(() => catalogue.practiceCount),
    lastChange: computed(() => catalogue.lastChange),
    syncNow: () => sync.syncNow(),
    removal: computed(() => sync.removal),
    keepCatalogue: () => sync.keepCatalogue(),
    applyRemoval: () => sync.applyRemoval(),
  }
}
