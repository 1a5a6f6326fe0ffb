import { computed, onMounted, onScopeDispose, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { LocaleGroups } from '../i18n/localeList'
import { useSettingsStore } from '../stores/settings'

type LocaleList = typeof import('../i18n/localeList')

/**
 * The UI language, the languages on offer (named in themselves, the device's first) and a way to switch,
 * remembered. The list of languages loads once the page is idle, or at once when the switcher is touched:
 * until then the switcher shows the current language alone, named by its own messages.
 */
export function useLocale() {
  const { locale } = useI18n()
  const settings = useSettingsStore()
  const list = shallowRef<LocaleList>()
  let pending: Promise<void> | undefined

  function loadLocales(): Promise<void> {
    pending ??= import('../i18n/localeList').then((module) => {
      list.value = module
    })
    return pending
  }

  const groups = computed((): LocaleGroups | undefined => {
    const module = list.value
    if (!module)
      return undefined
    const preferred = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]
    return module.groupLocales(module.LOCALES, preferred, locale.value)
  })

  let idle: number | undefined
  onMounted(() => {
    idle = typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => void loadLocales(), { timeout: 3000 })
      : window.setTimeout(() => void loadLocales(), 1000)
  })
  onScopeDispose(() => {
    if (idle !== undefined)
      (typeof cancelIdleCallback === 'function' ? cancelIdleCallback : window.clearTimeout)(idle)
  })

  return { locale, groups, loadLocales, setLocale: (tag: string) => settings.setLocale(tag) }
}
