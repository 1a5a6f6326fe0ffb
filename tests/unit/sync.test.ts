import { describe, expect, it } from 'vitest'
import type { Manifest } from '../../src/catalogue/schema'
import {
  backoffDelay,
  backoffSchedule,
  classifyFetchError,
  classifyStorageError,
  DEFAULT_RETRY,
  diffPractices,
  isQuotaError,
  isRetryableStatus,
  parseManifest,
  planFetch,
  resolveFeedUrl,
  sha256Hex,
} from '../../src/sync'

const h = (c: string) => c.repeat(64)

function manifest(over: Partial<Manifest> = {}): Manifest {
  return {
    format: 1,
    version: 'v1',
    generatedAt: '2024-01-01T00:00:00.000Z',
    practiceCount: 3,
    taxonomy: { url: 'taxonomy.json', sha256: h('e'), bytes: 10 },
    shards: [
      { url: 'shards/a.json', sha256: h('a'), count: 1, bytes: 1 },
      { url: 'shards/b.json', sha256: h('b'), count: 2, bytes: 1 },
    ],
    searchIndex: [
      { url: 'index/1.bin', sha256: h('1'), bytes: 1 },
      { url: 'index/2.bin', sha256: h('2'), bytes: 1 },
    ],
    ...over,
  }
}

describe('backoff', () => {
  it('grows exponentially, never below half a step, capped', () => {
    expect(backoffDelay(0, 0)).toBe(500)
    expect(backoffDelay(0, 1)).toBe(1000)
    expect(backoffDelay(1, 0)).toBe(1000)
    expect(backoffDelay(2, 0.5)).toBe(3000)
    expect(backoffDelay(10, 1)).toBe(DEFAULT_RETRY.maxMs)
    expect(backoffDelay(10, 0)).toBe(DEFAULT_RETRY.maxMs / 2)
  })

  it('allows tries - 1 waits per file', () => {
    const schedule = backoffSchedule(DEFAULT_RETRY, () => 0.5)
    expect(schedule).toEqual([750, 1500])
    expect(backoffSchedule({ tries: 5, baseMs: 100, maxMs: 300 }, () => 1)).toEqual([100, 200, 300, 300])
  })

  it('retries only server-side and rate-limit statuses', () => {
    expect([500, 502, 503, 408, 429].every(isRetryableStatus)).toBe(true)
    expect([400, 401, 403, 404, 410].some(isRetryableStatus)).toBe(false)
  })
})

describe('feed URLs', () => {
  it('resolves manifest entries against the manifest URL', () => {
    expect(resolveFeedUrl('shards/x.json', 'https://a.test/app/feed/manifest.json')).toBe('https://a.test/app/feed/shards/x.json')
    expect(resolveFeedUrl('../other/x.json', 'https://a.test/app/feed/manifest.json?v=1')).toBe('https://a.test/app/other/x.json')
    expect(resolveFeedUrl('https://cdn.test/x.json', 'https://a.test/feed/manifest.json')).toBe('https://cdn.test/x.json')
  })
})

describe('parseManifest', () => {
  const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v))
  it('accepts a valid manifest', () => {
    expect(parseManifest(enc(manifest()), 'u')).toEqual(manifest())
  })
  it('names what is wrong', () => {
    expect(parseManifest(enc('{'), 'u')).toMatchObject({ code: 'not_json' })
    expect(parseManifest(enc({ ...manifest(), format: 2 }), 'u')).toMatchObject({ code: 'unsupported_format' })
    expect(parseManifest(enc({ ...manifest(), searchIndex: [] }), 'u')).toMatchObject({ code: 'bad_manifest', detail: { path: 'searchIndex' } })
    expect(parseManifest(enc({ ...manifest(), taxonomy: { url: 'javascript:alert(1)', sha256: h('e'), bytes: 1 } }), 'u')).toMatchObject({ code: 'bad_manifest', detail: { path: 'taxonomy.url' } })
  })
})

describe('planFetch', () => {
  it('fetches only what is not held, and names the shards that go', () => {
    const plan = planFetch(manifest(), { shards: new Set([h('a'), h('z')]), segments: new Set([h('1')]), taxonomySha256: h('e') })
    expect(plan).toEqual({ shards: [1], segments: [1], taxonomy: false, dropped: [h('z')] })
  })
  it('fetches everything into an empty database', () => {
    expect(planFetch(manifest(), { shards: new Set(), segments: new Set(), taxonomySha256: undefined }))
      .toEqual({ shards: [0, 1], segments: [0, 1], taxonomy: true, dropped: [] })
  })
})

describe('diffPractices', () => {
  it('sorts incoming practices into added, updated and unchanged, and finds the removed', () => {
    const before = new Map([['a', '2024-01-01'], ['b', '2024-01-01'], ['c', '2024-01-01']])
    const diff = diffPractices(before, [{ id: 'a', updatedAt: '2024-01-01' }, { id: 'b', updatedAt: '2024-02-02' }, { id: 'd', updatedAt: '2024-01-01' }])
    expect(diff).toEqual({ added: ['d'], updated: ['b'], unchanged: ['a'], removed: ['c'] })
  })
})

describe('error classification', () => {
  it('tells network, offline and abort apart', () => {
    expect(classifyFetchError(new TypeError('Failed to fetch'), 'u', true)).toMatchObject({ code: 'network', detail: { url: 'u' } })
    expect(classifyFetchError(new TypeError('Failed to fetch'), 'u', false)).toMatchObject({ code: 'offline' })
    expect(classifyFetchError(new DOMException('x', 'AbortError'), 'u', true)).toMatchObject({ code: 'aborted' })
  })
  it('finds a quota error wrapped by Dexie', () => {
    const wrapped = { name: 'AbortError', message: 'aborted', inner: new DOMException('full', 'QuotaExceededError') }
    expect(isQuotaError(wrapped)).toBe(true)
    expect(classifyStorageError(wrapped)).toMatchObject({ code: 'quota' })
    expect(classifyStorageError(new Error('disk'))).toMatchObject({ code: 'storage' })
  })
})

describe('sha256Hex', () => {
  it('matches the known digest of "abc"', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})
