/**
 * The places a set of practices stands at, for the map and the "nearby" lists: practices grouped by place
 * (a city, or a country's centre for national practices), counted, largest first. Pure.
 */
import { distanceKm, type LatLon } from './geo'
import type { Place } from './schema'

export interface PlacedPractice {
  id: string
  country: string
  /** The city field as the catalogue writes it: the city facet's value. */
  city: string
  places?: readonly Place[]
}

export interface MapCity extends LatLon {
  /** Stable across renders: country, kind and rounded coordinates. */
  key: string
  name: string
  country: string
  kind: Place['kind']
  count: number
  /** City facet values of the practices here ("Oslo" and "Oslo, Bergen" both stand at Oslo). */
  cityValues: string[]
}

const placeKey = (country: string, p: Place) => `${country}|${p.kind}|${p.lat.toFixed(2)}|${p.lon.toFixed(2)}`

/** Groups practices by place; `only` limits them to a result set. Practices without places are counted apart. */
export function mapCities(practices: Iterable<PlacedPractice>, only?: ReadonlySet<string>): { cities: MapCity[], unplaced: number } {
  const byKey = new Map<string, MapCity>()
  let unplaced = 0
  for (const p of practices) {
    if (only && !only.has(p.id))
      continue
    if (!p.places?.length) {
      unplaced++
      continue
    }
    for (const place of p.places) {
      const key = placeKey(p.country, place)
      let city = byKey.get(key)
      if (!city)
        byKey.set(key, city = { key, name: place.name, country: p.country, kind: place.kind, lat: place.lat, lon: place.lon, count: 0, cityValues: [] })
      city.count++
      if (p.city && !city.cityValues.includes(p.city))
        city.cityValues.push(p.city)
    }
  }
  const cities = [...byKey.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
  return { cities, unplaced }
}

/** The cities nearest a point, nearest first, the point's own city left out; within `maxKm`. */
export function nearestCities(cities: readonly MapCity[], from: LatLon, opts: { limit: number, maxKm: number }): { city: MapCity, km: number }[] {
  return cities
    .filter(c => c.kind === 'city')
    .map(city => ({ city, km: distanceKm(from, city) }))
    .filter(n => n.km > 1 && n.km <= opts.maxKm)
    .sort((a, b) => a.km - b.km)
    .slice(0, opts.limit)
}
