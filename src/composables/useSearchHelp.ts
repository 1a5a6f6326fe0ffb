import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Chip } from './types'
import { emptyQuery, type FacetName, type QueryContext, type SearchQuery } from '../search/types'
import { useFiltersStore } from '../stores/filters'
import { useSearchStore } from '../stores/search'
import { useFormat } from './useFormat'

/** A facet whose selection, removed alone, brings results back. */
interface EmptyingFilter {
  facet: FacetName | 'changed'
  label: string
}

/**
 * Help for an empty result: the query's nearest known words ("Did you mean …") and the filters whose removal
 * alone would bring practices back, each tried against the index (a few queries, only on an empty list).
 */
export function useSearchHelp(chips: () => readonly Chip[]) {
  const { locale } = useI18n()
  const filters = useFiltersStore()
  const search = useSearchStore()
  const format = useFormat()
  const context = (): QueryContext => ({ locale: locale.value, currentYear: new Date().getFullYear(), countryName: format.countryName })
  const query = (): SearchQuery => {
    const { changed: _changed, ...q } = filters.state
    return q
  }

  const suggestion = computed(() => {
    const text = filters.state.text
    return text.trim() ? search.assist?.suggest(text, context()) : undefined
  })

  const emptying = computed<EmptyingFilter[]>(() => {
    const groups = new Map<FacetName | 'changed', string[]>()
    for (const chip of chips()) {
      const facet = chip.key.slice(0, chip.key.indexOf(':')) as FacetName | 'changed'
      groups.set(facet, [...(groups.get(facet) ?? []), chip.label])
    }
    const out: EmptyingFilter[] = []
    for (const [facet, labels] of groups) {
      // "Changed in the last update" narrows the list outside the index: its removal is always offered.
      const total = facet === 'changed' ? 1 : search.run({ ...query(), [facet]: [] }, context())?.total ?? 0
      if (total > 0)
        out.push({ facet, label: labels.join(', ') })
    }
    return out
  })

  /** Practices the words alone would find, without any filter. */
  const textAlone = computed(() => {
    const text = filters.state.text
    return text.trim() ? search.run({ ...emptyQuery(), text }, context())?.total ?? 0 : 0
  })

  function clearFacet(facet: EmptyingFilter['facet']): void {
    void (facet === 'changed' ? filters.clearChanged() : filters.apply({ ...filters.state, [facet]: [] }))
  }

  return {
    text: computed(() => filters.state.text),
    suggestion,
    emptying,
    textAlone,
    setText: (value: string) => void filters.setText(value),
    clearFacet,
    reset: () => void filters.reset(),
  }
}
