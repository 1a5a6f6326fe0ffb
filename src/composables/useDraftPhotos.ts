/**
 * A draft's photos, live from IndexedDB, each with an object URL for its thumbnail (revoked when the photo
 * goes or the page closes), and adding one: downscaled on the device first, then stored.
 */
import { onScopeDispose, type Ref, ref, type ShallowRef, shallowRef, watch } from 'vue'
import { db } from '../db'
import { addDraftPhoto, listDraftPhotos, removeDraftPhoto, type AddPhotoOutcome, type DraftPhoto } from '../db/drafts'
import { downscaleImage } from './downscaleImage'
import { useLiveQuery } from './useLiveQuery'

interface PhotoWithUrl {
  id: string
  url: string
  width: number
  height: number
  blob: Blob
}

type PhotoProblem = 'full' | 'unreadable' | 'storage'

export function useDraftPhotos(draftId: () => string | undefined) {
  const rows = useLiveQuery<DraftPhoto[]>(() => {
    const id = draftId()
    return id ? listDraftPhotos(db, id) : []
  }, [], draftId)
  const photos = withObjectUrls(rows)
  const busy = ref(false)
  const problem = ref<PhotoProblem | undefined>()

  /** Adds the files one by one; stops at the first that cannot be added and says why. */
  async function add(files: File[]): Promise<void> {
    const id = draftId()
    if (!id)
      return
    busy.value = true
    problem.value = undefined
    try {
      for (const file of files) {
        const outcome = await addPhoto(id, file)
        if (outcome !== 'added') {
          problem.value = outcome === 'no_draft' ? 'storage' : outcome
          break
        }
      }
    }
    finally {
      busy.value = false
    }
  }

  async function remove(photoId: string): Promise<void> {
    await removeDraftPhoto(db, photoId)
  }

  return { photos, busy, problem, add, remove }
}

/** The photos with an object URL each, made once per photo and revoked when it goes or the scope ends. */
function withObjectUrls(rows: Readonly<Ref<DraftPhoto[]>>): ShallowRef<PhotoWithUrl[]> {
  const urls = new Map<string, string>()
  const photos = shallowRef<PhotoWithUrl[]>([])
  watch(rows, (list) => {
    const keep = new Set(list.map(p => p.id))
    for (const [id, url] of urls) {
      if (!keep.has(id)) {
        URL.revokeObjectURL(url)
        urls.delete(id)
      }
    }
    photos.value = list.map((p) => {
      let url = urls.get(p.id)
      if (!url)
        urls.set(p.id, url = URL.createObjectURL(p.blob))
      return { id: p.id, url, width: p.width, height: p.height, blob: p.blob }
    })
  }, { immediate: true })
  onScopeDispose(() => {
    for (const url of urls.values())
      URL.revokeObjectURL(url)
  })

  return photos
}

/** Downscales a photo on the device, then stores it with the draft. */
async function addPhoto(id: string, file: File): Promise<AddPhotoOutcome | PhotoProblem> {
  let small
  try {
    small = await downscaleImage(file)
  }
  catch (error: unknown) {
    console.error(error)
    return 'unreadable'
  }
  try {
    return await addDraftPhoto(db, id, small)
  }
  catch (error: unknown) {
    console.error(error)
    return 'storage'
  }
}
