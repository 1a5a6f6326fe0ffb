/**
 * The files of a feed: fetched, verified against the manifest's size and sha-256, parsed and validated, several
 * at a time. Nothing here writes to the database.
 */
import { checkPractice, check, TaxonomySchema, type FileRef, type Practice, type ShardRef, type Taxonomy } from '../catalogue/schema'
import type { StagedKind } from '../db'
import { failure, isSyncFailure } from './errors'
import { fetchBytes, type BodyLimit, type FetchContext } from './fetch'
import { sha256Hex } from './hash'

/** A file the sync needs. */
export interface Job {
  kind: StagedKind
  ref: FileRef | ShardRef
  url: string
  shardSha256: string
}

/** A verified and validated file of the new feed, ready to commit. */
export type Obtained
  = | { kind: 'shard', sha256: string, practices: Practice[] }
    | { kind: 'index', sha256: string, shardSha256: string, data: ArrayBuffer }
    | { kind: 'taxonomy', sha256: string, taxonomy: Taxonomy }

/** An ArrayBuffer holding exactly these bytes (what IndexedDB stores). */
export function exactBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer)
    return bytes.buffer
  return bytes.slice().buffer as ArrayBuffer
}

async function verify(bytes: Uint8Array, ref: FileRef, url: string): Promise<void> {
  if (bytes.byteLength < ref.bytes)
    throw failure('truncated', { url, message: `${bytes.byteLength} of ${ref.bytes} bytes` })
  if (bytes.byteLength !== ref.bytes || await sha256Hex(bytes) !== ref.sha256)
    throw failure('checksum', { url })
}

/** A file may hold exactly the bytes its manifest entry lists: one byte more, and it is abandoned mid-stream. */
function listedSize(ref: FileRef, url: string): BodyLimit {
  return { bytes: ref.bytes, exceeded: () => failure('checksum', { url, message: `more than the ${ref.bytes} bytes listed` }) }
}

/**
 * Fetches a listed file and verifies it. A file that fails its check is fetched once more from the network
 * itself (`cache: 'reload'`): a bad copy kept by an HTTP cache on the way must not make the failure permanent.
 */
export async function fetchVerified(job: Job, ctx: FetchContext, counted: () => void): Promise<Uint8Array> {
  let first: unknown
  for (const init of [{}, { cache: 'reload' }] satisfies RequestInit[]) {
    try {
      const bytes = await fetchBytes(job.url, init, ctx, listedSize(job.ref, job.url))
      counted()
      await verify(bytes, job.ref, job.url)
      return bytes
    }
    catch (error) {
      const code = isSyncFailure(error) ? error.code : undefined
      if (code !== 'checksum' && code !== 'truncated')
        throw error
      first ??= error
    }
  }
  throw first
}

function parseJson(bytes: Uint8Array, url: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  }
  catch (error) {
    throw failure('not_json', { url, message: error instanceof Error ? error.message : String(error) })
  }
}

/** Every record is validated: one bad record fails the sync, naming its id and field. */
export function parseShard(bytes: Uint8Array, ref: ShardRef, url: string): Practice[] {
  const data = parseJson(bytes, url)
  if (!Array.isArray(data))
    throw failure('invalid_record', { url, message: 'a shard must be a JSON array' })
  if (data.length !== ref.count)
    throw failure('bad_manifest', { url, path: 'count', message: `the shard holds ${data.length} practices, the manifest says ${ref.count}` })
  const practices: Practice[] = []
  for (const item of data) {
    const result = checkPractice(item)
    if (!result.ok) {
      const issue = result.issues[0]!
      throw failure('invalid_record', { url, id: issue.id, path: issue.path, message: issue.message })
    }
    practices.push(result.practice)
  }
  return practices
}

function parseTaxonomy(bytes: Uint8Array, url: string): Taxonomy {
  const result = check(TaxonomySchema, parseJson(bytes, url))
  if (!result.ok)
    throw failure('invalid_record', { url, id: 'taxonomy', path: result.path, message: result.message })
  return result.value
}

export function toObtained(job: Job, bytes: Uint8Array): Obtained {
  switch (job.kind) {
    case 'shard':
      return { kind: 'shard', sha256: job.ref.sha256, practices: parseShard(bytes, job.ref as ShardRef, job.url) }
    case 'index':
      return { kind: 'index', sha256: job.ref.sha256, shardSha256: job.shardSha256, data: exactBuffer(bytes) }
    case 'taxonomy':
      return { kind: 'taxonomy', sha256: job.ref.sha256, taxonomy: parseTaxonomy(bytes, job.url) }
  }
}

/** Runs jobs with bounded concurrency; after the first failure starts no new job, lets running ones finish. */
export async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let firstError: { error: unknown } | undefined
  async function worker(): Promise<void> {
    while (!firstError && next < items.length) {
      const item = items[next++]!
      try {
        await work(item)
      }
      catch (error) {
        firstError ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (firstError)
    throw firstError.error
}
