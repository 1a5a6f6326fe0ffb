/**
 * Row types of the app's IndexedDB tables. Plain objects only: rows are structured-cloned in and out of
 * IndexedDB, so anything with a prototype would come back as a plain object anyway.
 */
import type { Period, Place, PracticeText, Taxonomy } from '../catalogue/schema'

/**
 * What the list, the cards and the facets read: a practice without its body. Kept small on purpose, since
 * lists read thousands of these; the full text lives in `texts`.
 */
export interface PracticeRow {
  id: string
  slug: string
  title: string
  country: string
  city: string
  period: Period
  topics: string[]
  language: string
  summary: string
  updatedAt: string
  sourceUrl?: string
  /** Only the listing's teaser is known: the page says so and points to `sourceUrl`. */
  teaserOnly?: true
  /** Coordinates of the practice's cities (or country centre), for the map and "nearby"; not indexed. */
  places?: Place[]
  /** sha256 of the feed shard the row came from: lets a sync find the old rows of a changed shard. */
  shard: string
}

/** The full text of a practice, read only by the practice page. */
export interface TextRow {
  id: string
  body: string
  translations?: Record<string, PracticeText>
}

export interface SearchSegmentRow {
  sha256: string
  shardSha256: string
  data: ArrayBuffer
}

export type StagedKind = 'shard' | 'index' | 'taxonomy'

/** A downloaded, verified file of a sync that has not committed yet. Content-addressed, so reusable. */
export interface StagedRow {
  sha256: string
  kind: StagedKind
  url: string
  data: ArrayBuffer
  at: string
}

export type UnseenKind = 'new' | 'updated'

export interface UnseenRow {
  id: string
  kind: UnseenKind
  at: string
}

export interface BookmarkSnapshot {
  title: string
  city: string
  country: string
  period: Period
  summary: string
  topics: string[]
  language: string
}

export interface Bookmark {
  /** The practice id. */
  id: string
  /** ISO 8601 (UTC, from toISOString, so it sorts as text). */
  savedAt: string
  note: string
  noteUpdatedAt?: string
  tags: string[]
  /** Copy of the card fields, so a bookmark still shows something after its practice leaves the catalogue. */
  snapshot: BookmarkSnapshot
  snapshotAt: string
  removedFromCatalogue: boolean
}

export interface SettingRow {
  key: string
  value: unknown
}

export interface Settings {
  /** Overrides the built-in feed URL; null = the app's own /feed/manifest.json. */
  feedUrl: string | null
  syncOnCellular: boolean
  /** 1 = 100 %. */
  textScale: number
  /** null = follow the browser. */
  locale: string | null
  theme: 'system' | 'light' | 'dark'
  storagePersistRequested: boolean
  installHintDismissed: boolean
  /** Where a ready draft is e-mailed when the device cannot share files; unset until the user gives one. */
  draftsMailTo?: string
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  feedUrl: null,
  syncOnCellular: true,
  textScale: 1,
  locale: null,
  theme: 'system',
  storagePersistRequested: false,
  installHintDismissed: false,
})

/** What a stored sync error holds; the code is one of src/sync's SyncErrorCode strings. */
export interface StoredSyncError {
  code: string
  detail: SyncErrorDetail
  at: string
}

export interface SyncErrorDetail {
  url?: string
  status?: number
  id?: string
  path?: string
  message?: string
  /** quota: the space the update needs, in bytes. */
  bytes?: number
}

/**
 * What the last successful sync changed. The id lists are capped (a first sync of 100,000 practices must not
 * write a 100,000-id list into a row every status query reads); the counts are exact.
 */
export interface CatalogueChange {
  added: string[]
  updated: string[]
  removed: string[]
  addedCount: number
  updatedCount: number
  removedCount: number
  /** The first sync into an empty database: nothing counts as new to the reader. */
  initial: boolean
  at: string
}

/** The meta table's keys and the type of each value. */
export interface CatalogueMeta {
  feedUrl: string
  version: string
  generatedAt: string
  practiceCount: number
  /** sha256 of every shard the practices table holds, in manifest order. */
  shardHashes: string[]
  /** sha256 of every search segment held, in shard order. */
  indexHashes: string[]
  taxonomy: Taxonomy
  taxonomySha256: string
  lastSuccessAt: string
  lastAttemptAt: string
  lastError: StoredSyncError | null
  lastChange: CatalogueChange
  /** The catalogue's size as the feed lists it (practices, topics, search index), in bytes; absent if the last sync predates it. */
  feedBytes?: number
  /**
   * The feed version the user agreed to apply although it removes most of the catalogue: kept, so a sync cut
   * off after the answer (a closed tab) applies it next time instead of asking again.
   */
  removalAllowed?: string
}

export type MetaKey = keyof CatalogueMeta

export interface MetaRow<K extends MetaKey = MetaKey> {
  key: K
  value: CatalogueMeta[K]
}
