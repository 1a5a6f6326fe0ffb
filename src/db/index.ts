/** The app's IndexedDB layer: one typed Dexie database, its version history and its data functions. */
export { createDatabase, db, DB_NAME, onVersionChange, type DbLifecycle, type FieldGuideDb } from './database'
export { CURRENT_VERSION, STORES_V1, STORES_V2, placeholderSnapshot, type SavedRowV1 } from './history'
export { getPractice, joinPractice, snapshotOf, toPracticeRow, toTextRow } from './practices'
export { getSetting, getSettings, setSetting } from './settings'
export { getMeta, getMetas, metaRows, putMeta, readCatalogueMeta } from './meta'
export {
  clearNoteDraft,
  csvCell,
  exportBookmarksCsv,
  exportBookmarksJson,
  getBookmark,
  getNoteDraft,
  importBookmarksJson,
  listBookmarks,
  listTags,
  normaliseTags,
  removeBookmark,
  saveBookmark,
  saveNoteDraft,
  setNote,
  setTags,
  toggleBookmark,
  type BookmarkFile,
  type CsvColumnLabels,
  type CsvOptions,
  type ImportOptions,
  type ImportOutcome,
  type ImportRejection,
} from './bookmarks'
export {
  BOOKMARK_FILE_FORMAT,
  BOOKMARK_FILE_VERSION,
  DEFAULT_IMPORT_MAX_BYTES,
  IMPORT_ERROR_CODES,
  IMPORT_REJECT_CODES,
  type ImportErrorCode,
  type ImportRejectCode,
} from './bookmarkFile'
export { markSeen, clearUnseen } from './unseen'
export * from './types'
