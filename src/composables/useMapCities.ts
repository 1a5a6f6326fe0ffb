import { computed, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'
import { mapCities } from '../catalogue/mapCities'
import { stateFromQuery, type UrlQuery } from '../search/urlState'
import { useCatalogueStore } from '../stores/catalogue'
import { useSearchStore } from '../stores/search'
import { useFormat } from './useFormat'
import { usePlacedPractices } from './usePlacedPractices'

/**
 * The places of the practices the catalogue's current filters and words find. The map's URL carries the
 * catalogue's query unchanged, read with the catalogue's own parser and run through the same search index.
 */
export function useMapCities() {
  const route = useRoute()
  const { locale } = useI18n()
  const search = useSearchStore()
  const catalogue = useCatalogueStore()
  const format = useFormat()
  const currentYear = new Date().getFullYear()
  const practices = usePlacedPractices()

  watch(() => catalogue.version, version => void search.ensure(version), { immediate: true })

  const state = computed(() => stateFromQuery(route.query as UrlQuery))

  const result = computed(() => {
    if (search.status !== 'ready' || !practices.value)
      return undefined
    const { changed: _changed, ...query } = state.value
    const found = search.run(query, { locale: locale.value, currentYear, countryName: format.countryName })
    return found ? { ...mapCities(practices.value, new Set(found.ids)), total: found.ids.length } : undefined
  })

  return { state, result }
}
