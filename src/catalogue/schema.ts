/**
 * The catalogue's data model: one valibot schema per record kind, the TypeScript types inferred from
 * them, and nothing else. Used by the tools (import, build-feed, synth) and by the app (sync), so a
 * record that passes here is one every layer can rely on.
 */
import * as v from 'valibot'

/** Ids and slugs: lower-case ASCII words joined by hyphens ("es-bilbao-anti-rumour-web-app"). */
const slugLike = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'), v.maxLength(160))

/** BCP 47 tags as the catalogue uses them: "en", "fr", "sr-Latn", "pt-BR", "zh-Hant-TW". */
export const LanguageTagSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/, 'must be a BCP 47 language tag such as "en" or "sr-Latn"'),
)

/** ISO 3166-1 alpha-2, or "" while an imported record still awaits review. */
export const CountryCodeSchema = v.union([v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')), v.literal('')])

const year = v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2200))

export const PeriodSchema = v.pipe(
  v.object({
    /** The period as the source wrote it ("Since 2014", "2015-2020 / 2021-25"); may be empty. */
    text: v.pipe(v.string(), v.maxLength(200)),
    start: v.optional(year),
    end: v.optional(year),
    /** Still running: the year facet extends it to the current year. */
    ongoing: v.boolean(),
  }),
  v.check(p => p.start === undefined || p.end === undefined || p.start <= p.end, 'period start must not be after its end'),
)

/** Text in one language. `body` is plain text: paragraphs separated by a blank line, a heading is a paragraph "## Heading". */
export const PracticeTextSchema = v.object({
  title: v.pipe(v.string(), v.trim(), v.minLength(1, 'title must not be empty'), v.maxLength(500)),
  summary: v.pipe(v.string(), v.maxLength(5000)),
  body: v.pipe(v.string(), v.maxLength(200_000)),
})

/** Reasons an imported record needs a person to look at it before it ships. */
export const ReviewFlagSchema = v.picklist(['provisional_title', 'missing_country', 'missing_city', 'missing_period', 'unparsed_period', 'truncated'])

/**
 * Where a practice is, added by build-feed from a gazetteer: one entry per city it names, or its country's
 * centre (`kind: 'country'`) for a national practice. Optional, so older feeds and apps read each other.
 */
export const PlaceSchema = v.object({
  name: v.pipe(v.string(), v.maxLength(120)),
  lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  lon: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
  kind: v.picklist(['city', 'country']),
})

const httpUrl = v.pipe(v.string(), v.url('must be a URL'), v.check(u => /^https?:\/\//i.test(u), 'only http(s) links are allowed'))

export const PracticeSchema = v.object({
  /** Stable, derived from the source, never reused. */
  id: slugLike,
  slug: slugLike,
  title: PracticeTextSchema.entries.title,
  country: CountryCodeSchema,
  /** Empty for national practices. */
  city: v.pipe(v.string(), v.maxLength(120)),
  period: PeriodSchema,
  /** Taxonomy topic ids: the site's own filing (a crawl sets them), plus `reviewerTopics` once a feed is built. */
  topics: v.array(slugLike),
  /** Catalogue files only: topics a person chose that the site does not give; build-feed folds them into `topics`. */
  reviewerTopics: v.optional(v.array(slugLike)),
  /** Language of title, summary and body. */
  language: LanguageTagSchema,
  summary: PracticeTextSchema.entries.summary,
  body: PracticeTextSchema.entries.body,
  sourceUrl: v.optional(httpUrl),
  /** Only the listing's teaser is known, not the full text: the app says so and links to `sourceUrl`. */
  teaserOnly: v.optional(v.literal(true)),
  /** ISO 8601 date or date-time of the last edit of the record. */
  updatedAt: v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp')),
  /** The same practice in other languages, keyed by BCP 47 tag. */
  translations: v.optional(v.record(LanguageTagSchema, PracticeTextSchema)),
  /** Set by the importer; a reviewed catalogue file has none. */
  review: v.optional(v.array(ReviewFlagSchema)),
  /** Coordinates of the practice's cities (or country), added by build-feed; absent in older feeds. */
  places: v.optional(v.pipe(v.array(PlaceSchema), v.maxLength(20))),
})

export const TopicSchema = v.object({
  id: slugLike,
  /** Names keyed by UI language; "en" is required. */
  names: v.pipe(v.record(LanguageTagSchema, v.pipe(v.string(), v.minLength(1))), v.check(n => typeof n.en === 'string', 'a topic needs an English name')),
})

export const TaxonomySchema = v.object({
  topics: v.array(TopicSchema),
})

const sha256Hex = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a hex sha-256'))
/** Relative to the manifest's own URL, or absolute http(s). */
const feedPath = v.pipe(v.string(), v.minLength(1), v.check(u => !/^[a-z][a-z0-9+.-]*:/i.test(u) || /^https?:\/\//i.test(u), 'only relative or http(s) URLs'))

export const FileRefSchema = v.object({
  url: feedPath,
  sha256: sha256Hex,
  bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
})

export const ShardRefSchema = v.object({
  ...FileRefSchema.entries,
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
})

export const FEED_FORMAT = 1

export const ManifestSchema = v.object({
  format: v.literal(FEED_FORMAT, 'unsupported feed format'),
  version: v.pipe(v.string(), v.minLength(1)),
  generatedAt: v.pipe(v.string(), v.isoTimestamp()),
  practiceCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  taxonomy: FileRefSchema,
  shards: v.array(ShardRefSchema),
  /** Optional prebuilt search index segments, one per shard (same order), built by tools/build-feed. */
  searchIndex: v.optional(v.array(FileRefSchema)),
})

export type Period = v.InferOutput<typeof PeriodSchema>
export type PracticeText = v.InferOutput<typeof PracticeTextSchema>
export type ReviewFlag = v.InferOutput<typeof ReviewFlagSchema>
export type Practice = v.InferOutput<typeof PracticeSchema>
export type Place = v.InferOutput<typeof PlaceSchema>
export type Topic = v.InferOutput<typeof TopicSchema>
export type Taxonomy = v.InferOutput<typeof TaxonomySchema>
export type FileRef = v.InferOutput<typeof FileRefSchema>
export type ShardRef = v.InferOutput<typeof ShardRefSchema>
export type Manifest = v.InferOutput<typeof ManifestSchema>

/** One problem with one record, worded for a person: "es-bilbao-x: period.start: must be …". */
interface RecordIssue {
  id: string
  path: string
  message: string
}

function issuePath(issue: v.BaseIssue<unknown>): string {
  return issue.path?.map(p => String(p.key)).join('.') ?? ''
}

/** Validates unknown input as a practice; never throws. */
export function checkPractice(input: unknown): { ok: true, practice: Practice } | { ok: false, issues: RecordIssue[] } {
  const result = v.safeParse(PracticeSchema, input)
  if (result.success)
    return { ok: true, practice: result.output }
  const id = typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : '?'
  return { ok: false, issues: result.issues.map(i => ({ id, path: issuePath(i), message: i.message })) }
}

/** Validates with any schema, returning the first problem in words; never throws. */
export function check<S extends v.GenericSchema>(schema: S, input: unknown): { ok: true, value: v.InferOutput<S> } | { ok: false, path: string, message: string } {
  const result = v.safeParse(schema, input)
  if (result.success)
    return { ok: true, value: result.output }
  const first = result.issues[0]!
  return { ok: false, path: issuePath(first), message: first.message }
}
