/**
 * The words a practice is also found by: its country's name in every interface language (the same
 * Intl.DisplayNames names the country facet shows, long and short: "United Kingdom", "UK", "Royaume-Uni",
 * "Уједињено Краљевство"…), its country code where the code is not also a common word, and the names of its
 * topics in every language of the taxonomy.
 */
import { COUNTRY_NAME_LANGUAGES } from '../catalogue/countries'
import { isIndexed } from './tokenize'

/**
 * The interface languages when the builder is not told them (tools/build-feed tells it, from locales/; the
 * app rebuilding an index cannot list that folder), and the languages a query is stemmed in beside the
 * index's own.
 */
export const PLACE_NAME_LANGUAGES: readonly string[] = [
  ...COUNTRY_NAME_LANGUAGES, 'ar', 'ca', 'da', 'el', 'eu', 'fi', 'he', 'hr', 'is', 'ja', 'ko', 'nb', 'nl', 'pl', 'ro',
  'ru', 'sq', 'sv', 'tr',
]

/** Topic id → its names, each with its language (so that it is stemmed in it), from the taxonomy. */
type TopicNames = Readonly<Record<string, readonly { language: string, name: string }[]>>

export function topicNamesOf(taxonomy: { topics: readonly { id: string, names: Readonly<Record<string, string>> }[] }): TopicNames {
  return Object.fromEntries(taxonomy.topics.map(t => [t.id, Object.entries(t.names).map(([language, name]) => ({ language, name }))]))
}

// Memos of immutable values: a formatter costs far more to build than to use, and every segment of a feed
// asks for the same names (measured: without them, names took two thirds of a segment's build).
const displayNames = new Map<string, Intl.DisplayNames>()
const nameTexts = new Map<string, string>()

function regionName(language: string, style: 'long' | 'short', code: string): string | undefined {
  const key = `${language}|${style}`
  let names = displayNames.get(key)
  if (!names)
    displayNames.set(key, names = new Intl.DisplayNames([language], { type: 'region', style, fallback: 'none' }))
  return names.of(code)
}

/** A country's names in these languages, joined into one text (its words are what gets indexed). */
export function countryNameText(code: string, languages: readonly string[] = PLACE_NAME_LANGUAGES): string {
  const key = `${code}|${languages.join(',')}`
  let text = nameTexts.get(key)
  if (text === undefined) {
    const names = new Set<string>()
    for (const language of languages) {
      for (const style of ['long', 'short'] as const) {
        const name = regionName(language, style, code)
        if (name)
          names.add(name)
      }
    }
    nameTexts.set(key, text = [...names].join(' · '))
  }
  return text
}

/**
 * The country code as a word, when it is unambiguous: "gb", "pt", "ch" are; "es", "it", "no", "de" are also
 * words of the catalogue's languages (stop words), so a search for them must not mean a country.
 */
export function countryCodeWord(code: string): string | undefined {
  const word = code.toLowerCase()
  return /^[a-z]{2}$/.test(word) && isIndexed(word) ? word : undefined
}
