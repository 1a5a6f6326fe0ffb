import { onScopeDispose, ref, type Ref } from 'vue'

/** navigator.onLine as a ref. It can say "online" behind a dead network; sync failures tell the rest. */
export function useOnline(): Readonly<Ref<boolean>> {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
  const update = (): void => { online.value = navigator.onLine }
  window.addEventListener('online', update)
  window.addEventListener('offline', update)
  onScopeDispose(() => {
    window.removeEventListener('online', update)
    window.removeEventListener('offline', update)
  })
  return online
}
