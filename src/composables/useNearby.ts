import { computed, type Ref } from 'vue'
import { distanceKm } from '../catalogue/geo'
import { type MapCity, mapCities, nearestCities } from '../catalogue/mapCities'
import type { Practice } from '../catalogue/schema'
import { usePlacedPractices } from './usePlacedPractices'

const NEARBY_LIMIT = 5
/** Far enough to reach a neighbouring region's cities, near enough to be "nearby" for a visit. */
const NEARBY_KM = 400

/**
 * The practice's own city (with how many practices it holds) and the nearest other cities that have
 * practices, by the distance between city coordinates: no position, no permission.
 */
export function useNearby(practice: Ref<Practice | null | undefined>) {
  const practices = usePlacedPractices()
  const cities = computed(() => practices.value ? mapCities(practices.value).cities : [])

  return computed<{ here?: MapCity, nearby: { city: MapCity, km: number }[] } | undefined>(() => {
    const home = practice.value?.places?.find(p => p.kind === 'city')
    if (!home || !cities.value.length)
      return undefined
    const here = cities.value.find(c => c.kind === 'city' && c.country === practice.value!.country && distanceKm(c, home) < 1)
    return { ...(here ? { here } : {}), nearby: nearestCities(cities.value, home, { limit: NEARBY_LIMIT, maxKm: NEARBY_KM }) }
  })
}
