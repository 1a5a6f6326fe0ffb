/**
 * Drafts in the Saved backup file (version 2): each draft with its fields as typed and its photos as base64
 * JPEG/PNG/WebP data. The schema every imported draft must pass; the reasons one is skipped map to the
 * messages `drafts.import_reject.<code>`.
 */
import * as v from 'valibot'
import { FIELD_LIMITS, type DraftFields } from '../catalogue/draft'
import { MAX_DRAFT_PHOTOS } from './draftTypes'

export type DraftRejectCode = 'not_object' | 'invalid_field' | 'invalid_photo' | 'duplicate'

/** A stored photo is at most about 450 kB; anything much bigger in a file is not one of ours. */
const MAX_PHOTO_FILE_BYTES = 3 * 1024 * 1024
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

const isoTime = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp'))
const text = (field: keyof DraftFields) => v.optional(v.pipe(v.string(), v.maxLength(FIELD_LIMITS[field])), '')

const DraftFieldsSchema = v.object({
  title: text('title'),
  city: text('city'),
  country: v.optional(v.union([v.pipe(v.string(), v.regex(/^[A-Z]{2}$/u)), v.literal('')]), ''),
  periodFrom: text('periodFrom'),
  periodTo: text('periodTo'),
  ongoing: v.optional(v.boolean(), false),
  topics: v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u), v.maxLength(160))), v.maxLength(FIELD_LIMITS.topics)), []),
  contactPerson: text('contactPerson'),
  contactOrganisation: text('contactOrganisation'),
  purpose: text('purpose'),
  rationale: text('rationale'),
  process: text('process'),
  outcomes: text('outcomes'),
  lessons: text('lessons'),
  links: text('links'),
  language: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u), v.maxLength(FIELD_LIMITS.language)),
})

const DraftPhotoEntrySchema = v.object({
  type: v.picklist(PHOTO_TYPES),
  width: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20_000)),
  height: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20_000)),
  addedAt: v.optional(isoTime),
  /** The picture's bytes, base64. */
  data: v.pipe(v.string(), v.maxLength(Math.ceil(MAX_PHOTO_FILE_BYTES / 3) * 4), v.regex(/^[A-Za-z0-9+/]*={0,2}$/u)),
})

export const DraftEntrySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[\w-]{1,100}$/u)),
  createdAt: isoTime,
  updatedAt: isoTime,
  readyAt: v.optional(isoTime),
  copyOf: v.optional(v.pipe(v.string(), v.maxLength(100))),
  fields: DraftFieldsSchema,
  photos: v.optional(v.pipe(v.array(DraftPhotoEntrySchema), v.maxLength(MAX_DRAFT_PHOTOS)), []),
})

export type DraftEntry = v.InferOutput<typeof DraftEntrySchema>
