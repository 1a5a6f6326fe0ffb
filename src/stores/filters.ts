/**
 * The catalogue's filters, query and sort. The URL is their one home: this store reads the route and
 * writes it back, so a filtered view can be shared and Back/Forward walk through the user's steps.
 */
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { useRouter } from 'vue-router'
import { activeFilterCount, emptyUrlState, queryFromState, stateFromQuery, type UrlQuery, type UrlState } from '../search/urlState'

export type FacetKey = 'topic' | 'country' | 'city' | 'year' | 'language'

export const useFiltersStore = defineStore('filters', () => {
  const router = useRouter()
  const route = computed(() => router.currentRoute.value)

  const state = computed<UrlState>(() => route.value.name === 'catalogue' ? stateFromQuery(route.value.query as UrlQuery) : emptyUrlState())
  const activeCount = computed(() => activeFilterCount(state.value))
  /** The catalogue as it opens: no words, filters or sort chosen (what the embedded first screen shows). */
  const plain = computed(() => route.value.name === 'catalogue' && !activeCount.value && !state.value.text && state.value.sort === 'relevance')

  function apply(next: UrlState, mode: 'push' | 'replace' = 'push'): Promise<unknown> {
    const to = { name: 'catalogue', query: queryFromState(next) }
    return mode === 'push' ? router.push(to) : router.replace(to)
  }

  /** Typing replaces the history entry, so Back does not step through every keystroke. */
  function setText(text: string): Promise<unknown> {
    const typingOn = state.value.text !== '' && text !== ''
    return apply({ ...state.value, text }, typingOn ? 'replace' : 'push')
  }

  function toggle(facet: FacetKey, value: string): Promise<unknown> {
    const s = state.value
    if (facet === 'year') {
      const year = Number(value)
      const list = s.year.includes(year) ? s.year.filter(y => y !== year) : [...s.year, year]
      return apply({ ...s, year: list })
    }
    const list = s[facet]
    return apply({ ...s, [facet]: list.includes(value) ? list.filter(v => v !== value) : [...list, value] })
  }

  function setSort(sort: UrlState['sort']): Promise<unknown> {
    return apply({ ...state.value, sort }, 'replace')
  }

  function clearChanged(): Promise<unknown> {
    return apply({ ...state.value, changed: false })
  }

  /** Clears every filter, keeping the text query and sort. */
  function reset(): Promise<unknown> {
    return apply({ ...emptyUrlState(), text: state.value.text, sort: state.value.sort })
  }

  return { state, activeCount, plain, setText, toggle, setSort, clearChanged, reset, apply }
})
