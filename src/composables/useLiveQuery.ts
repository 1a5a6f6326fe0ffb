import { liveQuery } from 'dexie'
import { onScopeDispose, shallowRef, watch, type Ref, type WatchSource } from 'vue'

/**
 * A Dexie liveQuery as a Vue ref: it re-runs when the tables it read change, in this tab or another.
 * With `deps`, the query is also re-subscribed when they change. Unsubscribes with the scope.
 */
export function useLiveQuery<T>(query: () => T | Promise<T>, initial: T, deps?: WatchSource<unknown>): Readonly<Ref<T>> {
  const value = shallowRef<T>(initial) as Ref<T>
  let subscription: { unsubscribe: () => void } | undefined

  function subscribe(): void {
    subscription?.unsubscribe()
    subscription = liveQuery(query).subscribe({
      next: (result) => { value.value = result },
      // A failed read leaves the last good value on screen; the caller's own error state says more.
      error: (error: unknown) => { console.error(error) },
    })
  }

  if (deps)
    watch(deps, subscribe, { immediate: true })
  else
    subscribe()
  onScopeDispose(() => subscription?.unsubscribe())
  return value
}
