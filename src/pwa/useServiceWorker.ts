import { useRegisterSW } from 'virtual:pwa-register/vue'

const HOUR = 60 * 60 * 1000

/**
 * Registers the service worker (a script file, so the Content-Security-Policy holds) and exposes the
 * "new version ready" state. The update is only applied when the user asks for it.
 */
export function useServiceWorker() {
  const { needRefresh, offlineReady, updateServiceWorker } = useRegisterSW({
    immediate: true,
    onRegisteredSW(_url, registration) {
      // A field guide stays open for days: look for a new version every hour while it is.
      if (registration)
        setInterval(() => { void registration.update().catch(() => undefined) }, HOUR)
    },
  })
  return { needRefresh, offlineReady, applyUpdate: () => updateServiceWorker(true) }
}
