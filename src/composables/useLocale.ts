import { useI18n } from 'vue-i18n'
import { LOCALES } from '../i18n/locales'
import { useSettingsStore } from '../stores/settings'

/** The UI language, the languages on offer (named in themselves) and a way to switch, remembered. */
export function useLocale() {
  const { locale } = useI18n()
  const settings = useSettingsStore()
  return { locale, locales: LOCALES, setLocale: (tag: string) => settings.setLocale(tag) }
}
