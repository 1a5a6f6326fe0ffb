/**
 * Export (JSON, CSV) and validated import of bookmarks. Kept apart from ./bookmarks so that valibot and the
 * file schema load only when the user opens Saved, not on every start.
 */
import * as v from 'valibot'
import {
  BOOKMARK_FILE_FORMAT,
  BOOKMARK_FILE_VERSION,
  BookmarkEntrySchema,
  BookmarkFileHeaderSchema,
  DEFAULT_IMPORT_MAX_BYTES,
  READABLE_FILE_VERSIONS,
  type BookmarkEntry,
  type ImportErrorCode,
  type ImportRejectCode,
} from './bookmarkFile'
import { listBookmarks, normaliseTags } from './bookmarks'
import type { FieldGuideDb } from './database'
import type { DraftEntry } from './draftFile'
import type { DraftRejection } from './draftTransfer'
import { placeholderSnapshot } from './history'
import { snapshotOf } from './practices'
import type { Bookmark, PracticeRow } from './types'

// ——— export ———

interface BookmarkFile {
  format: typeof BOOKMARK_FILE_FORMAT
  version: typeof BOOKMARK_FILE_VERSION
  exportedAt: string
  bookmarks: Bookmark[]
  /** The user's drafts of new practices, photos included. */
  drafts: DraftEntry[]
}

export async function exportBookmarksJson(database: FieldGuideDb, now: Date = new Date()): Promise<string> {
  // The drafts' code loads when it is needed, so Saved's own chunk stays apart from the drafts pages'.
  const { exportDraftEntries } = await import('./draftTransfer')
  const [bookmarks, drafts] = await Promise.all([listBookmarks(database), exportDraftEntries(database)])
  const file: BookmarkFile = { format: BOOKMARK_FILE_FORMAT, version: BOOKMARK_FILE_VERSION, exportedAt: now.toISOString(), bookmarks, drafts }
  return `${JSON.stringify(file, null, 2)}\n`
}

/** Header labels, in the reader's language. */
interface CsvColumnLabels {
  id: string
  title: string
  city: string
  country: string
  period: string
  topics: string
  note: string
  tags: string
  savedAt: string
}

interface CsvOptions {
  columns: CsvColumnLabels
  countryName?: (code: string) => string
  topicName?: (id: string) => string
  /** A UTF-8 byte order mark, so spreadsheet programs read accents right. Default true. */
  bom?: boolean
}

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (starting = + - @, or a tab or carriage
 * return that some programs skip) gets a leading apostrophe, so an exported note can never run as one.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}

export async function exportBookmarksCsv(database: FieldGuideDb, opts: CsvOptions): Promise<string> {
  const { columns } = opts
  const countryName = opts.countryName ?? ((code: string) => code)
  const topicName = opts.topicName ?? ((id: string) => id)
  const lines = [[columns.id, columns.title, columns.city, columns.country, columns.period, columns.topics, columns.note, columns.tags, columns.savedAt]]
  for (const b of await listBookmarks(database)) {
    const s = b.snapshot
    lines.push([b.id, s.title, s.city, s.country ? countryName(s.country) : '', s.period.text, s.topics.map(topicName).join('; '), b.note, b.tags.join('; '), b.savedAt])
  }
  return `${opts.bom === false ? '' : '\uFEFF'}${lines.map(cells => cells.map(csvCell).join(',')).join('\r\n')}\r\n`
}

// ——— import ———

export interface ImportRejection {
  index: number
  id?: string
  reason: ImportRejectCode
  detail?: string
}

/** What an import did with the file's drafts (ids as stored: a copy has a new one). */
export interface DraftImportOutcome {
  added: string[]
  unchanged: string[]
  rejected: DraftRejection[]
}

export type ImportOutcome
  = | { ok: true, added: string[], updated: string[], unchanged: string[], rejected: ImportRejection[], drafts: DraftImportOutcome }
    | { ok: false, error: ImportErrorCode, detail?: string }

interface ImportOptions {
  maxBytes?: number
  now?: Date
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length
}

function timeOf(at: string | undefined): number {
  const t = at === undefined ? Number.NaN : Date.parse(at)
  return Number.isFinite(t) ? t : Number.NEGATIVE_INFINITY
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i])
}

function issueText(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map(p => String(p.key)).join('.') ?? ''
  return path ? `${path}: ${issue.message}` : issue.message
}

interface NoteSide {
  note: string
  noteUpdatedAt?: string | undefined
  savedAt?: string | undefined
}

function noteTime(side: NoteSide): number {
  return timeOf(side.noteUpdatedAt ?? (side.note ? side.savedAt : undefined))
}

/** The text of a note that lost a merge, kept under the newer one with the day it was written. */
function appendLoser(winner: string, loser: NoteSide): string {
  const at = loser.noteUpdatedAt ?? loser.savedAt
  const day = at && Number.isFinite(Date.parse(at)) ? `(${at.slice(0, 10)}) ` : ''
  return `${winner}\n\n${day}${loser.note}`
}

/** Whether `merged` already holds `note` as a merge left it: the newer text first, or an older one appended. */
function holds(merged: string, note: string): boolean {
  if (merged === note || merged.startsWith(`${note}\n\n`) || merged.endsWith(`\n\n${note}`))
    return true
  return merged.endsWith(note) && /\n\n\(\d{4}-\d{2}-\d{2}\) $/.test(merged.slice(0, merged.length - note.length))
}

/**
 * The note a bookmark keeps when a file brings another one. A note is never blanked and no text is lost: an
 * empty note never replaces a written one, a note that already holds the other is kept, and when both sides
 * wrote something different the newer text comes first and the older follows it, dated. `at`: its new time.
 */
function mergeNotes(local: NoteSide, imported: NoteSide): { text: string, at?: string } {
  if (!imported.note || holds(local.note, imported.note))
    return { text: local.note }
  if (!local.note || holds(imported.note, local.note))
    return { text: imported.note, ...(imported.noteUpdatedAt ? { at: imported.noteUpdatedAt } : imported.savedAt ? { at: imported.savedAt } : {}) }
  const importedWins = noteTime(imported) > noteTime(local)
  const [winner, loser] = importedWins ? [imported, local] : [local, imported]
  return { text: appendLoser(winner.note, loser) }
}

/** Validates the entries of a parsed file; every entry is judged alone, so one bad entry never sinks the rest. */
function readEntries(items: unknown[]): { entries: BookmarkEntry[], rejected: ImportRejection[] } {
  const entries: BookmarkEntry[] = []
  const rejected: ImportRejection[] = []
  const seen = new Set<string>()
  items.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      rejected.push({ index, reason: 'not_object' })
      return
    }
    const rawId = (item as { id?: unknown }).id
    const id = typeof rawId === 'string' ? rawId.slice(0, 200) : undefined
    const parsed = v.safeParse(BookmarkEntrySchema, item)
    if (!parsed.success) {
      const idIssue = parsed.issues.find(i => i.path?.[0]?.key === 'id')
      rejected.push(idIssue
        ? { index, ...(id === undefined ? {} : { id }), reason: 'invalid_id', detail: idIssue.message }
        : { index, ...(id === undefined ? {} : { id }), reason: 'invalid_field', detail: issueText(parsed.issues[0]!) })
      return
    }
    if (seen.has(parsed.output.id)) {
      rejected.push({ index, id: parsed.output.id, reason: 'duplicate' })
      return
    }
    seen.add(parsed.output.id)
    entries.push(parsed.output)
  })
  return { entries, rejected }
}

/** Reads and checks a file's text as far as its list of entries; an error outcome names why it is refused. */
function readFile(text: string, maxBytes: number): { ok: true, items: unknown[], drafts: unknown[] } | Extract<ImportOutcome, { ok: false }> {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so the length alone rules out most oversized files
  // without encoding them.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes))
    return { ok: false, error: 'too_large' }
  let data: unknown
  try {
    data = JSON.parse(text)
  }
  catch (error) {
    return { ok: false, error: 'not_json', detail: error instanceof Error ? error.message : String(error) }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, error: 'invalid', detail: 'not an object' }
  const head = data as { format?: unknown, version?: unknown }
  if (head.format !== BOOKMARK_FILE_FORMAT)
    return { ok: false, error: 'unknown_format' }
  if (typeof head.version !== 'number' || !READABLE_FILE_VERSIONS.includes(head.version))
    return { ok: false, error: 'unknown_version', detail: String(head.version) }
  const file = v.safeParse(BookmarkFileHeaderSchema, data)
  if (!file.success)
    return { ok: false, error: 'invalid', detail: issueText(file.issues[0]!) }
  return { ok: true, items: file.output.bookmarks, drafts: file.output.drafts }
}

/** A bookmark the device did not have: its snapshot from the catalogue when the practice is there. */
function newBookmark(entry: BookmarkEntry, row: PracticeRow | undefined, context: { now: string, hasCatalogue: boolean }): Bookmark {
  const savedAt = entry.savedAt ?? context.now
  const bookmark: Bookmark = {
    id: entry.id,
    savedAt,
    note: entry.note,
    tags: normaliseTags(entry.tags),
    snapshot: row ? snapshotOf(row) : entry.snapshot ?? placeholderSnapshot(entry.id),
    snapshotAt: row ? context.now : entry.snapshotAt ?? savedAt,
    // Absent from a catalogue we hold means removed; with no catalogue yet we cannot tell.
    removedFromCatalogue: !row && context.hasCatalogue,
  }
  if (entry.note)
    bookmark.noteUpdatedAt = entry.noteUpdatedAt ?? savedAt
  return bookmark
}

/** A saved bookmark with an entry merged in, or undefined when the entry adds nothing. */
function mergedBookmark(local: Bookmark, entry: BookmarkEntry, now: string): Bookmark | undefined {
  const merged: Bookmark = { ...local, tags: normaliseTags([...local.tags, ...entry.tags]) }
  const note = mergeNotes(local, entry)
  if (note.text !== local.note) {
    merged.note = note.text
    merged.noteUpdatedAt = note.at ?? now
  }
  if (entry.savedAt && timeOf(entry.savedAt) < timeOf(local.savedAt))
    merged.savedAt = entry.savedAt
  const changed = merged.note !== local.note || merged.savedAt !== local.savedAt || !sameTags(merged.tags, local.tags)
  return changed ? merged : undefined
}

/**
 * Merges a bookmark file into the saved bookmarks. Nothing already saved is lost: for a bookmark on both
 * sides the notes merge by `mergeNotes` (never blanked, the older text kept under the newer), tags are unioned, the earlier savedAt is kept, and the
 * snapshot comes from the catalogue when the practice is there. All strings are stored as given, as plain text.
 */
export async function importBookmarksJson(database: FieldGuideDb, text: string, opts: ImportOptions = {}): Promise<ImportOutcome> {
  const file = readFile(text, opts.maxBytes ?? DEFAULT_IMPORT_MAX_BYTES)
  if (!file.ok)
    return file
  const now = (opts.now ?? new Date()).toISOString()
  const { entries, rejected } = readEntries(file.items)
  // Photos are decoded (and the drafts' code loaded) before the transaction: no other work may run inside one.
  const { mergeDrafts, readDraftEntries } = await import('./draftTransfer')
  const draftFile = readDraftEntries(file.drafts, now)
  const added: string[] = []
  const updated: string[] = []
  const unchanged: string[] = []
  let drafts: DraftImportOutcome = { added: [], unchanged: [], rejected: draftFile.rejected }
  await database.transaction('rw', [database.bookmarks, database.practices, database.meta, database.practiceDrafts, database.draftPhotos], async () => {
    const ids = entries.map(e => e.id)
    const [locals, rows, version] = await Promise.all([database.bookmarks.bulkGet(ids), database.practices.bulkGet(ids), database.meta.get('version')])
    const context = { now, hasCatalogue: version !== undefined }
    const writes: Bookmark[] = []
    entries.forEach((entry, i) => {
      const local = locals[i]
      const write = local ? mergedBookmark(local, entry, now) : newBookmark(entry, rows[i], context)
      if (write)
        writes.push(write)
      const outcome = !local ? added : write ? updated : unchanged
      outcome.push(entry.id)
    })
    await database.bookmarks.bulkPut(writes)
    drafts = { ...await mergeDrafts(database, draftFile.entries, () => crypto.randomUUID()), rejected: draftFile.rejected }
  })
  return { ok: true, added, updated, unchanged, rejected, drafts }
}
