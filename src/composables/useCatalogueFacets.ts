import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { FacetOption } from './types'
import { FACET_NAMES, type FacetName, type SearchResult } from '../search/types'
import { useCatalogueStore } from '../stores/catalogue'
import { useFiltersStore } from '../stores/filters'

/**
 * The catalogue's facet options: every value labelled in the UI language, collated, counted, selected or
 * not. Apart from useCatalogueQuery so that it loads with the facets, after the first list.
 */
export function useCatalogueFacets(result: () => SearchResult, label: (facet: FacetName, value: string) => string) {
  const { locale } = useI18n()
  const filters = useFiltersStore()
  const catalogue = useCatalogueStore()
  const collator = computed(() => new Intl.Collator(locale.value, { sensitivity: 'base', numeric: true }))

  function isSelected(facet: FacetName, value: string): boolean {
    const s = filters.state
    return facet === 'year' ? s.year.includes(Number(value)) : (s[facet] as string[]).includes(value)
  }

  const facetOptions = computed(() => {
    const out = {} as Record<FacetName, FacetOption[]>
    for (const facet of FACET_NAMES) {
      const counts = result().facets[facet]
      const values = new Set(counts.keys())
      // A value selected in the URL but unknown to this catalogue stays visible, so it can be removed.
      const selected = facet === 'year' ? filters.state.year.map(String) : filters.state[facet] as string[]
      selected.forEach(v => values.add(v))
      // Every topic of the taxonomy is listed, even one no practice is filed under yet.
      if (facet === 'topic')
        catalogue.taxonomy.topics.forEach(topic => values.add(topic.id))
      const options = [...values].map(value => ({ value, label: label(facet, value), count: counts.get(value) ?? 0, selected: isSelected(facet, value) }))
      if (facet === 'year')
        options.sort((a, b) => Number(b.value) - Number(a.value))
      else
        options.sort((a, b) => collator.value.compare(a.label, b.label))
      out[facet] = options
    }
    return out
  })

  return { facetOptions }
}
