/** Reading and checking the feed manifest; resolving its URLs. */
import { check, FEED_FORMAT, ManifestSchema, type Manifest } from '../catalogue/schema'
import { failure, type SyncFailure } from './errors'

/**
 * What a device accepts of a feed, whatever the feed says: a manifest is read up to `manifestBytes` and no
 * further, and one that lists more shards, practices or bytes per file than these is refused before anything
 * else is fetched. Far above any real catalogue (100,000 practices: 256 shards of about 2 MB, a 90 kB manifest).
 */
export const FEED_LIMITS = Object.freeze({
  manifestBytes: 2 * 1024 * 1024,
  shards: 4096,
  practices: 500_000,
  fileBytes: 64 * 1024 * 1024,
})

/** Feed URLs in a manifest are relative to the manifest's own URL. */
export function resolveFeedUrl(relative: string, manifestUrl: string): string {
  return new URL(relative, manifestUrl).href
}

/** Parses and validates manifest bytes; returns the manifest or the reason it cannot be used. */
export function parseManifest(bytes: Uint8Array, url: string): Manifest | SyncFailure {
  let data: unknown
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  }
  catch (error) {
    return failure('not_json', { url, message: error instanceof Error ? error.message : String(error) })
  }
  if (typeof data === 'object' && data !== null && 'format' in data && data.format !== FEED_FORMAT)
    return failure('unsupported_format', { url, message: `format ${String(data.format)}` })
  const tooMany = countBeyondLimits(data, url)
  if (tooMany)
    return tooMany
  const result = check(ManifestSchema, data)
  if (!result.ok)
    return failure('bad_manifest', { url, path: result.path, message: result.message })
  const manifest = result.value
  if (manifest.searchIndex && manifest.searchIndex.length !== manifest.shards.length)
    return failure('bad_manifest', { url, path: 'searchIndex', message: 'needs one segment per shard' })
  const total = manifest.shards.reduce((sum, s) => sum + s.count, 0)
  if (total !== manifest.practiceCount)
    return failure('bad_manifest', { url, path: 'practiceCount', message: `shards hold ${total}, practiceCount says ${manifest.practiceCount}` })
  const huge = [manifest.taxonomy, ...manifest.shards, ...(manifest.searchIndex ?? [])].find(f => f.bytes > FEED_LIMITS.fileBytes)
  if (huge)
    return failure('bad_manifest', { url, path: 'bytes', message: `${huge.url} is listed at ${huge.bytes} bytes, above the limit of ${FEED_LIMITS.fileBytes}` })
  return manifest
}

/** Checked before the schema runs, so a manifest of a million entries is not validated entry by entry first. */
function countBeyondLimits(data: unknown, url: string): SyncFailure | undefined {
  if (typeof data !== 'object' || data === null)
    return undefined
  const { shards, searchIndex, practiceCount } = data as { shards?: unknown, searchIndex?: unknown, practiceCount?: unknown }
  for (const [path, list] of [['shards', shards], ['searchIndex', searchIndex]] as const) {
    if (Array.isArray(list) && list.length > FEED_LIMITS.shards)
      return failure('bad_manifest', { url, path, message: `${list.length} entries, above the limit of ${FEED_LIMITS.shards}` })
  }
  if (typeof practiceCount === 'number' && practiceCount > FEED_LIMITS.practices)
    return failure('bad_manifest', { url, path: 'practiceCount', message: `${practiceCount} practices, above the limit of ${FEED_LIMITS.practices}` })
  return undefined
}
