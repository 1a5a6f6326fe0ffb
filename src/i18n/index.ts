/**
 * vue-i18n set up for the app: English bundled, every other language loaded on demand, plurals from
 * Intl.PluralRules, and <html lang dir> kept in step with the active language.
 */
import { createI18n } from 'vue-i18n'
import en from '../../locales/en.json'
import { isSupportedLocale, localeLoaders, REFERENCE_LOCALE, textDirection } from './locales'
import { pluralRule } from './plural'

type MessageSchema = typeof en

export const i18n = createI18n<[MessageSchema], string, false>({
  legacy: false,
  locale: REFERENCE_LOCALE,
  fallbackLocale: REFERENCE_LOCALE,
  messages: { [REFERENCE_LOCALE]: en },
  pluralRules: Object.fromEntries(Object.keys(localeLoaders).map(tag => [tag, pluralRule(tag)])),
  missingWarn: false,
  fallbackWarn: false,
})

const loading = new Map<string, Promise<void>>()

async function loadMessages(tag: string): Promise<void> {
  if (i18n.global.availableLocales.includes(tag))
    return
  let pending = loading.get(tag)
  if (!pending) {
    const load = localeLoaders[tag]
    if (!load)
      throw new Error(`Unknown locale ${tag}`)
    pending = load().then((module) => {
      i18n.global.setLocaleMessage(tag, module.default as MessageSchema)
    })
    loading.set(tag, pending)
  }
  await pending
}

/** Switches the UI language, loading its messages first; unknown tags fall back to English. */
export async function setLocale(tag: string): Promise<string> {
  const target = isSupportedLocale(tag) ? tag : REFERENCE_LOCALE
  await loadMessages(target)
  i18n.global.locale.value = target
  if (typeof document !== 'undefined') {
    document.documentElement.lang = target
    document.documentElement.dir = textDirection(target)
  }
  return target
}
