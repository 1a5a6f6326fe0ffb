import { computed, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Practice } from '../catalogue/schema'
import type { FacetOption } from './types'
import { db, listBookmarks, type Bookmark } from '../db'
import { emptyQuery, FACET_NAMES, openIndex, type FacetName } from '../search'
import type { buildSegment } from '../search/segmentBuilder'
import { useFacetLabel } from './useFacetLabel'
import { useFormat } from './useFormat'
import { useLiveQuery } from './useLiveQuery'

export type SavedSort = 'saved' | 'title' | 'country'

/** A bookmark as the search engine sees it: its snapshot, with the note and tags as searchable text. */
function asPractice(b: Bookmark): Practice {
  const s = b.snapshot
  return { id: b.id, slug: b.id, title: s.title, country: s.country, city: s.city, period: s.period, topics: s.topics, language: s.language, summary: s.summary, body: [b.note, b.tags.join(' ')].join('\n\n'), updatedAt: b.savedAt }
}

/**
 * The saved practices, searched and filtered with the same engine and facets as the catalogue (run over the
 * bookmarks' snapshots, so practices gone from the catalogue are still found), plus the user's own tags.
 */
export function useSavedList() {
  const { locale } = useI18n()
  const format = useFormat()
  const label = useFacetLabel()
  const stored = useLiveQuery(() => listBookmarks(db), undefined as Bookmark[] | undefined)
  // The segment builder loads with Saved, never with the start-up code (a lint rule keeps it out); until it
  // has, the list is still loading.
  const build = shallowRef<typeof buildSegment>()
  void import('../search/segmentBuilder').then(m => build.value = m.buildSegment)
  const bookmarks = computed(() => build.value ? stored.value : undefined)
  const text = ref('')
  const sort = ref<SavedSort>('saved')
  const selected = ref<Record<FacetName | 'tag', string[]>>({ topic: [], country: [], city: [], year: [], language: [], tag: [] })
  const collator = computed(() => new Intl.Collator(locale.value, { sensitivity: 'base', numeric: true }))

  const index = computed(() => bookmarks.value?.length && build.value ? openIndex([build.value(bookmarks.value.map(asPractice))]) : undefined)
  const byId = computed(() => new Map((bookmarks.value ?? []).map(b => [b.id, b])))

  const result = computed(() => index.value?.query({
    ...emptyQuery(),
    text: text.value,
    topic: selected.value.topic,
    country: selected.value.country,
    city: selected.value.city,
    year: selected.value.year.map(Number),
    language: selected.value.language,
    sort: text.value.trim() ? 'relevance' : 'newest',
  }, { locale: locale.value, currentYear: new Date().getFullYear(), countryName: format.countryName }))

  const items = computed(() => {
    const tags = selected.value.tag
    let list = (result.value?.ids ?? []).map(id => byId.value.get(id)!).filter(b => tags.every(t => b.tags.includes(t)))
    if (sort.value === 'saved' && !text.value.trim())
      list = list.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
    else if (sort.value === 'title')
      list = list.sort((a, b) => collator.value.compare(a.snapshot.title, b.snapshot.title))
    else if (sort.value === 'country')
      list = list.sort((a, b) => collator.value.compare(format.countryName(a.snapshot.country), format.countryName(b.snapshot.country)) || collator.value.compare(a.snapshot.title, b.snapshot.title))
    return list
  })

  const allTags = computed(() => [...new Set((bookmarks.value ?? []).flatMap(b => b.tags))].sort(collator.value.compare))

  const facetOptions = computed(() => {
    const out = {} as Record<FacetName, FacetOption[]>
    for (const facet of FACET_NAMES) {
      const counts = result.value?.facets[facet] ?? new Map<string, number>()
      out[facet] = [...counts.keys()].map(value => ({ value, label: label(facet, value), count: counts.get(value) ?? 0, selected: selected.value[facet].includes(value) }))
        .sort((a, b) => facet === 'year' ? Number(b.value) - Number(a.value) : collator.value.compare(a.label, b.label))
    }
    return out
  })

  function toggle(facet: FacetName | 'tag', value: string): void {
    const list = selected.value[facet]
    selected.value = { ...selected.value, [facet]: list.includes(value) ? list.filter(v => v !== value) : [...list, value] }
  }

  const activeCount = computed(() => Object.values(selected.value).reduce((n, l) => n + l.length, 0))

  function reset(): void {
    selected.value = { topic: [], country: [], city: [], year: [], language: [], tag: [] }
  }

  return { bookmarks, items, text, sort, selected, allTags, facetOptions, toggle, reset, activeCount, terms: computed(() => result.value?.terms ?? []) }
}
