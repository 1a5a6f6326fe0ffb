import { shallowRef, watch } from 'vue'
import type { PlacedPractice } from '../catalogue/mapCities'
import { db } from '../db'
import { useCatalogueStore } from '../stores/catalogue'
import { readPlaces, writePlaces } from './placesCache'

/**
 * Every practice's id, city and places for the catalogue version held, from the compact copy when there is
 * one (placesCache.ts), else from the rows, which then fill the copy.
 */
export function usePlacedPractices() {
  const catalogue = useCatalogueStore()
  const practices = shallowRef<PlacedPractice[] | undefined>()

  watch(() => catalogue.version, async (version) => {
    if (!version)
      return
    const cached = await readPlaces(version)
    // A sync may have brought another version meanwhile: its own run of this watcher will answer.
    if (catalogue.version !== version)
      return
    if (cached) {
      practices.value = cached
      return
    }
    const rows = await db.practices.toArray()
    if (catalogue.version !== version)
      return
    practices.value = rows.map(r => ({ id: r.id, country: r.country, city: r.city, ...(r.places ? { places: r.places } : {}) }))
    void writePlaces(version, practices.value)
  }, { immediate: true })

  return practices
}
