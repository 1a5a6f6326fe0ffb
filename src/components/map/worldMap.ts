/**
 * The world the map draws on: Natural Earth's 1:110m country outlines (world-atlas) in the Natural Earth
 * projection, fitted once to a fixed plane. Built on first use, so it costs only the map's own chunk.
 */
import { geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo'
import { feature, mesh } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import world from 'world-atlas/countries-110m.json'
import type { Size } from '../../catalogue/mapView'

/** The base plane: screen pixels at scale 1. */
export const WORLD_SIZE: Size = { width: 1000, height: 520 }

interface WorldMap {
  /** All countries as one path: one DOM node draws faster than 177. */
  land: string
  borders: string
  project: (lon: number, lat: number) => [number, number]
}

let built: WorldMap | undefined

export function worldMap(): WorldMap {
  if (built)
    return built
  const topology = world as unknown as Topology<{ countries: GeometryCollection }>
  const countries = feature(topology, topology.objects.countries)
  const projection: GeoProjection = geoNaturalEarth1().fitSize([WORLD_SIZE.width, WORLD_SIZE.height], countries)
  const path = geoPath(projection)
  built = {
    land: path(countries) ?? '',
    borders: path(mesh(topology, topology.objects.countries, (a, b) => a !== b)) ?? '',
    project: (lon, lat) => projection([lon, lat]) ?? [0, 0],
  }
  return built
}

/** A city as the map draws it: on the base plane, with its link and its accessible name. */
export interface MapDot {
  key: string
  x: number
  y: number
  /** Radius in screen pixels. */
  r: number
  kind: 'city' | 'country'
  label: string
  href: string
}

/** Area grows with the count, so a city with four times the practices looks about four times as big. */
export function dotRadius(count: number): number {
  return Math.min(20, 4 + 2.5 * Math.sqrt(count))
}
