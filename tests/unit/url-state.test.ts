import { describe, expect, it } from 'vitest'
import { activeFilterCount, emptyUrlState, queryFromState, stateFromQuery, type UrlState } from '../../src/search/urlState'

function state(overrides: Partial<UrlState>): UrlState {
  return { ...emptyUrlState(), ...overrides }
}

describe('url state', () => {
  it('round-trips every field', () => {
    const s = state({ text: 'bilbao', topic: ['anti-rumour', 'education'], country: ['ES'], city: ['Bilbao'], year: [2019, 2020], language: ['sr-Latn'], sort: 'title', changed: true })
    expect(stateFromQuery(queryFromState(s))).toEqual(s)
  })

  it('leaves defaults out of the link', () => {
    expect(queryFromState(emptyUrlState())).toEqual({})
    expect(queryFromState(state({ country: ['ES'] }))).toEqual({ country: ['ES'] })
  })

  it('accepts a single value where a list is expected', () => {
    expect(stateFromQuery({ country: 'es', year: '2014' })).toMatchObject({ country: ['ES'], year: [2014] })
  })

  it('ignores unknown parameters and drops malformed values without throwing', () => {
    const s = stateFromQuery({ utm_source: 'x', year: ['20x4', '2014', '99999'], country: ['Spain', 'ES', null], sort: 'random', topic: ['<script>', 'education'], lang: ['en', '../../etc'], q: [null] })
    expect(s).toEqual(state({ year: [2014], country: ['ES'], topic: ['education'], language: ['en'] }))
  })

  it('removes duplicates and bounds the text length', () => {
    const s = stateFromQuery({ country: ['ES', 'ES', 'es'], q: 'a'.repeat(500) })
    expect(s.country).toEqual(['ES'])
    expect(s.text).toHaveLength(200)
  })

  it('counts active filters', () => {
    expect(activeFilterCount(state({ topic: ['a'], country: ['ES', 'PT'], text: 'x' }))).toBe(3)
  })
})
