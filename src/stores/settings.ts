/** The user's preferences, kept in Dexie: language, text size, feed URL, sync on mobile data. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { db, getSetting, setSetting } from '../db'
import { setLocale as applyLocale } from '../i18n'
import { isSupportedLocale, negotiateLocale } from '../i18n/locales'
import type { FeedAddressProblem } from '../sync/feedAddress'

export const TEXT_SCALES = [0.875, 1, 1.125, 1.25, 1.5, 1.75, 2] as const

export const useSettingsStore = defineStore('settings', () => {
  const locale = ref('en')
  const textScale = ref(1)
  const syncOnCellular = ref(true)
  /** Empty: the feed embedded in the app. */
  const feedUrl = ref('')

  function applyTextScale(scale: number): void {
    document.documentElement.style.setProperty('--text-scale', String(scale))
  }

  async function init(): Promise<void> {
    const [savedLocale, savedScale, cellular, savedFeed] = await Promise.all([
      getSetting(db, 'locale'),
      getSetting(db, 'textScale'),
      getSetting(db, 'syncOnCellular'),
      getSetting(db, 'feedUrl'),
    ]).catch(() => [undefined, undefined, undefined, undefined] as const)
    locale.value = await applyLocale(savedLocale ?? negotiateLocale(navigator.languages ?? [navigator.language]))
    textScale.value = typeof savedScale === 'number' ? savedScale : 1
    applyTextScale(textScale.value)
    syncOnCellular.value = cellular ?? true
    feedUrl.value = savedFeed ?? ''
  }

  async function setLocale(tag: string): Promise<void> {
    // Remembered before it is shown, so a reload right after the switch keeps it.
    await setSetting(db, 'locale', isSupportedLocale(tag) ? tag : null)
    locale.value = await applyLocale(tag)
  }

  async function setTextScale(scale: number): Promise<void> {
    const clamped = Math.min(TEXT_SCALES[TEXT_SCALES.length - 1]!, Math.max(TEXT_SCALES[0], scale))
    textScale.value = clamped
    applyTextScale(clamped)
    await setSetting(db, 'textScale', clamped)
  }

  function stepTextScale(direction: 1 | -1): Promise<void> {
    const index = TEXT_SCALES.findIndex(s => s >= textScale.value)
    const next = TEXT_SCALES[Math.min(TEXT_SCALES.length - 1, Math.max(0, (index < 0 ? 1 : index) + direction))]!
    return setTextScale(next)
  }

  async function setSyncOnCellular(value: boolean): Promise<void> {
    syncOnCellular.value = value
    await setSetting(db, 'syncOnCellular', value)
  }

  /** Stores a catalogue address, or refuses it (nothing changes) and says why. */
  async function setFeedUrl(url: string): Promise<FeedAddressProblem | undefined> {
    // Loaded with Settings, the only place an address is typed: start-up never checks one.
    const { checkFeedAddress } = await import('../sync/feedAddress')
    const checked = checkFeedAddress(url)
    if (!checked.ok)
      return checked.problem
    feedUrl.value = checked.url
    await setSetting(db, 'feedUrl', feedUrl.value)
    return undefined
  }

  return { locale, textScale, syncOnCellular, feedUrl, init, setLocale, setTextScale, stepTextScale, setSyncOnCellular, setFeedUrl }
})
