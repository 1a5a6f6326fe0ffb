import { computed, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Chip } from './types'
import type { SearchQuery, SearchResult } from '../search'
import { FACET_NAMES } from '../search/types'
import { useCatalogueStore } from '../stores/catalogue'
import { useFiltersStore, type FacetKey } from '../stores/filters'
import { useFirstListStore } from '../stores/firstList'
import { useSearchStore } from '../stores/search'
import { useFacetLabel } from './useFacetLabel'
import { useFormat } from './useFormat'

/**
 * The catalogue view's model: the URL state run through the search index, with the chips of the active
 * filters and the labels of facet values in the UI language (the facet options are useCatalogueFacets').
 */
export function useCatalogueQuery() {
  const { locale, t } = useI18n()
  const filters = useFiltersStore()
  const search = useSearchStore()
  const catalogue = useCatalogueStore()
  const format = useFormat()
  const currentYear = new Date().getFullYear()

  // The search engine loads once the first list is on screen when that list is the page's embedded first
  // cards (a plain catalogue whose cards they are): they need no index, and start-up does not wait for it.
  const firstList = useFirstListStore()
  watch(() => catalogue.version, (version) => {
    if (catalogue.firstScreen && filters.plain && !firstList.shown)
      firstList.whenShown(() => void search.ensure(catalogue.version))
    else
      void search.ensure(version)
  }, { immediate: true })

  const query = computed<SearchQuery>(() => {
    const { changed: _changed, ...query } = filters.state
    return query
  })

  const result = computed<SearchResult | undefined>(() => {
    if (search.status !== 'ready')
      return undefined
    return search.run(query.value, { locale: locale.value, currentYear, countryName: format.countryName })
  })

  /** With ?changed=1, only what the last sync added or updated. */
  const ids = computed<readonly string[]>(() => {
    const all = result.value?.ids ?? []
    if (!filters.state.changed)
      return all
    const change = catalogue.lastChange
    const keep = new Set([...(change?.added ?? []), ...(change?.updated ?? [])])
    return all.filter(id => keep.has(id))
  })

  const label = useFacetLabel()

  const chips = computed<Chip[]>(() => {
    const s = filters.state
    const list: Chip[] = []
    if (s.changed)
      list.push({ key: 'changed:1', label: t('filters.changed_chip') })
    for (const facet of FACET_NAMES) {
      const selected = facet === 'year' ? s.year.map(String) : s[facet] as string[]
      for (const value of selected)
        list.push({ key: `${facet}:${value}`, label: facet === 'year' ? t('filters.year_chip', { year: value }) : label(facet, value) })
    }
    return list
  })

  function removeChip(key: string): void {
    const [facet, ...rest] = key.split(':')
    if (facet === 'changed')
      void filters.clearChanged()
    else
      void filters.toggle(facet as FacetKey, rest.join(':'))
  }

  return { query, result, ids, label, chips, removeChip, terms: computed(() => result.value?.terms ?? []) }
}
