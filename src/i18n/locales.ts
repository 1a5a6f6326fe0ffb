/**
 * The UI languages: every locales/<tag>.json is one, found by the build (adding a language is adding a
 * file). Names come from Intl.DisplayNames in the language itself, direction from the script.
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

export function textDirection(tag: string): 'ltr' | 'rtl' {
  try {
    const script = new Intl.Locale(tag).maximize().script
    return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr'
  }
  catch {
    return 'ltr'
  }
}

/**
 * Computed at build time from the same Intl data (tools/locale-info.ts), in the switcher's order, so start-up
 * builds no Intl.DisplayNames and sorts nothing.
 */
declare const __LOCALE_INFO__: Record<string, { nativeName: string, dir: 'ltr' | 'rtl' }>

export const localeLoaders: Record<string, () => Promise<{ default: Record<string, unknown> }>> = Object.fromEntries(
  Object.entries(files).map(([path, load]) => [path.replace(/^.*\/([^/]+)\.json$/, '$1'), load]),
)

// Named once: the build writes the object in place of every mention.
const INFO = __LOCALE_INFO__
const ORDER = Object.keys(INFO)
const rank = (tag: string): number => ORDER.includes(tag) ? ORDER.indexOf(tag) : ORDER.length

export const LOCALES: LocaleInfo[] = Object.keys(localeLoaders)
  .sort((a, b) => rank(a) - rank(b))
  .map(tag => ({ tag, nativeName: INFO[tag]?.nativeName ?? tag, dir: INFO[tag]?.dir ?? textDirection(tag) }))

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
  const parsed = available.map((tag) => {
    const max = new Intl.Locale(tag).maximize()
    return { tag, language: max.language, script: max.script }
  })
  for (const want of preferred) {
    let max: Intl.Locale
    try {
      max = new Intl.Locale(want).maximize()
    }
    catch {
      continue
    }
    const exact = parsed.find(p => p.tag.toLowerCase() === want.toLowerCase())
    if (exact)
      return exact.tag
    const sameScript = parsed.find(p => p.language === max.language && p.script === max.script)
    if (sameScript)
      return sameScript.tag
    const sameLanguage = parsed.find(p => p.language === max.language)
    if (sameLanguage)
      return sameLanguage.tag
  }
  return REFERENCE_LOCALE
}
