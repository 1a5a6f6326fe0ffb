/**
 * A practice's places for the feed: each city its `city` field names, or its country's centre when it
 * names none (a national practice). Cities that match nothing are collected for build-feed to report.
 */
import type { Place, Practice } from '../../src/catalogue/schema'
import { type GazetteerCity, type GazetteerIndex, matchCity } from './match'
import { splitCityList } from './names'

export interface UnmatchedCity {
  id: string
  country: string
  city: string
}

export interface Placer {
  placesOf: (p: Pick<Practice, 'id' | 'country' | 'city'>) => Place[] | undefined
  /** Every city no rule placed so far, in the order met. */
  unmatched: UnmatchedCity[]
}

/** About 11 m: finer than a city dot, and keeps the shards small. */
const round = (x: number) => Math.round(x * 1e4) / 1e4

/**
 * A country's centre as the population-weighted mean of its gazetteer cities: where its people are, which
 * is what a national programme's dot should stand for (and it needs no table of its own).
 */
export function countryCentres(cities: Iterable<GazetteerCity>): Map<string, { lat: number, lon: number }> {
  const sums = new Map<string, { lat: number, lon: number, w: number }>()
  for (const c of cities) {
    const w = Math.max(c.population, 1)
    const s = sums.get(c.country) ?? { lat: 0, lon: 0, w: 0 }
    s.lat += c.lat * w
    s.lon += c.lon * w
    s.w += w
    sums.set(c.country, s)
  }
  return new Map([...sums].map(([cc, s]) => [cc, { lat: round(s.lat / s.w), lon: round(s.lon / s.w) }]))
}

function citiesOf(index: GazetteerIndex, country: string, field: string): { places: Place[], missed: string[] } {
  const whole = matchCity(index, country, field)
  if (whole)
    return { places: [{ name: field, lat: round(whole.lat), lon: round(whole.lon), kind: 'city' }], missed: [] }
  const places: Place[] = []
  const missed: string[] = []
  const names = splitCityList(field)
  for (const name of names.length > 1 ? names : []) {
    const found = matchCity(index, country, name)
    if (found)
      places.push({ name, lat: round(found.lat), lon: round(found.lon), kind: 'city' })
    else
      missed.push(name)
  }
  return places.length ? { places, missed } : { places: [], missed: [field] }
}

export function createPlacer(index: GazetteerIndex, centres: ReadonlyMap<string, { lat: number, lon: number }>): Placer {
  const unmatched: UnmatchedCity[] = []
  const placesOf = (p: Pick<Practice, 'id' | 'country' | 'city'>): Place[] | undefined => {
    const field = p.city.trim()
    if (!field) {
      const centre = centres.get(p.country)
      return centre ? [{ name: p.country, ...centre, kind: 'country' }] : undefined
    }
    const { places, missed } = citiesOf(index, p.country, field)
    unmatched.push(...missed.map(city => ({ id: p.id, country: p.country, city })))
    return places.length ? places : undefined
  }
  return { placesOf, unmatched }
}
