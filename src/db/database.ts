/**
 * The one typed Dexie database of the app. `createDatabase(name)` makes an instance (tests make fresh ones);
 * `db` is the app's.
 */
import Dexie, { type EntityTable, type Table } from 'dexie'
import type { Draft, DraftPhoto } from './draftTypes'
import { declareVersions } from './history'
import type { Bookmark, MetaKey, MetaRow, PracticeRow, SearchSegmentRow, SettingRow, StagedRow, TextRow, UnseenRow } from './types'

const DB_NAME = 'icc-field-guide'

/** Per-instance state that is not a table: kept on the instance so the module itself holds none. */
export interface DbLifecycle {
  /** Another tab opened a newer version of the database; this connection is closed and the page must reload. */
  versionChanged: boolean
  versionListeners: Set<() => void>
  /** In-process guards (names of exclusive jobs running against this instance), for where Web Locks are missing. */
  running: Set<string>
}

export type FieldGuideDb = Dexie & {
  practices: EntityTable<PracticeRow, 'id'>
  texts: EntityTable<TextRow, 'id'>
  meta: Table<MetaRow, MetaKey>
  searchSegments: EntityTable<SearchSegmentRow, 'sha256'>
  staged: EntityTable<StagedRow, 'sha256'>
  unseen: EntityTable<UnseenRow, 'id'>
  bookmarks: EntityTable<Bookmark, 'id'>
  settings: EntityTable<SettingRow, 'key'>
  practiceDrafts: EntityTable<Draft, 'id'>
  draftPhotos: EntityTable<DraftPhoto, 'id'>
  lifecycle: DbLifecycle
}

export function createDatabase(name: string = DB_NAME): FieldGuideDb {
  const dexie = new Dexie(name)
  declareVersions(dexie)
  const lifecycle: DbLifecycle = { versionChanged: false, versionListeners: new Set(), running: new Set() }
  dexie.on('versionchange', (event) => {
    // Dexie closes the connection itself (so the other tab's upgrade can go on); this page's code is now
    // older than the database, so it must not reopen it: tell the UI to offer a reload.
    if (event.newVersion === null || event.newVersion > event.oldVersion) {
      dexie.close({ disableAutoOpen: true })
      lifecycle.versionChanged = true
      for (const listener of lifecycle.versionListeners)
        listener()
    }
  })
  return Object.assign(dexie, { lifecycle }) as FieldGuideDb
}

/** The app's database. */
export const db: FieldGuideDb = createDatabase()

/**
 * Calls `callback` once another tab upgrades (or deletes) the database: this tab's connection is then closed
 * and the UI should ask for a reload. Called at once if that already happened. Returns an unsubscribe.
 */
export function onVersionChange(callback: () => void, database: FieldGuideDb = db): () => void {
  if (database.lifecycle.versionChanged) {
    queueMicrotask(callback)
    return () => {}
  }
  database.lifecycle.versionListeners.add(callback)
  return () => { database.lifecycle.versionListeners.delete(callback) }
}
