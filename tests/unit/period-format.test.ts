import { describe, expect, it } from 'vitest'
import { chooseTextLanguage } from '../../src/catalogue/contentLanguage'
import { parsePeriod } from '../../src/catalogue/period'
import { formatPeriod, saysTheSame, type PeriodWords } from '../../src/catalogue/periodFormat'

const WORDS: Record<string, PeriodWords> = {
  'en': { ongoing: 'ongoing', since: year => `since ${year}` },
  'fr': { ongoing: 'en cours', since: year => `depuis ${year}` },
  'sr-Cyrl': { ongoing: 'у току', since: year => `од ${year}.` },
  'ar': { ongoing: 'مستمرة', since: year => `منذ ${year}` },
}
const show = (text: string, locale: string): string => formatPeriod(parsePeriod(text), locale, WORDS[locale]!)

describe('a period in the reader\'s language', () => {
  it.each([
    ['Since 2014', 'en', 'since 2014'],
    ['Since 2014', 'fr', 'depuis 2014'],
    ['Since 2014', 'sr-Cyrl', 'од 2014.'],
    ['OD 2020', 'en', 'since 2020'],
    ['2019 onwards', 'fr', 'depuis 2019'],
    ['ongoing', 'sr-Cyrl', 'у току'],
    ['ongoing', 'fr', 'en cours'],
    ['2020', 'en', '2020'],
  ])('%s in %s → %s', (text, locale, expected) => {
    expect(show(text, locale)).toBe(expected)
  })

  it('writes years the locale\'s way: Serbian with its ordinal dot, Arabic with the digits Intl gives it', () => {
    expect(show('2020', 'sr-Cyrl')).toBe('2020.')
    expect(show('Since 2014', 'ar')).toBe(`منذ ${new Intl.NumberFormat('ar', { useGrouping: false }).format(2014)}`)
    expect(show('2015-2020', 'sr-Cyrl')).toMatch(/^2015\.?\s?–\s?2020\.?$/u)
  })

  it('writes a range of years as Intl does, joined by a dash, the two-digit end expanded', () => {
    expect(show('2015-2020', 'en')).toMatch(/^2015\s?–\s?2020$/u)
    expect(show('2015-2020 / 2021-25', 'en')).toMatch(/^2015\s?–\s?2025$/u)
    expect(show('2015-2020', 'fr')).toMatch(/^2015\s?–\s?2020$/u)
  })

  it('keeps the source\'s wording when it could not be parsed, and says nothing for an empty period', () => {
    expect(show('during the summer holidays', 'fr')).toBe('during the summer holidays')
    expect(show('', 'fr')).toBe('')
  })
})

describe('the language a practice is read in', () => {
  it('is the UI language when the practice has it', () => {
    expect(chooseTextLanguage('en', ['fr', 'sr-Latn'], 'fr', ['de'])).toEqual({ language: 'fr', fallback: false })
  })

  it('counts a Serbian text in the other script as Serbian', () => {
    expect(chooseTextLanguage('sr-Latn', ['en'], 'sr-Cyrl', [])).toEqual({ language: 'sr-Latn', fallback: false })
  })

  it('falls back to the user\'s other languages in order, then English, then the original', () => {
    expect(chooseTextLanguage('it', ['en', 'es'], 'de', ['de-AT', 'es', 'en'])).toEqual({ language: 'es', fallback: true })
    expect(chooseTextLanguage('it', ['en'], 'de', ['fr'])).toEqual({ language: 'en', fallback: true })
    expect(chooseTextLanguage('it', ['es'], 'de', ['fr'])).toEqual({ language: 'it', fallback: true })
  })

  it('matches a regional preference to the language\'s text', () => {
    expect(chooseTextLanguage('en', ['pt-PT'], 'es', ['pt-BR'])).toEqual({ language: 'pt-PT', fallback: true })
  })
})

describe('the source\'s wording beside the reader\'s', () => {
  it('is left out when it says the same (case, accents, spaces and dashes aside)', () => {
    expect(saysTheSame('since 2014', 'Since 2014')).toBe(true)
    expect(saysTheSame('2015–2020', '2015-2020')).toBe(true)
    expect(saysTheSame('2015 – 2020', '2015-2020')).toBe(true)
  })

  it('is kept when it says more or says it in other words', () => {
    expect(saysTheSame('2015–2025', '2015-2020 / 2021-25')).toBe(false)
    expect(saysTheSame('depuis 2014', 'Since 2014')).toBe(false)
    expect(saysTheSame('since 2014', 'Since 2015')).toBe(false)
    expect(saysTheSame('ongoing', 'ongoing since 2017')).toBe(false)
  })
})
