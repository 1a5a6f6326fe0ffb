/**
 * The UI languages and how each names itself, read from locales/*.json at build time with Node's Intl data,
 * so the app neither builds ten Intl.DisplayNames nor sorts them on every start. vite.config.ts and vitest.config.ts
 * define it as __LOCALE_INFO__.
 */
import { readdirSync } from 'node:fs'

export interface LocaleInfoEntry {
  nativeName: string
  dir: 'ltr' | 'rtl'
}

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg'])

/** In the order the language switcher lists them: the reference language first, then by name. */
export function localeInfo(dir = new URL('../locales/', import.meta.url), reference = 'en'): Record<string, LocaleInfoEntry> {
  const tags = readdirSync(dir).filter(f => f.endsWith('.json')).map(f => f.slice(0, -'.json'.length))
  const entries = tags.map((tag): [string, LocaleInfoEntry] => {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag
    const script = new Intl.Locale(tag).maximize().script
    return [tag, { nativeName: name.charAt(0).toLocaleUpperCase(tag) + name.slice(1), dir: script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr' }]
  })
  const collator = new Intl.Collator('und')
  entries.sort(([a, x], [b, y]) => Number(b === reference) - Number(a === reference) || collator.compare(x.nativeName, y.nativeName))
  return Object.fromEntries(entries)
}
