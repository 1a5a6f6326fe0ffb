/**
 * A passing notice with one action (Undo), raised by a view whose own code loads late (the drafts list) and
 * shown by the shell in the dock over the page's foot, where the other notices are. One at a time: a new one
 * replaces the last.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'

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

  return { current, show, dismiss }
})
