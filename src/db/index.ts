/** The app's IndexedDB layer: one typed Dexie database, its version history and its data functions. */
export { createDatabase, db, onVersionChange, type FieldGuideDb } from './database'
export { CURRENT_VERSION, STORES_V1, STORES_V2, STORES_V3, type DraftRowV2, type SavedRowV1 } from './history'
export { getPractice, toPracticeRow, toTextRow } from './practices'
export { getSetting, setSetting } from './settings'
export { getMeta, getMetas, readCatalogueMeta } from './meta'
// A sync's writes live in ./catalogueWrites: src/sync imports them directly, so they load with the sync code,
// not with the database at start-up.
export {
  getBookmark,
  listBookmarks,
  normaliseTags,
  removeBookmark,
  restoreBookmark,
  saveBookmark,
  setNote,
  setTags,
  toggleBookmark,
} from './bookmarks'

// Export and import (with valibot) live in ./bookmarkTransfer and ./bookmarkFile: import them directly, lazily.
export { markSeen } from './unseen'
export * from './types'
