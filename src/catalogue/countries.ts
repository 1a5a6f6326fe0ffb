/**
 * Country names in the catalogue's source languages → ISO 3166-1 alpha-2. The names come from ICU
 * (Intl.DisplayNames), so every country is covered in every language without a hand-kept table; only the
 * spellings the site uses that ICU does not are listed below.
 */

/** Languages whose country names we recognise, in the order ties are resolved. */
export const COUNTRY_NAME_LANGUAGES = ['en', 'fr', 'sr-Latn', 'sr-Cyrl', 'es', 'it', 'pt', 'de', 'uk'] as const

/** Region codes ICU names that are not ISO 3166-1 countries (EU, UN, "Unknown Region", pseudo-locales…). */
const NOT_COUNTRIES = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UN', 'XA', 'XB', 'ZZ'])

/** Names the site or common usage spells differently from ICU. Keys are written plainly and normalised on use. */
const ALIASES: Record<string, string> = {
  'South Korea': 'KR',
  'Korea': 'KR',
  'Republic of Korea': 'KR',
  'Korea, Republic of': 'KR',
  'Republika Koreja': 'KR',
  'Република Кореја': 'KR',
  'République de Corée': 'KR',
  'Czech Republic': 'CZ',
  'République tchèque': 'CZ',
  'Češka Republika': 'CZ',
  'Чешка Република': 'CZ',
  'República Checa': 'CZ',
  'Repubblica Ceca': 'CZ',
  'Tschechische Republik': 'CZ',
  'Turkey': 'TR',
  'Türkiye': 'TR',
  'United States': 'US',
  'United States of America': 'US',
  'USA': 'US',
  'Russia': 'RU',
  'Russian Federation': 'RU',
  'Great Britain': 'GB',
  'Britain': 'GB',
  'England': 'GB',
  'Scotland': 'GB',
  'Wales': 'GB',
  'Northern Ireland': 'GB',
  'Velika Britanija': 'GB',
  'Велика Британија': 'GB',
  'The Netherlands': 'NL',
  'Holland': 'NL',
  'Republic of Moldova': 'MD',
  'Macedonia': 'MK',
  'Republic of North Macedonia': 'MK',
  'Bosnia and Herzegovina': 'BA',
  'Bosna i Hercegovina': 'BA',
  'Босна и Херцеговина': 'BA',
  'Ivory Coast': 'CI',
  'Kosovo*': 'XK',
  'Vatican': 'VA',
  'Holy See': 'VA',
}

/** Case-folded, accents and punctuation removed, "&" read as "and": "Royaume-Uni" → "royaume uni". */
export function normaliseCountryName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/gu, ' and ')
    .replace(/['’ʼ.*]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function allRegionCodes(): string[] {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  const codes: string[] = []
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b
      if (NOT_COUNTRIES.has(code))
        continue
      // Deprecated codes (UK, SU, YU…) canonicalise to their successor; only the successor is a current code.
      if (new Intl.Locale(`und-${code}`).region === code)
        codes.push(code)
    }
  }
  return codes
}

let regionCodes: string[] | undefined
const namesByLanguage = new Map<string, Map<string, string>>()
let aliasMap: Map<string, string> | undefined

/** All spellings of a name worth matching: "Myanmar (Burma)" is also "Myanmar" and "Burma". */
function nameVariants(name: string): string[] {
  const variants = [name]
  const paren = /^(.*?)\s*\((.+)\)\s*$/u.exec(name)
  if (paren?.[1] && paren[2])
    variants.push(paren[1], paren[2])
  return variants
}

function namesFor(language: string): Map<string, string> {
  let names = namesByLanguage.get(language)
  if (names)
    return names
  names = new Map()
  regionCodes ??= allRegionCodes()
  for (const style of ['long', 'short'] as const) {
    const display = new Intl.DisplayNames([language], { type: 'region', style, fallback: 'code' })
    for (const code of regionCodes) {
      const name = display.of(code)
      if (!name || name === code)
        continue
      for (const variant of nameVariants(name)) {
        const key = normaliseCountryName(variant)
        if (key && !names.has(key))
          names.set(key, code)
      }
    }
  }
  namesByLanguage.set(language, names)
  return names
}

function aliases(): Map<string, string> {
  aliasMap ??= new Map(Object.entries(ALIASES).map(([name, code]) => [normaliseCountryName(name), code]))
  return aliasMap
}

/** The language part that selects a name list: "sr-Latn" stays itself, "fr-CH" → "fr". */
function nameLanguage(langHint: string): string | undefined {
  if ((COUNTRY_NAME_LANGUAGES as readonly string[]).includes(langHint))
    return langHint
  const base = langHint.split('-')[0]
  if (base === 'sr')
    return 'sr-Latn'
  return (COUNTRY_NAME_LANGUAGES as readonly string[]).includes(base ?? '') ? base : undefined
}

/** ISO 3166-1 alpha-2 for a country name in any supported language, or undefined. The hint only breaks ties. */
export function countryCodeFromName(name: string, langHint?: string): string | undefined {
  const key = normaliseCountryName(name)
  if (key === '')
    return undefined
  const alias = aliases().get(key)
  if (alias)
    return alias
  const preferred = langHint ? nameLanguage(langHint) : undefined
  if (preferred) {
    const hit = namesFor(preferred).get(key)
    if (hit)
      return hit
  }
  for (const language of COUNTRY_NAME_LANGUAGES) {
    const hit = namesFor(language).get(key)
    if (hit)
      return hit
  }
  return undefined
}

/** No country name in any language runs longer than this many words ("Saint Vincent and the Grenadines"). */
const MAX_COUNTRY_WORDS = 7

/** The longest run of leading words that names a country: ["United", "Kingdom", "Leeds"] → GB, 2 words. */
export function findCountryPrefix(words: string[], lang?: string): { code: string, wordCount: number } | undefined {
  for (let n = Math.min(words.length, MAX_COUNTRY_WORDS); n >= 1; n--) {
    const code = countryCodeFromName(words.slice(0, n).join(' '), lang)
    if (code)
      return { code, wordCount: n }
  }
  return undefined
}

/** Every current ISO 3166-1 alpha-2 code ICU names (a list to choose a country from). */
export function allCountryCodes(): readonly string[] {
  regionCodes ??= allRegionCodes()
  return regionCodes
}
