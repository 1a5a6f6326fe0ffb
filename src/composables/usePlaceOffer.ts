import { computed } from 'vue'
import type { PlaceMatch } from '../search/assist'
import { useFiltersStore } from '../stores/filters'
import { useSearchStore } from '../stores/search'
import { useFormat } from './useFormat'

/**
 * A query that is exactly a country or a city ("spain", "Espagne", "Bilbao") may become that filter instead
 * of a text match: the offer (unless the filter is already set) and its action.
 */
export function usePlaceOffer() {
  const filters = useFiltersStore()
  const search = useSearchStore()
  const format = useFormat()

  const offer = computed(() => {
    const place = search.assist?.place(filters.state.text)
    if (!place || filters.state[place.facet].includes(place.value))
      return undefined
    return { place, name: place.facet === 'country' ? format.countryName(place.value) : place.value }
  })

  function apply(place: PlaceMatch): void {
    void filters.apply({ ...filters.state, text: '', [place.facet]: [...filters.state[place.facet], place.value] })
  }

  return { offer, apply }
}
