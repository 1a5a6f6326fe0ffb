import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

/**
 * Locale-aware formatting from Intl: country names, relative ages, dates and byte sizes, following the
 * active UI language. Formatters are cached per language.
 */
export function useFormat() {
  const { locale, t } = useI18n()
  const regions = computed(() => new Intl.DisplayNames([locale.value], { type: 'region', fallback: 'code' }))
  const languages = computed(() => new Intl.DisplayNames([locale.value], { type: 'language', fallback: 'code' }))
  const relative = computed(() => new Intl.RelativeTimeFormat(locale.value, { numeric: 'auto' }))
  const dateTime = computed(() => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }))
  const numbers = computed(() => new Intl.NumberFormat(locale.value))

  function countryName(code: string): string {
    if (!code)
      return t('practice.country_unknown')
    try {
      return regions.value.of(code) ?? code
    }
    catch {
      return code
    }
  }

  function languageName(tag: string): string {
    try {
      return languages.value.of(tag) ?? tag
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
        return relative.value.format(Math.round(seconds / size), unit)
    }
    return relative.value.format(0, 'second')
  }

  function date(iso: string | undefined): string {
    return iso ? dateTime.value.format(new Date(iso)) : ''
  }

  function number(n: number): string {
    return numbers.value.format(n)
  }

  function bytes(n: number): string {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
    let i = 0
    let value = n
    while (value >= 1024 && i < units.length - 1) {
      value /= 1024
      i++
    }
    return new Intl.NumberFormat(locale.value, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: i === 0 ? 0 : 1 }).format(value)
  }

  return { countryName, languageName, age, date, number, bytes }
}
