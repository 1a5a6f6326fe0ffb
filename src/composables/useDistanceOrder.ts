import { computed, shallowRef, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { orderByDistance } from '../catalogue/geo'
import { db } from '../db'
import { useLazyMessages } from '../i18n/lazyMessages'
import { useCatalogueStore } from '../stores/catalogue'
import { useNearStore } from '../stores/near'
import { useFormat } from './useFormat'

/**
 * A list of practice ids nearest first once the user has chosen "Distance from me" and shared a position,
 * with each practice's distance in words ("12 km"). The places and the sorting load only then.
 */
export function useDistanceOrder(ids: Ref<readonly string[]>) {
  const near = useNearStore()
  const catalogue = useCatalogueStore()
  const format = useFormat()
  const { t } = useI18n()
  // The words of "near me" (and why a position is missing) load with the first choice of the order.
  const { ready } = useLazyMessages('map', () => near.chosen || near.choiceRefused)
  const distances = shallowRef<ReadonlyMap<string, number> | undefined>()
  let order: typeof orderByDistance | undefined

  watch([() => near.sorting ? near.position : undefined, () => catalogue.version], async ([from, version]) => {
    if (!from || !version) {
      distances.value = undefined
      return
    }
    const [geo, places] = await Promise.all([import('../catalogue/geo'), import('../db/placesCopy')])
    const practices = await places.loadPlacedPractices(db, version)
    if (near.position !== from || catalogue.version !== version)
      return
    order = geo.orderByDistance
    distances.value = geo.practiceDistances(from, practices.map(p => ({ id: p.id, ...(p.places ? { places: p.places } : {}) })))
  }, { immediate: true })

  const ordered = computed(() => distances.value && order ? order(ids.value, distances.value) : ids.value)
  const labels = computed<ReadonlyMap<string, string>>(() => {
    const out = new Map<string, string>()
    for (const [id, km] of ready.value ? distances.value ?? [] : [])
      out.set(id, t('near.from_you', { distance: format.distance(km) }))
    return out
  })

  /** Why the list is not nearest first although the user asked, in words. */
  const problem = computed(() => ready.value && near.choiceRefused && near.problem ? t(`near.${near.problem}`) : '')
  const asking = computed(() => ready.value && near.chosen && near.asking ? t('map.near_asking') : '')

  return { ordered, distances: labels, problem, asking }
}
