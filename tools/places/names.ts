/**
 * Name keys for matching a catalogue's city names against a gazetteer. Pure.
 *
 * `nameKey` folds what spelling varies without changing the place: case, diacritics ("Neuchâtel" =
 * "Neuchatel"), apostrophes and hyphens, read as spaces ("Reggio nell'Emilia", "Aix-en-Provence"). `looseKey` also folds
 * the romanisation choices that differ between sources for Cyrillic names ("Vinnitsya" / "Vinnytsia" /
 * "Vinnytsya", "Pavlograd" / "Pavlohrad"); it is only tried after the exact key failed.
 */

/** Letters NFD does not decompose. */
const EXTRA_FOLDS: Record<string, string> = { ß: 'ss', đ: 'd', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' }

export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßđłøæœıþ]/g, c => EXTRA_FOLDS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

export function looseKey(name: string): string {
  return nameKey(name)
    .replace(/\s+/g, '')
    .replace(/kh|h/g, 'g')
    .replace(/[yj]/g, 'i')
    .replace(/w/g, 'v')
    .replace(/(.)\1+/g, '$1')
}

/** The words of a name, for "Reggio Emilia" ⊂ "Reggio nell'Emilia". */
export function nameWords(name: string): string[] {
  return nameKey(name).split(' ').filter(Boolean)
}

/**
 * "Berlin-Neukölln", "London – Lewisham", "Ankara Çankaya": a city and a district, joined by a dash or (when
 * there is none) a space; the district first. Tried only once the whole name has failed.
 */
export function compoundParts(name: string): string[] {
  // "Oslo, Bergen" and "Leeds and Bradford" are lists of cities, not a city and its district.
  if (splitCityList(name).length > 1)
    return []
  const byDash = name.split(/\s*[-–—]\s*/).map(p => p.trim()).filter(Boolean)
  const parts = byDash.length > 1 ? byDash : name.split(/\s+/).filter(Boolean)
  return parts.length > 1 ? [...parts].reverse() : []
}

/** "Oslo, Bergen", "Leeds and Bradford": a field naming several cities. */
export function splitCityList(field: string): string[] {
  return field
    .split(/\s*(?:[,;/&+]|\s(?:and|et|und|y|e|i|и|та)\s)\s*/iu)
    .map(s => s.trim())
    .filter(Boolean)
}
