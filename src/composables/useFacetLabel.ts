import { useI18n } from 'vue-i18n'
import type { FacetName } from '../search/types'
import { useCatalogueStore } from '../stores/catalogue'
import { useFormat } from './useFormat'

/**
 * How a facet's value is named in the interface's language: a topic by the taxonomy, a country and a language
 * by `Intl.DisplayNames`; a city and a year as they are. One rule for the catalogue's facets and chips and for
 * Saved's.
 */
export function useFacetLabel(): (facet: FacetName, value: string) => string {
  const { locale } = useI18n()
  const catalogue = useCatalogueStore()
  const format = useFormat()
  return (facet, value) => {
    switch (facet) {
      case 'topic': return catalogue.topicName(value, locale.value)
      case 'country': return format.countryName(value)
      case 'language': return format.languageName(value)
      default: return value
    }
  }
}
