/**
 * A card's "Country City Period" line ("United Kingdom Leeds 2022", "Italie Ravenne", "Belgium 2021",
 * "Portugal Amadora Lisbon Loures …"). Countries are recognised in every language ICU names them in, so the
 * line may be in the page's language.
 */
import { findCountryPrefix } from '../../src/catalogue/countries'
import { isPeriodWord, isUnparsedPeriod, parsePeriod } from '../../src/catalogue/period'
import type { Period } from '../../src/catalogue/schema'

export interface Location {
  country: string
  city: string
  period: Period
}

/** A location line is short: the country, a few cities (some print six), a period. */
const MAX_LOCATION_WORDS = 24
const MAX_CITY_WORDS = 16

/** Splits "Bilbao Since 2014" into city and period: the period is the longest tail that reads as one. */
function splitCityAndPeriod(words: readonly string[]): { city: string, period: Period } {
  for (let i = 0; i < words.length; i++) {
    const period = parsePeriod(words.slice(i).join(' '))
    if (!isUnparsedPeriod(period))
      return { city: words.slice(0, i).join(' '), period }
  }
  // No tail reads as a period; one that has a number is still a period, just one a person must read.
  let start = words.findIndex(w => /\d/u.test(w))
  if (start === -1)
    return { city: words.join(' '), period: parsePeriod('') }
  while (start > 0 && isPeriodWord(words[start - 1] ?? ''))
    start--
  return { city: words.slice(0, start).join(' '), period: parsePeriod(words.slice(start).join(' ')) }
}

/** A city list never holds a lone dash ("Italy - Learn Arabic" is a title); a period may ("January - February 2018"). */
function hasLoneDash(city: string): boolean {
  return city.split(' ').some(w => /^[-–—:|]$/u.test(w))
}

/** "United Kingdom Leeds 2022" → GB / Leeds / 2022; undefined unless the line starts with a country name. */
export function parseLocationLine(text: string, languageHint?: string): Location | undefined {
  // A long list of cities is cut off with "…" on the site.
  const line = text.replace(/\s*(?:…|\.\.\.)$/u, '')
  const words = line.split(' ').filter(w => w !== '')
  if (words.length === 0 || words.length > MAX_LOCATION_WORDS || /[.!?:;]$/u.test(line))
    return undefined
  const country = findCountryPrefix(words, languageHint)
  if (!country)
    return undefined
  const { city, period } = splitCityAndPeriod(words.slice(country.wordCount))
  if (city.split(' ').length > MAX_CITY_WORDS || hasLoneDash(city))
    return undefined
  return { country: country.code, city, period }
}

/** A location line whose country we do not know: keep the period, leave country and city for review. */
export function parseUnknownLocation(text: string): Location {
  const { period } = splitCityAndPeriod(text.split(' ').filter(w => w !== ''))
  return { country: '', city: '', period }
}

export function isPeriodLine(text: string): boolean {
  const period = parsePeriod(text)
  return text.length <= 60 && period.text !== '' && !isUnparsedPeriod(period)
}

/** "13 January 2022": a full date, as news items and the newsroom print under a title. */
export function isDateLine(text: string): boolean {
  const words = text.split(' ')
  return /^\d{1,2}\.?$/u.test(words[0] ?? '') && /^\d{4}[,.]?$/u.test(words[2] ?? '') && isPeriodWord(words[1] ?? '')
}
