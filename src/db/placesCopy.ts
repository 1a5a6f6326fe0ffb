/**
 * A compact copy of every practice's place, kept per catalogue version in the Cache Storage, so the map and
 * the nearby lists need not read every practice row again: reading 10,000 rows costs a few hundred ms on a
 * phone, the copy a few. A practice's places follow from its country and city alone, so the copy lists each
 * distinct (country, city) once, with the ids of its practices.
 */
import type { PlacedPractice } from '../catalogue/mapCities'
import type { Place } from '../catalogue/schema'
import type { FieldGuideDb } from './database'

const CACHE = 'icc-places'

interface CompactPlaces {
  version: string
  groups: { country: string, city: string, places?: Place[], ids: string[] }[]
}

const urlFor = (version: string) => `/__places/${encodeURIComponent(version)}.json`

export function compact(version: string, practices: readonly PlacedPractice[]): CompactPlaces {
  const groups = new Map<string, CompactPlaces['groups'][number]>()
  for (const p of practices) {
    const key = `${p.country}|${p.city}`
    let group = groups.get(key)
    if (!group)
      groups.set(key, group = { country: p.country, city: p.city, ...(p.places ? { places: [...p.places] } : {}), ids: [] })
    group.ids.push(p.id)
  }
  return { version, groups: [...groups.values()] }
}

export function expand(data: CompactPlaces): PlacedPractice[] {
  return data.groups.flatMap(g => g.ids.map(id => ({ id, country: g.country, city: g.city, ...(g.places ? { places: g.places } : {}) })))
}

/** The copy for this version, or undefined (none yet, another version, or no Cache Storage here). */
async function readPlaces(version: string): Promise<PlacedPractice[] | undefined> {
  try {
    const response = await (await caches.open(CACHE)).match(urlFor(version))
    const data = response ? await response.json() as CompactPlaces : undefined
    return data?.version === version ? expand(data) : undefined
  }
  catch {
    return undefined
  }
}

/** Replaces the copy; best effort, since the rows are always there to read again. */
async function writePlaces(version: string, practices: readonly PlacedPractice[]): Promise<void> {
  try {
    const cache = await caches.open(CACHE)
    for (const old of await cache.keys())
      await cache.delete(old)
    await cache.put(urlFor(version), new Response(JSON.stringify(compact(version, practices)), { headers: { 'content-type': 'application/json' } }))
  }
  catch {
    // No Cache Storage (a private window may refuse it) or no room: the next opening reads the rows again.
  }
}

/**
 * Every practice's id, city and places for a catalogue version, from the compact copy when there is one,
 * else from the rows, which then fill the copy.
 */
export async function loadPlacedPractices(database: FieldGuideDb, version: string): Promise<PlacedPractice[]> {
  const cached = await readPlaces(version)
  if (cached)
    return cached
  const rows = await database.practices.toArray()
  const practices = rows.map(r => ({ id: r.id, country: r.country, city: r.city, ...(r.places ? { places: r.places } : {}) }))
  await writePlaces(version, practices)
  return practices
}
