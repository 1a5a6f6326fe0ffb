/**
 * The UI languages and how each names itself, read from locales/*.json at build time with Node's Intl data,
 * so the app does not build ten Intl.DisplayNames on every start. vite.config.ts and vitest.config.ts
 * define it as __LOCALE_INFO__.
 */
import { readdirSync } from 'node:fs'

export interface LocaleInfoEntry {
  nativeName: string
  dir: 'ltr' | 'rtl'
}

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg'])

export function localeInfo(dir = new URL('../locales/', import.meta.url)): Record<string, LocaleInfoEntry> {
  const tags = readdirSync(dir).filter(f => f.endsWith('.json')).map(f => f.slice(0, -'.json'.length)).sort()
  return Object.fromEntries(tags.map((tag) => {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag
    const script = new Intl.Locale(tag).maximize().script
    return [tag, { nativeName: name.charAt(0).toLocaleUpperCase(tag) + name.slice(1), dir: script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr' }]
  }))
}
