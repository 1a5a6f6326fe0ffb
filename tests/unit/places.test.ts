import { describe, expect, it, vi } from 'vitest'
import { distanceKm } from '../../src/catalogue/geo'
import { checkPractice } from '../../src/catalogue/schema'
import { joinPractice, toPracticeRow } from '../../src/db/practices'
import { buildFeed } from '../../tools/build-feed'
import { reportUnmatched } from '../../tools/places/build'
import { type GazetteerCity, indexGazetteer, matchCity } from '../../tools/places/match'
import { looseKey, nameKey } from '../../tools/places/names'
import { countryCentres, createPlacer } from '../../tools/places/places'
import { makePractice, makeTaxonomy } from '../fixtures/feeds/practices'

const city = (name: string, country: string, lat: number, lon: number, population = 10_000): GazetteerCity => ({ name, country, lat, lon, population })

/** A few GeoNames rows as the package spells them. */
const GAZETTEER: GazetteerCity[] = [
  city('Neuchâtel', 'CH', 46.99, 6.93),
  city('Genève', 'CH', 46.2, 6.15, 180_000),
  city('Vinnytsya', 'UA', 49.23, 28.48, 350_000),
  city('Pavlohrad', 'UA', 48.53, 35.87),
  city('Berlin', 'DE', 52.52, 13.41, 3_400_000),
  city('Neukölln', 'DE', 52.48, 13.43, 160_000),
  city('London', 'GB', 51.51, -0.13, 7_500_000),
  city('Reggio nell\'Emilia', 'IT', 44.7, 10.63, 130_000),
  city('Reggio Calabria', 'IT', 38.11, 15.65, 180_000),
  city('Oslo', 'NO', 59.91, 10.75, 600_000),
  city('Bergen', 'NO', 60.39, 5.32, 280_000),
  // Same name, different countries, and a smaller namesake in the same country.
  city('Salisbury', 'GB', 51.07, -1.79, 40_000),
  city('Salisbury', 'AU', -34.77, 138.63, 8_000),
  city('Salisbury', 'AU', -27.55, 153.03, 1_000),
  city('Ansan-si', 'KR', 37.32, 126.82, 650_000),
  city('Çankaya', 'TR', 39.9, 32.86, 790_000),
  city('Ankara', 'TR', 39.92, 32.85, 3_500_000),
  city('Gaillimh', 'IE', 53.27, -9.05, 70_000),
  city('Lyon', 'FR', 45.75, 4.85, 500_000),
  city('Lyon', 'US', 41.0, -90.0, 2_000),
]

const index = indexGazetteer(GAZETTEER, [{ country: 'GB', city: 'Kirklees', lat: 53.65, lon: -1.78 }])

describe('name keys', () => {
  it('fold case, diacritics, apostrophes and dashes', () => {
    expect(nameKey('Neuchâtel')).toBe('neuchatel')
    expect(nameKey('Reggio nell’Emilia')).toBe('reggio nell emilia')
    expect(nameKey('Aix-en-Provence')).toBe(nameKey('Aix en Provence'))
    expect(nameKey('Łódź')).toBe('lodz')
  })
  it('fold romanisation variants of one Cyrillic name, and only those', () => {
    expect(looseKey('Vinnitsya')).toBe(looseKey('Vinnytsia'))
    expect(looseKey('Pavlograd')).toBe(looseKey('Pavlohrad'))
    expect(looseKey('Lviv')).not.toBe(looseKey('Kyiv'))
  })
})

describe('matchCity', () => {
  it('matches without diacritics and with them', () => {
    expect(matchCity(index, 'CH', 'Neuchatel')).toMatchObject({ lat: 46.99 })
    expect(matchCity(index, 'CH', 'NEUCHÂTEL')).toMatchObject({ lat: 46.99 })
  })
  it('matches alternate names: exonyms, romanisations, words of a longer name, a rank suffix', () => {
    expect(matchCity(index, 'CH', 'Geneva')).toMatchObject({ lat: 46.2 })
    expect(matchCity(index, 'UA', 'Vinnitsya')).toMatchObject({ lat: 49.23 })
    expect(matchCity(index, 'UA', 'Vinnytsia')).toMatchObject({ lat: 49.23 })
    expect(matchCity(index, 'UA', 'Pavlograd')).toMatchObject({ lat: 48.53 })
    expect(matchCity(index, 'IT', 'Reggio Emilia')).toMatchObject({ lat: 44.7 })
    expect(matchCity(index, 'KR', 'Ansan')).toMatchObject({ lat: 37.32 })
  })
  it('places a district where the gazetteer has it, else its city, joined by a dash or a space', () => {
    expect(matchCity(index, 'DE', 'Berlin-Neukölln')).toMatchObject({ lat: 52.48 })
    expect(matchCity(index, 'GB', 'London-Lewisham')).toMatchObject({ lat: 51.51 })
    expect(matchCity(index, 'GB', 'London Lewisham')).toMatchObject({ lat: 51.51 })
    expect(matchCity(index, 'TR', 'Ankara Çankaya')).toMatchObject({ lat: 39.9 })
  })
  it('reads a town the package names in Irish by its English name', () => {
    expect(matchCity(index, 'IE', 'Galway')).toMatchObject({ lat: 53.27 })
  })
  it('looks a city up in every country when the record has none yet, taking the largest', () => {
    expect(matchCity(index, '', 'Lyon')).toMatchObject({ lat: 45.75 })
  })
  it('keeps two cities of one name apart by country, and takes the larger namesake within one', () => {
    expect(matchCity(index, 'GB', 'Salisbury')).toMatchObject({ lat: 51.07 })
    expect(matchCity(index, 'AU', 'Salisbury')).toMatchObject({ lat: -34.77 })
    expect(matchCity(index, 'FR', 'Salisbury')).toBeUndefined()
  })
  it('uses a hand pin before the gazetteer', () => {
    expect(matchCity(index, 'GB', 'Kirklees')).toMatchObject({ lat: 53.65 })
  })
})

describe('createPlacer', () => {
  const centres = countryCentres(GAZETTEER)

  it('gives every city a field names, each under its own name', () => {
    const placer = createPlacer(index, centres)
    expect(placer.placesOf({ id: 'a', country: 'NO', city: 'Oslo, Bergen' })).toEqual([
      { name: 'Oslo', lat: 59.91, lon: 10.75, kind: 'city' },
      { name: 'Bergen', lat: 60.39, lon: 5.32, kind: 'city' },
    ])
    expect(placer.unmatched).toEqual([])
  })
  it('puts a national practice at its country\'s population-weighted centre, marked as a country', () => {
    const [place] = createPlacer(index, centres).placesOf({ id: 'a', country: 'NO', city: '' })!
    expect(place!.kind).toBe('country')
    expect(place!.lat).toBeGreaterThan(59.91)
    expect(place!.lat).toBeLessThan(60.39)
    // Oslo holds twice Bergen's people, so the centre lies nearer Oslo.
    expect(place!.lon).toBeGreaterThan((10.75 + 5.32) / 2)
  })
  it('reports a city it cannot match, and gives the practice no place rather than a wrong one', () => {
    const placer = createPlacer(index, centres)
    expect(placer.placesOf({ id: 'gb-x', country: 'GB', city: 'Nowhereville' })).toBeUndefined()
    expect(placer.placesOf({ id: 'no-y', country: 'NO', city: 'Oslo, Atlantis' })).toHaveLength(1)
    expect(placer.unmatched).toEqual([{ id: 'gb-x', country: 'GB', city: 'Nowhereville' }, { id: 'no-y', country: 'NO', city: 'Atlantis' }])
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    reportUnmatched(placer.unmatched)
    expect(warn.mock.calls.flat().join('\n')).toMatch(/GB Nowhereville[\s\S]*NO Atlantis/)
    warn.mockRestore()
  })
})

describe('places in the feed', () => {
  it('are added by buildFeed, valid for the schema, and carried through the database rows', () => {
    const practice = makePractice(1, { id: 'ch-geneva-x', country: 'CH', city: 'Geneva' })
    const placer = createPlacer(index, countryCentres(GAZETTEER))
    const { files } = buildFeed([practice], makeTaxonomy(), { placesOf: placer.placesOf })
    const shard = [...files].find(([path]) => path.startsWith('feed/shards/'))![1] as string
    const shipped = (JSON.parse(shard) as unknown[])[0]
    const result = checkPractice(shipped)
    expect(result.ok).toBe(true)
    const parsed = (result as { practice: ReturnType<typeof makePractice> }).practice
    expect(parsed.places).toEqual([{ name: 'Geneva', lat: 46.2, lon: 6.15, kind: 'city' }])
    expect(joinPractice(toPracticeRow(parsed, 'sha'), { id: parsed.id, body: parsed.body }).places).toEqual(parsed.places)
  })
  it('are optional: a feed built without them has none', () => {
    const { files } = buildFeed([makePractice(1, { id: 'ch-geneva-x' })], makeTaxonomy())
    const shard = [...files].find(([path]) => path.startsWith('feed/shards/'))![1] as string
    expect(shard).not.toContain('"places"')
  })
})

describe('distanceKm', () => {
  it('gives known great-circle distances', () => {
    // Paris–London is about 344 km; Bilbao–Barcelona about 470 km.
    expect(distanceKm({ lat: 48.8566, lon: 2.3522 }, { lat: 51.5074, lon: -0.1278 })).toBeCloseTo(343.6, 0)
    expect(distanceKm({ lat: 43.2627, lon: -2.9253 }, { lat: 41.3888, lon: 2.159 })).toBeGreaterThan(460)
    expect(distanceKm({ lat: 43.2627, lon: -2.9253 }, { lat: 41.3888, lon: 2.159 })).toBeLessThan(480)
  })
  it('is zero at a point, symmetric, and half the circumference at antipodes', () => {
    const a = { lat: 10, lon: 20 }
    const b = { lat: -35, lon: 140 }
    expect(distanceKm(a, a)).toBe(0)
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9)
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3)
  })
})
