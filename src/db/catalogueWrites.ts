/**
 * Every write a sync makes, named for what it does: stage a file, commit a catalogue, refresh bookmark
 * snapshots, record an outcome. src/sync decides what to write and when; these functions only write it.
 */
import type { FieldGuideDb } from './database'
import { metaRows, putMeta } from './meta'
import { snapshotOf } from './practices'
import type { Bookmark, CatalogueChange, CatalogueMeta, PracticeRow, SearchSegmentRow, StagedRow, StoredSyncError, TextRow, UnseenRow } from './types'

/** Keeps verified files of an unfinished sync, so the next one need not download them again. */
export async function stageFiles(database: FieldGuideDb, rows: StagedRow[]): Promise<void> {
  await database.staged.bulkPut(rows)
}

export async function readStagedFile(database: FieldGuideDb, sha256: string): Promise<StagedRow | undefined> {
  return database.staged.get(sha256)
}

/** Drops staged files that are not `wanted`; returns the wanted ones held. */
export async function keepStagedFiles(database: FieldGuideDb, wanted: ReadonlySet<string>): Promise<Set<string>> {
  const keys = await database.staged.toCollection().primaryKeys()
  const stale = keys.filter(k => !wanted.has(k))
  if (stale.length)
    await database.staged.bulkDelete(stale)
  return new Set(keys.filter(k => wanted.has(k)))
}

export async function discardStagedFiles(database: FieldGuideDb): Promise<void> {
  await database.staged.clear()
}

export async function heldSegmentKeys(database: FieldGuideDb): Promise<string[]> {
  return database.searchSegments.toCollection().primaryKeys()
}

/** A sync began (and, when given, the feed version the user agreed may remove most of the catalogue). */
export async function recordAttempt(database: FieldGuideDb, attempt: { at: string, removalAllowed?: string }): Promise<void> {
  await putMeta(database, { lastAttemptAt: attempt.at, ...(attempt.removalAllowed ? { removalAllowed: attempt.removalAllowed } : {}) })
}

/** The feed has not changed: a success, and any staged file is of no further use. */
export async function recordUnchanged(database: FieldGuideDb, at: string): Promise<void> {
  await database.transaction('rw', [database.meta, database.staged], async () => {
    await database.meta.bulkPut(metaRows({ lastSuccessAt: at, lastError: null }))
    await database.staged.clear()
  })
}

/** A small transaction of its own, touching nothing but meta: the catalogue stays as it was. */
export async function recordFailure(database: FieldGuideDb, error: StoredSyncError): Promise<void> {
  await putMeta(database, { lastError: error })
}

/** What the commit finds held when its transaction opens. */
export interface HeldCatalogue {
  version: string | undefined
  /** `updatedAt` by id, of the rows of the shards that go. */
  before: ReadonlyMap<string, string>
  /** Practices held. */
  count: number
}

/** What the caller decided to write, given what is held. */
export interface CommitPlan {
  added: string[]
  updated: string[]
  removed: string[]
  change: CatalogueChange
}

interface CatalogueCommit {
  rows: PracticeRow[]
  texts: TextRow[]
  /** Held shards the new feed no longer lists: their rows are the "before" of the diff. */
  droppedShards: string[]
  segments: SearchSegmentRow[]
  /** Segments to keep: the shards the feed lists, and the segments it lists (undefined: it ships none). */
  listedShards: string[]
  listedSegments: string[] | undefined
  meta: Pick<CatalogueMeta, 'feedUrl' | 'version' | 'generatedAt' | 'practiceCount' | 'shardHashes'> & Partial<Pick<CatalogueMeta, 'taxonomy' | 'taxonomySha256' | 'feedBytes'>>
  at: string
  /** No badges: the first sync into an empty database. */
  initial: boolean
  /** Called inside the transaction, synchronously: returns the plan, or throws to abort the commit. */
  decide: (held: HeldCatalogue) => CommitPlan
  /** Called with the number of practices held after the writes: throws to undo the commit. */
  written: (count: number) => void
}

/** Writes a new catalogue in one transaction; nothing foreign (no fetch, no hashing) happens inside it. */
export async function commitCatalogue(database: FieldGuideDb, input: CatalogueCommit): Promise<CatalogueChange> {
  const d = database
  return d.transaction('rw', [d.practices, d.texts, d.meta, d.searchSegments, d.bookmarks, d.unseen, d.staged], async () => {
    const plan = input.decide(await readHeld(d, input.droppedShards))
    // Staged copies are no longer needed once the commit runs; cleared first, so the new rows never need
    // room for both on a nearly full disk (and restored with everything else if the commit fails).
    await d.staged.clear()
    await writePractices(d, input, plan.removed)
    input.written(await d.practices.count())
    const indexHashes = await replaceSegments(d, input)
    await refreshBookmarkSnapshots(d, { rows: input.rows, removed: plan.removed, at: input.at })
    // Not on the first sync: everything would be "new".
    if (!input.initial)
      await badgeChanges(d, plan, input.at)
    await d.meta.bulkPut(metaRows({ ...input.meta, indexHashes, lastSuccessAt: input.at, lastChange: plan.change, lastError: null }))
    return plan.change
  })
}

async function readHeld(database: FieldGuideDb, droppedShards: string[]): Promise<HeldCatalogue> {
  const version = (await database.meta.get('version'))?.value as string | undefined
  const before = droppedShards.length
    ? new Map((await database.practices.where('shard').anyOf(droppedShards).toArray()).map(r => [r.id, r.updatedAt]))
    : new Map<string, string>()
  return { version, before, count: await database.practices.count() }
}

async function writePractices(database: FieldGuideDb, input: CatalogueCommit, removed: string[]): Promise<void> {
  if (input.rows.length) {
    await database.practices.bulkPut(input.rows)
    await database.texts.bulkPut(input.texts)
  }
  if (removed.length) {
    await database.practices.bulkDelete(removed)
    await database.texts.bulkDelete(removed)
    await database.unseen.bulkDelete(removed)
  }
}

/** Adds the new segments and drops those of shards (or of a segment build) no longer listed; returns the held keys. */
async function replaceSegments(database: FieldGuideDb, input: CatalogueCommit): Promise<string[]> {
  if (input.segments.length)
    await database.searchSegments.bulkPut(input.segments)
  const orphans = await database.searchSegments.where('shardSha256').noneOf(input.listedShards).primaryKeys()
  if (input.listedSegments) {
    const listed = new Set(input.listedSegments)
    orphans.push(...(await database.searchSegments.toCollection().primaryKeys()).filter(k => !listed.has(k)))
  }
  if (orphans.length)
    await database.searchSegments.bulkDelete([...new Set(orphans)])
  return input.listedSegments ?? database.searchSegments.toCollection().primaryKeys()
}

function sameSnapshot(a: Bookmark['snapshot'], b: Bookmark['snapshot']): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Refreshes the snapshots of bookmarked practices that came in, and flags (but keeps) those whose practice went. */
async function refreshBookmarkSnapshots(database: FieldGuideDb, change: { rows: PracticeRow[], removed: string[], at: string }): Promise<void> {
  const bookmarked = new Set(await database.bookmarks.toCollection().primaryKeys())
  if (!bookmarked.size)
    return
  const incoming = new Map(change.rows.filter(r => bookmarked.has(r.id)).map(r => [r.id, r]))
  const touched = [...incoming.keys(), ...change.removed.filter(id => bookmarked.has(id) && !incoming.has(id))]
  const bookmarks = touched.length ? await database.bookmarks.bulkGet(touched) : []
  const writes: Bookmark[] = []
  for (const b of bookmarks) {
    if (!b)
      continue
    const row = incoming.get(b.id)
    if (row) {
      const snapshot = snapshotOf(row)
      if (b.removedFromCatalogue || !sameSnapshot(snapshot, b.snapshot))
        writes.push({ ...b, snapshot, snapshotAt: change.at, removedFromCatalogue: false })
    }
    else if (!b.removedFromCatalogue) {
      writes.push({ ...b, removedFromCatalogue: true })
    }
  }
  if (writes.length)
    await database.bookmarks.bulkPut(writes)
}

/** "New" / "updated" badges; a practice still badged "new" stays "new" when it changes again. */
async function badgeChanges(database: FieldGuideDb, plan: CommitPlan, at: string): Promise<void> {
  if (!plan.added.length && !plan.updated.length)
    return
  const prior = plan.updated.length ? await database.unseen.bulkGet(plan.updated) : []
  await database.unseen.bulkPut([
    ...plan.added.map((id): UnseenRow => ({ id, kind: 'new', at })),
    ...plan.updated.map((id, i): UnseenRow => ({ id, kind: prior[i]?.kind === 'new' ? 'new' : 'updated', at })),
  ])
}
