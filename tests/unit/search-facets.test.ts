import { describe, expect, it } from 'vitest'
import type { Practice } from '../../src/catalogue/schema'
import { emptyQuery, type FacetName, openIndex, type QueryContext, type SearchQuery } from '../../src/search'
import { buildSegment } from '../../src/search/segmentBuilder'
import { synthPractices } from '../../tools/synth/lib'

/**
 * Cross-checks facet filtering and disjunctive counts against a brute-force computation from the records, on
 * queries whose text matches few, many (> 1/4) and most (> 1/2) practices, so that every counting path of
 * countFacets (candidate list, marked pass, complement) is exercised, with and without selections.
 */
const ctx: QueryContext = { locale: 'en', currentYear: 2026, countryName: c => c }
const practices = synthPractices(600, 3)
const byId = new Map(practices.map(p => [p.id, p]))
const index = openIndex([buildSegment(practices.slice(0, 250)), buildSegment(practices.slice(250))])

function years(p: Practice): [number, number] | undefined {
  const { start, end, ongoing } = p.period
  let s = start ?? end ?? 0
  let e = end ?? start ?? 0
  if (ongoing) {
    if (s === 0)
      s = e = ctx.currentYear
    else if (e < ctx.currentYear)
      e = ctx.currentYear
  }
  return s === 0 ? undefined : [s, e]
}

const languagesOf = (p: Practice): string[] => [p.language, ...Object.keys(p.translations ?? {})]

function passes(p: Practice, q: SearchQuery, facet: FacetName): boolean {
  switch (facet) {
    case 'topic': return q.topic.length === 0 || p.topics.some(t => q.topic.includes(t))
    case 'country': return q.country.length === 0 || q.country.includes(p.country)
    case 'city': return q.city.length === 0 || q.city.includes(p.city)
    case 'language': return q.language.length === 0 || languagesOf(p).some(l => q.language.includes(l))
    case 'year': {
      const y = years(p)
      return q.year.length === 0 || (!!y && q.year.some(v => v >= y[0] && v <= y[1]))
    }
  }
}

const FACETS: FacetName[] = ['topic', 'country', 'city', 'year', 'language']

function expected(q: SearchQuery): { ids: string[], facets: Record<FacetName, Record<string, number>> } {
  const textIds = index.query({ ...emptyQuery(), text: q.text }, ctx).ids
  const docs = textIds.map(id => byId.get(id)!)
  const facets = Object.fromEntries(FACETS.map(f => [f, {} as Record<string, number>])) as Record<FacetName, Record<string, number>>
  for (const p of docs) {
    for (const f of FACETS) {
      if (!FACETS.every(g => g === f || passes(p, q, g)))
        continue
      const values = f === 'topic' ? p.topics : f === 'country' ? [p.country] : f === 'city' ? [p.city] : f === 'language' ? languagesOf(p) : []
      if (f === 'year') {
        const y = years(p)
        if (y) {
          for (let v = y[0]; v <= y[1]; v++)
            facets.year[String(v)] = (facets.year[String(v)] ?? 0) + 1
        }
      }
      for (const v of new Set(values)) {
        if (v !== '')
          facets[f][v] = (facets[f][v] ?? 0) + 1
      }
    }
  }
  return { ids: docs.filter(p => FACETS.every(f => passes(p, q, f))).map(p => p.id).sort(), facets }
}

const nonZero = (m: Map<string, number>): Record<string, number> => Object.fromEntries([...m].filter(([, v]) => v > 0))

describe('facet counts against brute force', () => {
  const texts = ['', 'roma', 'intercultural', 'city', 'community intercultural', 'inte', 'xyzzy']
  const selections: Partial<SearchQuery>[] = [
    {},
    { topic: ['roma', 'education'] },
    { country: ['PT', 'ES'], year: [2019] },
    { language: ['en'], city: ['Porto', 'Lisboa', 'Bilbao'] },
    { topic: ['anti-rumour'], country: ['ES'], year: [2015, 2024], language: ['es', 'fr'] },
  ]
  for (const text of texts) {
    for (const sel of selections) {
      it(`"${text}" with ${JSON.stringify(sel)}`, () => {
        const q = { ...emptyQuery(), text, ...sel }
        const r = index.query(q, ctx)
        const want = expected(q)
        expect([...r.ids].sort()).toEqual(want.ids)
        expect(r.total).toBe(want.ids.length)
        for (const f of FACETS)
          expect(nonZero(r.facets[f])).toEqual(want.facets[f])
      })
    }
  }

  it('exercises the large-set paths', () => {
    expect(index.query({ ...emptyQuery(), text: 'intercultural' }, ctx).total).toBeGreaterThan(practices.length / 2)
    expect(index.query({ ...emptyQuery(), text: 'city' }, ctx).total).toBeGreaterThan(practices.length / 4)
  })
})
