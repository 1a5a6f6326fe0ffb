import { computed, shallowRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { PracticeCardData } from './types'
import { db, type PracticeRow } from '../db'
import { useCatalogueStore } from '../stores/catalogue'
import { useFormat } from './useFormat'

/** The fields of a practice a card shows (a row of the list, or a card embedded in the page). */
type CardSource = Pick<PracticeRow, 'id' | 'title' | 'city' | 'country' | 'period' | 'summary' | 'topics' | 'language'>

/** A practice as a card shows it: its country and topics named in the interface's language. */
export function toCard(row: CardSource, names: { countryName: (code: string) => string, topicName: (id: string) => string }): PracticeCardData {
  return {
    id: row.id,
    title: row.title,
    city: row.city,
    countryName: names.countryName(row.country),
    period: row.period,
    summary: row.summary,
    topicNames: row.topics.map(names.topicName),
    language: row.language,
  }
}

/**
 * The card data of the practices on screen, read from Dexie in batches as the list asks for them, so a
 * list of 100,000 results never reads more than what is shown. Rows are dropped when the catalogue changes.
 * The cards embedded in the page stand in for rows not read yet while they are those of the local catalogue
 * (or of the one the first sync is fetching), so the first cards show at once and never blink.
 */
export function usePracticeCards() {
  const { locale } = useI18n()
  const { countryName } = useFormat()
  const catalogue = useCatalogueStore()
  const rows = shallowRef(new Map<string, PracticeRow>())
  const pending = new Set<string>()

  watch(() => catalogue.version, () => { rows.value = new Map() })

  async function request(ids: readonly string[]): Promise<void> {
    const missing = ids.filter(id => !rows.value.has(id) && !pending.has(id))
    if (!missing.length)
      return
    missing.forEach(id => pending.add(id))
    try {
      const found = await db.practices.bulkGet(missing)
      const next = new Map(rows.value)
      for (const row of found) {
        if (row)
          next.set(row.id, row)
      }
      rows.value = next
    }
    finally {
      missing.forEach(id => pending.delete(id))
    }
  }

  const cards = computed(() => {
    const map = new Map<string, PracticeCardData>()
    const names = { countryName, topicName: (topic: string) => catalogue.topicName(topic, locale.value) }
    for (const row of [...catalogue.firstScreen?.practices ?? [], ...rows.value.values()])
      map.set(row.id, toCard(row, names))
    return map
  })

  return { cards, request }
}
