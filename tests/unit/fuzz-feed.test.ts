/** Fuzzing the feed's validators: whatever a server sends, the answer is a value or a typed failure, never a crash. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Manifest, ShardRef } from '../../src/catalogue/schema'
import { isSyncFailure, parseManifest, parseShard } from '../../src/sync'
import { FEED_LIMITS } from '../../src/sync/manifest'
import { buildFeed } from '../../tools/build-feed'
import { makePractice, makePractices, makeTaxonomy } from '../fixtures/feeds/practices'

const URL = 'https://feed.test/feed/manifest.json'
const encode = (text: string) => new TextEncoder().encode(text)
const RUNS = { numRuns: 300, seed: 15 }

const manifest: Manifest = buildFeed(makePractices(12), makeTaxonomy(), { shardCount: 2 }).manifest

/** A JSON value, or a valid manifest with one field (top level or of one shard) replaced by anything. */
const manifestLike = fc.oneof(
  fc.jsonValue(),
  fc.record({ key: fc.constantFrom(...Object.keys(manifest), 'extra'), value: fc.jsonValue() })
    .map(({ key, value }) => ({ ...manifest, [key]: value })),
  fc.record({ index: fc.nat(manifest.shards.length - 1), key: fc.constantFrom('url', 'sha256', 'count', 'bytes'), value: fc.jsonValue() })
    .map(({ index, key, value }) => ({ ...manifest, shards: manifest.shards.map((s, i) => (i === index ? { ...s, [key]: value } : s)) })),
)

function checkManifestAnswer(answer: ReturnType<typeof parseManifest>): void {
  if (isSyncFailure(answer)) {
    expect(['not_json', 'bad_manifest', 'unsupported_format']).toContain(answer.code)
    return
  }
  expect(answer.shards.reduce((sum, s) => sum + s.count, 0)).toBe(answer.practiceCount)
  expect(answer.shards.length).toBeLessThanOrEqual(FEED_LIMITS.shards)
  expect(answer.practiceCount).toBeLessThanOrEqual(FEED_LIMITS.practices)
}

describe('parseManifest on hostile input', () => {
  it('answers arbitrary bytes with a failure', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      checkManifestAnswer(parseManifest(bytes, URL))
    }), RUNS)
  })

  it('answers arbitrary JSON and damaged manifests with a manifest that holds together, or a failure', () => {
    fc.assert(fc.property(manifestLike, (data) => {
      checkManifestAnswer(parseManifest(encode(JSON.stringify(data) ?? ''), URL))
    }), RUNS)
  })
})

const shardRef = (count: number): ShardRef => ({ url: 'shards/x.json', sha256: 'a'.repeat(64), count, bytes: 1 })

/** A valid practice with one field replaced by anything, or anything at all. */
const practiceLike = fc.oneof(
  fc.jsonValue(),
  fc.record({ i: fc.nat(50), key: fc.constantFrom(...Object.keys(makePractice(1)), 'extra'), value: fc.jsonValue() })
    .map(({ i, key, value }) => ({ ...makePractice(i), [key]: value })),
  fc.nat(50).map(i => makePractice(i)),
)

describe('parseShard on hostile input', () => {
  it('returns valid practices or throws a typed failure naming the problem', () => {
    fc.assert(fc.property(fc.array(practiceLike, { maxLength: 6 }), fc.nat(6), (items, count) => {
      try {
        const practices = parseShard(encode(JSON.stringify(items)), shardRef(count), URL)
        expect(practices).toHaveLength(count)
      }
      catch (error) {
        expect(isSyncFailure(error), String(error)).toBe(true)
      }
    }), RUNS)
  })

  it('throws a typed failure for bytes that are not a shard', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      try {
        parseShard(bytes, shardRef(0), URL)
      }
      catch (error) {
        expect(isSyncFailure(error), String(error)).toBe(true)
      }
    }), RUNS)
  })
})
