/**
 * The user's drafts of new practices and their photos. Imported directly (not through ./index) by the drafts
 * pages, Settings and Saved, so none of it loads at start-up. A sync never touches these tables.
 */
import type { DraftFields } from '../catalogue/draft'
import type { FieldGuideDb } from './database'
import { MAX_DRAFT_PHOTOS, type Draft, type DraftPhoto } from './draftTypes'

export { MAX_DRAFT_PHOTOS, type Draft, type DraftPhoto } from './draftTypes'

const iso = (now: Date) => now.toISOString()

function newDraftId(): string {
  return `draft-${crypto.randomUUID()}`
}

export async function createDraft(database: FieldGuideDb, fields: DraftFields, now: Date = new Date()): Promise<Draft> {
  const draft: Draft = { id: newDraftId(), createdAt: iso(now), updatedAt: iso(now), fields }
  await database.practiceDrafts.add(draft)
  return draft
}

export function getDraft(database: FieldGuideDb, id: string): Promise<Draft | undefined> {
  return database.practiceDrafts.get(id)
}

/** Newest edit first. */
export function listDrafts(database: FieldGuideDb): Promise<Draft[]> {
  return database.practiceDrafts.orderBy('updatedAt').reverse().toArray()
}

/** Stores the fields as typed; false when the draft is gone (deleted in another tab), which writes nothing. */
export async function saveDraftFields(database: FieldGuideDb, id: string, fields: DraftFields, now: Date = new Date()): Promise<boolean> {
  // A copy: the caller's reactive object is a proxy, which IndexedDB cannot clone.
  const plain: DraftFields = { ...fields, topics: [...fields.topics] }
  return (await database.practiceDrafts.update(id, { fields: plain, updatedAt: iso(now) })) > 0
}

/** Marks a draft ready to send (a time) or back to being written (undefined). */
export async function setDraftReady(database: FieldGuideDb, id: string, readyAt: Date | undefined): Promise<void> {
  await database.practiceDrafts.update(id, { readyAt: readyAt ? iso(readyAt) : undefined })
}

export interface RemovedDraft {
  draft: Draft
  photos: DraftPhoto[]
}

/** Deletes a draft with its photos, returning both so the deletion can be undone. */
export async function deleteDraft(database: FieldGuideDb, id: string): Promise<RemovedDraft | undefined> {
  return database.transaction('rw', [database.practiceDrafts, database.draftPhotos], async () => {
    const draft = await database.practiceDrafts.get(id)
    if (!draft)
      return undefined
    const photos = await database.draftPhotos.where('draftId').equals(id).toArray()
    await database.draftPhotos.bulkDelete(photos.map(p => p.id))
    await database.practiceDrafts.delete(id)
    return { draft, photos }
  })
}

export async function restoreDraft(database: FieldGuideDb, removed: RemovedDraft): Promise<void> {
  await database.transaction('rw', [database.practiceDrafts, database.draftPhotos], async () => {
    await database.practiceDrafts.put(removed.draft)
    await database.draftPhotos.bulkPut(removed.photos)
  })
}

/** A draft's photos, in the order they were added. */
export async function listDraftPhotos(database: FieldGuideDb, draftId: string): Promise<DraftPhoto[]> {
  const photos = await database.draftPhotos.where('draftId').equals(draftId).toArray()
  return photos.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id))
}

export type AddPhotoOutcome = 'added' | 'full' | 'no_draft'

/** Adds a photo unless the draft already has MAX_DRAFT_PHOTOS (checked in the same transaction, so two tabs cannot pass it). */
export async function addDraftPhoto(database: FieldGuideDb, draftId: string, photo: { blob: Blob, width: number, height: number }, now: Date = new Date()): Promise<AddPhotoOutcome> {
  return database.transaction('rw', [database.practiceDrafts, database.draftPhotos], async () => {
    if (!await database.practiceDrafts.get(draftId))
      return 'no_draft' as const
    if (await database.draftPhotos.where('draftId').equals(draftId).count() >= MAX_DRAFT_PHOTOS)
      return 'full' as const
    await database.draftPhotos.add({
      id: `photo-${crypto.randomUUID()}`,
      draftId,
      blob: photo.blob,
      type: photo.blob.type || 'image/jpeg',
      width: photo.width,
      height: photo.height,
      bytes: photo.blob.size,
      addedAt: iso(now),
    })
    await database.practiceDrafts.update(draftId, { updatedAt: iso(now) })
    return 'added' as const
  })
}

export async function removeDraftPhoto(database: FieldGuideDb, photoId: string, now: Date = new Date()): Promise<void> {
  await database.transaction('rw', [database.practiceDrafts, database.draftPhotos], async () => {
    const photo = await database.draftPhotos.get(photoId)
    if (!photo)
      return
    await database.draftPhotos.delete(photoId)
    await database.practiceDrafts.update(photo.draftId, { updatedAt: iso(now) })
  })
}

export interface DraftStorage {
  drafts: number
  photos: number
  /** The drafts' text, as UTF-8. */
  textBytes: number
  photoBytes: number
  totalBytes: number
}

/** What the drafts take on the device: their text as UTF-8 JSON (about what IndexedDB keeps), plus the photos' bytes. */
export function measureDraftStorage(drafts: readonly Draft[], photos: readonly Pick<DraftPhoto, 'bytes'>[]): DraftStorage {
  const encoder = new TextEncoder()
  const textBytes = drafts.reduce((sum, d) => sum + encoder.encode(JSON.stringify(d)).length, 0)
  const photoBytes = photos.reduce((sum, p) => sum + (Number.isFinite(p.bytes) && p.bytes > 0 ? p.bytes : 0), 0)
  return { drafts: drafts.length, photos: photos.length, textBytes, photoBytes, totalBytes: textBytes + photoBytes }
}

export async function draftStorage(database: FieldGuideDb): Promise<DraftStorage> {
  const [drafts, photos] = await Promise.all([database.practiceDrafts.toArray(), database.draftPhotos.toArray()])
  return measureDraftStorage(drafts, photos)
}
