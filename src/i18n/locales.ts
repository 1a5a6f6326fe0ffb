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

/** Computed at build time from the same Intl data (tools/locale-info.ts), so start-up builds no Intl.DisplayNames. */
declare const __LOCALE_INFO__: Record<string, { nativeName: string, dir: 'ltr' | 'rtl' }>

export const localeLoaders: Record<string, () => Promise<{ default: Record<string, unknown> }>> = Object.fromEntries(
  Object.entries(files).map(([path, load]) => [path.replace(/^.*\/([^/]+)\.json$/, '$1'), load]),
)

export const LOCALES: LocaleInfo[] = Object.keys(localeLoaders)
  .map(tag => ({ tag, nativeName: __LOCALE_INFO__[tag]?.nativeName ?? tag, dir: __LOCALE_INFO__[tag]?.dir ?? textDirection(tag) }))
  .sort((a, b) => a.tag === REFERENCE_LOCALE ? -1 : b.tag === REFERENCE_LOCALE ? 1 : a.nativeName.localeCompare(b.nativeName, a.tag))

export function isSupportedLocale(tag: string): boolean {
  return tag in localeLoaders
}

/**
 * Picks the best UI language for the user's preferences: an exact tag, then the same language and script
 * ("sr" maximises to sr-Cyrl-RS, so plain Serbian gets Cyrillic), then the same language.
 */
export function negotiateLocale(preferred: readonly string[], available: readonly string[] = Object.keys(localeLoaders)): string {
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
