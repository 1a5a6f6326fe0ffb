/** The device's storage (space used, persistence) and the connection, as the settings page and the sync need them. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { db, getSetting, setSetting } from '../db'

interface NetworkInformationLike extends EventTarget {
  type?: string
  saveData?: boolean
}

function connection(): NetworkInformationLike | undefined {
  return (navigator as Navigator & { connection?: NetworkInformationLike }).connection
}

export const useDeviceStore = defineStore('device', () => {
  const usage = ref<number | undefined>()
  const quota = ref<number | undefined>()
  const persisted = ref<boolean | undefined>()

  async function refreshStorage(): Promise<void> {
    if (!navigator.storage)
      return
    const [estimate, isPersisted] = await Promise.all([
      navigator.storage.estimate?.().catch(() => undefined),
      navigator.storage.persisted?.().catch(() => undefined),
    ])
    usage.value = estimate?.usage
    quota.value = estimate?.quota
    persisted.value = isPersisted
  }

  /** Asks once, on the user's behalf (after a first bookmark or an install); the button in settings asks again. */
  async function requestPersistence(force = false): Promise<boolean> {
    if (!navigator.storage?.persist)
      return false
    if (!force && await getSetting(db, 'storagePersistRequested'))
      return Boolean(await navigator.storage.persisted?.())
    await setSetting(db, 'storagePersistRequested', true)
    const granted = await navigator.storage.persist().catch(() => false)
    persisted.value = granted
    return granted
  }

  /** Cellular or Save-Data, as far as the browser tells (Chromium on Android does; others say nothing). */
  function onMeteredConnection(): boolean {
    const c = connection()
    return c?.type === 'cellular' || c?.saveData === true
  }

  function onConnectionChange(listener: () => void): () => void {
    const c = connection()
    c?.addEventListener('change', listener)
    return () => c?.removeEventListener('change', listener)
  }

  return { usage, quota, persisted, refreshStorage, requestPersistence, onMeteredConnection, onConnectionChange }
})
