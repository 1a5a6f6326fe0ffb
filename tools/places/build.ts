/** What build-feed calls: a placer over the whole gazetteer and the catalogue's pins, and its report. */
import type { Place, Practice } from '../../src/catalogue/schema'
import { loadGazetteer, loadPins } from './gazetteer'
import { indexGazetteer } from './match'
import { countryCentres, createPlacer, type Placer, type UnmatchedCity } from './places'

export type PlacesOf = (p: Practice) => Place[] | undefined

export function placerForCatalogue(catalogueDir: string): Placer {
  const cities = loadGazetteer()
  return createPlacer(indexGazetteer(cities, loadPins(catalogueDir)), countryCentres(cities))
}

/** One line per city, so a reviewer can pin each in catalogue/places.json. */
export function reportUnmatched(unmatched: readonly UnmatchedCity[]): void {
  if (!unmatched.length)
    return
  const cities = new Map<string, string[]>()
  for (const u of unmatched)
    cities.set(`${u.country} ${u.city}`, [...(cities.get(`${u.country} ${u.city}`) ?? []), u.id])
  console.warn(`build-feed: ${cities.size} city name(s) not found in the gazetteer; pin them in catalogue/places.json:`)
  for (const [city, ids] of cities)
    console.warn(`  ${city} (${ids.length} practice(s), e.g. ${ids[0]})`)
}
