/**
 * The UI languages named in themselves, for the language switcher. Loaded after the first screen (see
 * useLocale), so the 28 names are not part of the start-up JavaScript.
 */
import { type LocaleInfo, localeLoaders, matchingLocales } from './locales'

/**
 * Computed at build time from Node's Intl data (tools/locale-info.ts), sorted by name, so the app builds no
 * Intl.DisplayNames and sorts nothing.
 */
declare const __LOCALE_INFO__: Record<string, { nativeName: string, dir: 'ltr' | 'rtl' }>

// Named once: the build writes the object in place of every mention.
const INFO = __LOCALE_INFO__
const ORDER = Object.keys(INFO)
const rank = (tag: string): number => ORDER.includes(tag) ? ORDER.indexOf(tag) : ORDER.length

export const LOCALES: LocaleInfo[] = Object.keys(localeLoaders)
  .sort((a, b) => rank(a) - rank(b))
  .map(tag => ({ tag, nativeName: INFO[tag]?.nativeName ?? tag, dir: INFO[tag]?.dir ?? 'ltr' }))

export interface LocaleGroups {
  /** The languages the device asks for that the app has, in the device's order, and the current one. */
  device: LocaleInfo[]
  /** Every other language, by name. */
  other: LocaleInfo[]
}

/** Splits the languages into the device's own and the rest, so a long list opens on the likely choices. */
export function groupLocales(locales: readonly LocaleInfo[], preferred: readonly string[], current: string): LocaleGroups {
  const tags = matchingLocales(preferred, locales.map(l => l.tag))
  if (!tags.includes(current))
    tags.push(current)
  const device = tags.flatMap(tag => locales.filter(l => l.tag === tag))
  return { device, other: locales.filter(l => !tags.includes(l.tag)) }
}
