import { describe, expect, it, vi } from 'vitest'
import { emptyDraftFields, type DraftFields } from '../../src/catalogue/draft'
import { createAutosave } from '../../src/composables/useDraftAutosave'
import { createDatabase } from '../../src/db'
import { exportBookmarksJson, importBookmarksJson } from '../../src/db/bookmarkTransfer'
import { BOOKMARK_FILE_FORMAT } from '../../src/db/bookmarkFile'
import { addDraftPhoto, createDraft, deleteDraft, draftStorage, getDraft, listDraftPhotos, listDrafts, measureDraftStorage, MAX_DRAFT_PHOTOS, removeDraftPhoto, restoreDraft, saveDraftFields, setDraftReady } from '../../src/db/drafts'
import { freshDb, setup } from './harness'

const JPEG = new Uint8Array([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4])
const photo = (extra = 0) => ({ blob: new Blob([JPEG, new Uint8Array(extra)], { type: 'image/jpeg' }), width: 1600, height: 1200 })
const fields = (over: Partial<DraftFields> = {}): DraftFields => ({ ...emptyDraftFields('fr'), title: 'Mères de quartier', city: 'Lyon', country: 'FR', ...over })

/** A timer the test runs by hand (IndexedDB's own callbacks need the real ones). */
function manualTimer() {
  let pending: (() => void) | undefined
  return {
    setTimer: (run: () => void) => { pending = run; return run },
    clearTimer: () => { pending = undefined },
    fire: () => { const run = pending; pending = undefined; run?.() },
    pending: () => pending !== undefined,
  }
}

describe('autosave and restore', () => {
  it('saves what was typed after a pause, and a reopened database has it', async () => {
    const name = `drafts-${Math.random().toString(36).slice(2)}`
    const db = createDatabase(name)
    const draft = await createDraft(db, emptyDraftFields('fr'))
    const typed = emptyDraftFields('fr')
    const timer = manualTimer()
    const autosave = createAutosave(async () => { await saveDraftFields(db, draft.id, typed) }, timer)
    for (const letter of 'Lyon') {
      typed.city += letter
      autosave.schedule()
    }
    expect(autosave.dirty.value).toBe(true)
    expect((await getDraft(db, draft.id))?.fields.city).toBe('')
    // One save for the whole burst of typing, once it pauses.
    expect(timer.pending()).toBe(true)
    timer.fire()
    await autosave.flush()
    expect(autosave.dirty.value).toBe(false)
    db.close()

    const reopened = createDatabase(name)
    expect((await getDraft(reopened, draft.id))?.fields.city).toBe('Lyon')
    reopened.close()
  })

  it('saves at once on flush (blur, hidden page, unload), and the later state wins', async () => {
    const db = freshDb('drafts')
    const draft = await createDraft(db, emptyDraftFields('en'))
    const typed = emptyDraftFields('en')
    const saves: string[] = []
    const autosave = createAutosave(async () => {
      saves.push(typed.title)
      await saveDraftFields(db, draft.id, typed)
    }, manualTimer())
    typed.title = 'Half'
    autosave.schedule()
    const first = autosave.flush()
    typed.title = 'Half a title'
    autosave.schedule()
    await Promise.all([first, autosave.flush()])
    // Saves run one after another, each writing the form as it then is: the last one writes the last state.
    expect(saves.at(-1)).toBe('Half a title')
    expect((await getDraft(db, draft.id))?.fields.title).toBe('Half a title')
    // Nothing typed since: a flush writes nothing.
    await autosave.flush()
    expect(saves).toHaveLength(2)
    expect(autosave.savedAt.value).toBeInstanceOf(Date)
  })

  it('keeps the change unsaved and says so when the disk refuses it, then saves it on the next try', async () => {
    let fail = true
    const autosave = createAutosave(async () => {
      if (fail)
        throw new DOMException('full', 'QuotaExceededError')
    })
    vi.spyOn(console, 'error').mockImplementation(() => {})
    autosave.schedule()
    await autosave.flush()
    expect(autosave.failed.value).toBe(true)
    expect(autosave.dirty.value).toBe(true)
    fail = false
    await autosave.flush()
    expect(autosave.failed.value).toBe(false)
    expect(autosave.savedAt.value).toBeInstanceOf(Date)
  })
})

describe('drafts', () => {
  it('list newest edit first, and keep the ready mark', async () => {
    const db = freshDb('drafts')
    const a = await createDraft(db, fields({ title: 'A' }), new Date('2026-01-01T00:00:00Z'))
    const b = await createDraft(db, fields({ title: 'B' }), new Date('2026-01-02T00:00:00Z'))
    await saveDraftFields(db, a.id, fields({ title: 'A, edited' }), new Date('2026-01-03T00:00:00Z'))
    expect((await listDrafts(db)).map(d => d.fields.title)).toEqual(['A, edited', 'B'])
    await setDraftReady(db, b.id, new Date('2026-01-04T00:00:00Z'))
    expect((await getDraft(db, b.id))?.readyAt).toBe('2026-01-04T00:00:00.000Z')
    await setDraftReady(db, b.id, undefined)
    expect((await getDraft(db, b.id))?.readyAt).toBeUndefined()
    expect(await saveDraftFields(db, 'draft-gone', fields())).toBe(false)
  })

  it('take at most five photos each, and give them back after an undone delete', async () => {
    const db = freshDb('drafts')
    const draft = await createDraft(db, fields())
    for (let i = 0; i < MAX_DRAFT_PHOTOS; i++)
      expect(await addDraftPhoto(db, draft.id, photo(i))).toBe('added')
    expect(await addDraftPhoto(db, draft.id, photo())).toBe('full')
    expect(await addDraftPhoto(db, 'draft-none', photo())).toBe('no_draft')
    const photos = await listDraftPhotos(db, draft.id)
    expect(photos).toHaveLength(MAX_DRAFT_PHOTOS)
    await removeDraftPhoto(db, photos[0]!.id)
    expect(await listDraftPhotos(db, draft.id)).toHaveLength(MAX_DRAFT_PHOTOS - 1)

    const removed = await deleteDraft(db, draft.id)
    expect(await getDraft(db, draft.id)).toBeUndefined()
    expect(await db.draftPhotos.count()).toBe(0)
    await restoreDraft(db, removed!)
    expect(await getDraft(db, draft.id)).toEqual(removed!.draft)
    expect(await listDraftPhotos(db, draft.id)).toHaveLength(MAX_DRAFT_PHOTOS - 1)
  })

  it('count their text and photos for the storage panel', async () => {
    expect(measureDraftStorage([], [])).toEqual({ drafts: 0, photos: 0, textBytes: 0, photoBytes: 0, totalBytes: 0 })
    const draft = { id: 'd', createdAt: '', updatedAt: '', fields: fields({ title: 'é' }) }
    const size = measureDraftStorage([draft], [{ bytes: 1000 }, { bytes: 24 }, { bytes: Number.NaN }])
    expect(size).toMatchObject({ drafts: 1, photos: 3, photoBytes: 1024 })
    // "é" takes two bytes in UTF-8.
    expect(size.textBytes).toBe(new TextEncoder().encode(JSON.stringify(draft)).length)
    expect(size.totalBytes).toBe(size.textBytes + 1024)

    const db = freshDb('drafts')
    const stored = await createDraft(db, fields())
    await addDraftPhoto(db, stored.id, photo(100))
    expect(await draftStorage(db)).toMatchObject({ drafts: 1, photos: 1, photoBytes: JPEG.length + 100 })
  })

  it('are left alone by a sync', async () => {
    const h = setup({ count: 10, shardCount: 2 })
    const draft = await createDraft(h.db, fields())
    await addDraftPhoto(h.db, draft.id, photo())
    const before = await getDraft(h.db, draft.id)
    expect((await h.sync()).status).toBe('updated')
    h.publish(h.practices().slice(0, 8))
    expect((await h.sync()).status).toBe('updated')
    expect(await getDraft(h.db, draft.id)).toEqual(before)
    expect(await listDraftPhotos(h.db, draft.id)).toHaveLength(1)
  })
})

describe('drafts in the Saved backup', () => {
  it('round-trip with their photos into an empty database', async () => {
    const db = freshDb('drafts')
    const draft = await createDraft(db, fields({ topics: ['education'], links: 'https://lyon.fr' }))
    await setDraftReady(db, draft.id, new Date('2026-02-01T00:00:00Z'))
    await addDraftPhoto(db, draft.id, photo(50))
    const text = await exportBookmarksJson(db)
    expect(JSON.parse(text)).toMatchObject({ format: BOOKMARK_FILE_FORMAT, version: 2, bookmarks: [], drafts: [{ id: draft.id }] })

    const other = freshDb('drafts-import')
    const outcome = await importBookmarksJson(other, text)
    expect(outcome).toMatchObject({ ok: true, drafts: { added: [draft.id], unchanged: [], rejected: [] } })
    expect(await listDrafts(other)).toEqual(await listDrafts(db))
    const [copy] = await listDraftPhotos(other, draft.id)
    expect(copy).toMatchObject({ type: 'image/jpeg', width: 1600, height: 1200, bytes: JPEG.length + 50 })
    expect(new Uint8Array(await copy!.blob.arrayBuffer())).toEqual(new Uint8Array(await photo(50).blob.arrayBuffer()))
    // The same file again changes nothing.
    expect(await importBookmarksJson(other, text)).toMatchObject({ ok: true, drafts: { added: [], unchanged: [draft.id] } })
  })

  it('never overwrite a different draft of the same id: the imported one comes in beside it, once', async () => {
    const db = freshDb('drafts')
    const draft = await createDraft(db, fields({ purpose: 'typed on the phone' }))
    const text = await exportBookmarksJson(db)
    await saveDraftFields(db, draft.id, fields({ purpose: 'typed later on the tablet' }))
    const outcome = await importBookmarksJson(db, text)
    expect(outcome.ok && outcome.drafts.added).toHaveLength(1)
    const all = await listDrafts(db)
    expect(all.map(d => d.fields.purpose).sort()).toEqual(['typed later on the tablet', 'typed on the phone'])
    expect(all.find(d => d.id !== draft.id)?.copyOf).toBe(draft.id)
    expect(await importBookmarksJson(db, text)).toMatchObject({ drafts: { added: [] } })
    expect(await db.practiceDrafts.count()).toBe(2)
  })

  it('report each invalid draft and keep the rest; a version-1 backup still imports', async () => {
    const db = freshDb('drafts')
    const good = { id: 'draft-good', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', fields: fields() }
    const file = JSON.stringify({
      format: BOOKMARK_FILE_FORMAT,
      version: 2,
      bookmarks: [],
      drafts: [
        good,
        'not a draft',
        { ...good, id: 'draft-no-language', fields: { ...fields(), language: undefined } },
        { ...good, id: 'draft-bad-photo', photos: [{ type: 'image/jpeg', width: 10, height: 10, data: btoa('<svg onload=alert(1)>') }] },
        { ...good, id: 'draft-html-photo', photos: [{ type: 'text/html', width: 10, height: 10, data: '' }] },
        good,
      ],
    })
    const outcome = await importBookmarksJson(db, file)
    expect(outcome.ok && outcome.drafts.added).toEqual(['draft-good'])
    expect(outcome.ok && outcome.drafts.rejected.map(r => [r.index, r.reason])).toEqual([[1, 'not_object'], [2, 'invalid_field'], [3, 'invalid_photo'], [4, 'invalid_photo'], [5, 'duplicate']])
    expect(await db.draftPhotos.count()).toBe(0)

    const v1 = JSON.stringify({ format: BOOKMARK_FILE_FORMAT, version: 1, bookmarks: [{ id: 'es-bilbao-practice', note: 'old file' }] })
    expect(await importBookmarksJson(db, v1)).toMatchObject({ ok: true, added: ['es-bilbao-practice'], drafts: { added: [], rejected: [] } })
  })
})
