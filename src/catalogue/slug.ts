/**
 * ASCII slugs for ids and URLs. Ids are derived from what the source says (country, city, title), so the
 * same source entry always gets the same id and re-importing updates a record instead of duplicating it.
 */

const MAX_SLUG_LENGTH = 80

/** Serbian Cyrillic → Serbian Latin (the official one-to-one mapping), plus the few Ukrainian letters. */
const CYRILLIC_TO_LATIN: Record<string, string> = {
  'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'ђ': 'đ', 'е': 'e', 'ж': 'ž', 'з': 'z', 'и': 'i', 'ј': 'j',
  'к': 'k', 'л': 'l', 'љ': 'lj', 'м': 'm', 'н': 'n', 'њ': 'nj', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't',
  'ћ': 'ć', 'у': 'u', 'ф': 'f', 'х': 'h', 'ц': 'c', 'ч': 'č', 'џ': 'dž', 'ш': 'š',
  'і': 'i', 'ї': 'ji', 'є': 'je', 'ґ': 'g', 'й': 'j', 'щ': 'šč', 'ю': 'ju', 'я': 'ja', 'ь': '', 'ъ': '', 'ы': 'y', 'э': 'e', 'ё': 'jo',
}

/** Letters that Unicode decomposition does not reduce to ASCII. */
const FOLDS: Record<string, string> = {
  'đ': 'dj', 'ł': 'l', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'þ': 'th', 'ð': 'd', 'ı': 'i', 'ħ': 'h', 'ŧ': 't',
}

/** Serbian Cyrillic (and Ukrainian) letters to Latin, keeping capitalisation of single letters. */
function cyrillicToLatin(text: string): string {
  return text.replace(/\p{Script=Cyrillic}/gu, (ch) => {
    const lower = ch.toLowerCase()
    const latin = CYRILLIC_TO_LATIN[lower] ?? ''
    return ch === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1)
  })
}

/** Cuts at the last hyphen that fits, so a slug never ends in half a word. */
function truncateAtWord(slug: string, max: number): string {
  if (slug.length <= max)
    return slug
  const cut = slug.slice(0, max + 1)
  const lastHyphen = cut.lastIndexOf('-')
  return lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, max)
}

/** Lower-case ASCII words joined by hyphens, at most `max` characters: "Salisbury’s Plan" → "salisburys-plan". */
export function slugify(text: string, max = MAX_SLUG_LENGTH): string {
  const latin = cyrillicToLatin(text).toLowerCase()
  const folded = latin.replace(/[đłßæœøþðıħŧ]/gu, ch => FOLDS[ch] ?? ch)
  const ascii = folded.normalize('NFD').replace(/\p{M}/gu, '')
  const slug = ascii
    .replace(/['’ʼ`]/gu, '')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
  return truncateAtWord(slug, max)
}

/** FNV-1a, for a stable id when a title has no letters slugify can keep. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5
  for (const ch of text) {
    hash ^= ch.codePointAt(0) ?? 0
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/** The id of a practice: its ISO country code, city and title as the source gives them ("es-bilbao-anti-rumour-web-app"). */
export function practiceId(source: { country: string, city: string, title: string }): string {
  const text = `${source.country} ${source.city} ${source.title}`
  return slugify(text) || `practice-${shortHash(text)}`
}
