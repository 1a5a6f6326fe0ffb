/**
 * Bookmarks, notes and tags: the user's own data. A sync only refreshes snapshots and the
 * removedFromCatalogue flag; everything else here is written by the user alone.
 */
import { MAX_TAG_LENGTH, MAX_TAGS } from '../catalogue/bookmarkLimits'
import type { FieldGuideDb } from './database'
import { snapshotOf } from './practices'
import type { Bookmark, BookmarkSnapshot } from './types'

/** Trimmed, inner whitespace collapsed, empty dropped, unique ignoring case (the first spelling wins). */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of tags) {
    const tag = raw.normalize('NFC').trim().replace(/\s+/g, ' ').slice(0, MAX_TAG_LENGTH).trim()
    const key = tag.toLowerCase()
    if (!tag || seen.has(key))
      continue
    seen.add(key)
    out.push(tag)
    if (out.length === MAX_TAGS)
      break
  }
  return out
}

export async function getBookmark(database: FieldGuideDb, id: string): Promise<Bookmark | undefined> {
  return database.bookmarks.get(id)
}

/**
 * Saves a practice, copying its card fields as a snapshot. Returns the bookmark (the existing one if the
 * practice was already saved), or undefined when the practice is not in the catalogue. `shown` is what the
 * user saw of a practice the device does not hold yet (a card embedded in the page, before the first sync
 * has stored the catalogue): saved from that, it is refreshed by the sync like any other bookmark.
 */
export async function saveBookmark(database: FieldGuideDb, practiceId: string, now: Date = new Date(), shown?: BookmarkSnapshot): Promise<Bookmark | undefined> {
  return database.transaction('rw', [database.practices, database.bookmarks], async () => {
    const existing = await database.bookmarks.get(practiceId)
    if (existing)
      return existing
    const source = await database.practices.get(practiceId) ?? shown
    if (!source)
      return undefined
    const bookmark: Bookmark = {
      id: practiceId,
      savedAt: now.toISOString(),
      note: '',
      tags: [],
      snapshot: snapshotOf(source),
      snapshotAt: now.toISOString(),
      removedFromCatalogue: false,
    }
    await database.bookmarks.add(bookmark)
    return bookmark
  })
}

export async function removeBookmark(database: FieldGuideDb, practiceId: string): Promise<void> {
  await database.bookmarks.delete(practiceId)
}

/** Returns whether the practice is saved afterwards. */
export async function toggleBookmark(database: FieldGuideDb, practiceId: string, now: Date = new Date(), shown?: BookmarkSnapshot): Promise<boolean> {
  return database.transaction('rw', [database.practices, database.bookmarks], async () => {
    if (await database.bookmarks.get(practiceId)) {
      await removeBookmark(database, practiceId)
      return false
    }
    return (await saveBookmark(database, practiceId, now, shown)) !== undefined
  })
}

/**
 * Sets a bookmark's note (saving the practice first if it was not saved). Returns false when neither a
 * bookmark nor the practice exists.
 */
export async function setNote(database: FieldGuideDb, practiceId: string, note: string, now: Date = new Date()): Promise<boolean> {
  return database.transaction('rw', [database.practices, database.bookmarks], async () => {
    const bookmark = await database.bookmarks.get(practiceId) ?? await saveBookmark(database, practiceId, now)
    if (!bookmark)
      return false
    await database.bookmarks.update(practiceId, { note, noteUpdatedAt: now.toISOString() })
    return true
  })
}

/** Replaces a bookmark's tags (normalised). Returns false when the bookmark does not exist. */
export async function setTags(database: FieldGuideDb, practiceId: string, tags: readonly string[]): Promise<boolean> {
  return (await database.bookmarks.update(practiceId, { tags: normaliseTags(tags) })) === 1
}

/** Newest first. */
export async function listBookmarks(database: FieldGuideDb): Promise<Bookmark[]> {
  return database.bookmarks.orderBy('savedAt').reverse().toArray()
}

/** Puts a removed bookmark back exactly as it was (note, tags, snapshot, dates): the Undo of a removal. */
export async function restoreBookmark(database: FieldGuideDb, bookmark: Bookmark): Promise<void> {
  await database.bookmarks.put(bookmark)
}
