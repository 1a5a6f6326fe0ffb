import { onScopeDispose, ref, type Ref } from 'vue'

/** The current time, ticking every `intervalMs`, so "5 minutes ago" stays true on an open screen. */
export function useNow(intervalMs = 60_000): Readonly<Ref<number>> {
  const now = ref(Date.now())
  const timer = setInterval(() => { now.value = Date.now() }, intervalMs)
  onScopeDispose(() => clearInterval(timer))
  return now
}
