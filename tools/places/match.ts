/**
 * Finds a catalogue city in a gazetteer: same country, then the name as written, its listed other names
 * (aliases.ts), its romanisation variants, a district's city ("London-Lewisham" → London) and a name whose
 * words it is ("Reggio Emilia" → "Reggio nell'Emilia"). Hand pins (catalogue/places.json) win over all.
 * Pure: the gazetteer comes in as an array, so tests give a few cities and build-feed the whole package.
 */
import { CITY_ALIASES } from './aliases'
import { compoundParts, looseKey, nameKey, nameWords } from './names'

export interface GazetteerCity {
  name: string
  /** ISO 3166-1 alpha-2. */
  country: string
  lat: number
  lon: number
  population: number
}

/** A city placed by a person: `catalogue/places.json`. */
export interface PinnedCity {
  country: string
  city: string
  lat: number
  lon: number
}

export interface GazetteerIndex {
  exact: Map<string, GazetteerCity[]>
  loose: Map<string, GazetteerCity[]>
  byCountry: Map<string, GazetteerCity[]>
  pins: Map<string, PinnedCity>
  aliases: Map<string, string[]>
}

const keyOf = (country: string, key: string) => `${country}|${key}`
const ANY_COUNTRY = '*'

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list)
    list.push(value)
  else
    map.set(key, [value])
}

/** Korean and Japanese municipalities carry their rank in the name ("Ansan-si"); the catalogue does not. */
const ADMIN_SUFFIX = /\s(?:si|gun|gu|shi|machi)$/

function aliasTable(): Map<string, string[]> {
  const table = new Map<string, string[]>()
  for (const [country, groups] of Object.entries(CITY_ALIASES)) {
    for (const group of groups) {
      for (const name of group)
        table.set(keyOf(country, nameKey(name)), group.map(nameKey))
    }
  }
  return table
}

export function indexGazetteer(cities: Iterable<GazetteerCity>, pins: readonly PinnedCity[] = []): GazetteerIndex {
  const index: GazetteerIndex = { exact: new Map(), loose: new Map(), byCountry: new Map(), pins: new Map(), aliases: aliasTable() }
  for (const city of cities) {
    const key = nameKey(city.name)
    push(index.exact, keyOf(city.country, key), city)
    // An unreviewed record may lack its country: its city is then looked up in every country.
    push(index.exact, keyOf(ANY_COUNTRY, key), city)
    const bare = key.replace(ADMIN_SUFFIX, '')
    if (bare !== key)
      push(index.exact, keyOf(city.country, bare), city)
    push(index.loose, keyOf(city.country, looseKey(bare)), city)
    push(index.byCountry, city.country, city)
  }
  for (const pin of pins)
    index.pins.set(keyOf(pin.country, nameKey(pin.city)), pin)
  return index
}

/** Among same-name places in one country, the most populous is the one a catalogue means. */
function largest(list: readonly GazetteerCity[] | undefined): GazetteerCity | undefined {
  let best: GazetteerCity | undefined
  for (const c of list ?? []) {
    if (!best || c.population > best.population)
      best = c
  }
  return best
}

function byWords(index: GazetteerIndex, country: string, name: string): GazetteerCity | undefined {
  const words = nameWords(name)
  if (words.length < 2)
    return undefined
  const candidates = (index.byCountry.get(country) ?? []).filter((c) => {
    const theirs = nameWords(c.name)
    return theirs[0] === words[0] && words.every(w => theirs.includes(w))
  })
  return largest(candidates)
}

/** One name, without splitting it: pins, the name and its aliases, then romanisation variants. */
function matchWhole(index: GazetteerIndex, country: string, name: string): GazetteerCity | PinnedCity | undefined {
  const key = nameKey(name)
  const pinned = index.pins.get(keyOf(country, key))
  if (pinned)
    return pinned
  const keys = index.aliases.get(keyOf(country, key)) ?? [key]
  for (const k of keys) {
    const found = largest(index.exact.get(keyOf(country || ANY_COUNTRY, k)))
    if (found)
      return found
  }
  if (!country)
    return undefined
  return largest(index.loose.get(keyOf(country, looseKey(key)))) ?? byWords(index, country, name)
}

/** A city name in a country → where it is, or undefined when nothing matches. */
export function matchCity(index: GazetteerIndex, country: string, name: string): { lat: number, lon: number } | undefined {
  const whole = matchWhole(index, country, name)
  if (whole)
    return whole
  // "Berlin-Neukölln": the district when the gazetteer has it, else the city.
  for (const part of compoundParts(name)) {
    const found = matchWhole(index, country, part)
    if (found)
      return found
  }
  return undefined
}
