import { describe, expect, it } from 'vitest'
import { createAssist } from '../../src/search/assist'
import { emptyQuery, openIndex, type QueryContext } from '../../src/search'
import { buildSegment } from '../../src/search/segmentBuilder'
import { embeddedCatalogue, relevanceSet, scoreRelevance } from '../../tools/bench/search-relevance'
import { interfaceLanguages } from '../../tools/feed/interfaceLanguages'

const { practices, taxonomy } = embeddedCatalogue()
const index = openIndex([buildSegment(practices, { taxonomy, nameLanguages: interfaceLanguages() })])
const assist = createAssist(index, taxonomy)
const ctx: QueryContext = { locale: 'en', currentYear: 2026, countryName: code => code, wordForms: assist.wordForms }
const search = (text: string): string[] => index.query({ ...emptyQuery(), text }, ctx).ids
const queries = relevanceSet()

describe('the relevance set over the embedded catalogue', () => {
  it('has at least 60 queries of every kind the search must understand', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60)
    expect(new Set(queries.map(q => q.kind))).toEqual(new Set(['place', 'topic', 'forms', 'compound', 'spelling', 'typo', 'title', 'prefix']))
  })

  it.each(queries.map(q => [q.query, q] as const))('%s', (_text, q) => {
    const score = scoreRelevance([q], search)
    expect(score.failures).toEqual([])
  })

  it('is not passed by an engine that returns everything: firsts and the size of results are checked', () => {
    const everything = index.query(emptyQuery(), ctx).ids
    const score = scoreRelevance(queries, () => everything)
    expect(score.recall).toBe(1)
    expect(score.top1).toBeLessThan(0.5)
  })

  it('finds what the words and place names say, not more: "spain" finds the six Spanish practices only', () => {
    expect(search('spain').sort()).toEqual(practices.filter(p => p.country === 'ES').map(p => p.id).sort())
  })
})
