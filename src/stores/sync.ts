/**
 * Keeps the local catalogue in step with the feed: on start, when the browser comes back online, on the
 * user's "Sync now", and on a backoff timer after a failure. The sync code itself is loaded on first use.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { useRouter } from 'vue-router'
import { db } from '../db'
import type { CatalogueChange } from '../db'
import type { RemovalHold, SyncFailure, SyncOutcome, SyncProgress } from '../sync'
import { useCatalogueStore } from './catalogue'
import { useDeviceStore } from './device'
import { useFiltersStore } from './filters'
import { useFirstListStore } from './firstList'
import { useSettingsStore } from './settings'

type SyncState = 'idle' | 'syncing' | 'failed' | 'waiting_network'

/** What the banner says while a sync runs: downloading files, or checking (the manifest, then the commit). */
export type SyncStage = 'downloading' | 'checking'

/**
 * One stage for the whole download phase: the sync reports every byte and every finished file of several
 * downloads at once as `download`, and moves on only when all have ended, so the banner does not flip.
 */
export function syncStage(progress: SyncProgress | undefined): SyncStage {
  return progress?.phase === 'download' ? 'downloading' : 'checking'
}

/**
 * Failures that say only that the network did not reach the catalogue (no answer, a captive portal's page or
 * error, an interrupted download), not that anything is wrong with it: with a catalogue on the device they
 * are a passing state, shown calmly and retried on the backoff timer, not an alert.
 */
const PASSING_FAILURES: ReadonlySet<string> = new Set(['network', 'aborted', 'http', 'not_json', 'offline', 'busy'])

export function isPassingFailure(failure: SyncFailure, hasCatalogue: boolean): boolean {
  return hasCatalogue && PASSING_FAILURES.has(failure.code)
}

/** What the last finished check found, for "Update now": nothing new, or what it changed. */
type CheckResult = { status: 'unchanged' } | { status: 'updated', change: CatalogueChange }

/** Waits between automatic retries: never a tight loop, at most one try every 15 minutes in the long run. */
const RETRY_DELAYS_MS = [15_000, 60_000, 300_000, 900_000]

export function embeddedFeedUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}feed/manifest.json`, location.origin).href
}

type RunReason = 'start' | 'online' | 'manual' | 'auto' | 'settings'

/** Automatic retries after a failure, further apart each time. */
function retrySchedule(retry: () => void) {
  let retries = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  return {
    schedule(): void {
      clearTimeout(timer)
      const delay = RETRY_DELAYS_MS[Math.min(retries, RETRY_DELAYS_MS.length - 1)]!
      retries++
      timer = setTimeout(retry, delay)
    },
    succeeded(): void { retries = 0 },
    cancel(): void { clearTimeout(timer) },
  }
}

/** What the banner shows once a sync has ended. */
interface SyncView {
  state: Ref<SyncState>
  checked: ShallowRef<CheckResult | undefined>
  failure: ShallowRef<SyncFailure | undefined>
  removal: ShallowRef<RemovalHold | undefined>
  /** Versions the user chose not to apply: not asked about again in this session. */
  declined: ReadonlySet<string>
}

/** Shows an outcome; returns whether a retry should be scheduled. */
function showOutcome(view: SyncView, outcome: SyncOutcome): boolean {
  if (outcome.status === 'removal_held') {
    const { status: _, downloaded: __, ...hold } = outcome
    view.removal.value = view.declined.has(hold.version) ? undefined : hold
    view.failure.value = undefined
    view.state.value = 'idle'
    return false
  }
  if (outcome.status === 'failed') {
    view.failure.value = outcome.error
    view.state.value = 'failed'
    // A feed that is wrong stays wrong until someone fixes it: retrying would only repeat the download.
    return outcome.error.code !== 'invalid_record' && outcome.error.code !== 'unsupported_format'
  }
  view.failure.value = undefined
  view.state.value = 'idle'
  if (outcome.status === 'updated' || outcome.status === 'unchanged')
    view.checked.value = outcome.status === 'updated' ? { status: 'updated', change: outcome.change } : { status: 'unchanged' }
  return false
}

/** Why a sync does not start now (mobile data, offline), as the banner should show it; undefined: it may. */
function reasonToWait(reason: RunReason, conditions: { metered: () => boolean, online: boolean, hasCatalogue: boolean }): { state: SyncState, failure?: SyncFailure | undefined } | undefined {
  if (reason === 'manual')
    return undefined
  if (conditions.metered())
    return { state: 'waiting_network' }
  if (!conditions.online)
    return conditions.hasCatalogue ? { state: 'idle', failure: undefined } : { state: 'failed', failure: { code: 'offline', detail: {} } }
  return undefined
}

/** One sync, with the sync code loaded on first use. */
async function loadSync(): Promise<(options: { feedUrl: string, onProgress: (p: SyncProgress) => void, allowRemoval?: string }) => Promise<SyncOutcome>> {
  const { syncCatalogue } = await import('../sync')
  return options => syncCatalogue({
    db,
    ...options,
    // Only for a feed that ships no search index: the builder is loaded then, not at every start.
    buildIndex: async practices => (await import('../search/segmentBuilder')).buildSegment(practices),
  })
}

/**
 * The compact copy of every practice's place (src/db/placesCopy), written while the device is idle after a
 * sync that changed the catalogue: the map's first opening and "Nearest to me" then need not read every row.
 */
function warmPlaces(version: string): void {
  const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback : (task: () => void) => setTimeout(task, 2000)
  idle(() => { void import('../db/placesCopy').then(places => places.loadPlacedPractices(db, version)) })
}

/** One sync, shown as it goes and when it ends; a failure that may clear up is retried later. */
async function attemptSync(run: { view: SyncView, progress: ShallowRef<SyncProgress | undefined>, feedUrl: string, retry: ReturnType<typeof retrySchedule>, allowRemoval?: string }): Promise<void> {
  const { view, progress, retry } = run
  view.state.value = 'syncing'
  progress.value = undefined
  const sync = await loadSync()
  try {
    const outcome = await sync({ feedUrl: run.feedUrl, onProgress: (p) => { progress.value = p }, ...(run.allowRemoval ? { allowRemoval: run.allowRemoval } : {}) })
    if (outcome.status === 'updated')
      warmPlaces(outcome.version)
    if (showOutcome(view, outcome))
      retry.schedule()
    else if (outcome.status !== 'failed' && outcome.status !== 'removal_held')
      retry.succeeded()
  }
  catch (error: unknown) {
    // syncCatalogue reports failures as values; anything thrown is a bug, shown as such and retried later.
    console.error(error)
    view.failure.value = { code: 'network', detail: { message: String(error) } }
    view.state.value = 'failed'
    retry.schedule()
  }
  finally {
    progress.value = undefined
  }
}

/**
 * Syncs when the browser comes back online or leaves mobile data, and once at start. With a catalogue on the
 * device, the list comes first and the check for updates after it, so the sync code is not on the start-up
 * path. So it is on a first visit to the catalogue as it opens, whose first cards are embedded in the page;
 * any other first visit needs the catalogue, and syncs at once.
 */
async function startSyncing(deps: {
  run: (reason: RunReason) => Promise<void>
  waitingNetwork: () => boolean
  device: ReturnType<typeof useDeviceStore>
  catalogue: ReturnType<typeof useCatalogueStore>
  router: ReturnType<typeof useRouter>
  filters: ReturnType<typeof useFiltersStore>
}): Promise<void> {
  const { run, catalogue } = deps
  window.addEventListener('online', () => { void run('online') })
  deps.device.onConnectionChange(() => {
    if (deps.waitingNetwork())
      void run('auto')
  })
  await Promise.all([catalogue.ready(), deps.router.isReady()])
  if (catalogue.version || (catalogue.firstScreen && deps.filters.plain))
    useFirstListStore().whenShown(() => { void run('start') })
  else
    void run('start')
}

export const useSyncStore = defineStore('sync', () => {
  const state = ref<SyncState>('idle')
  const progress = shallowRef<SyncProgress | undefined>()
  const failure = shallowRef<SyncFailure | undefined>()
  /** A feed held back because it would remove most of the catalogue: the question put to the user. */
  const removal = shallowRef<RemovalHold | undefined>()
  const declined = new Set<string>()
  const checked = shallowRef<CheckResult | undefined>()
  const view: SyncView = { state, checked, failure, removal, declined }
  const settings = useSettingsStore()
  const device = useDeviceStore()
  const catalogue = useCatalogueStore()
  const filters = useFiltersStore()
  const router = useRouter()
  const retry = retrySchedule(() => { void run('auto') })
  let started = false
  let running: Promise<void> | undefined
  let queued: Promise<void> | undefined

  const feedUrl = computed(() => settings.feedUrl || embeddedFeedUrl())
  const syncing = computed(() => state.value === 'syncing')
  const stage = computed(() => syncStage(progress.value))
  /** No catalogue on the device yet, and no reason to stop waiting for one: the first sync is on its way. */
  const firstSyncPending = computed(() => !catalogue.version && state.value !== 'failed' && state.value !== 'waiting_network')

  const attempt = (allowRemoval?: string) => attemptSync({ view, progress, feedUrl: feedUrl.value, retry, ...(allowRemoval ? { allowRemoval } : {}) })

  /** `manual` ignores the mobile-data setting only in that the user asked; it still says why it waits. */
  function run(reason: RunReason, allowRemoval?: string): Promise<void> {
    if (running) {
      // A new address saved mid-sync is synced right after it; the running sync still reads the old one.
      if (reason === 'settings')
        queued ??= running.then(() => { queued = undefined }).then(() => run('settings'))
      return queued ?? running
    }
    retry.cancel()
    const wait = reasonToWait(reason, { metered: () => !settings.syncOnCellular && device.onMeteredConnection(), online: navigator.onLine, hasCatalogue: Boolean(catalogue.version) })
    if (wait) {
      state.value = wait.state
      if ('failure' in wait)
        failure.value = wait.failure
      return Promise.resolve()
    }
    running = attempt(allowRemoval).finally(() => { running = undefined })
    return running
  }

  async function start(): Promise<void> {
    if (started)
      return
    started = true
    await startSyncing({ run, waitingNetwork: () => state.value === 'waiting_network', device, catalogue, router, filters })
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

  return { state, progress, stage, failure, removal, checked, feedUrl, syncing, firstSyncPending, start, syncNow: () => run('manual'), resync: () => run('settings'), keepCatalogue, applyRemoval }
})
