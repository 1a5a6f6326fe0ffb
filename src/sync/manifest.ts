/** Reading and checking the feed manifest; resolving its URLs. */
import { check, FEED_FORMAT, ManifestSchema, type Manifest } from '../catalogue/schema'
import { failure, type SyncFailure } from './errors'

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
  const result = check(ManifestSchema, data)
  if (!result.ok)
    return failure('bad_manifest', { url, path: result.path, message: result.message })
  const manifest = result.value
  if (manifest.searchIndex && manifest.searchIndex.length !== manifest.shards.length)
    return failure('bad_manifest', { url, path: 'searchIndex', message: 'needs one segment per shard' })
  const total = manifest.shards.reduce((sum, s) => sum + s.count, 0)
  if (total !== manifest.practiceCount)
    return failure('bad_manifest', { url, path: 'practiceCount', message: `shards hold ${total}, practiceCount says ${manifest.practiceCount}` })
  return manifest
}
