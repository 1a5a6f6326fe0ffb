import { computed, shallowRef, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Practice } from '../catalogue/schema'
import type { PracticeCardData } from './types'
import { db } from '../db'
import { emptyQuery } from '../search/types'
import { useCatalogueStore } from '../stores/catalogue'
import { useSearchStore } from '../stores/search'
import { useFormat } from './useFormat'
import { toCard } from './usePracticeCards'

const CANDIDATES = 200
const SHOWN = 6

/**
 * Practices related to this one: sharing topics or the city, the most shared first (a shared city counts
 * as much as two topics), then the newest. Candidates come from the search index, so it scales.
 */
export function useRelated(practice: Ref<Practice | null | undefined>) {
  const search = useSearchStore()
  const catalogue = useCatalogueStore()
  const { locale } = useI18n()
  const format = useFormat()
  const related = shallowRef<PracticeCardData[]>([])
  const currentYear = new Date().getFullYear()

  watch([practice, () => search.status, () => catalogue.version], async () => {
    const p = practice.value
    if (!p || search.status !== 'ready') {
      related.value = []
      return
    }
    const context = { locale: locale.value, currentYear, countryName: format.countryName }
    const byTopic = p.topics.length ? search.run({ ...emptyQuery(), topic: p.topics, sort: 'newest' }, context)?.ids ?? [] : []
    const byCity = p.city ? search.run({ ...emptyQuery(), city: [p.city], sort: 'newest' }, context)?.ids ?? [] : []
    const ids = [...new Set([...byCity.slice(0, CANDIDATES), ...byTopic.slice(0, CANDIDATES)])].filter(id => id !== p.id)
    const rows = (await db.practices.bulkGet(ids)).filter(r => r !== undefined)
    const score = (r: typeof rows[number]): number => r.topics.filter(t => p.topics.includes(t)).length + (p.city && r.city === p.city ? 2 : 0)
    const order = new Map(ids.map((id, i) => [id, i]))
    rows.sort((a, b) => score(b) - score(a) || order.get(a.id)! - order.get(b.id)!)
    const names = { countryName: format.countryName, topicName: (topic: string) => catalogue.topicName(topic, locale.value) }
    related.value = rows.slice(0, SHOWN).map(r => toCard(r, names))
  }, { immediate: true })

  return computed(() => related.value)
}
