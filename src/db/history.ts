/**
 * The database's version history. Append-only: a shipped version is never edited, because browsers that
 * already hold it would never run the edit. A schema change is a new `version(n)` whose `upgrade()` carries
 * the user's data across. See README.md.
 */
import type Dexie from 'dexie'
import type { Transaction } from 'dexie'
import type { Bookmark, BookmarkSnapshot } from './types'

/**
 * Version 1, the first layout: bookmarks were rows `{ practiceId, createdAt (epoch ms), note }` in `saved`,
 * and practice rows carried no shard or year fields.
 */
export const STORES_V1 = {
  practices: 'id, country, *topics',
  meta: 'key',
  saved: 'practiceId, createdAt',
  settings: 'key',
} as const

/** A version-1 `saved` row. */
export interface SavedRowV1 {
  practiceId: string
  createdAt: number
  note?: string
}

/** Version 2, the current layout (types in ./types.ts). */
export const STORES_V2 = {
  practices: 'id, country, *topics, language, startYear, endYear, city, shard',
  texts: 'id',
  meta: 'key',
  searchSegments: 'sha256, shardSha256',
  staged: 'sha256',
  unseen: 'id',
  bookmarks: 'id, savedAt, *tags',
  settings: 'key',
  drafts: 'id',
  saved: null,
} as const

export const CURRENT_VERSION = 2

/** Shown until the next sync refreshes it, for a bookmark whose practice is not in the database. */
export function placeholderSnapshot(id: string): BookmarkSnapshot {
  return { title: id, city: '', country: '', period: { text: '', ongoing: false }, summary: '', topics: [], language: 'en' }
}

function snapshotFromV1(row: Record<string, unknown> | undefined, id: string): BookmarkSnapshot {
  if (!row)
    return placeholderSnapshot(id)
  const text = (k: string) => (typeof row[k] === 'string' ? row[k] : '')
  const period = row.period as BookmarkSnapshot['period'] | undefined
  return {
    title: text('title') || id,
    city: text('city'),
    country: text('country'),
    period: period && typeof period === 'object' ? period : { text: '', ongoing: false },
    summary: text('summary'),
    topics: Array.isArray(row.topics) ? row.topics.filter((t): t is string => typeof t === 'string') : [],
    language: text('language') || 'en',
  }
}

/**
 * 1 → 2: `saved` becomes `bookmarks` (notes kept, snapshots taken from the old practice rows while they are
 * still there). The old catalogue rows lack the fields version 2 indexes, so the catalogue is dropped and the
 * next sync is a cold one; it refreshes every bookmark's snapshot. Settings carry over untouched.
 */
async function upgradeV1toV2(tx: Transaction): Promise<void> {
  const saved = await tx.table<SavedRowV1, string>('saved').toArray()
  const oldPractices = await tx.table<Record<string, unknown>, string>('practices').bulkGet(saved.map(s => s.practiceId))
  const bookmarks = saved.map((s, i): Bookmark => {
    const savedAt = new Date(Number.isFinite(s.createdAt) ? s.createdAt : 0).toISOString()
    const note = typeof s.note === 'string' ? s.note : ''
    return {
      id: s.practiceId,
      savedAt,
      note,
      ...(note ? { noteUpdatedAt: savedAt } : {}),
      tags: [],
      snapshot: snapshotFromV1(oldPractices[i], s.practiceId),
      snapshotAt: savedAt,
      removedFromCatalogue: false,
    }
  })
  await tx.table<Bookmark, string>('bookmarks').bulkPut(bookmarks)
  await tx.table('practices').clear()
  await tx.table('meta').clear()
}

export function declareVersions(db: Dexie): void {
  db.version(1).stores(STORES_V1)
  db.version(2).stores(STORES_V2).upgrade(upgradeV1toV2)
}
