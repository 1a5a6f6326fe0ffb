import { useI18n } from 'vue-i18n'
import type { Period } from '../catalogue/schema'
import { formatPeriod } from '../catalogue/periodFormat'
import { formattingLocale } from '../i18n/region'

/** A practice's period in the UI language ("since 2014", "од 2014.", "2015–2020"), from its parsed fields. */
export function usePeriod() {
  const { t, locale } = useI18n()
  const preferred = (): readonly string[] => typeof navigator === 'undefined' ? [] : navigator.languages ?? []
  return (period: Period): string => formatPeriod(period, formattingLocale(locale.value, preferred()), {
    ongoing: t('period.ongoing'),
    since: year => t('period.since', { year }),
  })
}
