/**
 * syncCatalogue: brings the local catalogue in step with the feed. Steps and guarantees are in README.md;
 * in short: only files whose hash is not held are fetched, every byte is verified and every record validated
 * before anything is written, and the catalogue changes in one transaction or not at all.
 */
import type { Manifest, Practice } from '../catalogue/schema'
import { getMetas, toPracticeRow, toTextRow, type CatalogueChange, type CatalogueMeta, type FieldGuideDb, type PracticeRow, type SearchSegmentRow, type StagedRow, type TextRow } from '../db'
// Directly, not through the index: these load with the sync code, not with the database at start-up.
import {
  commitCatalogue,
  discardStagedFiles,
  heldSegmentKeys,
  keepStagedFiles,
  readStagedFile,
  recordAttempt,
  recordFailure,
  recordUnchanged,
  stageFiles,
  type CommitPlan,
  type HeldCatalogue,
} from '../db/catalogueWrites'
import { diffPractices, planFetch, type ChangeSet } from './diff'
import { classifyStorageError, failure, isSyncFailure, type SyncFailure } from './errors'
import { DEFAULT_RETRY, fetchBytes, sleep as realSleep, type FetchContext, type RetryPolicy, type Sleep } from './fetch'
import { exactBuffer, fetchVerified, pool, toObtained, type Job, type Obtained } from './files'
import { sha256Hex } from './hash'
import { FEED_LIMITS, parseManifest, resolveFeedUrl } from './manifest'

export { parseShard } from './files'

const SYNC_LOCK = 'icc-sync'
/** How many ids of each kind lastChange keeps (the counts are exact). */
const LAST_CHANGE_MAX_IDS = 200
const DEFAULT_CONCURRENCY = 4
const DEFAULT_STAGE_AFTER_MS = 2000

export interface SyncProgress {
  phase: 'manifest' | 'download' | 'verify' | 'commit'
  /** Files finished in this phase (commit: 0, then 1). */
  done: number
  total: number
  /** Bytes downloaded so far in this sync. */
  bytes: number
}

/** The part of the Web Locks API the sync uses (navigator.locks fits; tests pass a fake). */
export interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>
}

export interface SyncOptions {
  db: FieldGuideDb
  /** Absolute URL of the feed's manifest.json. */
  feedUrl: string
  fetch?: typeof fetch
  onProgress?: (progress: SyncProgress) => void
  signal?: AbortSignal
  /** Default navigator.locks where there is one; null = only the in-process guard. */
  locks?: LockManagerLike | null
  now?: () => Date
  /** Builds a search segment for a shard when the feed ships none. */
  buildIndex?: (practices: Practice[]) => Uint8Array | Promise<Uint8Array>
  /** For tests: the wait between tries, and its randomness. */
  sleep?: Sleep
  random?: () => number
  retry?: Partial<RetryPolicy>
  /** Files fetched at once. */
  concurrency?: number
  /**
   * Files that arrive later than this (ms after the sync started) are staged in IndexedDB at once, so even a
   * killed tab resumes; earlier ones are staged only if the sync fails. Default 2000. See README.md.
   */
  stageAfterMs?: number
  /**
   * The manifest version the user agreed to apply although it removes most of the catalogue the device holds.
   * Without it such a feed is held back (`removal_held`) and nothing changes.
   */
  allowRemoval?: string
}

export interface DownloadStats {
  /** Files fetched from the network (manifest included). */
  files: number
  bytes: number
  /** Files taken from the staging table of an earlier, interrupted sync. */
  reused: number
}

export type SyncOutcome
  = | { status: 'updated', version: string, change: CatalogueChange, downloaded: DownloadStats }
    | { status: 'unchanged', version: string, downloaded: DownloadStats }
    | { status: 'busy' }
    | { status: 'failed', error: SyncFailure, downloaded: DownloadStats }
    | ({ status: 'removal_held', downloaded: DownloadStats } & RemovalHold)

/**
 * A feed that would remove most of the catalogue the device holds (an emptied or broken feed looks exactly
 * like this): held back until the user agrees, with the counts to ask about.
 */
export interface RemovalHold {
  version: string
  /** Practices on the device now. */
  held: number
  /** Practices the new feed lists. */
  incoming: number
  /** Practices on the device that the new feed would remove. */
  removing: number
}

/** Another tab committed since this sync read the held state (no Web Locks there): its plan is stale. */
class Superseded {
  /** `current`: what the other tab committed; `wanted`: the version this sync was bringing. */
  constructor(readonly current: string | undefined, readonly wanted: string) {}
}

class RemovalHeld {
  constructor(readonly hold: RemovalHold) {}
}

/** More than half of what the device holds would go (an empty feed always counts). */
export function removesMost(held: number, removing: number): boolean {
  return held > 0 && removing * 2 > held
}

function defaultLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator
  return nav?.locks ?? null
}

function browserOnline(): boolean | undefined {
  const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator
  return typeof nav?.onLine === 'boolean' ? nav.onLine : undefined
}

/** One sync at a time: across tabs with Web Locks, within this page with a guard on the database instance. */
async function exclusive(options: SyncOptions, job: () => Promise<SyncOutcome>): Promise<SyncOutcome> {
  const running = options.db.lifecycle.running
  if (running.has(SYNC_LOCK))
    return { status: 'busy' }
  running.add(SYNC_LOCK)
  try {
    const locks = options.locks === undefined ? defaultLocks() : options.locks
    if (!locks)
      return await job()
    return await locks.request(SYNC_LOCK, { ifAvailable: true }, async lock => (lock ? job() : { status: 'busy' as const }))
  }
  finally {
    running.delete(SYNC_LOCK)
  }
}

export function syncCatalogue(options: SyncOptions): Promise<SyncOutcome> {
  return exclusive(options, () => runSync(options))
}

/**
 * Verified files held back from staging (see `stageAfterMs`). Staging is best effort: it only saves a
 * re-download, so a full disk refusing it must not fail a sync whose commit may still fit.
 */
interface Staging {
  add: (row: StagedRow) => Promise<void>
  flush: () => Promise<void>
}

/** The state of one sync, passed from step to step. */
interface SyncRun {
  options: SyncOptions
  db: FieldGuideDb
  feedUrl: string
  /** The time now, as ISO 8601. */
  at: () => string
  stats: DownloadStats
  /** The phase reported to the UI: one phase until every download has ended, however many run at once. */
  progress: Omit<SyncProgress, 'bytes'>
  report: () => void
  fetch: FetchContext
  staging: Staging
  /** What the files of this update weigh: about what its commit writes (a full disk names it). */
  neededBytes: number
  checkAbort: () => void
}

function startStaging(db: FieldGuideDb, stageAfterMs: number): Staging {
  // Staging writes every byte a second time. That is nearly free while the network is the bottleneck and
  // pure cost on a fast one, where the whole download takes a moment: so files are staged eagerly only
  // once the sync has run for stageAfterMs, and the ones held back are staged if the sync fails.
  const stageAfter = performance.now() + stageAfterMs
  const unstaged: StagedRow[] = []
  const stageNow = (rows: StagedRow[]) => stageFiles(db, rows).catch(() => {})
  return {
    add: async (row) => {
      unstaged.push(row)
      if (performance.now() >= stageAfter)
        await stageNow(unstaged.splice(0))
    },
    flush: async () => {
      if (unstaged.length)
        await stageNow(unstaged.splice(0))
    },
  }
}

function startRun(options: SyncOptions): SyncRun {
  const now = options.now ?? (() => new Date())
  const stats: DownloadStats = { files: 0, bytes: 0, reused: 0 }
  const report = options.onProgress ?? (() => {})
  const run: SyncRun = {
    options,
    db: options.db,
    feedUrl: options.feedUrl,
    at: () => now().toISOString(),
    stats,
    progress: { phase: 'manifest', done: 0, total: 1 },
    report: () => report({ ...run.progress, bytes: stats.bytes }),
    fetch: {
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      ...(options.signal ? { signal: options.signal } : {}),
      sleep: options.sleep ?? realSleep,
      random: options.random ?? Math.random,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      online: browserOnline,
      onBytes: (n) => {
        stats.bytes += n
        run.report()
      },
    },
    staging: { add: async () => {}, flush: async () => {} },
    neededBytes: 0,
    checkAbort: () => {
      if (options.signal?.aborted)
        throw failure('aborted', { url: options.feedUrl })
    },
  }
  return run
}

async function runSync(options: SyncOptions): Promise<SyncOutcome> {
  const run = startRun(options)
  try {
    return await syncSteps(run)
  }
  catch (error) {
    return settle(run, error)
  }
}

/** The steps of a sync, top-down. A step that cannot go on throws; `settle` turns that into the outcome. */
async function syncSteps(run: SyncRun): Promise<SyncOutcome> {
  await begin(run)
  const manifest = await fetchManifest(run)
  const held = await getMetas(run.db, ['version', 'feedUrl', 'shardHashes', 'taxonomySha256', 'practiceCount', 'removalAllowed'])
  if (held.version === manifest.version && held.feedUrl === run.feedUrl) {
    await recordUnchanged(run.db, run.at())
    return { status: 'unchanged', version: manifest.version, downloaded: run.stats }
  }
  const removalAllowed = (run.options.allowRemoval ?? held.removalAllowed) === manifest.version
  if (!removalAllowed)
    holdIfRemovesMost(manifest, held.practiceCount ?? 0)
  const { jobs, dropped } = await planJobs(run, manifest, held)
  const obtained = await downloadAll(run, jobs)
  const files = await prepareFiles(run, manifest, obtained)
  // The commit starts in a task of its own, so checking the files and writing them never hold a phone's
  // main thread together.
  await new Promise(resolve => setTimeout(resolve))
  run.checkAbort()
  const change = await commitFeed(run, { manifest, files, dropped, basedOn: held.version, allowRemoval: removalAllowed })
  return { status: 'updated', version: manifest.version, change, downloaded: run.stats }
}

async function begin(run: SyncRun): Promise<void> {
  run.checkAbort()
  if (browserOnline() === false)
    throw failure('offline', { url: run.feedUrl })
  // Only a timestamp: a full disk refusing it must not stop a sync whose commit may still fit.
  const removalAllowed = run.options.allowRemoval
  await recordAttempt(run.db, { at: run.at(), ...(removalAllowed ? { removalAllowed } : {}) }).catch(() => {})
}

async function fetchManifest(run: SyncRun): Promise<Manifest> {
  run.report()
  const bytes = await fetchBytes(run.feedUrl, { cache: 'no-cache' }, run.fetch, {
    bytes: FEED_LIMITS.manifestBytes,
    exceeded: () => failure('bad_manifest', { url: run.feedUrl, message: `larger than ${FEED_LIMITS.manifestBytes} bytes` }),
  })
  run.stats.files++
  const manifest = parseManifest(bytes, run.feedUrl)
  if (isSyncFailure(manifest))
    throw manifest
  // Until the plan says which files are missing, the whole feed is what an update may need.
  run.neededBytes = [manifest.taxonomy, ...manifest.shards, ...(manifest.searchIndex ?? [])].reduce((sum, f) => sum + f.bytes, 0)
  run.progress.done = 1
  run.report()
  return manifest
}

/** At least held − incoming practices would go: when that is already most of them, ask before downloading. */
function holdIfRemovesMost(manifest: Manifest, heldCount: number): void {
  const leastRemoved = Math.max(0, heldCount - manifest.practiceCount)
  if (removesMost(heldCount, leastRemoved))
    throw new RemovalHeld({ version: manifest.version, held: heldCount, incoming: manifest.practiceCount, removing: leastRemoved })
}

type HeldMeta = Partial<Pick<CatalogueMeta, 'shardHashes' | 'taxonomySha256'>>

/** The files whose hash is not held; staged files of an earlier try are reused when still listed. */
async function planJobs(run: SyncRun, manifest: Manifest, held: HeldMeta): Promise<{ jobs: Job[], dropped: string[] }> {
  const plan = planFetch(manifest, {
    shards: new Set(held.shardHashes ?? []),
    segments: new Set(await heldSegmentKeys(run.db)),
    taxonomySha256: held.taxonomySha256,
  })
  const url = (relative: string) => resolveFeedUrl(relative, run.feedUrl)
  const jobs: Job[] = [
    ...(plan.taxonomy ? [{ kind: 'taxonomy' as const, ref: manifest.taxonomy, url: url(manifest.taxonomy.url), shardSha256: '' }] : []),
    ...plan.shards.map((i): Job => {
      const ref = manifest.shards[i]!
      return { kind: 'shard', ref, url: url(ref.url), shardSha256: ref.sha256 }
    }),
    ...plan.segments.map((i): Job => {
      const ref = manifest.searchIndex![i]!
      return { kind: 'index', ref, url: url(ref.url), shardSha256: manifest.shards[i]!.sha256 }
    }),
  ]
  run.neededBytes = jobs.reduce((sum, j) => sum + j.ref.bytes, 0)
  return { jobs, dropped: plan.dropped }
}

/** Downloads (or takes from staging), verifies and validates every file, several at a time. */
async function downloadAll(run: SyncRun, jobs: Job[]): Promise<Obtained[]> {
  const reusable = await keepStagedFiles(run.db, new Set(jobs.map(j => j.ref.sha256)))
  run.progress = { phase: 'download', done: 0, total: jobs.length }
  run.report()
  run.staging = startStaging(run.db, run.options.stageAfterMs ?? DEFAULT_STAGE_AFTER_MS)
  const obtained: Obtained[] = []
  await pool(jobs, run.options.concurrency ?? DEFAULT_CONCURRENCY, async (job) => {
    run.checkAbort()
    obtained.push(await obtain(run, job, reusable.has(job.ref.sha256)))
    run.progress.done++
    run.report()
  })
  run.checkAbort()
  // Every file has arrived and passed its check: only now does the phase move on, so a banner never flips
  // between "Downloading" and "Checking" while several files download at once.
  run.progress = { phase: 'verify', done: jobs.length, total: jobs.length }
  run.report()
  return obtained
}

async function obtain(run: SyncRun, job: Job, staged: boolean): Promise<Obtained> {
  const row = staged ? await readStagedFile(run.db, job.ref.sha256) : undefined
  if (row) {
    run.stats.reused++
    return toObtained(job, new Uint8Array(row.data))
  }
  const bytes = await fetchVerified(job, run.fetch, () => { run.stats.files++ })
  const item = toObtained(job, bytes)
  // Kept until the commit, so a sync cut off by the network (or a closed tab) resumes from here.
  await run.staging.add({ sha256: job.ref.sha256, kind: job.kind, url: job.url, data: exactBuffer(bytes), at: run.at() })
  return item
}

interface PreparedFiles {
  rows: PracticeRow[]
  texts: TextRow[]
  segments: SearchSegmentRow[]
  taxonomy?: Extract<Obtained, { kind: 'taxonomy' }>
}

/** Rows, texts and segments built before the commit's transaction opens, so it stays as short as its writes. */
async function prepareFiles(run: SyncRun, manifest: Manifest, obtained: Obtained[]): Promise<PreparedFiles> {
  const shards = obtained.filter((o): o is Extract<Obtained, { kind: 'shard' }> => o.kind === 'shard')
  const segments: SearchSegmentRow[] = obtained
    .filter((o): o is Extract<Obtained, { kind: 'index' }> => o.kind === 'index')
    .map(o => ({ sha256: o.sha256, shardSha256: o.shardSha256, data: o.data }))
  if (!manifest.searchIndex && run.options.buildIndex)
    segments.push(...await buildSegments(shards, run.options.buildIndex))
  const taxonomy = obtained.find((o): o is Extract<Obtained, { kind: 'taxonomy' }> => o.kind === 'taxonomy')
  return { ...toRows(shards), segments, ...(taxonomy ? { taxonomy } : {}) }
}

async function buildSegments(shards: { sha256: string, practices: Practice[] }[], buildIndex: NonNullable<SyncOptions['buildIndex']>): Promise<SearchSegmentRow[]> {
  const segments: SearchSegmentRow[] = []
  for (const shard of shards) {
    const data = await buildIndex(shard.practices)
    segments.push({ sha256: await sha256Hex(data), shardSha256: shard.sha256, data: exactBuffer(data) })
  }
  return segments
}

function toRows(shards: { sha256: string, practices: Practice[] }[]): { rows: PracticeRow[], texts: TextRow[] } {
  const rows: PracticeRow[] = []
  const texts: TextRow[] = []
  const seen = new Set<string>()
  for (const shard of shards) {
    for (const p of shard.practices) {
      if (seen.has(p.id))
        throw failure('invalid_record', { id: p.id, path: 'id', message: 'the feed lists this id twice' })
      seen.add(p.id)
      rows.push(toPracticeRow(p, shard.sha256))
      texts.push(toTextRow(p))
    }
  }
  return { rows, texts }
}

/** Sorted (files arrive in any order) and capped. */
function cap(ids: string[]): string[] {
  const sorted = [...ids].sort()
  return sorted.length > LAST_CHANGE_MAX_IDS ? sorted.slice(0, LAST_CHANGE_MAX_IDS) : sorted
}

function summarise(diff: ChangeSet, initial: boolean, at: string): CatalogueChange {
  return {
    added: initial ? [] : cap(diff.added),
    updated: cap(diff.updated),
    removed: cap(diff.removed),
    addedCount: diff.added.length,
    updatedCount: diff.updated.length,
    removedCount: diff.removed.length,
    initial,
    at,
  }
}

interface FeedCommit {
  manifest: Manifest
  files: PreparedFiles
  dropped: string[]
  /** The version held when the plan was made. */
  basedOn: string | undefined
  /** The user agreed to this feed removing most of the catalogue. */
  allowRemoval: boolean
}

/** Decides, from what the commit finds held, whether and what to write; throws to leave everything as it was. */
function decideCommit(input: FeedCommit, held: HeldCatalogue, at: string): CommitPlan {
  const { manifest } = input
  // Without Web Locks two tabs can sync at once: the second to commit finds another version than the one
  // it planned against, and stops rather than diffing against rows that are gone (every practice "new").
  if (held.version !== input.basedOn)
    throw new Superseded(held.version, manifest.version)
  const diff = diffPractices(held.before, input.files.rows)
  // The exact count, for a feed that swaps most practices for others (the counts alone do not show it).
  if (!input.allowRemoval && removesMost(held.count, diff.removed.length))
    throw new RemovalHeld({ version: manifest.version, held: held.count, incoming: manifest.practiceCount, removing: diff.removed.length })
  return { added: diff.added, updated: diff.updated, removed: diff.removed, change: summarise(diff, input.basedOn === undefined, at) }
}

/** The catalogue's size as its manifest lists it: every file a full download would fetch. */
function feedBytes(manifest: Manifest): number {
  return [manifest.taxonomy, ...manifest.shards, ...(manifest.searchIndex ?? [])].reduce((sum, file) => sum + file.bytes, 0)
}

async function commitFeed(run: SyncRun, input: FeedCommit): Promise<CatalogueChange> {
  const { manifest, files } = input
  const at = run.at()
  run.progress = { phase: 'commit', done: 0, total: 1 }
  run.report()
  const change = await commitCatalogue(run.db, {
    rows: files.rows,
    texts: files.texts,
    droppedShards: input.dropped,
    segments: files.segments,
    listedShards: [...new Set(manifest.shards.map(s => s.sha256))],
    listedSegments: manifest.searchIndex?.map(s => s.sha256),
    meta: {
      feedUrl: run.feedUrl,
      version: manifest.version,
      generatedAt: manifest.generatedAt,
      practiceCount: manifest.practiceCount,
      shardHashes: manifest.shards.map(s => s.sha256),
      feedBytes: feedBytes(manifest),
      ...(files.taxonomy ? { taxonomy: files.taxonomy.taxonomy, taxonomySha256: files.taxonomy.sha256 } : {}),
    },
    at,
    initial: input.basedOn === undefined,
    decide: held => decideCommit(input, held, at),
    written: (count) => {
      // A practice lives in one shard, so the held rows must now add up to the manifest's count; if they do
      // not, the feed repeats an id across shards, and the whole commit is undone.
      if (count !== manifest.practiceCount)
        throw failure('invalid_record', { path: 'id', message: `the feed lists ${manifest.practiceCount} practices, ${count} distinct ids` })
    },
  })
  run.progress.done = 1
  run.report()
  return change
}

/** Turns what stopped a sync into its outcome, keeping verified files for the next try. */
async function settle(run: SyncRun, error: unknown): Promise<SyncOutcome> {
  if (error instanceof Superseded) {
    // The other tab's commit stands; this one's diff would be against rows that are gone.
    await discardStagedFiles(run.db).catch(() => {})
    return error.current === error.wanted ? { status: 'unchanged', version: error.wanted, downloaded: run.stats } : { status: 'busy' }
  }
  if (error instanceof RemovalHeld) {
    // Nothing is wrong and nothing changes; the files already verified wait for the user's answer.
    await run.staging.flush().catch(() => {})
    return { status: 'removal_held', ...error.hold, downloaded: run.stats }
  }
  const classified = isSyncFailure(error) ? error : classifyStorageError(error)
  // A full disk names the space the update needs, so the reader knows how much to free.
  const reason = classified.code === 'quota' ? { ...classified, detail: { ...classified.detail, bytes: run.neededBytes } } : classified
  // Verified files are kept for the next try (a full disk may refuse them too; nothing lost but time).
  await run.staging.flush().catch(() => {})
  await recordFailure(run.db, { code: reason.code, detail: reason.detail, at: run.at() }).catch(() => {})
  return { status: 'failed', error: reason, downloaded: run.stats }
}
