/** Splitting a Practice into its list row and its text row, and joining them back. */
import type { Practice } from '../catalogue/schema'
import type { FieldGuideDb } from './database'
import type { BookmarkSnapshot, PracticeRow, TextRow } from './types'

export function toPracticeRow(p: Practice, shard: string): PracticeRow {
  const row: PracticeRow = {
    id: p.id,
    slug: p.slug,
    title: p.title,
    country: p.country,
    city: p.city,
    period: p.period,
    topics: p.topics,
    language: p.language,
    summary: p.summary,
    updatedAt: p.updatedAt,
    shard,
  }
  // Optional fields are left out rather than set to undefined: smaller rows.
  if (p.sourceUrl !== undefined)
    row.sourceUrl = p.sourceUrl
  if (p.teaserOnly)
    row.teaserOnly = true
  if (p.places)
    row.places = p.places
  return row
}

export function toTextRow(p: Practice): TextRow {
  return p.translations ? { id: p.id, body: p.body, translations: p.translations } : { id: p.id, body: p.body }
}

/** Rebuilds the Practice a row and its text came from (importer review flags are not stored). */
export function joinPractice(row: PracticeRow, text: TextRow | undefined): Practice {
  const practice: Practice = {
    id: row.id,
    slug: row.slug,
    title: row.title,
    country: row.country,
    city: row.city,
    period: row.period,
    topics: row.topics,
    language: row.language,
    summary: row.summary,
    body: text?.body ?? '',
    updatedAt: row.updatedAt,
  }
  if (row.sourceUrl !== undefined)
    practice.sourceUrl = row.sourceUrl
  if (row.teaserOnly)
    practice.teaserOnly = true
  if (row.places)
    practice.places = row.places
  if (text?.translations)
    practice.translations = text.translations
  return practice
}

export async function getPractice(database: FieldGuideDb, id: string): Promise<Practice | undefined> {
  return database.transaction('r', [database.practices, database.texts], async () => {
    const [row, text] = await Promise.all([database.practices.get(id), database.texts.get(id)])
    return row ? joinPractice(row, text) : undefined
  })
}

/** The fields a bookmark keeps of its practice, from a stored row or anything else that has them. */
export function snapshotOf(row: BookmarkSnapshot): BookmarkSnapshot {
  return {
    title: row.title,
    city: row.city,
    country: row.country,
    period: row.period,
    summary: row.summary,
    topics: row.topics,
    language: row.language,
  }
}
