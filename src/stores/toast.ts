/**
 * A passing notice with one action (Undo after a removal), shown by the shell in the dock over the page's foot,
 * where the other notices are. One at a time: a new one replaces the last.
 */
import { defineStore } from 'pinia'
import { onScopeDispose, shallowRef, watch } from 'vue'

export interface Toast {
  /** Functions, so the words follow a change of language while the notice is up. */
  message: () => string
  action: () => string
  act: () => void
  /** Closed by the user or by its time running out. */
  close: () => void
  timeoutMs: number
}

export const useToastStore = defineStore('toast', () => {
  const current = shallowRef<Toast | undefined>()

  function show(toast: Toast): void {
    current.value = toast
  }

  /** Takes this notice down (and no later one that replaced it). */
  function dismiss(toast: Toast): void {
    if (current.value === toast)
      current.value = undefined
  }

  /**
   * A notice for as long as `source` gives a value (the removal that can be undone), taken down when it gives
   * none. Called in a component's setup, it ends with the component.
   */
  function follow<T>(source: () => T | undefined, make: (value: T) => Toast): void {
    let shown: Toast | undefined
    watch(source, (value) => {
      if (shown)
        dismiss(shown)
      shown = value === undefined ? undefined : make(value)
      if (shown)
        show(shown)
    }, { immediate: true })
    onScopeDispose(() => {
      if (shown)
        dismiss(shown)
    })
  }

  return { current, show, dismiss, follow }
})
