import { inject, onScopeDispose, provide, ref, watchEffect, type InjectionKey, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'

/** A page's own title (a practice's), set by its view while it is shown. */
const OWN_TITLE: InjectionKey<Ref<string | undefined>> = Symbol('page title')

/** Each page's name, as the navigation calls it. */
const PAGE_NAMES: Partial<Record<string, string>> = {
  catalogue: 'nav.catalogue',
  map: 'nav.map',
  saved: 'nav.saved',
  drafts: 'nav.drafts',
  settings: 'nav.settings',
}

/**
 * The browser tab's title names the page ("Saved · ICC Field Guide"), in the interface language: the view's
 * own title when it gives one, else the route's name. Called once, by the app.
 */
export function providePageTitle(): void {
  const { t } = useI18n()
  const route = useRoute()
  const own = ref<string>()
  provide(OWN_TITLE, own)
  watchEffect(() => {
    const key = PAGE_NAMES[String(route.name)]
    const page = own.value ?? (key ? t(key) : undefined)
    const name = t('app.name')
    document.title = page ? t('app.page_title', { page, name }) : name
  })
}

/** Gives the tab the page's own title (undefined: not known yet) while the calling view is shown. */
export function usePageTitle(title: () => string | undefined): void {
  const own = inject(OWN_TITLE, undefined)
  if (!own)
    return
  watchEffect(() => { own.value = title() })
  onScopeDispose(() => { own.value = undefined })
}
