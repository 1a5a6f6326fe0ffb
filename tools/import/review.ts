/**
 * Re-importing over reviewed files. A person reviews a record by editing fields and removing the review
 * flag that pointed at them; a later import must not put the machine's guess back. The rule: a field the
 * existing file has, and whose flag it no longer carries, wins over the fresh import.
 */
import { ReviewFlagSchema, type Practice, type PracticeText, type ReviewFlag } from '../../src/catalogue/schema'

type ReviewedField = 'title' | 'country' | 'city' | 'period' | 'sourceUrl'

/** Each reviewable field and the flags that say it still needs a person. */
const REVIEWED_FIELDS: readonly { field: ReviewedField, flags: readonly ReviewFlag[] }[] = [
  { field: 'title', flags: ['provisional_title'] },
  { field: 'country', flags: ['missing_country'] },
  { field: 'city', flags: ['missing_city'] },
  { field: 'period', flags: ['missing_period', 'unparsed_period'] },
  { field: 'sourceUrl', flags: [] },
]

function withoutUpdatedAt(p: Practice): string {
  return serialisePractice({ ...p, updatedAt: '' })
}

/**
 * The record to write when `existing` is already on disk: reviewed fields, topics, slug and language from
 * the file; text from the fresh import unless the source only has a truncated teaser and the file's text
 * was reviewed. `updatedAt` moves to `stamp` only when something changed (else the file's date stays).
 */
export function keepReviewed(fresh: Practice, existing: Practice, stamp?: string): Practice {
  const existingFlags = new Set(existing.review ?? [])
  const flags = new Set(fresh.review ?? [])
  const merged: Practice = { ...fresh, topics: existing.topics, slug: existing.slug, language: existing.language }

  for (const { field, flags: fieldFlags } of REVIEWED_FIELDS) {
    if (fieldFlags.some(f => existingFlags.has(f)) || existing[field] === undefined)
      continue
    // Assigning through the union of field types needs the key and value to travel together.
    Object.assign(merged, { [field]: existing[field] })
    fieldFlags.forEach(f => flags.delete(f))
  }
  if (flags.has('truncated') && !existingFlags.has('truncated')) {
    merged.summary = existing.summary
    merged.body = existing.body
    flags.delete('truncated')
  }
  if (existing.translations) {
    const translations: Record<string, PracticeText> = { ...existing.translations, ...fresh.translations }
    merged.translations = translations
  }

  const review = ReviewFlagSchema.options.filter(f => flags.has(f))
  delete merged.review
  if (review.length > 0)
    merged.review = review
  const changed = withoutUpdatedAt(merged) !== withoutUpdatedAt(existing)
  merged.updatedAt = changed && stamp ? stamp : existing.updatedAt
  return merged
}

function sortedTranslations(translations: Record<string, PracticeText>): Record<string, PracticeText> {
  const out: Record<string, PracticeText> = {}
  for (const lang of Object.keys(translations).sort()) {
    const t = translations[lang]
    if (t)
      out[lang] = { title: t.title, summary: t.summary, body: t.body }
  }
  return out
}

/** The record as its file holds it: keys in a fixed order, 2-space indent, trailing newline. */
export function serialisePractice(p: Practice): string {
  const ordered = {
    id: p.id,
    slug: p.slug,
    title: p.title,
    country: p.country,
    city: p.city,
    period: { text: p.period.text, start: p.period.start, end: p.period.end, ongoing: p.period.ongoing },
    topics: p.topics,
    reviewerTopics: p.reviewerTopics && p.reviewerTopics.length > 0 ? p.reviewerTopics : undefined,
    language: p.language,
    summary: p.summary,
    body: p.body,
    sourceUrl: p.sourceUrl,
    teaserOnly: p.teaserOnly,
    updatedAt: p.updatedAt,
    translations: p.translations ? sortedTranslations(p.translations) : undefined,
    review: p.review && p.review.length > 0 ? p.review : undefined,
  }
  // JSON.stringify leaves out undefined members, which is how optional fields stay absent.
  return `${JSON.stringify(ordered, null, 2)}\n`
}
