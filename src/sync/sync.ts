/**
 * syncCatalogue: brings the local catalogue in step with the feed. Steps and guarantees are in README.md;
 * in short: only files whose hash is not held are fetched, every byte is verified and every record validated
 * before anything is written, and the catalogue changes in one transaction or not at all.
 */
import { checkPractice, check, TaxonomySchema, type FileRef, type Manifest, type Practice, type ShardRef, type Taxonomy } from '../catalogue/schema'
import { getMetas, metaRows, putMeta, snapshotOf, toPracticeRow, toTextRow, type Bookmark, type CatalogueChange, type FieldGuideDb, type PracticeRow, type SearchSegmentRow, type StagedKind, type StagedRow, type TextRow, type UnseenRow } from '../db'
import { diffPractices, planFetch } from './diff'
import { classifyStorageError, failure, isSyncFailure, type SyncFailure } from './errors'
import { DEFAULT_RETRY, fetchBytes, sleep as realSleep, type BodyLimit, type FetchContext, type RetryPolicy, type Sleep } from './fetch'
import { sha256Hex } from './hash'
import { FEED_LIMITS, parseManifest, resolveFeedUrl } from './manifest'

export const SYNC_LOCK = 'icc-sync'
/** How many ids of each kind lastChange keeps (the counts are exact). */
export const LAST_CHANGE_MAX_IDS = 200
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

export type SyncOutcome =
  | { status: 'updated', version: string, change: CatalogueChange, downloaded: DownloadStats }
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

/** A verified and validated file of the new feed, ready to commit. */
type Obtained =
  | { kind: 'shard', sha256: string, practices: Practice[] }
  | { kind: 'index', sha256: string, shardSha256: string, data: ArrayBuffer }
  | { kind: 'taxonomy', sha256: string, taxonomy: Taxonomy }

interface Job {
  kind: StagedKind
  ref: FileRef | ShardRef
  url: string
  shardSha256: string
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

/** An ArrayBuffer holding exactly these bytes (what IndexedDB stores). */
function exactBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer)
    return bytes.buffer
  return bytes.slice().buffer as ArrayBuffer
}

async function verify(bytes: Uint8Array, ref: FileRef, url: string): Promise<void> {
  if (bytes.byteLength < ref.bytes)
    throw failure('truncated', { url, message: `${bytes.byteLength} of ${ref.bytes} bytes` })
  if (bytes.byteLength !== ref.bytes || await sha256Hex(bytes) !== ref.sha256)
    throw failure('checksum', { url })
}

/** A file may hold exactly the bytes its manifest entry lists: one byte more, and it is abandoned mid-stream. */
function listedSize(ref: FileRef, url: string): BodyLimit {
  return { bytes: ref.bytes, exceeded: () => failure('checksum', { url, message: `more than the ${ref.bytes} bytes listed` }) }
}

/**
 * Fetches a listed file and verifies it. A file that fails its check is fetched once more from the network
 * itself (`cache: 'reload'`): a bad copy kept by an HTTP cache on the way must not make the failure permanent.
 */
async function fetchVerified(job: Job, ctx: FetchContext, counted: () => void): Promise<Uint8Array> {
  let first: unknown
  for (const init of [{}, { cache: 'reload' }] satisfies RequestInit[]) {
    try {
      const bytes = await fetchBytes(job.url, init, ctx, listedSize(job.ref, job.url))
      counted()
      await verify(bytes, job.ref, job.url)
      return bytes
    }
    catch (error) {
      const code = isSyncFailure(error) ? error.code : undefined
      if (code !== 'checksum' && code !== 'truncated')
        throw error
      first ??= error
    }
  }
  throw first
}

function parseJson(bytes: Uint8Array, url: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  }
  catch (error) {
    throw failure('not_json', { url, message: error instanceof Error ? error.message : String(error) })
  }
}

/** Every record is validated: one bad record fails the sync, naming its id and field. */
export function parseShard(bytes: Uint8Array, ref: ShardRef, url: string): Practice[] {
  const data = parseJson(bytes, url)
  if (!Array.isArray(data))
    throw failure('invalid_record', { url, message: 'a shard must be a JSON array' })
  if (data.length !== ref.count)
    throw failure('bad_manifest', { url, path: 'count', message: `the shard holds ${data.length} practices, the manifest says ${ref.count}` })
  const practices: Practice[] = []
  for (const item of data) {
    const result = checkPractice(item)
    if (!result.ok) {
      const issue = result.issues[0]!
      throw failure('invalid_record', { url, id: issue.id, path: issue.path, message: issue.message })
    }
    practices.push(result.practice)
  }
  return practices
}

function parseTaxonomy(bytes: Uint8Array, url: string): Taxonomy {
  const result = check(TaxonomySchema, parseJson(bytes, url))
  if (!result.ok)
    throw failure('invalid_record', { url, id: 'taxonomy', path: result.path, message: result.message })
  return result.value
}

function toObtained(job: Job, bytes: Uint8Array): Obtained {
  switch (job.kind) {
    case 'shard':
      return { kind: 'shard', sha256: job.ref.sha256, practices: parseShard(bytes, job.ref as ShardRef, job.url) }
    case 'index':
      return { kind: 'index', sha256: job.ref.sha256, shardSha256: job.shardSha256, data: exactBuffer(bytes) }
    case 'taxonomy':
      return { kind: 'taxonomy', sha256: job.ref.sha256, taxonomy: parseTaxonomy(bytes, job.url) }
  }
}

/** Runs jobs with bounded concurrency; after the first failure starts no new job, lets running ones finish. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let firstError: { error: unknown } | undefined
  async function worker(): Promise<void> {
    while (!firstError && next < items.length) {
      const item = items[next++]!
      try {
        await work(item)
      }
      catch (error) {
        firstError ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (firstError)
    throw firstError.error
}

/** Sorted (files arrive in any order) and capped. */
function cap(ids: string[]): string[] {
  const sorted = [...ids].sort()
  return sorted.length > LAST_CHANGE_MAX_IDS ? sorted.slice(0, LAST_CHANGE_MAX_IDS) : sorted
}

async function runSync(options: SyncOptions): Promise<SyncOutcome> {
  const { db, feedUrl, signal } = options
  const now = options.now ?? (() => new Date())
  const stats: DownloadStats = { files: 0, bytes: 0, reused: 0 }
  const report = options.onProgress ?? (() => {})
  let phase: SyncProgress['phase'] = 'manifest'
  let done = 0
  let total = 1
  const ctx: FetchContext = {
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    ...(signal ? { signal } : {}),
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    online: browserOnline,
    onBytes: (n) => {
      stats.bytes += n
      report({ phase, done, total, bytes: stats.bytes })
    },
  }
  let flushStaged = async () => {}
  /** What the files of this update weigh: about what its commit writes. */
  let neededBytes = 0
  const checkAbort = () => {
    if (signal?.aborted)
      throw failure('aborted', { url: feedUrl })
  }

  try {
    checkAbort()
    if (browserOnline() === false)
      throw failure('offline', { url: feedUrl })
    // Only a timestamp: a full disk refusing it must not stop a sync whose commit may still fit.
    await putMeta(db, { lastAttemptAt: now().toISOString(), ...(options.allowRemoval ? { removalAllowed: options.allowRemoval } : {}) }).catch(() => {})

    report({ phase, done, total, bytes: 0 })
    const manifestBytes = await fetchBytes(feedUrl, { cache: 'no-cache' }, ctx, {
      bytes: FEED_LIMITS.manifestBytes,
      exceeded: () => failure('bad_manifest', { url: feedUrl, message: `larger than ${FEED_LIMITS.manifestBytes} bytes` }),
    })
    stats.files++
    const manifest = parseManifest(manifestBytes, feedUrl)
    if (isSyncFailure(manifest))
      throw manifest
    // Until the plan says which files are missing, the whole feed is what an update may need.
    neededBytes = [manifest.taxonomy, ...manifest.shards, ...(manifest.searchIndex ?? [])].reduce((sum, f) => sum + f.bytes, 0)
    done = 1
    report({ phase, done, total, bytes: stats.bytes })

    const held = await getMetas(db, ['version', 'feedUrl', 'shardHashes', 'taxonomySha256', 'practiceCount', 'removalAllowed'])
    const removalAllowed = (options.allowRemoval ?? held.removalAllowed) === manifest.version
    if (held.version === manifest.version && held.feedUrl === feedUrl) {
      await db.transaction('rw', [db.meta, db.staged], async () => {
        await db.meta.bulkPut(metaRows({ lastSuccessAt: now().toISOString(), lastError: null }))
        await db.staged.clear()
      })
      return { status: 'unchanged', version: manifest.version, downloaded: stats }
    }

    // At least held − incoming practices would go: when that is already most of them, ask before downloading.
    const heldCount = held.practiceCount ?? 0
    const leastRemoved = Math.max(0, heldCount - manifest.practiceCount)
    if (!removalAllowed && removesMost(heldCount, leastRemoved))
      throw new RemovalHeld({ version: manifest.version, held: heldCount, incoming: manifest.practiceCount, removing: leastRemoved })

    const segmentKeys = await db.searchSegments.toCollection().primaryKeys()
    const plan = planFetch(manifest, {
      shards: new Set(held.shardHashes ?? []),
      segments: new Set(segmentKeys),
      taxonomySha256: held.taxonomySha256,
    })
    const jobs: Job[] = [
      ...(plan.taxonomy ? [{ kind: 'taxonomy' as const, ref: manifest.taxonomy, url: resolveFeedUrl(manifest.taxonomy.url, feedUrl), shardSha256: '' }] : []),
      ...plan.shards.map((i): Job => {
        const ref = manifest.shards[i]!
        return { kind: 'shard', ref, url: resolveFeedUrl(ref.url, feedUrl), shardSha256: ref.sha256 }
      }),
      ...plan.segments.map((i): Job => {
        const ref = manifest.searchIndex![i]!
        return { kind: 'index', ref, url: resolveFeedUrl(ref.url, feedUrl), shardSha256: manifest.shards[i]!.sha256 }
      }),
    ]

    // Staged files of an earlier try are reused when this manifest still lists them; the rest are stale.
    neededBytes = jobs.reduce((sum, j) => sum + j.ref.bytes, 0)
    const wanted = new Set(jobs.map(j => j.ref.sha256))
    const stagedKeys = await db.staged.toCollection().primaryKeys()
    const stale = stagedKeys.filter(k => !wanted.has(k))
    if (stale.length)
      await db.staged.bulkDelete(stale)
    const reusable = new Set(stagedKeys.filter(k => wanted.has(k)))

    phase = 'download'
    done = 0
    total = jobs.length
    report({ phase, done, total, bytes: stats.bytes })
    const obtained: Obtained[] = []
    // Staging writes every byte a second time. That is nearly free while the network is the bottleneck and
    // pure cost on a fast one, where the whole download takes a moment: so files are staged eagerly only
    // once the sync has run for stageAfterMs, and the ones held back are staged if the sync fails.
    const stageAfter = performance.now() + (options.stageAfterMs ?? DEFAULT_STAGE_AFTER_MS)
    const unstaged: StagedRow[] = []
    // Staging is best effort: it only saves a re-download, so a full disk refusing it must not fail a sync
    // whose commit may still fit (the rows stay in memory, as on a fast network).
    const stageNow = (rows: StagedRow[]) => db.staged.bulkPut(rows).then(() => {}, () => {})
    const stage = async (row: StagedRow) => {
      unstaged.push(row)
      if (performance.now() >= stageAfter)
        await stageNow(unstaged.splice(0))
    }
    flushStaged = async () => {
      if (unstaged.length)
        await stageNow(unstaged.splice(0))
    }
    await pool(jobs, options.concurrency ?? DEFAULT_CONCURRENCY, async (job) => {
      checkAbort()
      let bytes: Uint8Array | undefined
      if (reusable.has(job.ref.sha256)) {
        const row = await db.staged.get(job.ref.sha256)
        if (row) {
          bytes = new Uint8Array(row.data)
          stats.reused++
        }
      }
      const fresh = !bytes
      if (!bytes) {
        bytes = await fetchVerified(job, ctx, () => { stats.files++ })
      }
      const item = toObtained(job, bytes)
      if (fresh) {
        // Kept until the commit, so a sync cut off by the network (or a closed tab) resumes from here.
        await stage({ sha256: job.ref.sha256, kind: job.kind, url: job.url, data: exactBuffer(bytes), at: now().toISOString() })
      }
      obtained.push(item)
      done++
      report({ phase: 'verify', done, total, bytes: stats.bytes })
    })
    checkAbort()

    const shards = obtained.filter((o): o is Extract<Obtained, { kind: 'shard' }> => o.kind === 'shard')
    const segments: SearchSegmentRow[] = obtained
      .filter((o): o is Extract<Obtained, { kind: 'index' }> => o.kind === 'index')
      .map(o => ({ sha256: o.sha256, shardSha256: o.shardSha256, data: o.data }))
    if (!manifest.searchIndex && options.buildIndex) {
      for (const shard of shards) {
        const data = await options.buildIndex(shard.practices)
        segments.push({ sha256: await sha256Hex(data), shardSha256: shard.sha256, data: exactBuffer(data) })
      }
    }
    const taxonomy = obtained.find((o): o is Extract<Obtained, { kind: 'taxonomy' }> => o.kind === 'taxonomy')

    // The commit starts in a task of its own, so checking the files and writing them never hold a phone's
    // main thread together.
    await new Promise(resolve => setTimeout(resolve))
    checkAbort()
    phase = 'commit'
    report({ phase, done: 0, total: 1, bytes: stats.bytes })
    const change = await commit(db, {
      manifest,
      feedUrl,
      shards,
      segments,
      ...(taxonomy ? { taxonomy } : {}),
      dropped: plan.dropped,
      initial: held.version === undefined,
      at: now().toISOString(),
      allowRemoval: removalAllowed,
      basedOn: held.version,
    })
    report({ phase, done: 1, total: 1, bytes: stats.bytes })
    return { status: 'updated', version: manifest.version, change, downloaded: stats }
  }
  catch (error) {
    if (error instanceof Superseded) {
      // The other tab's commit stands; this one's diff would be against rows that are gone.
      await db.staged.clear().catch(() => {})
      return error.current === error.wanted ? { status: 'unchanged', version: error.wanted, downloaded: stats } : { status: 'busy' }
    }
    if (error instanceof RemovalHeld) {
      // Nothing is wrong and nothing changes; the files already verified wait for the user's answer.
      await flushStaged().catch(() => {})
      return { status: 'removal_held', ...error.hold, downloaded: stats }
    }
    const classified = isSyncFailure(error) ? error : classifyStorageError(error)
    // A full disk names the space the update needs, so the reader knows how much to free.
    const reason = classified.code === 'quota' ? { ...classified, detail: { ...classified.detail, bytes: neededBytes } } : classified
    // Verified files are kept for the next try (a full disk may refuse them too; nothing lost but time).
    await flushStaged().catch(() => {})
    // A small transaction of its own, touching nothing but meta: the catalogue stays as it was.
    await putMeta(db, { lastError: { code: reason.code, detail: reason.detail, at: now().toISOString() } }).catch(() => {})
    return { status: 'failed', error: reason, downloaded: stats }
  }
}

interface CommitInput {
  manifest: Manifest
  feedUrl: string
  shards: Array<{ sha256: string, practices: Practice[] }>
  segments: SearchSegmentRow[]
  taxonomy?: { sha256: string, taxonomy: Taxonomy }
  dropped: string[]
  initial: boolean
  at: string
  /** The user agreed to this feed removing most of the catalogue. */
  allowRemoval: boolean
  /** The version held when the plan was made. */
  basedOn: string | undefined
}

function sameSnapshot(a: Bookmark['snapshot'], b: Bookmark['snapshot']): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Writes the new catalogue in one transaction; nothing foreign (no fetch, no hashing) happens inside it. */
async function commit(db: FieldGuideDb, input: CommitInput): Promise<CatalogueChange> {
  const { manifest, at } = input
  // Built before the transaction opens, so it stays as short as the writes themselves.
  const rows: PracticeRow[] = []
  const texts: TextRow[] = []
  const seen = new Set<string>()
  for (const shard of input.shards) {
    for (const p of shard.practices) {
      if (seen.has(p.id))
        throw failure('invalid_record', { id: p.id, path: 'id', message: 'the feed lists this id twice' })
      seen.add(p.id)
      rows.push(toPracticeRow(p, shard.sha256))
      texts.push(toTextRow(p))
    }
  }
  const shardSet = new Set(manifest.shards.map(s => s.sha256))

  return db.transaction('rw', [db.practices, db.texts, db.meta, db.searchSegments, db.bookmarks, db.unseen, db.staged], async () => {
    // Without Web Locks two tabs can sync at once: the second to commit finds another version than the one
    // it planned against, and stops rather than diffing against rows that are gone (every practice "new").
    const current = (await db.meta.get('version'))?.value as string | undefined
    if (current !== input.basedOn)
      throw new Superseded(current, manifest.version)
    const before = input.dropped.length
      ? new Map((await db.practices.where('shard').anyOf(input.dropped).toArray()).map(r => [r.id, r.updatedAt]))
      : new Map<string, string>()
    const diff = diffPractices(before, rows)
    // The exact count, for a feed that swaps most practices for others (the counts alone do not show it).
    const heldCount = await db.practices.count()
    if (!input.allowRemoval && removesMost(heldCount, diff.removed.length))
      throw new RemovalHeld({ version: manifest.version, held: heldCount, incoming: manifest.practiceCount, removing: diff.removed.length })

    // Staged copies are no longer needed once the commit runs; cleared first, so the new rows never need
    // room for both on a nearly full disk (and restored with everything else if the commit fails).
    await db.staged.clear()
    if (rows.length) {
      await db.practices.bulkPut(rows)
      await db.texts.bulkPut(texts)
    }
    if (diff.removed.length) {
      await db.practices.bulkDelete(diff.removed)
      await db.texts.bulkDelete(diff.removed)
      await db.unseen.bulkDelete(diff.removed)
    }
    // A practice lives in one shard, so the held rows must now add up to the manifest's count; if they do
    // not, the feed repeats an id across shards, and the whole commit is undone.
    const count = await db.practices.count()
    if (count !== manifest.practiceCount)
      throw failure('invalid_record', { path: 'id', message: `the feed lists ${manifest.practiceCount} practices, ${count} distinct ids` })

    // Search segments: add the new ones, drop those of shards (or of a segment build) no longer listed.
    if (input.segments.length)
      await db.searchSegments.bulkPut(input.segments)
    const orphanSegments = await db.searchSegments.where('shardSha256').noneOf([...shardSet]).primaryKeys()
    if (manifest.searchIndex) {
      const listed = new Set(manifest.searchIndex.map(s => s.sha256))
      orphanSegments.push(...(await db.searchSegments.toCollection().primaryKeys()).filter(k => !listed.has(k)))
    }
    if (orphanSegments.length)
      await db.searchSegments.bulkDelete([...new Set(orphanSegments)])
    const indexHashes = manifest.searchIndex?.map(s => s.sha256) ?? await db.searchSegments.toCollection().primaryKeys()

    // Bookmarks: refresh snapshots of practices that came in, flag (but keep) those whose practice went.
    const bookmarkIds = await db.bookmarks.toCollection().primaryKeys()
    if (bookmarkIds.length) {
      const incoming = new Map<string, PracticeRow>()
      const removed = new Set(diff.removed)
      const bookmarked = new Set(bookmarkIds)
      for (const row of rows) {
        if (bookmarked.has(row.id))
          incoming.set(row.id, row)
      }
      const touched = bookmarkIds.filter(id => incoming.has(id) || removed.has(id))
      const bookmarks = touched.length ? await db.bookmarks.bulkGet(touched) : []
      const writes: Bookmark[] = []
      for (const b of bookmarks) {
        if (!b)
          continue
        const row = incoming.get(b.id)
        if (row) {
          const snapshot = snapshotOf(row)
          if (b.removedFromCatalogue || !sameSnapshot(snapshot, b.snapshot))
            writes.push({ ...b, snapshot, snapshotAt: at, removedFromCatalogue: false })
        }
        else if (!b.removedFromCatalogue) {
          writes.push({ ...b, removedFromCatalogue: true })
        }
      }
      if (writes.length)
        await db.bookmarks.bulkPut(writes)
    }

    // Badges: not on the first sync (everything would be "new").
    if (!input.initial && (diff.added.length || diff.updated.length)) {
      const prior = diff.updated.length ? await db.unseen.bulkGet(diff.updated) : []
      const badges: UnseenRow[] = [
        ...diff.added.map((id): UnseenRow => ({ id, kind: 'new', at })),
        ...diff.updated.map((id, i): UnseenRow => ({ id, kind: prior[i]?.kind === 'new' ? 'new' : 'updated', at })),
      ]
      await db.unseen.bulkPut(badges)
    }

    const change: CatalogueChange = {
      added: input.initial ? [] : cap(diff.added),
      updated: cap(diff.updated),
      removed: cap(diff.removed),
      addedCount: diff.added.length,
      updatedCount: diff.updated.length,
      removedCount: diff.removed.length,
      initial: input.initial,
      at,
    }
    await db.meta.bulkPut(metaRows({
      feedUrl: input.feedUrl,
      version: manifest.version,
      generatedAt: manifest.generatedAt,
      practiceCount: manifest.practiceCount,
      shardHashes: manifest.shards.map(s => s.sha256),
      indexHashes,
      ...(input.taxonomy ? { taxonomy: input.taxonomy.taxonomy, taxonomySha256: input.taxonomy.sha256 } : {}),
      lastSuccessAt: at,
      lastChange: change,
      lastError: null,
    }))
    return change
  })
}
