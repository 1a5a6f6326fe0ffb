import { useRegisterSW } from 'virtual:pwa-register/vue'

const HOUR = 60 * 60 * 1000

/**
 * Registers the service worker (a script file, so the Content-Security-Policy holds) and exposes the
 * "new version ready" state. The update is only applied when the user asks for it.
 */
export function useServiceWorker() {
  let registration: ServiceWorkerRegistration | undefined
  const { needRefresh, offlineReady, updateServiceWorker } = useRegisterSW({
    immediate: true,
    onRegisteredSW(_url, r) {
      registration = r
      // A field guide stays open for days: look for a new version every hour while it is.
      if (r)
        setInterval(() => { void r.update().catch(() => undefined) }, HOUR)
    },
  })

  async function applyUpdate(): Promise<void> {
    // The plugin reloads only on workbox's `controlling` event with isUpdate, which the first update after a
    // fresh registration never has (vite-pwa/vite-plugin-pwa#789): reload on the controller change ourselves.
    if (!registration?.waiting) {
      // Already activated by another tab: the new version is one reload away.
      location.reload()
      return
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true })
    await updateServiceWorker(true)
  }

  return { needRefresh, offlineReady, applyUpdate }
}
