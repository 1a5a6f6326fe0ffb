// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db, getSetting } from '../../src/db'
import type { SyncOptions, SyncOutcome } from '../../src/sync'

const calls: string[] = []
let hold: Promise<void> = Promise.resolve()

vi.mock('../../src/sync', async (original) => {
  const real = await original<typeof import('../../src/sync')>()
  return {
    ...real,
    syncCatalogue: async (options: SyncOptions): Promise<SyncOutcome> => {
      calls.push(options.feedUrl)
      await hold
      return { status: 'unchanged', version: 'v1', downloaded: { files: 1, bytes: 0, reused: 0 } }
    },
  }
})

const { useSettingsStore } = await import('../../src/stores/settings')
const { useSyncStore } = await import('../../src/stores/sync')

describe('the sync store and the catalogue address', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    calls.length = 0
    await db.delete()
    await db.open()
  })

  it('syncs a new address saved while a sync runs right after that sync', async () => {
    const settings = useSettingsStore()
    const sync = useSyncStore()
    await settings.setFeedUrl('https://old.example.org/feed/manifest.json')
    let release!: () => void
    hold = new Promise((resolve) => { release = resolve })
    const first = sync.syncNow()
    await vi.waitFor(() => expect(calls).toHaveLength(1))

    await settings.setFeedUrl('https://new.example.org/feed/manifest.json')
    const second = sync.resync()
    release()
    await Promise.all([first, second])
    expect(calls).toEqual(['https://old.example.org/feed/manifest.json', 'https://new.example.org/feed/manifest.json'])
  })

  it('refuses a plain http address, keeping the one saved', async () => {
    const settings = useSettingsStore()
    await settings.setFeedUrl('https://feeds.example.org/feed/manifest.json')
    expect(await settings.setFeedUrl('http://feeds.example.org/feed/manifest.json')).toBe('not_https')
    expect(settings.feedUrl).toBe('https://feeds.example.org/feed/manifest.json')
    expect(await getSetting(db, 'feedUrl')).toBe('https://feeds.example.org/feed/manifest.json')
  })
})
