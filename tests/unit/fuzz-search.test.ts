/** Fuzzing what reads a URL or a typed query: any input gives a valid state or result, quickly, never a crash. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Practice } from '../../src/catalogue/schema'
import { emptyQuery, openIndex, type QueryContext } from '../../src/search'
import { buildSegment } from '../../src/search/segmentBuilder'
import { MAX_QUERY_TERMS, queryTerms } from '../../src/search/tokenize'
import { stateFromQuery, queryFromState, type UrlQuery } from '../../src/search/urlState'
import { makePractices } from '../fixtures/feeds/practices'

const RUNS = { numRuns: 300, seed: 15 }
/** Any single call slower than this on inputs this small would be a runaway (a backtracking pattern, a loop). */
const SLOW_MS = 250

function timed<T>(work: () => T): T {
  const start = performance.now()
  const result = work()
  expect(performance.now() - start).toBeLessThan(SLOW_MS)
  return result
}

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(fc.constantFrom('bilbao', 'Београд', 'roma', 'the', '"', '-', '*', '\u202E', '\u0000', ' ', 'ß', 'İ', 'đ', 'a'.repeat(300)), { maxLength: 30 }).map(w => w.join(' ')),
)

const queryValue = fc.oneof(fc.constant(null), fc.constant(undefined), text, fc.array(fc.oneof(fc.constant(null), text), { maxLength: 60 }))
const urlQuery: fc.Arbitrary<UrlQuery> = fc.dictionary(
  fc.oneof(fc.constantFrom('q', 'topic', 'country', 'city', 'year', 'lang', 'sort', 'changed'), fc.string({ maxLength: 8 })),
  queryValue,
  { maxKeys: 10 },
)

describe('the URL state parser on hostile links', () => {
  it('reads any query into a valid state, and writing it back reads the same', () => {
    fc.assert(fc.property(urlQuery, (query) => {
      const state = timed(() => stateFromQuery(query))
      expect(state.text.length).toBeLessThanOrEqual(200)
      expect(state.country.every(c => /^[A-Z]{2}$/.test(c))).toBe(true)
      expect(state.year.every(y => Number.isInteger(y) && y >= 1900 && y <= 2200)).toBe(true)
      expect(['relevance', 'newest', 'title', 'country']).toContain(state.sort)
      expect(stateFromQuery(queryFromState(state))).toEqual(state)
    }), RUNS)
  })
})

describe('the search query on hostile text', () => {
  const practices: Practice[] = makePractices(40)
  const index = openIndex([buildSegment(practices.slice(0, 20)), buildSegment(practices.slice(20))])
  const ctx: QueryContext = { locale: 'en', currentYear: 2026, countryName: code => code }

  it('parses any text into a bounded list of terms', () => {
    fc.assert(fc.property(text, (t) => {
      const terms = timed(() => queryTerms(t))
      expect(terms.length).toBeLessThanOrEqual(MAX_QUERY_TERMS)
      expect(terms.every(q => typeof q.term === 'string' && q.term.length >= 2)).toBe(true)
    }), RUNS)
  })

  it('answers any text and any filters from a link with results from the index', () => {
    fc.assert(fc.property(text, urlQuery, (t, query) => {
      const result = timed(() => index.query({ ...emptyQuery(), ...stateFromQuery(query), text: t }, ctx))
      expect(result.total).toBeLessThanOrEqual(practices.length)
    }), { ...RUNS, numRuns: 150 })
  })
})
