/**
 * `tsx tools/build-feed.ts [--catalogue DIR] [--practices FILE.json] [--taxonomy FILE.json] --out DIR
 *   [--no-index] [--unreviewed] [--generated-at ISO] [--shard-size N]`
 *
 * Validates the catalogue and writes the static feed the app syncs from (format 1, see src/sync/README.md):
 *   DIR/feed/manifest.json, DIR/feed/taxonomy.<hash>.json, DIR/feed/shards/<hash>.json, DIR/feed/index/<hash>.bin
 * Every file but the manifest is named by its content hash, so it is immutable and cacheable forever. The
 * same input always gives byte-identical output (generatedAt comes from the newest practice, never the clock).
 * Any invalid catalogue file fails the build, listing every problem.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import * as v from 'valibot'
import { checkPractice, FEED_FORMAT, TaxonomySchema, type FileRef, type Manifest, type Practice, type ShardRef, type Taxonomy } from '../src/catalogue/schema'
import { canonicalJson } from './feed/canonical'
import { shardCountFor, shardOf, TARGET_SHARD_SIZE } from './feed/shard'
import { buildSegment as buildSearchSegment } from '../src/search/segmentBuilder'
import { interfaceLanguages } from './feed/interfaceLanguages'
import { placerForCatalogue, reportUnmatched, type PlacesOf } from './places/build'

export type BuildSegment = (practices: Practice[]) => Uint8Array

export interface BuildFeedOptions {
  /** ISO timestamp for the manifest; default the newest practice's updatedAt. */
  generatedAt?: string
  /** Force a shard count (tests); default from the practice count. */
  shardCount?: number
  shardSize?: number
  /** Builds a shard's search index segment; without it the feed has no searchIndex. */
  buildSegment?: BuildSegment
  /** Coordinates of a practice's cities (tools/places); without it the feed has no `places`. */
  placesOf?: PlacesOf
}

export interface BuiltFeed {
  manifest: Manifest
  /** Paths relative to the output directory ("feed/manifest.json", "feed/shards/….json"). */
  files: Map<string, Uint8Array | string>
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex')
const byteLength = (data: Uint8Array | string) => (typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength)

/** The topics a practice is filed under: the site's own, then those a reviewer added. */
export function allTopics(p: Practice): string[] {
  return [...new Set([...p.topics, ...(p.reviewerTopics ?? [])])]
}

/** The record as shipped: importer-only fields dropped, a reviewer's topics folded into `topics`. */
function shippable(p: Practice, placesOf?: PlacesOf): Practice {
  const { review: _review, reviewerTopics: _reviewerTopics, ...rest } = p
  const places = placesOf?.(p)
  return { ...rest, topics: allTopics(p), ...(places ? { places } : {}) }
}

/** Newest updatedAt as an ISO instant, so identical input gives an identical manifest. */
export function newestUpdate(practices: readonly Practice[]): string {
  let newest = 0
  for (const p of practices) {
    const t = Date.parse(p.updatedAt)
    if (Number.isFinite(t) && t > newest)
      newest = t
  }
  return new Date(newest).toISOString()
}

/** Pure core: practices + taxonomy in, manifest and file contents out. Expects validated input. */
export function buildFeed(practices: readonly Practice[], taxonomy: Taxonomy, opts: BuildFeedOptions = {}): BuiltFeed {
  const files = new Map<string, Uint8Array | string>()
  const count = opts.shardCount ?? shardCountFor(practices.length, opts.shardSize ?? TARGET_SHARD_SIZE)
  const buckets: Practice[][] = Array.from({ length: count }, () => [])
  for (const p of [...practices].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    buckets[shardOf(p.id, count)]!.push(shippable(p, opts.placesOf))

  const taxonomyText = canonicalJson(taxonomy)
  const taxonomyRef: FileRef = { url: `taxonomy.${sha256(taxonomyText).slice(0, 16)}.json`, sha256: sha256(taxonomyText), bytes: byteLength(taxonomyText) }
  files.set(`feed/${taxonomyRef.url}`, taxonomyText)

  const shards: ShardRef[] = []
  const segments: FileRef[] = []
  for (const bucket of buckets) {
    const text = `[${bucket.map(canonicalJson).join(',\n')}]`
    const hash = sha256(text)
    const ref: ShardRef = { url: `shards/${hash.slice(0, 16)}.json`, sha256: hash, count: bucket.length, bytes: byteLength(text) }
    shards.push(ref)
    files.set(`feed/${ref.url}`, text)
    if (opts.buildSegment) {
      const data = opts.buildSegment(bucket)
      const segHash = sha256(data)
      const seg: FileRef = { url: `index/${segHash.slice(0, 16)}.bin`, sha256: segHash, bytes: data.byteLength }
      segments.push(seg)
      files.set(`feed/${seg.url}`, data)
    }
  }

  // Covers every file the manifest lists (segments too, so a new index build reaches the clients).
  const version = sha256([...shards.map(s => s.sha256).sort(), taxonomyRef.sha256, ...segments.map(s => s.sha256)].join('\n'))
  const manifest: Manifest = {
    format: FEED_FORMAT,
    version,
    generatedAt: opts.generatedAt ?? newestUpdate(practices),
    practiceCount: practices.length,
    taxonomy: taxonomyRef,
    shards,
    ...(opts.buildSegment ? { searchIndex: segments } : {}),
  }
  files.set('feed/manifest.json', `${JSON.stringify(manifest, null, 2)}\n`)
  return { manifest, files }
}

// ——— validation ———

export interface Problem {
  file: string
  path: string
  message: string
}

export interface CatalogueEntry {
  /** Where the record came from, for messages ("catalogue/practices/x.json", "synth.json[12]"). */
  file: string
  data: unknown
  /** The id the file name implies, when records are one per file. */
  expectedId?: string
}

export function validateTaxonomy(data: unknown, file: string): { taxonomy?: Taxonomy, problems: Problem[] } {
  const result = v.safeParse(TaxonomySchema, data)
  if (!result.success)
    return { problems: result.issues.map(i => ({ file, path: i.path?.map(p => String(p.key)).join('.') ?? '', message: i.message })) }
  const problems: Problem[] = []
  const seen = new Set<string>()
  result.output.topics.forEach((t, i) => {
    if (seen.has(t.id))
      problems.push({ file, path: `topics.${i}.id`, message: `duplicate topic id "${t.id}"` })
    seen.add(t.id)
  })
  return { taxonomy: result.output, problems }
}

/**
 * Checks every record and reports every problem (not just the first). `editorial` (default on) adds the
 * rules for reviewed catalogue files: no review flags left, a country set. Synthetic input (--practices)
 * skips them, since it imitates unreviewed records on purpose.
 */
export function validateCatalogue(entries: readonly CatalogueEntry[], taxonomy: Taxonomy, opts: { editorial?: boolean } = {}): { practices: Practice[], problems: Problem[] } {
  const editorial = opts.editorial ?? true
  const topics = new Set(taxonomy.topics.map(t => t.id))
  const firstFile = new Map<string, string>()
  const practices: Practice[] = []
  const problems: Problem[] = []
  for (const entry of entries) {
    const result = checkPractice(entry.data)
    if (!result.ok) {
      problems.push(...result.issues.map(i => ({ file: entry.file, path: i.path, message: i.message })))
      continue
    }
    const p = result.practice
    const before = problems.length
    if (entry.expectedId !== undefined && entry.expectedId !== p.id)
      problems.push({ file: entry.file, path: 'id', message: `the file must be named after the id: "${p.id}.json"` })
    const other = firstFile.get(p.id)
    if (other !== undefined)
      problems.push({ file: entry.file, path: 'id', message: `duplicate id "${p.id}" (also in ${other})` })
    else
      firstFile.set(p.id, entry.file)
    for (const field of ['topics', 'reviewerTopics'] as const) {
      p[field]?.forEach((t, i) => {
        if (!topics.has(t))
          problems.push({ file: entry.file, path: `${field}.${i}`, message: `unknown topic id "${t}" (not in taxonomy.json)` })
      })
    }
    if (editorial && p.review?.length)
      problems.push({ file: entry.file, path: 'review', message: `still flagged for review: ${p.review.join(', ')}` })
    if (editorial && !p.country)
      problems.push({ file: entry.file, path: 'country', message: 'must not be empty' })
    if (problems.length === before)
      practices.push(p)
  }
  return { practices, problems }
}

// ——— command line ———

function readJson(file: string, problems: Problem[]): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown
  }
  catch (error) {
    problems.push({ file, path: '', message: `not readable JSON: ${error instanceof Error ? error.message : String(error)}` })
    return undefined
  }
}

export function loadEntries(args: { catalogue: string, practices?: string }, problems: Problem[]): CatalogueEntry[] {
  if (args.practices) {
    const data = readJson(args.practices, problems)
    if (data === undefined)
      return []
    if (!Array.isArray(data)) {
      problems.push({ file: args.practices, path: '', message: 'must be a JSON array of practices' })
      return []
    }
    return data.map((item, i) => ({ file: `${args.practices}[${i}]`, data: item }))
  }
  const dir = join(args.catalogue, 'practices')
  if (!existsSync(dir))
    return []
  return readdirSync(dir)
    .filter(f => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const file = join(dir, f)
      const data = readJson(file, problems)
      return data === undefined ? [] : [{ file, data, expectedId: basename(f, '.json') }]
    })
}

/** Taxonomy from --taxonomy, the catalogue, or (synthetic feeds only) made up from the topic ids in use. */
function loadTaxonomy(args: { catalogue: string, practices?: string, taxonomy?: string }, entries: CatalogueEntry[], problems: Problem[]): Taxonomy | undefined {
  const file = args.taxonomy ?? join(args.catalogue, 'taxonomy.json')
  if (existsSync(file) || !args.practices) {
    if (!existsSync(file)) {
      problems.push({ file, path: '', message: 'missing: the catalogue needs a taxonomy.json' })
      return undefined
    }
    const data = readJson(file, problems)
    if (data === undefined)
      return undefined
    const result = validateTaxonomy(data, file)
    problems.push(...result.problems)
    return result.taxonomy
  }
  console.warn(`build-feed: no ${file}; using a taxonomy made of the topic ids the practices use`)
  const ids = new Set<string>()
  for (const e of entries) {
    const topics = (e.data as { topics?: unknown }).topics
    if (Array.isArray(topics))
      topics.forEach(t => typeof t === 'string' && ids.add(t))
  }
  return { topics: [...ids].sort().map(id => ({ id, names: { en: id } })) }
}

export function writeFeed(outDir: string, feed: BuiltFeed): void {
  const feedDir = join(outDir, 'feed')
  // A clean directory: stale shards of earlier builds would otherwise ship forever.
  rmSync(feedDir, { recursive: true, force: true })
  for (const [path, data] of feed.files) {
    const target = join(outDir, path)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, data)
  }
}

interface Args {
  catalogue: string
  practices?: string
  taxonomy?: string
  out?: string
  index: boolean
  /** Publish records a person has not reviewed yet (a fresh crawl): their flags are reported, not refused. */
  unreviewed: boolean
  generatedAt?: string
  shardSize?: number
}

function parseArgs(argv: string[]): Args {
  const args: Args = { catalogue: 'catalogue', index: true, unreviewed: false }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = () => {
      const next = argv[++i]
      if (next === undefined)
        throw new Error(`${flag} needs a value`)
      return next
    }
    switch (flag) {
      case '--catalogue': args.catalogue = value(); break
      case '--practices': args.practices = value(); break
      case '--taxonomy': args.taxonomy = value(); break
      case '--out': args.out = value(); break
      case '--no-index': args.index = false; break
      case '--unreviewed': args.unreviewed = true; break
      case '--generated-at': args.generatedAt = value(); break
      case '--shard-size': args.shardSize = Number(value()); break
      default: throw new Error(`unknown argument ${flag}`)
    }
  }
  return args
}

export async function main(argv: string[]): Promise<number> {
  let args: Args
  try {
    args = parseArgs(argv)
    if (!args.out)
      throw new Error('--out DIR is required')
  }
  catch (error) {
    console.error(`build-feed: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  const problems: Problem[] = []
  const entries = loadEntries(args, problems)
  const taxonomy = loadTaxonomy(args, entries, problems)
  const { practices, problems: recordProblems } = taxonomy ? validateCatalogue(entries, taxonomy, { editorial: !args.practices && !args.unreviewed }) : { practices: [], problems: [] }
  problems.push(...recordProblems)
  if (problems.length || !taxonomy) {
    for (const p of problems)
      console.error(`${p.file}: ${p.path || '(file)'}: ${p.message}`)
    console.error(`build-feed: ${problems.length} problem(s); no feed written`)
    return 1
  }
  const flagged = args.unreviewed ? practices.filter(p => p.review?.length).length : 0
  if (flagged)
    console.warn(`build-feed: ${flagged} practice(s) still flagged for review are published as they are`)
  const generatedAt = args.generatedAt ?? process.env.FEED_GENERATED_AT
  // The index finds a practice by its topics' names too, in every language of the taxonomy.
  const nameLanguages = interfaceLanguages()
  const buildSegment = args.index ? (shard: Practice[]) => buildSearchSegment(shard, { taxonomy, nameLanguages }) : undefined
  const placer = placerForCatalogue(args.catalogue)
  const feed = buildFeed(practices, taxonomy, {
    ...(generatedAt ? { generatedAt } : {}),
    ...(args.shardSize ? { shardSize: args.shardSize } : {}),
    ...(buildSegment ? { buildSegment } : {}),
    placesOf: placer.placesOf,
  })
  reportUnmatched(placer.unmatched)
  writeFeed(resolve(args.out!), feed)
  const bytes = [...feed.files.values()].reduce((sum, d) => sum + byteLength(d), 0)
  console.log(`build-feed: ${practices.length} practices in ${feed.manifest.shards.length} shard(s)${feed.manifest.searchIndex ? ' with search index' : ''}, ${(bytes / 1024).toFixed(0)} KiB → ${join(args.out!, 'feed')} (version ${feed.manifest.version.slice(0, 12)})`)
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  process.exitCode = await main(process.argv.slice(2))
