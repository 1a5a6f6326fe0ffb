/**
 * The bookmark export file (JSON), its valibot schema and its stable error/reason codes. The codes are part of
 * the UI contract: each maps to the locale key `bookmarks.import_error.<code>` / `bookmarks.import_reject.<code>`.
 */
import * as v from 'valibot'
import { MAX_NOTE_LENGTH } from '../catalogue/bookmarkLimits'
import { CountryCodeSchema, LanguageTagSchema, PeriodSchema, PracticeSchema } from '../catalogue/schema'

export const BOOKMARK_FILE_FORMAT = 'icc-field-guide-bookmarks'
/** Version 2 adds the drafts (with their photos); version 1 files, bookmarks only, are still read. */
export const BOOKMARK_FILE_VERSION = 2
export const READABLE_FILE_VERSIONS: readonly number[] = [1, 2]
/** Drafts bring their photos (up to about 3 MB of base64 a draft), so a backup may be large. */
export const DEFAULT_IMPORT_MAX_BYTES = 64 * 1024 * 1024

/** Why a whole file is refused. */
export type ImportErrorCode = 'too_large' | 'not_json' | 'unknown_format' | 'unknown_version' | 'invalid'

/** Why one entry of an accepted file is skipped. */
export type ImportRejectCode = 'not_object' | 'invalid_id' | 'invalid_field' | 'duplicate'

const isoTime = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp'))

const BookmarkSnapshotSchema = v.object({
  title: v.pipe(v.string(), v.maxLength(500)),
  city: v.pipe(v.string(), v.maxLength(120)),
  country: CountryCodeSchema,
  period: PeriodSchema,
  summary: v.pipe(v.string(), v.maxLength(5000)),
  topics: v.pipe(v.array(PracticeSchema.entries.id), v.maxLength(100)),
  language: LanguageTagSchema,
})

export const BookmarkEntrySchema = v.object({
  id: PracticeSchema.entries.id,
  savedAt: v.optional(isoTime),
  note: v.optional(v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH)), ''),
  noteUpdatedAt: v.optional(isoTime),
  tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(500)), []),
  snapshot: v.optional(BookmarkSnapshotSchema),
  snapshotAt: v.optional(isoTime),
  removedFromCatalogue: v.optional(v.boolean()),
})

export type BookmarkEntry = v.InferOutput<typeof BookmarkEntrySchema>

export const BookmarkFileHeaderSchema = v.object({
  format: v.literal(BOOKMARK_FILE_FORMAT),
  version: v.picklist([1, 2]),
  exportedAt: v.optional(v.string()),
  bookmarks: v.pipe(v.array(v.unknown()), v.maxLength(100_000)),
  drafts: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(10_000)), []),
})
