/**
 * The choices of the draft form, in the interface language and its order: every country (Intl.DisplayNames),
 * the catalogue's topics (their names from the taxonomy) and the languages a text may be written in.
 */
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { allCountryCodes } from '../catalogue/countries'
import { localeLoaders } from '../i18n/locales'
import { useCatalogueStore } from '../stores/catalogue'

function byName<T extends { name: string }>(items: T[], locale: string): T[] {
  const collator = new Intl.Collator(locale)
  return items.sort((a, b) => collator.compare(a.name, b.name))
}

function displayName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code
  }
  catch {
    return code
  }
}

export function useDraftOptions() {
  const { locale } = useI18n()
  const catalogue = useCatalogueStore()

  const countries = computed(() => {
    const names = new Intl.DisplayNames([locale.value], { type: 'region', fallback: 'code' })
    return byName(allCountryCodes().map(code => ({ code, name: displayName(names, code) })), locale.value)
  })
  const topics = computed(() => byName(catalogue.taxonomy.topics.map(t => ({ id: t.id, name: catalogue.topicName(t.id, locale.value) })), locale.value))
  const topicIds = computed(() => new Set(catalogue.taxonomy.topics.map(t => t.id)))
  const languages = computed(() => {
    const names = new Intl.DisplayNames([locale.value], { type: 'language', fallback: 'code' })
    // The interface's languages (those of the source site and the catalogue's countries), named here.
    return byName(Object.keys(localeLoaders).map(tag => ({ tag, name: displayName(names, tag) })), locale.value)
  })

  return { countries, topics, topicIds, languages }
}
