/**
 * Saves a draft while it is typed: a moment after the last keystroke, at once when a field loses focus, when
 * the page is hidden (a phone locks, the user switches app) and before it unloads, so a reload, a crash or a
 * closed tab loses at most the last moment's typing, and usually nothing.
 */
import { onScopeDispose, ref, watch, type Ref } from 'vue'

interface AutosaveOptions {
  delayMs?: number
  setTimer?: (run: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
}

interface Autosave {
  /** Something typed since the last save began. */
  dirty: Ref<boolean>
  /** The last save failed (a full disk, storage closed); the next change or flush tries again. */
  failed: Ref<boolean>
  savedAt: Ref<Date | undefined>
  /** Saves in a moment, after the typing pauses. */
  schedule: () => void
  /** Saves now if anything is unsaved; resolves when that save (and any before it) is done. */
  flush: () => Promise<void>
  cancel: () => void
}

/** The debounce and the one-save-at-a-time order, without Vue's lifecycle: testable with fake timers. */
export function createAutosave(save: () => Promise<void>, opts: AutosaveOptions = {}): Autosave {
  const delayMs = opts.delayMs ?? 600
  const setTimer = opts.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms))
  const clearTimer = opts.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>))
  const dirty = ref(false)
  const failed = ref(false)
  const savedAt = ref<Date | undefined>()
  let timer: unknown
  // Saves run one after another, so an older state never lands after a newer one.
  let queue: Promise<void> = Promise.resolve()

  function flush(): Promise<void> {
    if (timer !== undefined) {
      clearTimer(timer)
      timer = undefined
    }
    if (!dirty.value)
      return queue
    dirty.value = false
    queue = queue.then(save).then(() => {
      failed.value = false
      savedAt.value = new Date()
    }, (error: unknown) => {
      console.error(error)
      failed.value = true
      dirty.value = true
    })
    return queue
  }

  function schedule(): void {
    dirty.value = true
    if (timer !== undefined)
      clearTimer(timer)
    timer = setTimer(() => {
      timer = undefined
      void flush()
    }, delayMs)
  }

  function cancel(): void {
    if (timer !== undefined)
      clearTimer(timer)
    timer = undefined
    dirty.value = false
  }

  return { dirty, failed, savedAt, schedule, flush, cancel }
}

/**
 * Watches `source` deeply and saves it with `save`; flushes when the page is hidden or unloads and when the
 * component goes away (leaving the form). Blur is the form's to report: call `flush` on focusout.
 */
export function useDraftAutosave<T>(source: Ref<T | undefined>, save: (value: T) => Promise<void>, opts: AutosaveOptions = {}): Autosave {
  const autosave = createAutosave(async () => {
    if (source.value !== undefined)
      await save(source.value)
  }, opts)
  watch(source, (_value, old) => {
    // The first value is the stored draft as loaded, not an edit.
    if (old !== undefined)
      autosave.schedule()
  }, { deep: true })

  const onHidden = (): void => {
    if (document.visibilityState === 'hidden')
      void autosave.flush()
  }
  const onLeave = (): void => { void autosave.flush() }
  document.addEventListener('visibilitychange', onHidden)
  window.addEventListener('pagehide', onLeave)
  window.addEventListener('beforeunload', onLeave)
  onScopeDispose(() => {
    document.removeEventListener('visibilitychange', onHidden)
    window.removeEventListener('pagehide', onLeave)
    window.removeEventListener('beforeunload', onLeave)
    void autosave.flush()
  })
  return autosave
}
