/**
 * Drafts in the Saved backup: written with their photos as base64, read back with every draft checked on
 * its own (one bad draft never sinks the rest, and each one skipped is reported), and merged without
 * overwriting anything: a draft that differs from the one of the same id here comes in as a copy beside it.
 */
import * as v from 'valibot'
import type { FieldGuideDb } from './database'
import { DraftEntrySchema, type DraftEntry, type DraftRejectCode } from './draftFile'
import type { Draft, DraftPhoto } from './draftTypes'

function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

function base64ToBytes(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++)
      bytes[i] = binary.charCodeAt(i)
    return bytes
  }
  catch {
    return undefined
  }
}

/** Whether the bytes begin as a picture of that type does (so a file cannot pass other data off as a photo). */
function looksLike(type: string, b: Uint8Array): boolean {
  if (type === 'image/jpeg')
    return b[0] === 0xFF && b[1] === 0xD8 && b[2] === 0xFF
  if (type === 'image/png')
    return b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4E && b[3] === 0x47
  return type === 'image/webp' && String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP'
}

export async function exportDraftEntries(database: FieldGuideDb): Promise<DraftEntry[]> {
  const [drafts, photos] = await Promise.all([database.practiceDrafts.orderBy('updatedAt').toArray(), database.draftPhotos.toArray()])
  const entries: DraftEntry[] = []
  for (const draft of drafts) {
    const own = photos.filter(p => p.draftId === draft.id).sort((a, b) => a.addedAt.localeCompare(b.addedAt))
    const encoded = await Promise.all(own.map(async p => ({
      type: p.type as DraftEntry['photos'][number]['type'],
      width: p.width,
      height: p.height,
      addedAt: p.addedAt,
      data: bytesToBase64(new Uint8Array(await p.blob.arrayBuffer())),
    })))
    entries.push({ ...draft, photos: encoded })
  }
  return entries
}

/** A checked draft with its photos decoded, ready to store. */
interface PreparedDraft {
  draft: Draft
  photos: Omit<DraftPhoto, 'draftId' | 'id'>[]
}

export interface DraftRejection {
  index: number
  reason: DraftRejectCode
  detail?: string
}

function prepare(entry: DraftEntry, fallbackTime: string): PreparedDraft | undefined {
  const photos: PreparedDraft['photos'] = []
  for (const p of entry.photos) {
    const bytes = base64ToBytes(p.data)
    if (!bytes?.length || !looksLike(p.type, bytes))
      return undefined
    photos.push({ blob: new Blob([bytes as BlobPart], { type: p.type }), type: p.type, width: p.width, height: p.height, bytes: bytes.length, addedAt: p.addedAt ?? fallbackTime })
  }
  const { photos: _photos, ...draft } = entry
  return { draft: draft as Draft, photos }
}

export function readDraftEntries(items: readonly unknown[], now: string): { entries: PreparedDraft[], rejected: DraftRejection[] } {
  const entries: PreparedDraft[] = []
  const rejected: DraftRejection[] = []
  const seen = new Set<string>()
  items.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      return void rejected.push({ index, reason: 'not_object' })
    const parsed = v.safeParse(DraftEntrySchema, item)
    if (!parsed.success) {
      const first = parsed.issues[0]!
      const path = first.path?.map(p => String(p.key)).join('.') ?? ''
      return void rejected.push({ index, reason: path.startsWith('photos') ? 'invalid_photo' : 'invalid_field', detail: `${path}: ${first.message}` })
    }
    if (seen.has(parsed.output.id))
      return void rejected.push({ index, reason: 'duplicate' })
    const prepared = prepare(parsed.output, now)
    if (!prepared)
      return void rejected.push({ index, reason: 'invalid_photo' })
    seen.add(parsed.output.id)
    entries.push(prepared)
  })
  return { entries, rejected }
}

function sameDraft(a: Draft, b: Draft): boolean {
  return a.updatedAt === b.updatedAt && JSON.stringify(a.fields) === JSON.stringify(b.fields)
}

/**
 * Stores imported drafts; call inside a read-write transaction over practiceDrafts and draftPhotos. A draft
 * new here is added with its photos; one already here, or already imported as a copy, is unchanged; one that
 * differs from the draft of the same id here is added as a copy (`copyOf`), so neither side's text is lost.
 * `newId` gives a random token for the ids of copies and photos.
 */
export async function mergeDrafts(database: FieldGuideDb, prepared: readonly PreparedDraft[], newId: () => string): Promise<{ added: string[], unchanged: string[] }> {
  const local = await database.practiceDrafts.toArray()
  const byId = new Map(local.map(d => [d.id, d]))
  const added: string[] = []
  const unchanged: string[] = []
  for (const { draft, photos } of prepared) {
    const here = byId.get(draft.id)
    const known = here && (sameDraft(here, draft) || local.some(d => d.copyOf === draft.id && sameDraft(d, draft)))
    if (known) {
      unchanged.push(draft.id)
      continue
    }
    const stored: Draft = here ? { ...draft, id: `draft-${newId()}`, copyOf: draft.id } : draft
    await database.practiceDrafts.add(stored)
    await database.draftPhotos.bulkAdd(photos.map(p => ({ ...p, id: `photo-${newId()}`, draftId: stored.id })))
    local.push(stored)
    added.push(stored.id)
  }
  return { added, unchanged }
}
