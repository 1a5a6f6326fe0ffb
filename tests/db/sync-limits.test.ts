import { describe, expect, it } from 'vitest'
import { FEED_LIMITS } from '../../src/sync/manifest'
import type { SyncOutcome } from '../../src/sync'
import { setup } from './harness'

function expectFailed(outcome: SyncOutcome): Extract<SyncOutcome, { status: 'failed' }> {
  if (outcome.status !== 'failed')
    throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`)
  return outcome
}

const CHUNK = 64 * 1024

/** A body that never ends, counting what the reader pulled: a hostile server, or a broken proxy. */
function endless(): { response: Response, pulled: () => number } {
  let pulled = 0
  const chunk = new Uint8Array(CHUNK).fill(0x20)
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += CHUNK
      controller.enqueue(chunk.slice())
    },
  })
  return { response: new Response(body, { status: 200 }), pulled: () => pulled }
}

function manifestOf(h: ReturnType<typeof setup>): Record<string, unknown> & { shards: Array<Record<string, unknown>> } {
  return JSON.parse(h.feed().files.get('feed/manifest.json') as string)
}

describe('size limits', () => {
  it('abandons a shard as soon as it passes the bytes its manifest lists', async () => {
    const h = setup({ count: 20, shardCount: 2 })
    const shard = h.feed().manifest.shards[0]!
    let stream: ReturnType<typeof endless> | undefined
    h.server.setFault((path) => {
      if (path !== `feed/${shard.url}`)
        return undefined
      stream = endless()
      return stream.response
    })
    const failed = expectFailed(await h.sync())
    expect(failed.error.code).toBe('checksum')
    expect(stream!.pulled()).toBeLessThanOrEqual(shard.bytes + 2 * CHUNK)
    expect(await h.db.practices.count()).toBe(0)
  })

  it('abandons a manifest as soon as it passes the manifest cap', async () => {
    const h = setup({ count: 10, shardCount: 1 })
    let stream: ReturnType<typeof endless> | undefined
    h.server.setFault((path) => {
      stream = endless()
      return path === 'feed/manifest.json' ? stream.response : undefined
    })
    expect(expectFailed(await h.sync()).error.code).toBe('bad_manifest')
    expect(stream!.pulled()).toBeLessThanOrEqual(FEED_LIMITS.manifestBytes + 2 * CHUNK)
  })

  it('refuses a manifest listing more shards or practices than a device accepts, fetching nothing else', async () => {
    const h = setup({ count: 10, shardCount: 1 })
    const manifest = manifestOf(h)
    const shard = manifest.shards[0]!
    const many = Array.from({ length: FEED_LIMITS.shards + 1 }, (_, i) => ({ ...shard, url: `shards/${i}.json`, count: 1 }))
    h.server.override('feed/manifest.json', JSON.stringify({ ...manifest, shards: many, searchIndex: undefined, practiceCount: many.length }))
    expect(expectFailed(await h.sync()).error).toMatchObject({ code: 'bad_manifest', detail: { path: 'shards' } })

    const huge = FEED_LIMITS.practices + 1
    h.server.override('feed/manifest.json', JSON.stringify({ ...manifest, shards: [{ ...shard, count: huge }], practiceCount: huge }))
    expect(expectFailed(await h.sync()).error).toMatchObject({ code: 'bad_manifest', detail: { path: 'practiceCount' } })

    h.server.override('feed/manifest.json', JSON.stringify({ ...manifest, shards: [{ ...shard, bytes: FEED_LIMITS.fileBytes + 1 }] }))
    expect(expectFailed(await h.sync()).error).toMatchObject({ code: 'bad_manifest', detail: { path: 'bytes' } })
    expect(h.server.requests.every(r => r === 'feed/manifest.json')).toBe(true)
  })
})

describe('a bad copy in an HTTP cache', () => {
  it('fetches a file that failed its checksum again from the network (cache: reload)', async () => {
    const h = setup({ count: 20, shardCount: 2 })
    const path = `feed/${h.feed().manifest.shards[1]!.url}`
    const good = h.feed().files.get(path) as string
    const inits: Array<RequestInit | undefined> = []
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input)
      if (!url.endsWith(path))
        return h.server.fetch(input, init)
      inits.push(init)
      // A cache on the way serves its stale, altered copy unless told to go to the network.
      return new Response(init?.cache === 'reload' ? good : good.replace('Practice number', 'Practice numbeR'))
    }) as typeof globalThis.fetch
    expect((await h.sync({ fetch })).status).toBe('updated')
    expect(inits.map(i => i?.cache)).toEqual([undefined, 'reload'])
    expect(await h.db.practices.count()).toBe(20)
  })
})
