/**
 * The UI languages: every locales/<tag>.json is one, found by the build (adding a language is adding a
 * file). Only what start-up needs is here: the loaders, the direction and the negotiation. The languages'
 * names, for the switcher, are in ./localeList, loaded after the first screen.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*.json')

export const REFERENCE_LOCALE = 'en'

export interface LocaleInfo {
  tag: string
  /** The language named in itself: "Français", "Српски (ћирилица)". */
  nativeName: string
  dir: 'ltr' | 'rtl'
}

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg'])
/** Languages written right to left when the tag names no script ("he", "ar-EG", "fa"). */
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug', 'syr'])

/**
 * Direction from the tag's own subtags, not from Intl.Locale#maximize: setLocale runs at start-up, and a
 * phone loads the likely-subtags data slowly. An explicit script wins ("az-Arab"), else the language.
 */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  const [language = '', ...rest] = tag.split(/[-_]/)
  const script = rest.find(part => /^[a-z]{4}$/i.test(part))
  if (script)
    return RTL_SCRIPTS.has(script.charAt(0).toUpperCase() + script.slice(1).toLowerCase()) ? 'rtl' : 'ltr'
  return RTL_LANGUAGES.has(language.toLowerCase()) ? 'rtl' : 'ltr'
}

export const localeLoaders: Record<string, () => Promise<{ default: Record<string, unknown> }>> = Object.fromEntries(
  Object.entries(files).map(([path, load]) => [path.replace(/^.*\/([^/]+)\.json$/, '$1'), load]),
)

export function isSupportedLocale(tag: string): boolean {
  return tag in localeLoaders
}

/**
 * Languages whose speakers read another tag's messages: Norwegian ("no") and Nynorsk ("nn") devices get
 * Bokmål, the written standard most Norwegians read, since the app has no Nynorsk.
 */
const LANGUAGE_ALIASES: Record<string, string> = { no: 'nb', nn: 'nb' }

function unalias(tag: string): string {
  const [language, ...rest] = tag.split('-')
  const alias = LANGUAGE_ALIASES[language!.toLowerCase()]
  return alias ? [alias, ...rest].join('-') : tag
}

/**
 * Picks the best UI language for the user's preferences: an exact tag, then the same language and script,
 * then the same language. A plain "sr" maximises to sr-Cyrl-RS and so gets Cyrillic, the official script
 * of Serbia and the convention for Serbian without a region; "sr-ME" or "sr-Latn-RS" get Latin.
 * "pt-BR" gets pt-PT (same language and script), "no" and "nn" get nb.
 */
export function negotiateLocale(wanted: readonly string[], available: readonly string[] = Object.keys(localeLoaders)): string {
  const preferred = wanted.map(unalias)
  // Most devices' first choice is a tag the app has, or a regional variant ("en-GB") of the only tag it has
  // for that language: settled without Intl.Locale, whose likely-subtags data is slow to load on a phone.
  const first = preferred[0]?.toLowerCase() ?? ''
  const exactFirst = available.find(tag => tag.toLowerCase() === first)
  if (exactFirst)
    return exactFirst
  const base = first.split('-')[0]
  const sameBase = available.filter(tag => tag.toLowerCase().split('-')[0] === base)
  if (sameBase.length === 1 && sameBase[0]!.toLowerCase() === base)
    return sameBase[0]!
  return matchingLocales(preferred, available)[0] ?? REFERENCE_LOCALE
}

interface Parsed { tag: string, language: string, script: string | undefined }

function bestMatch(want: string, parsed: readonly Parsed[]): string | undefined {
  let max: Intl.Locale
  try {
    max = new Intl.Locale(want).maximize()
  }
  catch {
    return undefined
  }
  return (parsed.find(p => p.tag.toLowerCase() === want.toLowerCase())
    ?? parsed.find(p => p.language === max.language && p.script === max.script)
    ?? parsed.find(p => p.language === max.language))?.tag
}

/**
 * The UI languages that answer the user's preferences, best first, each once: what the switcher lists as
 * the device's languages. A preference the app cannot answer adds nothing.
 */
export function matchingLocales(wanted: readonly string[], available: readonly string[] = Object.keys(localeLoaders)): string[] {
  const parsed = available.map((tag): Parsed => {
    const max = new Intl.Locale(tag).maximize()
    return { tag, language: max.language, script: max.script }
  })
  const found: string[] = []
  for (const want of wanted.map(unalias)) {
    const tag = bestMatch(want, parsed)
    if (tag && !found.includes(tag))
      found.push(tag)
  }
  return found
}
