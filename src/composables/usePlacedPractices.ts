import { shallowRef, watch } from 'vue'
import type { PlacedPractice } from '../catalogue/mapCities'
import { db } from '../db'
import { loadPlacedPractices } from '../db/placesCopy'
import { useCatalogueStore } from '../stores/catalogue'

/** The placed practices of the catalogue version held (src/db/placesCopy), again after every sync. */
export function usePlacedPractices() {
  const catalogue = useCatalogueStore()
  const practices = shallowRef<PlacedPractice[] | undefined>()

  watch(() => catalogue.version, async (version) => {
    if (!version)
      return
    const placed = await loadPlacedPractices(db, version)
    // A sync may have brought another version meanwhile: its own run of this watcher will answer.
    if (catalogue.version === version)
      practices.value = placed
  }, { immediate: true })

  return practices
}
