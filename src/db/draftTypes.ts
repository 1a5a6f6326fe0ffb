/**
 * Row types of the drafts tables (version 4): practices the user records in the field, and their photos.
 * The user's own data: a sync never reads or writes them.
 */
import type { DraftFields } from '../catalogue/draft'

export interface Draft {
  /** Made on the device (random), never a catalogue id. */
  id: string
  /** ISO 8601 UTC, from toISOString, so it sorts as text. */
  createdAt: string
  updatedAt: string
  /** When the user marked it ready to send; it stays ready only while its fields are complete. */
  readyAt?: string
  /** The draft an import brought in beside a different local draft of the same id (nothing is overwritten). */
  copyOf?: string
  fields: DraftFields
}

export interface DraftPhoto {
  id: string
  draftId: string
  /** A JPEG, downscaled on the device. */
  blob: Blob
  type: string
  width: number
  height: number
  bytes: number
  addedAt: string
}

/** At most this many photos a draft: enough for a visit, small enough to send. */
export const MAX_DRAFT_PHOTOS = 5
