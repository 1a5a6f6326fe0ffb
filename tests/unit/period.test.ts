import { describe, expect, it } from 'vitest'
import { isUnparsedPeriod, parsePeriod, periodOverlapsYear } from '../../src/catalogue/period'
import { check, PeriodSchema, type Period } from '../../src/catalogue/schema'

type Expected = Omit<Period, 'text'>

const since = (start: number): Expected => ({ start, ongoing: true })
const range = (start: number, end: number): Expected => ({ start, end, ongoing: false })
const ongoing: Expected = { ongoing: true }
const unparsed: Expected = { ongoing: false }

const cases: [string, Expected][] = [
  // "since" in every source language
  ['Since 2014', since(2014)],
  ['since 2014', since(2014)],
  ['Depuis 2014', since(2014)],
  ['à partir de 2014', since(2014)],
  ['Desde 2016', since(2016)],
  ['desde 2019', since(2019)],
  ['dal 2018', since(2018)],
  ['a partire dal 2018', since(2018)],
  ['seit 2017', since(2017)],
  ['od 2020', since(2020)],
  ['OD 2020', since(2020)],
  ['од 2020', since(2020)],
  ['з 2015', since(2015)],
  ['від 2015', since(2015)],
  ['On-going since 2014', since(2014)],
  ['2019 onwards', since(2019)],
  ['2017 onwards', since(2017)],
  ['2011-', since(2011)],
  ['2020 - en cours', since(2020)],
  ['1st January 2018 - present', since(2018)],
  // variants seen on the site's listing pages
  ['mai 2016', range(2016, 2016)],
  ['Ongoing-', ongoing],
  ['1982-', since(1982)],
  ['23/02/2021', range(2021, 2021)],
  ['2021 (ongoing since 2017)', since(2017)],
  ['Από το 2014', since(2014)],
  ['Vuodesta 2014', since(2014)],
  ['Që nga 2014', since(2014)],
  ['С 2014 года', since(2014)],
  ['Od 2019. godine', since(2019)],
  ['joulukuu 2019', range(2019, 2019)],
  // ongoing with no year
  ['ongoing', ongoing],
  ['Ongoing', ongoing],
  ['on-going', ongoing],
  ['en cours', ongoing],
  ['en curso', ongoing],
  ['in corso', ongoing],
  ['em curso', ongoing],
  ['laufend', ongoing],
  ['u toku', ongoing],
  ['у току', ongoing],
  ['триває', ongoing],
  ['постійно', ongoing],
  // single years and ranges
  ['2022', range(2022, 2022)],
  ['2015-2020', range(2015, 2020)],
  ['2020–2022', range(2020, 2022)],
  ['2020 — 2022', range(2020, 2022)],
  ['2015-2020 / 2021-25', range(2015, 2025)],
  ['1998-02', range(1998, 2002)],
  ['2018/19', range(2018, 2019)],
  ['from 2014 to 2020', range(2014, 2020)],
  // month names
  ['January - February 2018', range(2018, 2018)],
  ['Jan. 2018', range(2018, 2018)],
  ['janvier - mars 2019', range(2019, 2019)],
  ['de enero de 2015 a marzo de 2016', range(2015, 2016)],
  ['gennaio 2017 - giugno 2018', range(2017, 2018)],
  ['março de 2016 a dezembro de 2017', range(2016, 2017)],
  ['von März 2018 bis Juli 2019', range(2018, 2019)],
  ['mart 2019 – jun 2020', range(2019, 2020)],
  ['od januara 2018', since(2018)],
  ['od septembra 2019', since(2019)],
  ['од септембра 2019', since(2019)],
  ['з січня 2015', since(2015)],
  // unparseable: text kept, no years
  ['Spring 2018', unparsed],
  ['Maria 2018', unparsed],
  ['1850', unparsed],
  ['since', unparsed],
  ['to be confirmed', unparsed],
]

describe('parsePeriod', () => {
  it.each(cases)('%j', (text, expected) => {
    const period = parsePeriod(text)
    expect(period).toEqual({ text, ...expected })
    expect(check(PeriodSchema, period).ok).toBe(true)
  })

  it('keeps unparseable text and flags it as such', () => {
    expect(isUnparsedPeriod(parsePeriod('Spring 2018'))).toBe(true)
    expect(isUnparsedPeriod(parsePeriod('Since 2014'))).toBe(false)
    expect(isUnparsedPeriod(parsePeriod('ongoing'))).toBe(false)
    expect(isUnparsedPeriod(parsePeriod(''))).toBe(false)
  })

  it('gives an empty period for empty or blank text', () => {
    expect(parsePeriod('')).toEqual({ text: '', ongoing: false })
    expect(parsePeriod('   ')).toEqual({ text: '', ongoing: false })
  })

  it('trims and collapses the text it keeps', () => {
    expect(parsePeriod('  Since   2014 ')).toEqual({ text: 'Since 2014', start: 2014, ongoing: true })
  })

  it('never throws on odd input', () => {
    for (const text of ['-', '/', '2014-', '--2014', '9999', '20', '()', '\u0000', 'a'.repeat(500), '2021-2', '🙂 2018'])
      expect(() => parsePeriod(text)).not.toThrow()
  })
})

describe('periodOverlapsYear', () => {
  const now = 2024
  const table: [string, Period, number, boolean][] = [
    ['inside a range', range2(2015, 2020), 2017, true],
    ['range start', range2(2015, 2020), 2015, true],
    ['range end', range2(2015, 2020), 2020, true],
    ['after a range', range2(2015, 2020), 2021, false],
    ['before a range', range2(2015, 2020), 2014, false],
    ['ongoing runs to the current year', { text: 'Since 2014', start: 2014, ongoing: true }, 2024, true],
    ['ongoing does not run past the current year', { text: 'Since 2014', start: 2014, ongoing: true }, 2025, false],
    ['ongoing before its start', { text: 'Since 2014', start: 2014, ongoing: true }, 2013, false],
    ['a lone start that is not ongoing is one year', { text: '2016', start: 2016, ongoing: false }, 2016, true],
    ['a lone start that is not ongoing ends that year', { text: '2016', start: 2016, ongoing: false }, 2017, false],
    ['ongoing without a start is known for now only', { text: 'ongoing', ongoing: true }, 2024, true],
    ['ongoing without a start says nothing of the past', { text: 'ongoing', ongoing: true }, 2020, false],
    ['an empty period covers nothing', { text: '', ongoing: false }, 2024, false],
    ['an ended range that is still ongoing extends to now', { text: '2015-2020, ongoing', start: 2015, end: 2020, ongoing: true }, 2023, true],
  ]
  it.each(table)('%s', (_name, period, year, expected) => {
    expect(periodOverlapsYear(period, year, now)).toBe(expected)
  })
})

function range2(start: number, end: number): Period {
  return { text: `${start}-${end}`, start, end, ongoing: false }
}
