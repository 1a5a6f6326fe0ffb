/**
 * Keeps the local catalogue in step with the feed: on start, when the browser comes back online, on the
 * user's "Sync now", and on a backoff timer after a failure. The sync code itself is loaded on first use.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useRouter } from 'vue-router'
import { db } from '../db'
import type { RemovalHold, SyncFailure, SyncProgress } from '../sync'
import { useCatalogueStore } from './catalogue'
import { useDeviceStore } from './device'
import { useFiltersStore } from './filters'
import { useFirstListStore } from './firstList'
import { useSettingsStore } from './settings'

export type SyncState = 'idle' | 'syncing' | 'failed' | 'waiting_network'

/** What the banner says while a sync runs: downloading files, or checking (the manifest, then the commit). */
export type SyncStage = 'downloading' | 'checking'

/**
 * One stage for the whole download phase: the sync reports every byte and every finished file of several
 * downloads at once as `download`, and moves on only when all have ended, so the banner does not flip.
 */
export function syncStage(progress: SyncProgress | undefined): SyncStage {
  return progress?.phase === 'download' ? 'downloading' : 'checking'
}

/** Waits between automatic retries: never a tight loop, at most one try every 15 minutes in the long run. */
const RETRY_DELAYS_MS = [15_000, 60_000, 300_000, 900_000]

export function embeddedFeedUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}feed/manifest.json`, location.origin).href
}

export const useSyncStore = defineStore('sync', () => {
  const state = ref<SyncState>('idle')
  const progress = shallowRef<SyncProgress | undefined>()
  const failure = shallowRef<SyncFailure | undefined>()
  /** A feed held back because it would remove most of the catalogue: the question put to the user. */
  const removal = shallowRef<RemovalHold | undefined>()
  /** Versions the user chose not to apply: not asked about again in this session. */
  const declined = new Set<string>()
  const settings = useSettingsStore()
  const device = useDeviceStore()
  const catalogue = useCatalogueStore()
  const filters = useFiltersStore()
  const router = useRouter()
  let retries = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let started = false
  let running: Promise<void> | undefined
  let queued: Promise<void> | undefined

  const feedUrl = computed(() => settings.feedUrl || embeddedFeedUrl())
  const syncing = computed(() => state.value === 'syncing')
  const stage = computed(() => syncStage(progress.value))
  /** No catalogue on the device yet, and no reason to stop waiting for one: the first sync is on its way. */
  const firstSyncPending = computed(() => !catalogue.version && state.value !== 'failed' && state.value !== 'waiting_network')

  function scheduleRetry(): void {
    clearTimeout(retryTimer)
    const delay = RETRY_DELAYS_MS[Math.min(retries, RETRY_DELAYS_MS.length - 1)]!
    retries++
    retryTimer = setTimeout(() => { void run('auto') }, delay)
  }

  async function attempt(allowRemoval?: string): Promise<void> {
    state.value = 'syncing'
    progress.value = undefined
    const { syncCatalogue } = await import('../sync')
    try {
      const outcome = await syncCatalogue({
        db,
        feedUrl: feedUrl.value,
        onProgress: (p) => { progress.value = p },
        // Only for a feed that ships no search index: the builder is loaded then, not at every start.
        buildIndex: async practices => (await import('../search/segmentBuilder')).buildSegment(practices),
        ...(allowRemoval ? { allowRemoval } : {}),
      })
      if (outcome.status === 'removal_held') {
        const { status: _, downloaded: __, ...hold } = outcome
        removal.value = declined.has(hold.version) ? undefined : hold
        failure.value = undefined
        state.value = 'idle'
        return
      }
      if (outcome.status === 'failed') {
        failure.value = outcome.error
        state.value = 'failed'
        if (outcome.error.code !== 'invalid_record' && outcome.error.code !== 'unsupported_format')
          scheduleRetry()
        return
      }
      failure.value = undefined
      retries = 0
      state.value = 'idle'
    }
    catch (error: unknown) {
      // syncCatalogue reports failures as values; anything thrown is a bug, shown as such and retried later.
      console.error(error)
      failure.value = { code: 'network', detail: { message: String(error) } }
      state.value = 'failed'
      scheduleRetry()
    }
    finally {
      progress.value = undefined
    }
  }

  /** `manual` ignores the mobile-data setting only in that the user asked; it still says why it waits. */
  function run(reason: 'start' | 'online' | 'manual' | 'auto' | 'settings', allowRemoval?: string): Promise<void> {
    if (running) {
      // A new address saved mid-sync is synced right after it; the running sync still reads the old one.
      if (reason === 'settings')
        queued ??= running.then(() => { queued = undefined }).then(() => run('settings'))
      return queued ?? running
    }
    clearTimeout(retryTimer)
    if (reason !== 'manual' && !settings.syncOnCellular && device.onMeteredConnection()) {
      state.value = 'waiting_network'
      return Promise.resolve()
    }
    if (!navigator.onLine && reason !== 'manual') {
      state.value = catalogue.version ? 'idle' : 'failed'
      failure.value = catalogue.version ? undefined : { code: 'offline', detail: {} }
      return Promise.resolve()
    }
    running = attempt(allowRemoval).finally(() => { running = undefined })
    return running
  }

  /**
   * With a catalogue on the device, the list comes first and the check for updates after it, so the sync
   * code is not on the start-up path. So it is on a first visit to the catalogue as it opens, whose first
   * cards are embedded in the page; any other first visit needs the catalogue, and syncs at once.
   */
  async function start(): Promise<void> {
    if (started)
      return
    started = true
    window.addEventListener('online', () => { void run('online') })
    device.onConnectionChange(() => {
      if (state.value === 'waiting_network')
        void run('auto')
    })
    await Promise.all([catalogue.ready(), router.isReady()])
    if (catalogue.version || (catalogue.firstScreen && filters.plain))
      useFirstListStore().whenShown(() => { void run('start') })
    else
      void run('start')
  }

  /** The user's answer to a held-back feed: keep what the device has (the default), or apply it. */
  function keepCatalogue(): void {
    if (removal.value)
      declined.add(removal.value.version)
    removal.value = undefined
  }

  function applyRemoval(): Promise<void> {
    const version = removal.value?.version
    removal.value = undefined
    return version ? run('manual', version) : Promise.resolve()
  }

  return { state, progress, stage, failure, removal, feedUrl, syncing, firstSyncPending, start, syncNow: () => run('manual'), resync: () => run('settings'), keepCatalogue, applyRemoval }
})
