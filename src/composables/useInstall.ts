import { storeToRefs } from 'pinia'
import { useInstallStore } from '../stores/install'

/**
 * Installing the app. The install store starts listening when this is first used, after the first list: the
 * browser cannot offer an install before the service worker is registered, which happens after that too.
 */
export function useInstall() {
  const store = useInstallStore()
  const { canPrompt, showIosHint } = storeToRefs(store)
  return { canPrompt, showIosHint, install: () => store.install(), dismiss: () => store.dismiss() }
}
