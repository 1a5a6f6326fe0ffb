import { describe, expect, it } from 'vitest'
import { emptyQuery, openIndex, type QueryContext, type SearchQuery } from '../../src/search'
import { buildSegment } from '../../src/search/segmentBuilder'
import type { Practice } from '../../src/catalogue/schema'
import { searchPractice as practice } from '../fixtures/search-practice'

const period = (start?: number, end?: number, ongoing = false): Practice['period'] => ({ text: '', start, end, ongoing })

const ctx: QueryContext = { locale: 'en', currentYear: 2026, countryName: code => ({ ES: 'Spain', PT: 'Portugal', RS: 'Serbia', DE: 'Germany', SE: 'Sweden' })[code] ?? code }

function q(over: Partial<SearchQuery> = {}): SearchQuery {
  return { ...emptyQuery(), ...over }
}

function open(...shards: Practice[][]) {
  return openIndex(shards.map(s => buildSegment(s)))
}

function counts(map: Map<string, number>): Record<string, number> {
  return Object.fromEntries(map)
}

const facetFixture = [
  practice('a', { country: 'ES', city: 'Bilbao', topics: ['roma', 'education'], language: 'en', period: period(2015, 2020) }),
  practice('b', { country: 'ES', city: 'Getxo', topics: ['roma'], language: 'es', period: period(2018, undefined, true) }),
  practice('c', { country: 'PT', city: 'Porto', topics: ['education'], language: 'en', period: period(2022, 2022) }),
  practice('d', { country: 'PT', city: 'Lisboa', topics: ['refugees'], language: 'en', period: period(), translations: { fr: { title: 'Réfugiés', summary: '', body: '' } } }),
  practice('e', { country: 'RS', city: 'Beograd', topics: ['roma', 'refugees'], language: 'sr-Latn', period: period(undefined, undefined, true) }),
]

describe('facets', () => {
  const index = open(facetFixture)

  it('lists every value known to the index', () => {
    expect(index.size).toBe(5)
    expect(index.facetValues('topic')).toEqual(['education', 'refugees', 'roma'])
    expect(index.facetValues('country')).toEqual(['ES', 'PT', 'RS'])
    expect(index.facetValues('language')).toEqual(['en', 'es', 'fr', 'sr-Latn'])
    expect(index.facetValues('year')).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022'])
  })

  it('combines values of one facet with OR and facets with AND', () => {
    expect(index.query(q({ topic: ['roma', 'education'] }), ctx).ids.sort()).toEqual(['a', 'b', 'c', 'e'])
    expect(index.query(q({ topic: ['roma', 'education'], country: ['ES'] }), ctx).ids.sort()).toEqual(['a', 'b'])
    expect(index.query(q({ topic: ['roma'], country: ['PT'] }), ctx).total).toBe(0)
  })

  it('counts each facet under the other facets’ selection (disjunctive), zeros kept', () => {
    const r = index.query(q({ topic: ['roma'], country: ['ES'] }), ctx)
    expect(r.ids.sort()).toEqual(['a', 'b'])
    // Topic counts ignore the topic selection but respect country = ES.
    expect(counts(r.facets.topic)).toEqual({ education: 1, refugees: 0, roma: 2 })
    // Country counts ignore the country selection but respect topic = roma.
    expect(counts(r.facets.country)).toEqual({ ES: 2, PT: 0, RS: 1 })
    // Other facets count the results.
    expect(counts(r.facets.city)).toEqual({ Beograd: 0, Bilbao: 1, Getxo: 1, Lisboa: 0, Porto: 0 })
    expect(counts(r.facets.language)).toEqual({ 'en': 1, 'es': 1, 'fr': 0, 'sr-Latn': 0 })
  })

  it('counts every practice with no selection, and keeps unknown selected values with 0', () => {
    const all = index.query(q(), ctx)
    expect(all.total).toBe(5)
    expect(counts(all.facets.topic)).toEqual({ education: 2, refugees: 2, roma: 3 })
    expect(counts(all.facets.language)).toEqual({ 'en': 3, 'es': 1, 'fr': 1, 'sr-Latn': 1 })
    const unknown = index.query(q({ country: ['XX'] }), ctx)
    expect(unknown.total).toBe(0)
    expect(unknown.facets.country.get('XX')).toBe(0)
  })

  it('matches a year when the period overlaps it; ongoing runs to the current year', () => {
    const years = (y: number[]): string[] => index.query(q({ year: y }), ctx).ids.sort()
    expect(years([2017])).toEqual(['a'])
    expect(years([2021])).toEqual(['b'])
    expect(years([2015])).toEqual(['a'])
    expect(years([2020])).toEqual(['a', 'b'])
    expect(years([2026])).toEqual(['b', 'e']) // e: ongoing without years = the current year
    expect(years([2014])).toEqual([])
    expect(years([2014, 2022])).toEqual(['b', 'c'])
    const r = index.query(q(), ctx)
    expect(r.facets.year.get('2019')).toBe(2)
    expect(r.facets.year.get('2026')).toBe(2)
    expect(r.facets.year.get('2023')).toBe(1)
    expect([...r.facets.year.keys()][0]).toBe('2015')
    // Another current year moves the end of ongoing practices.
    expect(index.query(q({ year: [2026] }), { ...ctx, currentYear: 2024 }).total).toBe(0)
  })

  it('treats translations as languages of the practice', () => {
    expect(index.query(q({ language: ['fr'] }), ctx).ids).toEqual(['d'])
  })
})

describe('text search', () => {
  const shard = [
    practice('title-hit', { title: 'Mediation in schools', summary: 'A programme.', body: 'Pupils and teachers.' }),
    practice('summary-hit', { title: 'School programme', summary: 'Mediation between families.', body: 'Parents.' }),
    practice('body-hit', { title: 'Youth programme', summary: 'Young people.', body: 'Mediation mediation mediation, and more mediation in every school.' }),
    practice('portimao', { title: 'Welcome desk in Portimão', country: 'PT', city: 'Portimão' }),
    practice('besos', { title: 'River park of Besós', city: 'Sant Adrià de Besòs' }),
    practice('beograd-cyr', { title: 'Интеркултурни Београд', language: 'sr-Cyrl', country: 'RS', city: 'Beograd' }),
    practice('beograd-lat', { title: 'Interkulturni Beograd', language: 'sr-Latn', country: 'RS', city: 'Beograd' }),
    practice('integration', { title: 'Integration strategy', body: 'International cooperation on integration.' }),
    practice('kyiv', { title: 'Київ welcomes', country: 'UA', language: 'uk' }),
    practice('djordje', { title: 'Đorđe Stanković library', country: 'RS', language: 'sr-Latn' }),
  ]
  const index = open(shard)
  const search = (text: string, over: Partial<SearchQuery> = {}): string[] => index.query(q({ text, ...over }), ctx).ids

  it('ranks a title hit above a summary hit above a body hit', () => {
    expect(search('mediation')).toEqual(['title-hit', 'summary-hit', 'body-hit'])
  })

  it('is insensitive to case and diacritics', () => {
    expect(search('portimao')).toEqual(['portimao'])
    expect(search('PORTIMÃO')).toEqual(['portimao'])
    expect(search('besos')).toEqual(['besos'])
    expect(search('Besòs')).toEqual(['besos'])
  })

  it('finds Serbian Cyrillic and Latin from each other', () => {
    expect(search('beograd').sort()).toEqual(['beograd-cyr', 'beograd-lat'])
    expect(search('Београд').sort()).toEqual(['beograd-cyr', 'beograd-lat'])
    expect(search('интеркултурни').sort()).toEqual(['beograd-cyr', 'beograd-lat'])
    expect(search('djordje')).toEqual(['djordje'])
    expect(search('Ђорђе')).toEqual(['djordje'])
  })

  it('matches Ukrainian Cyrillic as written', () => {
    expect(search('київ')).toEqual(['kyiv'])
    expect(search('Київ')).toEqual(['kyiv'])
  })

  it('matches the last word as a prefix while typing', () => {
    expect(search('med')).toEqual(['title-hit', 'summary-hit', 'body-hit'])
    expect(search('inte').sort()).toEqual(['beograd-cyr', 'beograd-lat', 'integration'])
    expect(search('integ')).toEqual(['integration'])
    // Not a prefix when it is not the last word ("integrat" is two edits from the stem "integr", so no typo match).
    expect(search('integrat strategy')).toEqual([])
  })

  it('requires every word (AND)', () => {
    expect(search('mediation pupils')).toEqual(['title-hit'])
    expect(search('mediation school').sort()).toEqual(['body-hit', 'summary-hit', 'title-hit'])
    expect(search('mediation families')).toEqual(['summary-hit'])
    expect(search('mediation portimao')).toEqual([])
  })

  it('tolerates one typo in words of five letters or more, ranked below exact matches', () => {
    expect(search('mediatoin')).toEqual(['title-hit', 'summary-hit', 'body-hit']) // transposition
    expect(search('integraton')).toEqual(['integration']) // deletion
    expect(search('portimaao')).toEqual(['portimao']) // insertion
    expect(search('portimeo')).toEqual(['portimao']) // substitution
    expect(search('parkk')).toEqual(['besos'])
    expect(search('intergration strategy')).toEqual(['integration'])
    // Short words must be exact (or a prefix).
    expect(search('pork')).toEqual([])
    expect(search('rivr park')).toEqual([])
    // Two typos are too many.
    expect(search('mediatuin pupils')).toEqual([])
    expect(search('meditaoin')).toEqual([])
    const r = index.query(q({ text: 'integraton' }), ctx)
    expect(r.terms).toContain('integration')
  })

  it('ranks exact matches above typo matches', () => {
    const idx = open([
      practice('typo', { title: 'Schol days' }),
      practice('exact', { body: 'A school.' }),
    ])
    expect(idx.query(q({ text: 'schol' }), ctx).ids).toEqual(['typo', 'exact'])
    expect(idx.query(q({ text: 'school' }), ctx).ids).toEqual(['exact', 'typo'])
  })

  it('reports normalised query terms for highlighting', () => {
    expect(index.query(q({ text: 'Portimão Wel' }), ctx).terms).toEqual(['portimao', 'wel'])
    expect(index.query(q({ text: '' }), ctx).terms).toEqual([])
  })

  it('returns the same ids when the same query runs twice', () => {
    const a = index.query(q({ text: 'in' }), ctx).ids
    const b = index.query(q({ text: 'in' }), ctx).ids
    expect(a).toEqual(b)
  })

  it('combines text and facets, counting facets over the text matches', () => {
    const r = index.query(q({ text: 'beograd', language: ['sr-Cyrl'] }), ctx)
    expect(r.ids).toEqual(['beograd-cyr'])
    expect(counts(r.facets.language)).toMatchObject({ 'sr-Cyrl': 1, 'sr-Latn': 1, 'en': 0 })
  })
})

describe('sorting', () => {
  const shard = [
    practice('c1', { title: 'Cvet', country: 'RS', period: period(2010, 2012) }),
    practice('c2', { title: 'Čas', country: 'RS', period: period(2010, 2012) }),
    practice('c3', { title: 'Dan', country: 'SE', period: period(2019, undefined, true) }),
    practice('a1', { title: 'Äpple', country: 'DE', period: period(2019, 2026) }),
    practice('z1', { title: 'Zebra', country: 'PT', period: period(2020, 2020) }),
    practice('n1', { title: 'Nothing dated', country: 'ES', period: period() }),
  ]
  const index = open(shard)
  const sorted = (sort: SearchQuery['sort'], locale = 'en'): string[] => index.query(q({ sort }), { ...ctx, locale }).ids

  it('sorts by title with the collator of the UI language', () => {
    // English: Č is a C with an accent; Serbian Latin and Croatian: Č is a letter after C.
    expect(sorted('title', 'en')).toEqual(['a1', 'c2', 'c1', 'c3', 'n1', 'z1'])
    expect(sorted('title', 'sr-Latn')).toEqual(['a1', 'c1', 'c2', 'c3', 'n1', 'z1'])
    expect(sorted('title', 'hr')).toEqual(['a1', 'c1', 'c2', 'c3', 'n1', 'z1'])
    // German: Ä sorts with A; Swedish: Ä is a letter after Z.
    expect(sorted('title', 'de')[0]).toBe('a1')
    expect(sorted('title', 'sv').at(-1)).toBe('a1')
  })

  it('sorts newest first: end year (ongoing = current year), then start, then title; undated last', () => {
    // c3 (2019–ongoing = 2026) and a1 (2019–2026) tie on years: title decides (Äpple < Dan).
    expect(sorted('newest')).toEqual(['a1', 'c3', 'z1', 'c2', 'c1', 'n1'])
  })

  it('sorts by country display name, then title', () => {
    // Germany, Portugal, Serbia, Spain, Sweden
    expect(sorted('country')).toEqual(['a1', 'z1', 'c2', 'c1', 'n1', 'c3'])
  })

  it('uses newest for relevance without text', () => {
    expect(sorted('relevance')).toEqual(sorted('newest'))
  })
})

describe('segments', () => {
  const shardA = [practice('a', { title: 'Roma mediation' }), practice('b', { title: 'Roma school', country: 'PT' })]
  const shardB = [practice('c', { title: 'Mediation centre', country: 'DE', topics: ['mediation-conflict'] })]

  it('round-trips: results from several segments equal those from one', () => {
    const merged = open(shardA, shardB)
    const single = open([...shardA, ...shardB])
    for (const text of ['', 'roma', 'mediation', 'med', 'mediaton']) {
      const a = merged.query(q({ text }), ctx)
      const b = single.query(q({ text }), ctx)
      expect(a.ids).toEqual(b.ids)
      expect(counts(a.facets.country)).toEqual(counts(b.facets.country))
      expect(counts(a.facets.topic)).toEqual(counts(b.facets.topic))
    }
    expect(merged.size).toBe(3)
    expect(merged.has('c')).toBe(true)
    expect(merged.has('x')).toBe(false)
  })

  it('is deterministic', () => {
    expect(buildSegment(shardA)).toEqual(buildSegment(shardA))
  })

  it('takes a duplicated id from the last segment', () => {
    const index = open(shardA, [practice('a', { title: 'Renamed practice', country: 'SE' })])
    expect(index.size).toBe(2)
    expect(index.has('a')).toBe(true)
    expect(index.query(q({ text: 'roma' }), ctx).ids).toEqual(['b'])
    expect(index.query(q({ text: 'renamed' }), ctx).ids).toEqual(['a'])
    expect(index.query(q(), ctx).facets.country.get('ES')).toBe(0)
  })

  it('rejects corrupt and truncated segments with a clear error', () => {
    const bytes = buildSegment(shardA)
    expect(() => openIndex([bytes.subarray(0, bytes.length - 8)])).toThrow(/corrupt: truncated/)
    expect(() => openIndex([bytes.subarray(0, 10)])).toThrow(/corrupt: truncated/)
    const flipped = bytes.slice()
    flipped[flipped.length - 20]! ^= 0x10
    expect(() => openIndex([flipped])).toThrow(/corrupt: checksum mismatch/)
    const wrong = bytes.slice()
    wrong[0] = 0x50
    expect(() => openIndex([wrong])).toThrow(/corrupt: wrong magic number/)
    expect(() => openIndex([new TextEncoder().encode('[{"id":"a"}] but not a segment at all')])).toThrow(/corrupt/)
    const version = bytes.slice()
    version[4] = 99
    expect(() => openIndex([version])).toThrow(/unsupported version 99/)
    expect(() => openIndex([buildSegment(shardB), flipped])).toThrow(/segment 2 of 2/)
  })

  it('reads a segment that is not 4-byte aligned', () => {
    const bytes = buildSegment(shardA)
    const shifted = new Uint8Array(bytes.length + 1)
    shifted.set(bytes, 1)
    expect(openIndex([shifted.subarray(1)]).size).toBe(2)
  })

  it('opens an empty index and empty segments', () => {
    const empty = openIndex([])
    expect(empty.size).toBe(0)
    expect(empty.query(q({ text: 'roma' }), ctx).total).toBe(0)
    expect(openIndex([buildSegment([])]).query(q(), ctx).ids).toEqual([])
  })
})

describe('the city is searchable', () => {
  it('finds a practice by its city even when its text never names it', () => {
    const base = { slug: 'x', country: 'ES', period: { text: '', ongoing: false }, topics: [], language: 'en', summary: '', body: '', updatedAt: '2024-01-01T00:00:00.000Z' }
    const practices: Practice[] = [
      { ...base, id: 'a', slug: 'a', title: 'Local Forum for religious diversity', city: 'Bilbao' },
      { ...base, id: 'b', slug: 'b', title: 'Anti-Rumour Web App', city: 'Bilbao', summary: 'coexistence in Bilbao' },
      { ...base, id: 'c', slug: 'c', title: 'Table on Interreligious dialogue', city: 'Salt' },
    ]
    const index = openIndex([buildSegment(practices)])
    const result = index.query({ ...emptyQuery(), text: 'bilbao' }, { locale: 'en', currentYear: 2026, countryName: c => c })
    expect([...result.ids].sort()).toEqual(['a', 'b'])
  })
})
