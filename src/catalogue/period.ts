/**
 * Reading the free-text period the site prints after a practice's city ("Since 2014", "2015-2020 / 2021-25",
 * "OD 2020", "ongoing") into years. The vocabulary is closed on purpose: a text with a word we do not know is
 * left unparsed (years dropped) so a person reviews it, rather than guessing years out of a sentence.
 */
import type { Period } from './schema'

/** Languages the catalogue's sources are written in; month names come from ICU for each of them. */
const MONTH_LANGUAGES = ['en', 'fr', 'es', 'it', 'pt', 'de', 'sr-Latn', 'sr-Cyrl', 'uk', 'el', 'fi', 'sq', 'tr', 'ru', 'eu'] as const

const MIN_YEAR = 1900
const MAX_YEAR = 2199

/** Words that open a period that is still running: "Since 2014" means 2014 until now. */
const SINCE_WORDS = new Set([
  'since', 'from', 'starting', 'started',
  'depuis', 'dès',
  'desde',
  'dal', 'dall', 'dalla', 'da',
  'seit', 'ab', 'von', 'vom',
  'od', 'počev', 'од', 'почев',
  'з', 'із', 'від', 'починаючи',
  'από', 'vuodesta', 'с', 'со',
])

/** Single words that mean "still running" in the source languages. */
const ONGOING_WORDS = new Set([
  'ongoing', 'continuing', 'continuous', 'current', 'currently', 'present', 'now', 'today', 'onwards', 'onward', 'permanent',
  'actuellement', 'aujourd\'hui', 'permanente',
  'actualidad', 'hoy', 'presente', 'actualmente',
  'oggi', 'tuttora',
  'hoje', 'atualidade', 'atualmente',
  'laufend', 'fortlaufend', 'andauernd', 'heute', 'dauerhaft',
  'danas', 'trajno', 'stalno', 'данас', 'трајно', 'стално',
  'триває', 'постійно', 'дотепер', 'нині', 'сьогодні',
  'συνεχίζεται', 'jatkuva', 'käynnissä', 'vazhdon', 'devam', 'продолжается', 'настоящее',
])

/** A phrase as a whole-word pattern; `\b` only knows ASCII letters, so the edges are spelled out. */
function phrase(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}])(?:${source})(?![\\p{L}])`, 'gu')
}

/** Multi-word "still running" phrases, matched on the normalised text before it is cut into words. */
const ONGOING_PHRASES = [
  'on[\\s-]?going', 'en cours', 'en curso', 'in corso', 'em (?:curso|andamento)', '[uу] (?:toku|току)', 'u tijeku',
  'to date', 'à ce jour', 'up to now', 'until now', 'till now',
].map(phrase)

/** Multi-word "since" phrases. */
const SINCE_PHRASES = ['që nga', 'à partir d(?:e|u|\')', 'a partir d[eoa]', 'a partire da(?:l|lla)?', 'starting (?:in|from)', 'počev od', 'почев од', 'починаючи з'].map(phrase)

/** Glue between dates: "from … to …", "2015 and 2016", articles. */
const CONNECTOR_WORDS = new Set([
  'to', 'until', 'till', 'through', 'and', 'in', 'the', 'of',
  'à', 'au', 'et', 'en', 'de', 'jusqu\'à', 'jusqu\'en', 'jusqu\'au', 'le',
  'a', 'al', 'hasta', 'y', 'e', 'el', 'del',
  'fino', 'ad',
  'até', 'em', 'o',
  'bis', 'und', 'im', 'zum',
  'i', 'do', 'u', 'до', 'и', 'у', 'по',
  'і', 'та', 'й', 'в',
  'το', 'godine', 'године', 'года', 'г', 'vuoteen', 'deri', 'në',
])

const ORDINAL_SUFFIX = /^(?:st|nd|rd|th|er|re|e|ème)$/u

const ONGOING_MARK = '\uE000'
const SINCE_MARK = '\uE001'

let monthNames: Set<string> | undefined

/** Serbian prints months in the genitive after "od" ("od januara", "od septembra"). */
function serbianGenitive(name: string): string {
  if (/(?:bar|бар)$/u.test(name))
    return name.replace(/a(r)$/u, '$1a').replace(/а(р)$/u, '$1а')
  return name + (/[а-ш]$/u.test(name) ? 'а' : 'a')
}

function buildMonthNames(): Set<string> {
  const names = new Set<string>()
  for (const lang of MONTH_LANGUAGES) {
    for (let m = 0; m < 12; m++) {
      const date = new Date(Date.UTC(2001, m, 15))
      const long = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(date).toLowerCase()
      const short = new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' }).format(date).toLowerCase().replace(/\.$/u, '')
      // Ukrainian has a separate genitive form for "1 січня"; other languages return the same word.
      const inDate = new Intl.DateTimeFormat(lang, { month: 'long', day: 'numeric', timeZone: 'UTC' })
        .formatToParts(date).find(p => p.type === 'month')?.value.toLowerCase()
      names.add(long)
      names.add(short)
      if (inDate)
        names.add(inDate)
      if (lang.startsWith('sr'))
        names.add(serbianGenitive(long))
    }
  }
  // Common spellings ICU does not produce.
  for (const extra of ['sept', 'setiembre', 'jänner', 'jän', 'juin', 'juil', 'févr'])
    names.add(extra)
  return names
}

function isMonth(word: string): boolean {
  monthNames ??= buildMonthNames()
  return monthNames.has(word.replace(/\.$/u, ''))
}

/** True for words the period vocabulary knows (month names, "since"/"ongoing" words, connectors). */
export function isPeriodWord(word: string): boolean {
  const w = normalise(word).replace(/[.,;:]$/u, '')
  return w !== '' && (SINCE_WORDS.has(w) || ONGOING_WORDS.has(w) || CONNECTOR_WORDS.has(w) || isMonth(w))
}

function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\u2010-\u2015\u2212]/gu, '-').replace(/[’ʼ]/gu, '\'').replace(/\s+/gu, ' ').trim()
}

/**
 * "2021-25" → "2021-2025": a two-digit end takes the start's century, or the next one if it would go
 * backwards ("1998-02"). A jump of more than a few decades is a month ("2018/06"), not a year.
 */
function expandTwoDigitEnds(text: string): string {
  return text.replace(/(?<!\d)(\d{4})\s*([-/])\s*(\d{2})(?!\d)/gu, (match, start: string, separator: string, end: string) => {
    const century = Math.floor(Number(start) / 100) * 100
    let full = century + Number(end)
    if (full < Number(start))
      full += 100
    return full - Number(start) > 30 ? match : `${start}${separator}${full}`
  })
}

type Token
  = | { kind: 'year', value: number }
    | { kind: 'since' }
    | { kind: 'ongoing' }
    | { kind: 'dash' }
    | { kind: 'other' }
    | { kind: 'unknown', text: string }

function classify(raw: string): Token {
  if (raw === ONGOING_MARK)
    return { kind: 'ongoing' }
  if (raw === SINCE_MARK)
    return { kind: 'since' }
  if (raw === '-')
    return { kind: 'dash' }
  if (/^[/,;.()]$/u.test(raw))
    return { kind: 'other' }
  const number = /^(\d+)(\p{L}*)\.?$/u.exec(raw)
  if (number) {
    const [, digits = '', suffix = ''] = number
    if (digits.length === 4 && suffix === '') {
      const value = Number(digits)
      return value >= MIN_YEAR && value <= MAX_YEAR ? { kind: 'year', value } : { kind: 'unknown', text: raw }
    }
    // A day of the month ("15 March 2018", "1er janvier"): carries no year, so it is harmless.
    if (digits.length <= 2 && (suffix === '' || ORDINAL_SUFFIX.test(suffix)))
      return { kind: 'other' }
    return { kind: 'unknown', text: raw }
  }
  if (SINCE_WORDS.has(raw))
    return { kind: 'since' }
  if (ONGOING_WORDS.has(raw))
    return { kind: 'ongoing' }
  if (CONNECTOR_WORDS.has(raw) || isMonth(raw))
    return { kind: 'other' }
  return { kind: 'unknown', text: raw }
}

function tokenize(text: string): Token[] {
  let t = expandTwoDigitEnds(normalise(text))
  for (const pattern of ONGOING_PHRASES)
    t = t.replace(pattern, ` ${ONGOING_MARK} `)
  for (const pattern of SINCE_PHRASES)
    t = t.replace(pattern, ` ${SINCE_MARK} `)
  const raw = t.match(/[\uE000\uE001]|\d+\p{L}*\.?|[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*\.?|[-/,;()]|[^\s]/gu) ?? []
  return raw.map(w => classify(/^\D.*\.$/u.test(w) ? w.slice(0, -1) : w))
}

/** Parses a period as the site writes it; never throws. Unknown wording keeps only its text. */
export function parsePeriod(text: string): Period {
  const original = text.replace(/\s+/gu, ' ').trim()
  if (original === '')
    return { text: '', ongoing: false }
  const unparsed: Period = { text: original, ongoing: false }
  const tokens = tokenize(original)
  if (tokens.some(t => t.kind === 'unknown'))
    return unparsed

  const years = tokens.flatMap(t => (t.kind === 'year' ? [t.value] : []))
  const since = tokens.some(t => t.kind === 'since')
  const ongoingWord = tokens.some(t => t.kind === 'ongoing')
  const meaningful = tokens.filter(t => t.kind !== 'other')
  // "2011-": a range left open at its end.
  const openEnd = meaningful.at(-1)?.kind === 'dash' && meaningful.at(-2)?.kind === 'year'

  if (years.length === 0)
    return ongoingWord ? { text: original, ongoing: true } : unparsed

  const start = Math.min(...years)
  const end = Math.max(...years)
  if (openEnd)
    return { text: original, start, ongoing: true }
  // A running practice has no end yet: "2021 (ongoing since 2017)" names the year it was written about.
  if (ongoingWord || (years.length === 1 && since))
    return { text: original, start, ongoing: true }
  return { text: original, start, end, ongoing: ongoingWord }
}

/** A non-empty period text that yielded neither a year nor "ongoing" needs a person to read it. */
export function isUnparsedPeriod(period: Period): boolean {
  return period.text.trim() !== '' && period.start === undefined && period.end === undefined && !period.ongoing
}

/**
 * The first and last year a period covers, or undefined when it names none: a lone start or end year is that
 * one year; an ongoing period runs to `currentYear` (or to a later end its record names), and with no known
 * start it is only known to run now. The one statement of this rule: the year filter and its counts, the
 * newest-first order and periodOverlapsYear all read it.
 */
export function coveredYears(start: number | undefined, end: number | undefined, ongoing: boolean, currentYear: number): [number, number] | undefined {
  const first = start ?? end
  if (first === undefined)
    return ongoing ? [currentYear, currentYear] : undefined
  const last = end ?? first
  return [first, ongoing && last < currentYear ? currentYear : last]
}

/** Whether a practice ran during `year` (see coveredYears). */
export function periodOverlapsYear(period: Period, year: number, currentYear: number): boolean {
  const years = coveredYears(period.start, period.end, period.ongoing, currentYear)
  return years !== undefined && year >= years[0] && year <= years[1]
}
