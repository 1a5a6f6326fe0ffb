import { describe, expect, it } from 'vitest'
import { mapCities, nearestCities, type PlacedPractice } from '../../src/catalogue/mapCities'
import { fitPoints, MAX_SCALE, panBy, zoomAbout } from '../../src/catalogue/mapView'
import { compact, expand } from '../../src/db/placesCopy'

const practice = (id: string, country: string, city: string, places?: PlacedPractice['places']): PlacedPractice => ({ id, country, city, ...(places ? { places } : {}) })
const BILBAO = { name: 'Bilbao', lat: 43.26, lon: -2.93, kind: 'city' as const }
const BARCELONA = { name: 'Barcelona', lat: 41.39, lon: 2.16, kind: 'city' as const }
const OSLO = { name: 'Oslo', lat: 59.91, lon: 10.75, kind: 'city' as const }

describe('mapCities', () => {
  const practices = [
    practice('a', 'ES', 'Bilbao', [BILBAO]),
    practice('b', 'ES', 'Bilbao', [BILBAO]),
    practice('c', 'ES', 'Barcelona', [BARCELONA]),
    practice('d', 'NO', 'Oslo, Bergen', [OSLO, { name: 'Bergen', lat: 60.39, lon: 5.32, kind: 'city' }]),
    practice('e', 'NO', 'Oslo', [OSLO]),
    practice('f', 'IE', '', [{ name: 'IE', lat: 53.15, lon: -6.96, kind: 'country' }]),
    practice('g', 'GB', 'Nowhere'),
  ]

  it('counts each place once per practice, largest first, with every city value that stands there', () => {
    const { cities, unplaced } = mapCities(practices)
    expect(cities.map(c => [c.name, c.count])).toEqual([['Bilbao', 2], ['Oslo', 2], ['Barcelona', 1], ['Bergen', 1], ['IE', 1]])
    expect(cities.find(c => c.name === 'Oslo')!.cityValues).toEqual(['Oslo, Bergen', 'Oslo'])
    expect(cities.find(c => c.name === 'IE')!.kind).toBe('country')
    expect(unplaced).toBe(1)
  })

  it('keeps only the practices of a result set', () => {
    const { cities, unplaced } = mapCities(practices, new Set(['a', 'c', 'g']))
    expect(cities.map(c => [c.name, c.count])).toEqual([['Barcelona', 1], ['Bilbao', 1]])
    expect(unplaced).toBe(1)
  })

  it('finds the nearest other cities within a distance, nearest first', () => {
    const { cities } = mapCities(practices)
    const near = nearestCities(cities, BILBAO, { limit: 5, maxKm: 1000 })
    expect(near.map(n => n.city.name)).toEqual(['Barcelona'])
    expect(near[0]!.km).toBeGreaterThan(460)
    expect(nearestCities(cities, OSLO, { limit: 1, maxKm: 5000 }).map(n => n.city.name)).toEqual(['Bergen'])
  })
})

describe('the compact copy of the places', () => {
  it('lists each country and city once and gives back every practice', () => {
    const practices = [
      practice('a', 'ES', 'Bilbao', [BILBAO]),
      practice('b', 'NO', 'Oslo', [OSLO]),
      practice('c', 'ES', 'Bilbao', [BILBAO]),
      practice('d', 'GB', 'Nowhere'),
    ]
    const copy = compact('v1', practices)
    expect(copy.groups.map(g => [g.country, g.city, g.ids])).toEqual([['ES', 'Bilbao', ['a', 'c']], ['NO', 'Oslo', ['b']], ['GB', 'Nowhere', ['d']]])
    const back = expand(JSON.parse(JSON.stringify(copy)) as typeof copy)
    expect([...back].sort((x, y) => x.id.localeCompare(y.id))).toEqual(practices)
  })
})

describe('map view fitting', () => {
  const size = { width: 400, height: 300 }
  const world = { width: 1000, height: 520 }
  const screen = (v: { x: number, y: number, k: number }, [x, y]: [number, number]) => [x * v.k + v.x, y * v.k + v.y]

  it('fits a set of points inside the padded screen, centred', () => {
    const points: [number, number][] = [[100, 100], [300, 150], [200, 400]]
    const view = fitPoints(points, size, { padding: 20, maxFitScale: 50, world })
    for (const p of points) {
      const [sx, sy] = screen(view, p)
      expect(sx).toBeGreaterThanOrEqual(20 - 1e-9)
      expect(sx).toBeLessThanOrEqual(380 + 1e-9)
      expect(sy).toBeGreaterThanOrEqual(20 - 1e-9)
      expect(sy).toBeLessThanOrEqual(280 + 1e-9)
    }
    // The tallest extent fills the height: it is the one that limits the scale.
    expect(screen(view, [200, 400])[1]! - screen(view, [100, 100])[1]!).toBeCloseTo(260)
  })

  it('stops at the largest fit scale for one point, with the point in the middle', () => {
    const view = fitPoints([[500, 200]], size, { padding: 20, maxFitScale: 12, world })
    expect(view.k).toBe(12)
    expect(screen(view, [500, 200])).toEqual([200, 150])
  })

  it('shows the whole world when there is no point', () => {
    const view = fitPoints([], size, { padding: 20, maxFitScale: 12, world })
    expect(view.k).toBeCloseTo(0.5)
  })

  it('zooms about a point that stays where it is, within the scale limits', () => {
    const view = { x: 10, y: 20, k: 2 }
    const at: [number, number] = [150, 90]
    const zoomed = zoomAbout(view, 3, at)
    expect(zoomed.k).toBe(6)
    const before = [(at[0] - view.x) / view.k, (at[1] - view.y) / view.k] as [number, number]
    expect(screen(zoomed, before)[0]).toBeCloseTo(150)
    expect(screen(zoomed, before)[1]).toBeCloseTo(90)
    expect(zoomAbout(view, 1000, at).k).toBe(MAX_SCALE)
    expect(panBy(view, 5, -5)).toEqual({ x: 15, y: 15, k: 2 })
  })
})
