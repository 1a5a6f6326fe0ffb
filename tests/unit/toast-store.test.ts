import { createPinia, setActivePinia } from 'pinia'
import { effectScope, nextTick, shallowRef } from 'vue'
import { beforeEach, describe, expect, it } from 'vitest'
import { useToastStore, type Toast } from '../../src/stores/toast'

const toast = (message: string): Toast => ({ message: () => message, action: () => 'Undo', act: () => undefined, close: () => undefined, timeoutMs: 10_000 })

describe('the toast store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('shows one notice at a time: a new one replaces the last', () => {
    const toasts = useToastStore()
    const first = toast('Deleted draft “A”.')
    const second = toast('Deleted draft “B”.')
    toasts.show(first)
    toasts.show(second)
    expect(toasts.current?.message()).toBe('Deleted draft “B”.')
  })

  it('takes down only the notice asked for, never a later one that replaced it', () => {
    const toasts = useToastStore()
    const first = toast('Deleted draft “A”.')
    const second = toast('Deleted draft “B”.')
    toasts.show(first)
    toasts.show(second)
    toasts.dismiss(first)
    expect(toasts.current).toBe(second)
    toasts.dismiss(second)
    expect(toasts.current).toBeUndefined()
  })

  it('follows a removal that can be undone: up while there is one, down when it is undone or forgotten, and with its page', async () => {
    const toasts = useToastStore()
    const removed = shallowRef<string | undefined>()
    const scope = effectScope()
    scope.run(() => toasts.follow(() => removed.value, title => toast(`Deleted draft “${title}”.`)))
    expect(toasts.current).toBeUndefined()
    removed.value = 'A'
    await nextTick()
    expect(toasts.current?.message()).toBe('Deleted draft “A”.')
    removed.value = 'B'
    await nextTick()
    expect(toasts.current?.message()).toBe('Deleted draft “B”.')
    removed.value = undefined
    await nextTick()
    expect(toasts.current).toBeUndefined()
    removed.value = 'C'
    await nextTick()
    scope.stop()
    expect(toasts.current).toBeUndefined()
  })
})
