/** Typed access to the settings table; an unset key reads as its default. */
import type { FieldGuideDb } from './database'
import { DEFAULT_SETTINGS, type Settings } from './types'

export async function getSetting<K extends keyof Settings>(database: FieldGuideDb, key: K): Promise<Settings[K]> {
  const row = await database.settings.get(key)
  return row === undefined ? DEFAULT_SETTINGS[key] : row.value as Settings[K]
}

export async function setSetting<K extends keyof Settings>(database: FieldGuideDb, key: K, value: Settings[K]): Promise<void> {
  await database.settings.put({ key, value })
}
