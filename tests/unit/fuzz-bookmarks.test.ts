/** Fuzzing the bookmark file import: any file gives a typed outcome, and what it stores is well formed. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createDatabase } from '../../src/db'
import { BOOKMARK_FILE_FORMAT } from '../../src/db/bookmarkFile'
import { importBookmarksJson } from '../../src/db/bookmarkTransfer'
import saved from '../../locales/saved/en.json'

/** Every code an import answers with must have its message (the codes are the UI's contract). */
const IMPORT_ERROR_CODES = Object.keys(saved.bookmarks.import_error)
const IMPORT_REJECT_CODES = Object.keys(saved.bookmarks.import_reject)

const RUNS = { numRuns: 120, seed: 15 }

const entry = fc.record({
  id: fc.oneof(fc.constantFrom('es-bilbao-practice', 'pt-lisbon-practice', 'fr-paris-practice'), fc.string({ maxLength: 40 }), fc.jsonValue()),
  savedAt: fc.oneof(fc.constant('2025-01-01T00:00:00.000Z'), fc.string({ maxLength: 30 }), fc.jsonValue()),
  note: fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.jsonValue()),
  noteUpdatedAt: fc.oneof(fc.constant('2025-02-01T00:00:00.000Z'), fc.string({ maxLength: 30 }), fc.jsonValue()),
  tags: fc.oneof(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 5 }), fc.jsonValue()),
  snapshot: fc.jsonValue(),
}, { requiredKeys: ['id'] })

const fileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.jsonValue().map(v => JSON.stringify(v)),
  fc.record({
    format: fc.oneof(fc.constant(BOOKMARK_FILE_FORMAT), fc.jsonValue()),
    version: fc.oneof(fc.constant(1), fc.jsonValue()),
    bookmarks: fc.oneof(fc.array(fc.oneof(entry, fc.jsonValue()), { maxLength: 6 }), fc.jsonValue()),
  }).map(v => JSON.stringify(v)),
)

describe('importBookmarksJson on hostile files', () => {
  it('answers with a typed outcome and stores only well-formed bookmarks', async () => {
    const db = createDatabase(`fuzz-bookmarks-${Math.random().toString(36).slice(2)}`)
    await fc.assert(fc.asyncProperty(fileText, async (text) => {
      const outcome = await importBookmarksJson(db, text)
      if (!outcome.ok) {
        expect(IMPORT_ERROR_CODES).toContain(outcome.error)
        return
      }
      for (const r of outcome.rejected)
        expect(IMPORT_REJECT_CODES).toContain(r.reason)
      for (const b of await db.bookmarks.toArray()) {
        expect(typeof b.id).toBe('string')
        expect(typeof b.note).toBe('string')
        expect(Number.isFinite(Date.parse(b.savedAt))).toBe(true)
        expect(b.tags.every(t => typeof t === 'string')).toBe(true)
        expect(typeof b.snapshot.title).toBe('string')
      }
    }), { ...RUNS, timeout: 2000 })
    db.close()
  })

  it('never blanks or loses a note, whatever order files come in', async () => {
    const db = createDatabase(`fuzz-notes-${Math.random().toString(36).slice(2)}`)
    const note = fc.string({ maxLength: 12 })
    const time = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map(t => new Date(t).toISOString())
    await fc.assert(fc.asyncProperty(fc.array(fc.record({ note, time }), { minLength: 1, maxLength: 4 }), async (sides) => {
      await db.bookmarks.clear()
      for (const side of sides) {
        const text = JSON.stringify({ format: BOOKMARK_FILE_FORMAT, version: 1, bookmarks: [{ id: 'es-bilbao-practice', note: side.note, noteUpdatedAt: side.time }] })
        expect((await importBookmarksJson(db, text)).ok).toBe(true)
      }
      const kept = (await db.bookmarks.get('es-bilbao-practice'))?.note ?? ''
      for (const side of sides)
        expect(kept).toContain(side.note)
    }), RUNS)
    db.close()
  })
})
