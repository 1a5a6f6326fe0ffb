import { shallowRef, watch } from 'vue'
import type { PlacedPractice } from '../catalogue/mapCities'
import { db } from '../db'
import { useCatalogueStore } from '../stores/catalogue'

/**
 * Every practice's id, city and places, read again when the catalogue changes. Only these fields are kept,
 * so 100,000 rows do not stay in memory with their summaries.
 */
export function usePlacedPractices() {
  const catalogue = useCatalogueStore()
  const practices = shallowRef<PlacedPractice[] | undefined>()

  watch(() => catalogue.version, async (version) => {
    if (!version)
      return
    const rows = await db.practices.toArray()
    practices.value = rows.map(r => ({ id: r.id, country: r.country, city: r.city, ...(r.places ? { places: r.places } : {}) }))
  }, { immediate: true })

  return practices
}
