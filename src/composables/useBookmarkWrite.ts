import { ref } from 'vue'

/**
 * Writes to a bookmark (its note, its tags, its removal) with any failure said, never dropped silently:
 * `storageError` is set while the device cannot store them, cleared by the next write that succeeds.
 */
export function useBookmarkWrite() {
  const storageError = ref(false)

  async function store(change: () => Promise<unknown>): Promise<void> {
    try {
      await change()
      storageError.value = false
    }
    catch (error: unknown) {
      console.error(error)
      storageError.value = true
    }
  }

  return { storageError, store }
}
