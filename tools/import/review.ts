/**
 * Re-importing over reviewed files. A person reviews a record by editing fields and removing the review
 * flag that pointed at them; a later import must not put the machine's guess back. The rule: a field the
 * existing file has, and whose flag it no longer carries, wins over the fresh import, and every place where
 * it differs from the source is returned for a person to decide (the crawl's report lists them).
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

/** A value the file keeps (or gives up) where the site says something else, for a person to decide. */
export interface Difference {
  field: string
  /** As the file has it (JSON for structured values). */
  file: string
  /** As the site or page dump has it. */
  site: string
  /** Which value the written record holds. */
  kept: 'file' | 'site'
}

interface ReconcileOptions {
  /** `updatedAt` for a record that changed; without it the file's date stays. */
  stamp?: string
  /**
   * The fresh record's `topics` are the site's own filing (a crawl): they replace the file's. Without it
   * (a page dump, which knows no topics) the file's topics stay.
   */
  siteTopics?: boolean
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? ''
  return text.length > 160 ? `${text.slice(0, 159)}…` : text
}

function differs(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) !== JSON.stringify(b)
}

/** Reviewed fields of the file win; each one that differs from the fresh record is reported. */
function keepReviewedFields(merged: Practice, fresh: Practice, existing: Practice, differences: Difference[]): Set<ReviewFlag> {
  const existingFlags = new Set(existing.review ?? [])
  const flags = new Set(fresh.review ?? [])
  for (const { field, flags: fieldFlags } of REVIEWED_FIELDS) {
    if (fieldFlags.some(f => existingFlags.has(f)) || existing[field] === undefined)
      continue
    // Assigning through the union of field types needs the key and value to travel together.
    Object.assign(merged, { [field]: existing[field] })
    fieldFlags.forEach(f => flags.delete(f))
    if (fresh[field] !== undefined && differs(existing[field], fresh[field]))
      differences.push({ field, file: shown(existing[field]), site: shown(fresh[field]), kept: 'file' })
  }
  if (existing.language !== fresh.language)
    differences.push({ field: 'language', file: existing.language, site: fresh.language, kept: 'file' })
  if (flags.has('truncated') && !existingFlags.has('truncated')) {
    merged.summary = existing.summary
    merged.body = existing.body
    flags.delete('truncated')
    // The file's text is kept, and with it whether that text is itself only a teaser.
    if (existing.teaserOnly)
      merged.teaserOnly = true
    else
      delete merged.teaserOnly
    if (differs(existing.body, fresh.body))
      differences.push({ field: 'body', file: shown(existing.body), site: `only a teaser: ${shown(fresh.body)}`, kept: 'file' })
  }
  return flags
}

/**
 * The record to write when `existing` is already on disk, and every difference between them that a person
 * should see: reviewed fields, slug and language from the file (reported where the fresh record differs);
 * text from the fresh import unless the source only has a truncated teaser and the file's text was
 * reviewed; topics from the file unless `siteTopics`; `reviewerTopics` always from the file. `updatedAt`
 * moves to `stamp` only when something changed.
 */
export function reconcile(fresh: Practice, existing: Practice, options: ReconcileOptions = {}): { practice: Practice, differences: Difference[] } {
  const differences: Difference[] = []
  const merged: Practice = { ...fresh, topics: options.siteTopics ? fresh.topics : existing.topics, slug: existing.slug, language: existing.language }
  delete merged.reviewerTopics
  if (existing.reviewerTopics)
    merged.reviewerTopics = existing.reviewerTopics
  const flags = keepReviewedFields(merged, fresh, existing, differences)
  if (options.siteTopics) {
    // The site's filing replaces the file's; a topic only the file had is shown, so a person can keep it as a reviewer topic.
    const dropped = existing.topics.filter(t => !fresh.topics.includes(t) && !(existing.reviewerTopics ?? []).includes(t))
    if (dropped.length > 0)
      differences.push({ field: 'topics', file: shown(existing.topics), site: shown(fresh.topics), kept: 'site' })
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
  merged.updatedAt = changed && options.stamp ? options.stamp : existing.updatedAt
  return { practice: merged, differences }
}

/** `reconcile` for page dumps: the record only (the import CLI reports no differences yet). */
export function keepReviewed(fresh: Practice, existing: Practice, stamp?: string): Practice {
  return reconcile(fresh, existing, stamp === undefined ? {} : { stamp }).practice
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
