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

/** Version 2: seven indexes on practices, of which a query read only `shard`. */
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

/**
 * Version 3, the current layout (types in ./types.ts): only the indexes a query reads. Each index entry is a
 * second write per row, and a cold sync writes 10,000 rows: `practices.shard` (a sync finds a changed shard's
 * rows), `searchSegments.shardSha256` (a sync drops orphan segments), `bookmarks.savedAt` (Saved lists newest
 * first). The list, the facets and the sort read the search segments, never a practices index.
 */
export const STORES_V3 = {
  practices: 'id, shard',
  texts: 'id',
  meta: 'key',
  searchSegments: 'sha256, shardSha256',
  staged: 'sha256',
  unseen: 'id',
  bookmarks: 'id, savedAt',
  settings: 'key',
  drafts: null,
} as const

/** A version-2 `drafts` row: a note being typed (no code after version 2 writes one). */
export interface DraftRowV2 {
  id: string
  note: string
  at: string
}

/**
 * Version 4 adds only tables (Dexie keeps the others as version 3 declared them): the user's drafts of new
 * practices, listed by their last edit, and their photos, found by draft. Nothing to carry across. Not named
 * `drafts`: Dexie deletes a dropped table only at the end of an upgrade, so a version-2 database upgraded
 * straight to 4 would keep version 2's note drafts in a table of that name.
 */
const STORES_V4 = {
  practiceDrafts: 'id, updatedAt',
  draftPhotos: 'id, draftId',
} as const

export const CURRENT_VERSION = 4
/** The current version's stores (the sync bench measures its indexes). */
export const CURRENT_STORES = { ...STORES_V3, ...STORES_V4 }

/** Shown until the next sync refreshes it, for a bookmark whose practice is not in the database. */
export function placeholderSnapshot(id: string): BookmarkSnapshot {
  return { title: id, city: '', country: '', period: { text: '', ongoing: false }, summary: '', topics: [], language: 'en' }
}

/**
 * An ISO time from whatever an old row holds (epoch ms, a date string, a Date), or `fallback`. Rows written by
 * old code, other tools or a damaged disk may hold anything: `new Date(1e20).toISOString()` throws, and an upgrade
 * that throws leaves the database unopenable, so nothing here may.
 */
function isoTimeOr(value: unknown, fallback: string): string {
  const time = value instanceof Date
    ? value.getTime()
    : typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim()
        ? Date.parse(value)
        : Number.NaN
  const date = new Date(time)
  return Number.isFinite(date.getTime()) ? date.toISOString() : fallback
}

function periodFromV1(value: unknown): BookmarkSnapshot['period'] {
  if (typeof value === 'string')
    return { text: value, ongoing: false }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { text: '', ongoing: false }
  const p = value as Record<string, unknown>
  const isYear = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v)
  return {
    text: typeof p.text === 'string' ? p.text : '',
    ...(isYear(p.start) ? { start: p.start } : {}),
    ...(isYear(p.end) ? { end: p.end } : {}),
    ongoing: p.ongoing === true,
  }
}

function snapshotFromV1(row: unknown, id: string): BookmarkSnapshot {
  if (typeof row !== 'object' || row === null)
    return placeholderSnapshot(id)
  const r = row as Record<string, unknown>
  const text = (k: string) => (typeof r[k] === 'string' ? r[k] : '')
  return {
    title: text('title') || id,
    city: text('city'),
    country: text('country'),
    period: periodFromV1(r.period),
    summary: text('summary'),
    topics: Array.isArray(r.topics) ? r.topics.filter((t): t is string => typeof t === 'string') : [],
    language: text('language') || 'en',
  }
}

/** A version-1 `saved` row as a bookmark; odd values fall back (an unreadable time to the upgrade's). */
function bookmarkFromV1(s: SavedRowV1, practice: unknown, upgradedAt: string): Bookmark {
  const id = String(s.practiceId)
  const savedAt = isoTimeOr(s.createdAt, upgradedAt)
  const note = typeof s.note === 'string' ? s.note : ''
  return {
    id,
    savedAt,
    note,
    ...(note ? { noteUpdatedAt: savedAt } : {}),
    tags: [],
    snapshot: snapshotFromV1(practice, id),
    snapshotAt: savedAt,
    removedFromCatalogue: false,
  }
}

/**
 * 1 → 2: `saved` becomes `bookmarks` (notes kept, snapshots taken from the old practice rows while they are
 * still there). The old catalogue rows lack the fields version 2 indexes, so the catalogue is dropped and the
 * next sync is a cold one; it refreshes every bookmark's snapshot. Settings carry over untouched.
 */
async function upgradeV1toV2(tx: Transaction): Promise<void> {
  const saved = await tx.table<SavedRowV1, string>('saved').toArray()
  const oldPractices = await tx.table<unknown, string>('practices').bulkGet(saved.map(s => s.practiceId))
  const upgradedAt = new Date().toISOString()
  const bookmarks = saved.map((s, i) => bookmarkFromV1(s, oldPractices[i], upgradedAt))
  await tx.table<Bookmark, string>('bookmarks').bulkPut(bookmarks)
  await tx.table('practices').clear()
  await tx.table('meta').clear()
}

/**
 * 2 → 3: indexes no query read are dropped (Dexie drops them itself), and so is `drafts`. A draft is text the
 * user typed, so one that belongs to a bookmark with no note becomes its note rather than vanish; any other
 * draft (no bookmark, or a note already written) adds nothing the user kept. Practice rows are left as they
 * are: the fields version 3 no longer writes (`titles`, `startYear`, `endYear`) are read by nothing and go
 * when the next sync rewrites their shard, instead of rewriting the whole catalogue while the app opens.
 */
async function upgradeV2toV3(tx: Transaction): Promise<void> {
  const drafts = await tx.table<unknown, string>('drafts').toArray()
  const usable = drafts.filter((d): d is DraftRowV2 => typeof d === 'object' && d !== null
    && typeof (d as DraftRowV2).id === 'string' && typeof (d as DraftRowV2).note === 'string' && (d as DraftRowV2).note.trim() !== '')
  if (!usable.length)
    return
  const upgradedAt = new Date().toISOString()
  const bookmarks = await tx.table<Bookmark, string>('bookmarks').bulkGet(usable.map(d => d.id))
  const writes: Bookmark[] = []
  usable.forEach((draft, i) => {
    const bookmark = bookmarks[i]
    if (bookmark && !bookmark.note)
      writes.push({ ...bookmark, note: draft.note, noteUpdatedAt: isoTimeOr(draft.at, upgradedAt) })
  })
  await tx.table<Bookmark, string>('bookmarks').bulkPut(writes)
}

export function declareVersions(db: Dexie): void {
  db.version(1).stores(STORES_V1)
  db.version(2).stores(STORES_V2).upgrade(upgradeV1toV2)
  db.version(3).stores(STORES_V3).upgrade(upgradeV2toV3)
  db.version(4).stores(STORES_V4)
}
