import { describe, expect, it } from 'vitest'
import { BOOKMARK_FILE_FORMAT } from '../../src/db/bookmarkFile'
import { csvCell, exportBookmarksCsv, exportBookmarksJson, importBookmarksJson, type ImportOutcome } from '../../src/db/bookmarkTransfer'
import {
  listBookmarks,
  normaliseTags,
  removeBookmark,
  saveBookmark,
  setNote,
  setTags,
  toggleBookmark,
  type Bookmark,
} from '../../src/db'
import { makePractice } from '../fixtures/feeds/practices'
import { freshDb, setup } from './harness'

const COLUMNS = { id: 'Id', title: 'Title', city: 'City', country: 'Country', period: 'Period', topics: 'Topics', note: 'Note', tags: 'Tags', savedAt: 'Saved' }

async function synced(count = 20) {
  const h = setup({ count, shardCount: 2 })
  const outcome = await h.sync()
  expect(outcome.status).toBe('updated')
  return h
}

function okImport(outcome: ImportOutcome): Extract<ImportOutcome, { ok: true }> {
  if (!outcome.ok)
    throw new Error(`import refused: ${outcome.error}`)
  return outcome
}

function file(bookmarks: unknown[], over: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: BOOKMARK_FILE_FORMAT, version: 1, exportedAt: '2025-01-01T00:00:00.000Z', bookmarks, ...over })
}

/** Parses our own CSV output (RFC 4180) back into rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++ }
      else if (c === '"') { quoted = false }
      else { cell += c }
    }
    else if (c === '"') { quoted = true }
    else if (c === ',') { row.push(cell); cell = '' }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++ }
    else { cell += c }
  }
  return rows
}

describe('saving', () => {
  it('takes a snapshot of the card fields when saving', async () => {
    const h = await synced()
    const p = h.practices()[3]!
    const b = await saveBookmark(h.db, p.id, new Date('2025-05-05T10:00:00Z'))
    expect(b).toEqual({
      id: p.id,
      savedAt: '2025-05-05T10:00:00.000Z',
      note: '',
      tags: [],
      snapshot: { title: p.title, city: p.city, country: p.country, period: p.period, summary: p.summary, topics: p.topics, language: p.language },
      snapshotAt: '2025-05-05T10:00:00.000Z',
      removedFromCatalogue: false,
    })
    expect(await saveBookmark(h.db, 'not-in-the-catalogue')).toBeUndefined()
    expect(await toggleBookmark(h.db, p.id)).toBe(false)
    expect(await h.db.bookmarks.count()).toBe(0)
    expect(await toggleBookmark(h.db, p.id)).toBe(true)
  })

  it('keeps notes (with their time) and normalised tags', async () => {
    const h = await synced()
    const id = h.practices()[0]!.id
    expect(await setNote(h.db, id, 'Call the mayor', new Date('2025-06-01T00:00:00Z'))).toBe(true)
    expect(await setTags(h.db, id, ['  Housing ', 'housing', 'Roma  inclusion', '', 'HOUSING'])).toBe(true)
    expect(await h.db.bookmarks.get(id)).toMatchObject({ note: 'Call the mayor', noteUpdatedAt: '2025-06-01T00:00:00.000Z', tags: ['Housing', 'Roma inclusion'] })
    expect(await setTags(h.db, 'unknown-id', ['x'])).toBe(false)
    expect(normaliseTags(['a', 'A', 'ä', 'b '])).toEqual(['a', 'ä', 'b'])
    await removeBookmark(h.db, id)
    expect(await listBookmarks(h.db)).toEqual([])
  })

  it('refreshes the snapshot when a sync changes the practice, keeping the note', async () => {
    const h = await synced()
    const p = h.practices()[2]!
    await setNote(h.db, p.id, 'my note')
    h.publish(h.practices().map(x => (x.id === p.id ? { ...x, title: 'Renamed', summary: 'New summary', updatedAt: '2025-01-01T00:00:00Z' } : x)))
    expect((await h.sync()).status).toBe('updated')
    const b = await h.db.bookmarks.get(p.id)
    expect(b).toMatchObject({ note: 'my note', snapshot: { title: 'Renamed', summary: 'New summary' }, removedFromCatalogue: false })
  })

  it('saves a card shown before the first sync from what it showed, and the sync then refreshes it', async () => {
    const h = setup({ count: 20, shardCount: 2 })
    const p = h.practices()[4]!
    // What the embedded first screen showed: a card (its id included), a little out of date.
    const shown = { id: p.id, title: 'Old title', city: p.city, country: p.country, period: p.period, summary: p.summary, topics: p.topics, language: p.language }
    expect(await toggleBookmark(h.db, p.id, new Date('2025-05-05T10:00:00Z'), shown)).toBe(true)
    expect(await h.db.bookmarks.get(p.id)).toMatchObject({ snapshot: { title: 'Old title', city: p.city }, removedFromCatalogue: false })
    expect((await h.db.bookmarks.get(p.id))!.snapshot).not.toHaveProperty('id')
    // Without what was shown, a practice the device does not hold cannot be saved.
    expect(await toggleBookmark(h.db, h.practices()[5]!.id)).toBe(false)

    await setNote(h.db, p.id, 'ask the coordinator')
    expect((await h.sync()).status).toBe('updated')
    expect(await h.db.bookmarks.get(p.id)).toMatchObject({ note: 'ask the coordinator', snapshot: { title: p.title }, removedFromCatalogue: false })
    // Once saved, the card toggles it off like any other.
    expect(await toggleBookmark(h.db, p.id, new Date(), shown)).toBe(false)
    expect(await h.db.bookmarks.count()).toBe(0)
  })

  it('survives the practice leaving the catalogue, and un-flags it when it comes back', async () => {
    const h = await synced()
    const p = h.practices()[5]!
    const saved = await saveBookmark(h.db, p.id)
    await setNote(h.db, p.id, 'still mine')
    const all = h.practices()
    h.publish(all.filter(x => x.id !== p.id))
    await h.sync()
    expect(await h.db.bookmarks.get(p.id)).toMatchObject({ snapshot: saved!.snapshot, note: 'still mine', removedFromCatalogue: true })
    h.publish(all)
    await h.sync()
    expect(await h.db.bookmarks.get(p.id)).toMatchObject({ note: 'still mine', removedFromCatalogue: false })
  })
})

describe('export', () => {
  it('round-trips through JSON into an empty database', async () => {
    const h = await synced()
    for (const [i, p] of h.practices().slice(0, 3).entries()) {
      await saveBookmark(h.db, p.id, new Date(Date.UTC(2025, 0, i + 1)))
      await setNote(h.db, p.id, `note ${i}`, new Date(Date.UTC(2025, 1, i + 1)))
      await setTags(h.db, p.id, [`tag${i}`, 'shared'])
    }
    const text = await exportBookmarksJson(h.db, new Date('2025-03-01T00:00:00Z'))
    expect(JSON.parse(text)).toMatchObject({ format: 'icc-field-guide-bookmarks', version: 2, exportedAt: '2025-03-01T00:00:00.000Z', drafts: [] })
    const other = freshDb('import')
    const result = okImport(await importBookmarksJson(other, text))
    expect(result.added).toHaveLength(3)
    expect(result.rejected).toEqual([])
    expect(await listBookmarks(other)).toEqual(await listBookmarks(h.db))
  })

  it('quotes CSV cells per RFC 4180 and defuses formulas', async () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"')
    for (const start of ['+', '-', '@', '\t'])
      expect(csvCell(`${start}1`)).toBe(`'${start}1`)

    const h = await synced()
    const p = h.practices()[1]!
    await saveBookmark(h.db, p.id, new Date('2025-01-02T00:00:00Z'))
    await setNote(h.db, p.id, '=cmd|\' /C calc\'!A0\nsecond line, with "quotes"')
    await setTags(h.db, p.id, ['@admin', 'b'])
    const csv = await exportBookmarksCsv(h.db, { columns: COLUMNS, countryName: c => `Country ${c}` })
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    const rows = parseCsv(csv.slice(1))
    expect(rows[0]).toEqual(['Id', 'Title', 'City', 'Country', 'Period', 'Topics', 'Note', 'Tags', 'Saved'])
    expect(rows[1]).toEqual([p.id, p.title, p.city, `Country ${p.country}`, p.period.text, p.topics.join('; '), '\'=cmd|\' /C calc\'!A0\nsecond line, with "quotes"', '\'@admin; b', '2025-01-02T00:00:00.000Z'])
  })
})

describe('import', () => {
  it('merges: newer note first, the older kept under it, tags unioned, nothing saved is lost, snapshot from the catalogue', async () => {
    const h = await synced()
    const [a, b, c, d] = h.practices()
    await saveBookmark(h.db, a!.id, new Date('2025-01-01T00:00:00Z'))
    await setNote(h.db, a!.id, 'local older', new Date('2025-01-02T00:00:00Z'))
    await setTags(h.db, a!.id, ['Local', 'Both'])
    await saveBookmark(h.db, b!.id, new Date('2025-01-01T00:00:00Z'))
    await setNote(h.db, b!.id, 'local newer', new Date('2025-03-01T00:00:00Z'))
    await saveBookmark(h.db, c!.id)
    const localC = await h.db.bookmarks.get(c!.id)
    const snapshot = { title: 'Old title from the file', city: 'X', country: 'ES', period: { text: '', ongoing: false }, summary: '', topics: [], language: 'en' }
    const result = okImport(await importBookmarksJson(h.db, file([
      { id: a!.id, savedAt: '2024-12-01T00:00:00.000Z', note: 'imported newer', noteUpdatedAt: '2025-02-01T00:00:00.000Z', tags: ['both', 'Imported'], snapshot },
      { id: b!.id, savedAt: '2025-01-01T00:00:00.000Z', note: 'imported older', noteUpdatedAt: '2025-02-01T00:00:00.000Z', tags: [] },
      { id: c!.id, savedAt: localC!.savedAt, note: '', tags: [] },
      { id: d!.id, savedAt: '2025-01-05T00:00:00.000Z', note: 'new one', tags: ['x'], snapshot },
      { id: 'gone-practice', savedAt: '2025-01-05T00:00:00.000Z', note: 'removed upstream', tags: [], snapshot },
    ])))
    expect(result).toMatchObject({ added: [d!.id, 'gone-practice'], updated: [a!.id, b!.id], unchanged: [c!.id], rejected: [] })
    expect(await h.db.bookmarks.get(a!.id)).toMatchObject({ note: 'imported newer\n\n(2025-01-02) local older', tags: ['Local', 'Both', 'Imported'], savedAt: '2024-12-01T00:00:00.000Z', snapshot: { title: a!.title } })
    expect(await h.db.bookmarks.get(b!.id)).toMatchObject({ note: 'local newer\n\n(2025-02-01) imported older' })
    expect(await h.db.bookmarks.get(c!.id)).toEqual(localC)
    expect(await h.db.bookmarks.get(d!.id)).toMatchObject({ note: 'new one', snapshot: { title: d!.title }, removedFromCatalogue: false })
    expect(await h.db.bookmarks.get('gone-practice')).toMatchObject({ snapshot, removedFromCatalogue: true })
    expect(await h.db.bookmarks.count()).toBe(5)
  })

  it('never blanks a note: an empty imported note keeps the written one, even when it is newer', async () => {
    const h = await synced()
    const [a, b] = h.practices()
    await saveBookmark(h.db, a!.id, new Date('2025-01-01T00:00:00Z'))
    await setNote(h.db, a!.id, 'Call the mayor’s office', new Date('2025-01-02T00:00:00Z'))
    await saveBookmark(h.db, b!.id, new Date('2025-01-01T00:00:00Z'))
    const result = okImport(await importBookmarksJson(h.db, file([
      { id: a!.id, savedAt: '2025-01-01T00:00:00.000Z', note: '', noteUpdatedAt: '2025-06-01T00:00:00.000Z' },
      { id: b!.id, savedAt: '2025-01-01T00:00:00.000Z', note: 'Written on the other phone', noteUpdatedAt: '2024-06-01T00:00:00.000Z' },
    ])))
    expect(result).toMatchObject({ updated: [b!.id], unchanged: [a!.id] })
    expect(await h.db.bookmarks.get(a!.id)).toMatchObject({ note: 'Call the mayor’s office' })
    expect(await h.db.bookmarks.get(b!.id)).toMatchObject({ note: 'Written on the other phone' })
  })

  it('keeps the losing text once: importing the same file again changes nothing', async () => {
    const h = await synced()
    const [a] = h.practices()
    await saveBookmark(h.db, a!.id, new Date('2025-01-01T00:00:00Z'))
    await setNote(h.db, a!.id, 'here', new Date('2025-03-01T00:00:00Z'))
    const backup = file([{ id: a!.id, savedAt: '2025-01-01T00:00:00.000Z', note: 'there', noteUpdatedAt: '2025-02-01T00:00:00.000Z' }])
    okImport(await importBookmarksJson(h.db, backup))
    expect(okImport(await importBookmarksJson(h.db, backup))).toMatchObject({ unchanged: [a!.id], updated: [] })
    expect((await h.db.bookmarks.get(a!.id))?.note).toBe('here\n\n(2025-02-01) there')
  })

  it('refuses files that are malformed, too large, or of an unknown format or version', async () => {
    const db = freshDb('refuse')
    expect(await importBookmarksJson(db, '{"format": "icc-field-guide-bookmarks", ')).toMatchObject({ ok: false, error: 'not_json' })
    expect(await importBookmarksJson(db, file([]), { maxBytes: 10 })).toEqual({ ok: false, error: 'too_large' })
    expect(await importBookmarksJson(db, `${file([])}${' '.repeat(5 * 1024 * 1024)}`, { maxBytes: 5 * 1024 * 1024 })).toEqual({ ok: false, error: 'too_large' })
    // Multi-byte text: under the limit in characters, over it in bytes.
    expect(await importBookmarksJson(db, file([{ id: 'a-b', note: 'é'.repeat(60) }]), { maxBytes: 150 })).toEqual({ ok: false, error: 'too_large' })
    expect(await importBookmarksJson(db, file([], { format: 'something-else' }))).toEqual({ ok: false, error: 'unknown_format' })
    expect(await importBookmarksJson(db, file([], { version: 3 }))).toMatchObject({ ok: false, error: 'unknown_version' })
    expect(await importBookmarksJson(db, file([], { bookmarks: 'nope' }))).toMatchObject({ ok: false, error: 'invalid' })
    expect(await importBookmarksJson(db, '[]')).toMatchObject({ ok: false, error: 'invalid' })
    expect(await db.bookmarks.count()).toBe(0)
  })

  it('rejects bad entries one by one, with stable reason codes', async () => {
    const db = freshDb('reject')
    const result = okImport(await importBookmarksJson(db, file([
      'not an object',
      { id: '../../etc/passwd' },
      { id: 'fine-one', tags: 'not-a-list' },
      { id: 'fine-one', savedAt: 'yesterday' },
      { id: 'fine-one' },
      { id: 'fine-one' },
    ])))
    expect(result.rejected).toEqual([
      { index: 0, reason: 'not_object' },
      { index: 1, id: '../../etc/passwd', reason: 'invalid_id', detail: expect.any(String) },
      { index: 2, id: 'fine-one', reason: 'invalid_field', detail: expect.stringContaining('tags') },
      { index: 3, id: 'fine-one', reason: 'invalid_field', detail: expect.stringContaining('savedAt') },
      { index: 5, id: 'fine-one', reason: 'duplicate' },
    ])
    expect(result.added).toEqual(['fine-one'])
  })

  it('stores hostile strings as plain text, exactly as given', async () => {
    const db = freshDb('hostile')
    const note = '<script>alert(1)</script><img src=x onerror=alert(2)> [click](javascript:alert(3))'
    const tag = '<b onmouseover="alert(4)">tag</b>'
    const snapshot = { title: '<script>document.cookie</script>', city: 'javascript:alert(5)', country: 'ES', period: { text: '<iframe src="javascript:alert(6)">', ongoing: false }, summary: '"><svg onload=alert(7)>', topics: [], language: 'en' }
    okImport(await importBookmarksJson(db, file([{ id: 'safe-id', note, tags: [tag], snapshot }])))
    const stored = await db.bookmarks.get('safe-id') as Bookmark
    expect(stored.note).toBe(note)
    expect(stored.tags).toEqual([tag])
    expect(stored.snapshot).toEqual(snapshot)
    // And the export gives them back unchanged.
    const again = JSON.parse(await exportBookmarksJson(db)) as { bookmarks: Bookmark[] }
    expect(again.bookmarks[0]!.note).toBe(note)
  })

  it('does not mark an imported bookmark removed before any catalogue is held', async () => {
    const db = freshDb('no-catalogue')
    okImport(await importBookmarksJson(db, file([{ id: makePractice(1).id, note: '' }])))
    expect(await db.bookmarks.get(makePractice(1).id)).toMatchObject({ removedFromCatalogue: false, snapshot: { title: makePractice(1).id } })
  })
})
