import { useI18n } from 'vue-i18n'
import { formattingLocale } from '../i18n/region'

/**
 * Intl formatters by kind and language, each built once, on first use: building one costs milliseconds (the
 * first region-name formatter 17–20 ms on the development machine, as its locale data loads), and every card
 * and view formats with the same few. They are immutable, so sharing them is safe.
 */
const formatters = new Map<string, object>()

function cached<T extends object>(key: string, build: () => T): T {
  let formatter = formatters.get(key) as T | undefined
  if (!formatter)
    formatters.set(key, formatter = build())
  return formatter
}

const regionNames = (locale: string): Intl.DisplayNames =>
  cached(`region|${locale}`, () => new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }))

/**
 * Builds the country-name formatter ahead of the first list, so the slow first build (its locale data loads)
 * runs in a task of its own rather than in the one that renders the cards.
 */
export function prepareCountryNames(locale: string): void {
  regionNames(locale)
}

const MILE_REGIONS: ReadonlySet<string> = new Set(['US', 'GB', 'LR', 'MM'])
const KM_PER_MILE = 1.609344

const devicePreferences = (): readonly string[] =>
  typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]

/**
 * Locale-aware formatting from Intl: country and language names in the UI language; relative ages, dates,
 * numbers and byte sizes in the UI language with the user's region (see formattingLocale).
 */
export function useFormat() {
  const { locale, t } = useI18n()
  const regional = (): string => formattingLocale(locale.value, devicePreferences())
  const regions = (): Intl.DisplayNames => regionNames(locale.value)
  const languages = (): Intl.DisplayNames => cached(`language|${locale.value}`, () => new Intl.DisplayNames([locale.value], { type: 'language', fallback: 'code' }))
  const relative = (): Intl.RelativeTimeFormat => cached(`relative|${regional()}`, () => new Intl.RelativeTimeFormat(regional(), { numeric: 'auto' }))
  const dateTime = (): Intl.DateTimeFormat => cached(`date|${regional()}`, () => new Intl.DateTimeFormat(regional(), { dateStyle: 'medium', timeStyle: 'short' }))
  const numbers = (): Intl.NumberFormat => cached(`number|${regional()}`, () => new Intl.NumberFormat(regional()))

  function countryName(code: string): string {
    if (!code)
      return t('practice.country_unknown')
    try {
      return regions().of(code) ?? code
    }
    catch {
      return code
    }
  }

  function languageName(tag: string): string {
    try {
      return languages().of(tag) ?? tag
    }
    catch {
      return tag
    }
  }

  /** "5 minutes ago", "yesterday", "3 weeks ago". */
  function age(iso: string | undefined, now = Date.now()): string {
    if (!iso)
      return ''
    const seconds = (new Date(iso).getTime() - now) / 1000
    const units: [Intl.RelativeTimeFormatUnit, number][] = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]]
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size)
        return relative().format(Math.round(seconds / size), unit)
    }
    return relative().format(0, 'second')
  }

  function date(iso: string | undefined): string {
    return iso ? dateTime().format(new Date(iso)) : ''
  }

  /** The day alone, "23 Nov 2026": how current the catalogue is. */
  function day(iso: string | undefined): string {
    return iso ? cached(`day|${regional()}`, () => new Intl.DateTimeFormat(regional(), { dateStyle: 'medium' })).format(new Date(iso)) : ''
  }

  function number(n: number): string {
    return numbers().format(n)
  }

  /** "12 km", or "7.5 mi" where distances are given in miles (the user's region: the US, the UK, Liberia, Myanmar). */
  function distance(km: number): string {
    return formatDistance(regional(), km)
  }

  function bytes(n: number): string {
    return formatBytes(regional(), n)
  }

  return { countryName, languageName, age, date, day, number, distance, bytes }
}

function formatDistance(locale: string, km: number): string {
  const region = locale.split('-').find(part => /^[A-Z]{2}$/u.test(part))
  const miles = region !== undefined && MILE_REGIONS.has(region)
  const value = miles ? km / KM_PER_MILE : km
  return cached(`distance|${locale}|${miles}|${value < 10}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: miles ? 'mile' : 'kilometer', unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 })).format(value)
}

function formatBytes(locale: string, n: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let i = 0
  let value = n
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024
    i++
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: i === 0 ? 0 : 1 }).format(value)
}
