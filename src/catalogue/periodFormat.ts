/**
 * A period in the reader's language, from its parsed fields: "2015–2020", "2015.–2020." or "2015年～2020年"
 * from Intl's own year ranges, "since 2014" and "ongoing" from the caller's messages. A period that was not
 * parsed keeps the source's wording, as does an empty one.
 */
import type { Period } from './schema'

export interface PeriodWords {
  ongoing: string
  /** "since {year}" with the year already written in the locale's digits. */
  since: (year: string) => string
}

const yearDate = (year: number): Date => new Date(Date.UTC(year, 6, 1))

/** Built once per locale: every card of the list formats its period, and building a formatter costs more than using it. */
const formats = new Map<string, { years: Intl.DateTimeFormat, year: Intl.NumberFormat }>()

function formatsFor(locale: string): { years: Intl.DateTimeFormat, year: Intl.NumberFormat } {
  let found = formats.get(locale)
  if (!found) {
    found = { years: new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }), year: new Intl.NumberFormat(locale, { useGrouping: false }) }
    formats.set(locale, found)
  }
  return found
}

export function formatPeriod(period: Period, locale: string, words: PeriodWords): string {
  const { start, end } = period
  // No year: "ongoing" if the parser found that, else the source's words (nothing of period.ts is imported:
  // its parser's tables would come into start-up with it).
  if (period.text.trim() === '' || (start === undefined && end === undefined))
    return period.ongoing && period.text.trim() !== '' ? words.ongoing : period.text
  if (period.ongoing && start !== undefined && end === undefined)
    return words.since(formatsFor(locale).year.format(start))
  const first = start ?? end!
  const last = end ?? first
  const { years } = formatsFor(locale)
  return first === last ? years.format(yearDate(first)) : years.formatRange(yearDate(first), yearDate(last))
}

/**
 * Whether the source's wording of a period says nothing the reader's does not: the same words and numbers up
 * to case, accents, spaces and dashes ("Since 2014" and "since 2014", "2015-2020" and "2015–2020"). Then the
 * page need not show the source's wording as well.
 */
export function saysTheSame(shown: string, source: string): boolean {
  return new Intl.Collator('en', { sensitivity: 'base', ignorePunctuation: true }).compare(shown, source) === 0
}
